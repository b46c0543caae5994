"""The explorer: `streamlit run ui/app.py` (or `deepfake-kg app`). Presentation only: every answer comes from
the deepfake_kg package, the same code the command line uses.

The pages live in views/, not pages/: a folder named pages/ beside the entry script switches Streamlit to its
old file-based navigation, which runs a page opened by URL (/duties) without this script."""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # the dfkui helpers live beside this file
    sys.path.insert(0, str(HERE))

import streamlit as st  # noqa: E402

from dfkui import dates, state  # noqa: E402
from dfkui.html import CSS  # noqa: E402
from dfkui.i18n import _  # noqa: E402
from dfkui.resources import knowledge_graph  # noqa: E402
from deepfake_kg import api  # noqa: E402

# The icon is a file served by this server: an icon name (":material/…") makes the browser fetch it from a font
# host, which fails offline.
st.set_page_config(page_title=_("Deepfake Platform Liability KG"), page_icon=str(HERE / "static" / "icon.png"),
                   layout="wide")
notices = state.load_lang()
notices += dates.load_date()
api.use_language(state.lang())  # the package's messages (errors, verdicts) in the visitor's language

PAGES = [
    st.Page(HERE / "views" / "duties.py", title=_("Duties by platform type"), icon=":material/gavel:", default=True),
    st.Page(HERE / "views" / "compare.py", title=_("Compare"), icon=":material/compare_arrows:", url_path="compare"),
    st.Page(HERE / "views" / "guide.py", title=_("Guided assessment"), icon=":material/quiz:", url_path="guide"),
    st.Page(HERE / "views" / "assess.py", title=_("Assess a scenario"), icon=":material/balance:", url_path="assess"),
    st.Page(HERE / "views" / "browse.py", title=_("Browse"), icon=":material/account_tree:", url_path="browse"),
    st.Page(HERE / "views" / "sparql.py", title=_("SPARQL"), icon=":material/terminal:", url_path="sparql"),
    st.Page(HERE / "views" / "about.py", title=_("About"), icon=":material/info:", url_path="about"),
]
page = st.navigation(PAGES)

# The page's style as markdown: st.html sends a block of style alone to Streamlit's event container, from which it
# never reached the page (tests/test_browser_pages.py checks that the badges have their colour).
st.markdown(CSS, unsafe_allow_html=True)
with st.sidebar:
    st.radio(_("Language"), list(state.LANGUAGES), key=state.LANG_KEY, format_func=state.LANGUAGES.get, horizontal=True,
             help=_("The language of the whole explorer. Names of resources come from the graph; where it has no "
                    "Chinese name, the English one is shown, marked EN."))
    dates.date_control(_("The law on"), _("Every page answers for this day: which duties bind, which provisions are in "
                                          "force, which proposals have since been enacted. Today by default. Type a day "
                                          "(YYYY-MM-DD) and press Enter, or pick one from the calendar."),
                       _("Calendar"), _("Pick the day from a calendar"))
    st.caption(_("For study, not legal advice. The graph models one paper's account of the law "
                 "and keeps the law in force apart from what the author proposes."))
for notice in notices:
    st.warning(notice, icon=":material/link_off:")

try:
    with st.spinner(_("Loading the knowledge graph (once per server)…")):
        knowledge_graph()
except api.KGError as error:
    st.error(_("The knowledge graph could not be loaded: {error}").format(error=error))
    st.stop()

page.run()
st.divider()
st.caption(_("Deepfake Platform Liability Knowledge Graph · for study, not legal advice · data CC BY 4.0, code MIT"))
