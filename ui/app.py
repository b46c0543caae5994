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

from dfkui import state  # noqa: E402
from dfkui.html import CSS  # noqa: E402
from dfkui.resources import knowledge_graph  # noqa: E402
from deepfake_kg.errors import KGError  # noqa: E402

st.set_page_config(page_title="Deepfake Platform Liability KG", page_icon=":material/gavel:", layout="wide")

PAGES = [
    st.Page(HERE / "views" / "duties.py", title="Duties by platform type", icon=":material/gavel:", default=True),
    st.Page(HERE / "views" / "compare.py", title="Compare", icon=":material/compare_arrows:", url_path="compare"),
    st.Page(HERE / "views" / "assess.py", title="Assess a scenario", icon=":material/balance:", url_path="assess"),
    st.Page(HERE / "views" / "browse.py", title="Browse", icon=":material/account_tree:", url_path="browse"),
    st.Page(HERE / "views" / "sparql.py", title="SPARQL", icon=":material/terminal:", url_path="sparql"),
    st.Page(HERE / "views" / "about.py", title="About", icon=":material/info:", url_path="about"),
]
page = st.navigation(PAGES)

st.html(CSS)
notices = state.load_lang()
with st.sidebar:
    st.radio("Labels", list(state.LANGUAGES), key=state.LANG_KEY, format_func=state.LANGUAGES.get, horizontal=True,
             help="Names of resources in English or in Chinese (where the data has a Chinese label).")
    st.caption("For study, not legal advice. The graph models one paper's account of the law "
               "and keeps the law in force apart from what the author proposes.")
for notice in notices:
    st.warning(notice, icon=":material/link_off:")

try:
    knowledge_graph()
except KGError as error:
    st.error(f"The knowledge graph could not be loaded: {error}")
    st.stop()

page.run()
st.divider()
st.caption("Deepfake Platform Liability Knowledge Graph · for study, not legal advice · data CC BY 4.0, code MIT")
