"""Browse: instruments → provisions, actors and platform types as a tree, duties, offences, cases, references,
proposals; and a page for any resource with all its statements (inferred ones marked) and its neighbourhood."""
from html import escape

import streamlit as st
from rdflib import URIRef

from dfkui import html, state
from dfkui.graph import neighbourhood_dot
from dfkui.resources import knowledge_graph
from deepfake_kg.browse import class_tree, describe, instrument_tree, members, neighbourhood, resolve_entity, short_name
from deepfake_kg.namespaces import DFK, RDF
from deepfake_kg.resolve import label

kg = knowledge_graph()
g = kg.closure
lang, glang = state.lang(), state.graph_lang()

SECTIONS = {
    "instruments": "Instruments → provisions",
    "actors": "Actors and platform types",
    "duties": "Duties",
    "offences": "Offences and sanctions",
    "knowledge": "Knowledge standards",
    "cases": "Cases and incidents",
    "references": "References",
    "proposals": "Dilemmas and proposals",
}


@st.cache_resource
def resource_index(_kg, graph_lang: str) -> dict[str, str]:
    """Every named resource the data describes, short name → label, for the 'open a resource' box."""
    names = {}
    for s in set(_kg.asserted.subjects(RDF.type, None)):
        if isinstance(s, URIRef):
            names[short_name(s)] = label(_kg.closure, s, graph_lang)
    return dict(sorted(names.items(), key=lambda item: item[1].lower()))


INDEX = resource_index(kg, glang)


def parse(params: state.Params) -> tuple[dict, list[str]]:
    notices = []
    section = (params.get("section") or ["instruments"])[-1]
    if section not in SECTIONS:
        notices.append(f"There is no section {section!r}: showing instruments ({', '.join(SECTIONS)}).")
        section = "instruments"
    entity = None
    for text in params.get("entity", [])[-1:]:
        iri = resolve_entity(text, kg)
        if iri is None:
            notices.append(f"The graph holds no resource {text!r}: give an IRI or a name such as dfk:VideoSharingPlatform "
                           "or id:duty/csl-47-stop-transmission.")
        else:
            entity = short_name(iri)
    return {"browse_section": section, "browse_entity": entity}, notices


PAGE = state.PageState("browse", ("section", "entity"), ("browse_section", "browse_entity"), parse)


def open_typed() -> None:
    text = st.session_state.browse_iri.strip()
    iri = resolve_entity(text, kg) if text else None
    if iri is None:
        st.session_state.browse_problem = f"The graph holds no resource {text!r}." if text else ""
        return
    st.session_state.browse_entity = short_name(iri)
    st.session_state.browse_iri = ""
    st.session_state.browse_problem = ""

st.title("Browse the graph")
for notice in PAGE.load():
    st.warning(notice, icon=":material/link_off:")

options = list(INDEX)
if st.session_state.browse_entity and st.session_state.browse_entity not in INDEX:
    options.insert(0, st.session_state.browse_entity)  # in the graph, but only named by the data (a property, an ELI IRI)
top = st.columns([3, 2, 1])
top[0].radio("Section", list(SECTIONS), key="browse_section", format_func=SECTIONS.get, horizontal=True)
top[1].selectbox("Open a resource", options, key="browse_entity", placeholder="type to search by name",
                 format_func=lambda name: f"{INDEX.get(name, name)} — {name}")
top[2].text_input("…or an IRI", key="browse_iri", on_change=open_typed, placeholder="dfk:hasDuty",
                  help="Any IRI of the graph, or a short name such as dfk:hasDuty or id:provision/cn-cybersecurity-law/art-47.")
if st.session_state.get("browse_problem"):
    st.warning(st.session_state.browse_problem)
section, entity = st.session_state.browse_section, st.session_state.browse_entity
PAGE.save({"section": [section] if section != "instruments" else [], "entity": [entity] if entity else []})


def show_members(title: str, cls) -> None:
    found = members(kg, cls, glang)
    st.markdown(f"**{title}** ({len(found)})")
    if found:
        st.markdown(html.tree(found, lang), unsafe_allow_html=True)
    else:
        st.caption("None in the graph yet.")


