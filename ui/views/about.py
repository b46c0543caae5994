"""About: what the graph holds, its version and licences, how to cite it, and the whole graph for download."""
import pandas as pd
import streamlit as st

from dfkui import html, state
from dfkui.i18n import _
from dfkui.resources import exported, knowledge_graph
from deepfake_kg.api import LICENCES, __version__, citation, counts, formats

kg = knowledge_graph()
FORMATS = {f.name: f for f in formats()}
FORMAT_NAMES = {name: f.display for name, f in FORMATS.items()}
SUFFIXES = {name: f.suffix for name, f in FORMATS.items()}
MIME = {name: f.media_type for name, f in FORMATS.items()}

state.save_lang_only()  # this page has no state of its own

st.title(_("About this knowledge graph"))
st.markdown(_(
    "A legal knowledge graph of **platform criminal liability in deepfake governance**, modelled from Xuanting Liu, "
    "*Normative construction of platform criminal liability in the governance of deepfake technology*. "
    "Every duty is either **law in force** (lex lata, with its provision) or **proposed by the author** (lex ferenda, "
    "with the proposal of the paper); every assertion taken from the paper points to the verbatim passage it comes from. "
    "Duties are attached to classes of platform, and OWL-RL reasoning derives which platforms receive them."))
st.info(_("For study, not legal advice. The graph records one paper's account of the law, checked against primary "
          "sources where noted; it is no substitute for the law itself or for advice on a particular case."),
        icon=":material/school:")

left, right = st.columns(2, gap="large")
with left:
    st.subheader(_("What the graph holds"))
    st.table(pd.DataFrame([(_(what), n) for what, n in counts(kg=kg)], columns=[_("what"), _("count")]).set_index(_("what")))
with right:
    cite = citation(kg=kg)
    st.subheader(_("Version"))
    manifest = kg.manifest
    st.markdown("- " + _("Ontology version **{version}** (`{iri}`)").format(version=cite.version, iri=cite.version_iri) + "\n"
                "- " + _("Package `deepfake_kg` **{version}**").format(version=__version__) + "\n"
                "- " + _("Reasoning: OWL 2 RL with {engine}, {seconds} s at build time; build inputs `{inputs}`").format(
                    engine=manifest.get("engine", "owlrl"), seconds=manifest.get("reasoning_seconds", "?"),
                    inputs=str(manifest.get("inputs", ""))[:12]))
    st.subheader(_("Licence"))
    st.markdown("\n".join(f"- {_(what).capitalize()}: [{name}]({url})" for what, (name, url) in LICENCES.items()))
    st.subheader(_("How to cite"))
    st.markdown(html.quote(cite.text, "en"), unsafe_allow_html=True)
    # BibTeX wraps: a long title or URL must not push the page sideways on a phone.
    st.code(cite.bibtex, language="bibtex", wrap_lines=True)
    st.caption(_("Cite the paper itself for its arguments: Xuanting Liu, “Normative construction of platform criminal "
                 "liability in the governance of deepfake technology”."))

st.subheader(_("Download the whole graph"))
st.caption(_("Asserted: the triples written in ontology/ and data/. With inferences: plus what OWL-RL derives. "
             "TriG and N-Quads always hold both, as two named graphs."))
for fmt in FORMATS:
    cells = st.columns([2, 2, 2, 4])
    cells[0].markdown(f"**{FORMAT_NAMES.get(fmt, fmt)}**")
    if fmt in ("trig", "nq"):
        cells[1].download_button(_("Both named graphs"), lambda fmt=fmt: exported(kg, fmt, True), f"deepfake-kg{SUFFIXES[fmt]}",
                                 MIME[fmt], key=f"download_{fmt}", on_click="ignore")
        continue
    cells[1].download_button(_("Asserted"), lambda fmt=fmt: exported(kg, fmt, False), f"deepfake-kg{SUFFIXES[fmt]}",
                             MIME[fmt], key=f"download_{fmt}", on_click="ignore")
    cells[2].download_button(_("With inferences"), lambda fmt=fmt: exported(kg, fmt, True),
                             f"deepfake-kg-inferred{SUFFIXES[fmt]}", MIME[fmt], key=f"download_{fmt}_inferred",
                             on_click="ignore")
