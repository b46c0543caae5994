"""Browse: instruments → provisions, actors and platform types as a tree, duties, offences, cases, references,
proposals; and a page for any resource with all its statements (inferred ones marked) and its neighbourhood."""
from html import escape

import streamlit as st
from rdflib import URIRef

from dfkui import html, state
from dfkui.i18n import N_, _, sort_key
from dfkui.graph import neighbourhood_dot
from dfkui.resources import knowledge_graph
from deepfake_kg.browse import class_tree, describe, instrument_tree, members, neighbourhood, resolve_entity, short_name
from deepfake_kg.namespaces import DFK, RDF
from deepfake_kg.resolve import label

kg = knowledge_graph()
g = kg.closure
lang, glang = state.lang(), state.graph_lang()

SECTIONS = {
    "instruments": N_("Instruments → provisions"),
    "actors": N_("Actors and platform types"),
    "duties": N_("Duties"),
    "offences": N_("Offences and sanctions"),
    "knowledge": N_("Knowledge standards"),
    "cases": N_("Cases and incidents"),
    "references": N_("References"),
    "proposals": N_("Dilemmas and proposals"),
}


@st.cache_resource
def resource_index(_kg, page_lang: str) -> dict[str, str]:
    """Every named resource the data describes, short name → name (marked where not in the page's language),
    for the 'open a resource' box, in the page language's order."""
    names = {}
    for s in set(_kg.asserted.subjects(RDF.type, None)):
        if isinstance(s, URIRef):
            names[short_name(s)] = html.shown_name(*html.label_of(s))
    return dict(sorted(names.items(), key=lambda item: sort_key(item[1])))


INDEX = resource_index(kg, lang)
SECTION_NAMES = {key: _(name) for key, name in SECTIONS.items()}


def parse(params: state.Params) -> tuple[dict, list[str]]:
    notices = []
    section = (params.get("section") or ["instruments"])[-1]
    if section not in SECTIONS:
        notices.append(_("There is no section {section!r}: showing instruments ({choices}).").format(
            section=section, choices=", ".join(SECTIONS)))
        section = "instruments"
    entity = None
    for text in params.get("entity", [])[-1:]:
        iri = resolve_entity(text, kg)
        if iri is None:
            notices.append(_("The graph holds no resource {text!r}: give an IRI or a name such as "
                             "dfk:VideoSharingPlatform or id:duty/csl-47-stop-transmission.").format(text=text))
        else:
            entity = short_name(iri)
    return {"browse_section": section, "browse_entity": entity}, notices


PAGE = state.PageState("browse", ("section", "entity"), ("browse_section", "browse_entity"), parse)


def open_typed() -> None:
    text = st.session_state.browse_iri.strip()
    iri = resolve_entity(text, kg) if text else None
    if iri is None:
        st.session_state.browse_problem = _("The graph holds no resource {text!r}.").format(text=text) if text else ""
        return
    st.session_state.browse_entity = short_name(iri)
    st.session_state.browse_iri = ""
    st.session_state.browse_problem = ""

st.title(_("Browse the graph"))
for notice in PAGE.load():
    st.warning(notice, icon=":material/link_off:")

options = list(INDEX)
if st.session_state.browse_entity and st.session_state.browse_entity not in INDEX:
    options.insert(0, st.session_state.browse_entity)  # in the graph, but only named by the data (a property, an ELI IRI)
top = st.columns([3, 2, 1])
top[0].radio(_("Section"), list(SECTIONS), key="browse_section", format_func=SECTION_NAMES.get, horizontal=True)
top[1].selectbox(_("Open a resource"), options, key="browse_entity", placeholder=_("type to search by name"),
                 format_func=lambda name: f"{INDEX.get(name, name)} — {name}")
top[2].text_input(_("…or an IRI"), key="browse_iri", on_change=open_typed, placeholder="dfk:hasDuty",
                  help=_("Any IRI of the graph, or a short name such as dfk:hasDuty or "
                         "id:provision/cn-cybersecurity-law/2016/art-47."))
if st.session_state.get("browse_problem"):
    st.warning(st.session_state.browse_problem)
section, entity = st.session_state.browse_section, st.session_state.browse_entity
PAGE.save({"section": [section] if section != "instruments" else [], "entity": [entity] if entity else []})


def show_members(title: str, cls) -> None:
    found = members(kg, cls, glang)
    st.markdown(f"**{_(title)}** ({len(found)})")
    if found:
        st.markdown(html.tree(found, lang), unsafe_allow_html=True)
    else:
        st.caption(_("None in the graph yet."))