left, right = st.columns([2, 3], gap="large")
with left:
    st.subheader(SECTIONS[section])
    if section == "instruments":
        st.markdown(html.tree(instrument_tree(kg, glang), lang), unsafe_allow_html=True)
    elif section == "actors":
        st.caption("Classes by rdfs:subClassOf as written; grey notes give a platform type's dimension. "
                   "Individuals are listed under their class.")
        st.markdown(html.tree([class_tree(kg, DFK.Actor, glang)], lang), unsafe_allow_html=True)
    elif section == "duties":
        show_members("In force", DFK.DutyInForce)
        show_members("Proposed by the author", DFK.ProposedDuty)
    elif section == "offences":
        show_members("Offences", DFK.Offence)
        show_members("Sanctions", DFK.Sanction)
    elif section == "knowledge":
        show_members("Knowledge standards", DFK.KnowledgeStandard)
    elif section == "cases":
        show_members("Cases and incidents", DFK.Case)
        show_members("Statistics", DFK.Statistic)
    elif section == "references":
        show_members("References", DFK.Reference)
    elif section == "proposals":
        show_members("Dilemmas (section 3)", DFK.Dilemma)
        show_members("Proposals (section 4)", DFK.Proposal)


def value_cell(statement) -> str:
    if statement.kind == "iri":
        return html.link(statement.other, statement.other_label, lang)
    if statement.kind == "bnode":
        return f'<span class="dfk-muted">{escape(statement.other_label)}</span>'
    tag = f' <span class="dfk-muted">@{escape(statement.lang)}</span>' if statement.lang else ""
    return escape(statement.other_label) + tag


def statement_rows(statements, show_inferred: bool):
    rows, classes = [], []
    for s in statements:
        if s.inferred and not show_inferred:
            continue
        rows.append([escape(s.predicate.label), value_cell(s), html.inferred_badge() if s.inferred else "asserted"])
        classes.append("inferred" if s.inferred else "")
    return rows, classes


with right:
    if not entity:
        st.info("Choose a resource on the left or in “Open a resource” to see everything the graph says about it.")
        st.stop()
    info = describe(kg, URIRef(resolve_entity(entity, kg)), glang)
    st.subheader(info.label)
    st.markdown(f"`{escape(info.iri)}`")
    names = [f"**en** {info.label_en}"] + ([f"**zh** {info.label_zh}"] if info.label_zh else [])
    st.markdown(" · ".join(names))
    if info.types:
        st.markdown("Type: " + ", ".join(html.link(t.iri, t.label, lang) for t in info.types), unsafe_allow_html=True)
    show_inferred = st.toggle("Show inferred statements", value=True, key="browse_inferred",
                              help="Statements derived by OWL-RL reasoning are marked “inferred”; the others are written in the data.")
    rows, classes = statement_rows(info.outgoing, show_inferred)
    inferred_count = sum(s.inferred for s in info.outgoing)
    st.markdown(f"**Statements** — {len(info.outgoing) - inferred_count} asserted, {inferred_count} inferred")
    st.markdown(html.table(["Property", "Value", ""], rows, classes, "dfk-statements"), unsafe_allow_html=True)
    if info.incoming:
        rows, classes = statement_rows(info.incoming, show_inferred)
        shown = "" if info.incoming_total == len(info.incoming) else f" (first {len(info.incoming)} of {info.incoming_total})"
        st.markdown(f"**Referred to by**{shown}")
        st.markdown(html.table(["Property", "From", ""], rows, classes, "dfk-statements"), unsafe_allow_html=True)
    edges = neighbourhood(kg, URIRef(info.iri), glang)
    st.markdown("**Neighbourhood** — dashed blue links are inferred; click a box to open it.")
    if edges:
        st.graphviz_chart(neighbourhood_dot(info.iri, edges, lang), width="stretch")
    else:
        st.caption("No links to other named resources.")