left, right = st.columns([2, 3], gap="large")
with left:
    st.subheader(_(SECTIONS[section]))
    if section == "instruments":
        st.markdown(html.tree(instrument_tree(kg, glang), lang), unsafe_allow_html=True)
    elif section == "actors":
        st.caption(_("Classes by rdfs:subClassOf as written; grey notes give a platform type's dimension. "
                     "Individuals are listed under their class."))
        st.markdown(html.tree([class_tree(kg, DFK.Actor, glang)], lang), unsafe_allow_html=True)
    elif section == "duties":
        show_members(N_("In force"), DFK.DutyInForce)
        show_members(N_("Proposed by the author"), DFK.ProposedDuty)
    elif section == "offences":
        show_members(N_("Offences"), DFK.Offence)
        show_members(N_("Sanctions"), DFK.Sanction)
    elif section == "knowledge":
        show_members(N_("Knowledge standards"), DFK.KnowledgeStandard)
    elif section == "cases":
        show_members(N_("Cases and incidents"), DFK.Case)
        show_members(N_("Statistics"), DFK.Statistic)
    elif section == "references":
        show_members(N_("References"), DFK.Reference)
    elif section == "proposals":
        show_members(N_("Dilemmas (section 3)"), DFK.Dilemma)
        show_members(N_("Proposals (section 4)"), DFK.Proposal)


def value_cell(statement) -> str:
    if statement.kind == "iri":
        in_page_language = html.label_of(statement.other)[1] == lang
        return html.link(statement.other, statement.other_label, lang, text_lang=None if in_page_language else "en")
    if statement.kind == "bnode":
        return f'<span class="dfk-muted" lang="en">{escape(statement.other_label)}</span>'
    tag = f' <span class="dfk-muted">@{escape(statement.lang)}</span>' if statement.lang else ""
    # An untagged literal (a number, a code) is in no language: "und", so that no reader takes it for theirs.
    return f'<span lang="{escape(statement.lang or "und")}">{escape(statement.other_label)}</span>' + tag


def statement_rows(statements, show_inferred: bool):
    rows, classes = [], []
    for s in statements:
        if s.inferred and not show_inferred:
            continue
        rows.append([html.name_html(*html.label_of(s.predicate.iri)), value_cell(s), html.inferred_badge() if s.inferred else escape(_("asserted"))])
        classes.append("inferred" if s.inferred else "")
    return rows, classes


with right:
    if not entity:
        st.info(_("Choose a resource on the left or in “Open a resource” to see everything the graph says about it."))
        st.stop()
    info = describe(kg, URIRef(resolve_entity(entity, kg)), glang)
    st.subheader(html.shown_name(*html.label_of(info.iri)))
    st.markdown(f"`{escape(info.iri)}`")
    names = [f'<b>en</b> <span lang="en">{escape(info.label_en)}</span>']
    names += [f'<b>zh</b> <span lang="zh">{escape(info.label_zh)}</span>'] if info.label_zh else []
    st.markdown(" · ".join(names), unsafe_allow_html=True)
    if info.types:
        st.markdown(escape(_("Type:")) + " " + ", ".join(html.link(t.iri, lang=lang) for t in info.types), unsafe_allow_html=True)
    show_inferred = st.toggle(_("Show inferred statements"), value=True, key="browse_inferred",
                              help=_("Statements derived by OWL-RL reasoning are marked “inferred”; the others are "
                                     "written in the data."))
    rows, classes = statement_rows(info.outgoing, show_inferred)
    inferred_count = sum(s.inferred for s in info.outgoing)
    st.markdown("**" + _("Statements") + "** — " + _("{asserted} asserted, {inferred} inferred").format(
        asserted=len(info.outgoing) - inferred_count, inferred=inferred_count))
    st.markdown(html.table([_("Property"), _("Value"), ""], rows, classes, "dfk-statements"), unsafe_allow_html=True)
    if info.incoming:
        rows, classes = statement_rows(info.incoming, show_inferred)
        shown = "" if info.incoming_total == len(info.incoming) else " " + _("(first {shown} of {total})").format(
            shown=len(info.incoming), total=info.incoming_total)
        st.markdown("**" + _("Referred to by") + f"**{shown}")
        st.markdown(html.table([_("Property"), _("From"), ""], rows, classes, "dfk-statements"), unsafe_allow_html=True)
    edges = neighbourhood(kg, URIRef(info.iri), glang)
    st.markdown("**" + _("Neighbourhood") + "** — " + _("dashed blue links are inferred; click a box to open it."))
    if edges:
        st.graphviz_chart(neighbourhood_dot(info.iri, edges, lang), width="stretch")
    else:
        st.caption(_("No links to other named resources."))
