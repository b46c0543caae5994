"""Browse: search the graph's names, the paper's passages and the provisions' texts, with facets; instruments →
provisions, actors and platform types as trees, duties, offences, cases, references, proposals; and a page for
any resource — the provision's text, one row per property, inferred statements marked — and its neighbourhood.
With a resource open, it comes first (on a phone the columns stack: the resource, then the lists)."""
from html import escape

import streamlit as st
from rdflib import URIRef

from dfkui import html, search_results, state
from dfkui.i18n import N_, _, sort_key
from dfkui.graph import neighbourhood_dot
from dfkui.resources import knowledge_graph
from deepfake_kg.api import (DFK, FACETS, class_tree, describe, described_resources, entity as statements_about,
                             instrument_tree, members, neighbourhood, property_rows, provision_parts, provision_text,
                             reader_types, resolve_entity, short_name)

kg = knowledge_graph()
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
    for s in described_resources(kg=_kg):
        names[short_name(s)] = html.shown_name(*html.label_of(s))
    return dict(sorted(names.items(), key=lambda item: sort_key(item[1])))


INDEX = resource_index(kg, lang)
SECTION_NAMES = {key: _(name) for key, name in SECTIONS.items()}
FACET_PARAMS = {"instrument": "instrument", "section": "paper_section", "status": "status", "jurisdiction": "jurisdiction"}
STATUS_URL = {"in force": "in-force", "proposed": "proposed"}


def parse(params: state.Params) -> tuple[dict, list[str]]:
    notices = []
    section = (params.get("section") or ["instruments"])[-1]
    if section not in SECTIONS:
        notices.append(_("There is no section {section!r}: showing instruments ({choices}).").format(
            section=section, choices=", ".join(SECTIONS)))
        section = "instruments"
    entity = None
    for text in params.get("entity", [])[-1:]:
        iri = resolve_entity(text, kg=kg)
        if iri is None:
            notices.append(_("The graph holds no resource {text!r}: give an IRI or a name such as "
                             "dfk:VideoSharingPlatform or id:duty/csl-47-stop-transmission.").format(text=text))
        else:
            entity = short_name(iri)
    values = {"browse_section": section, "browse_entity": entity, "browse_q": (params.get("q") or [""])[-1],
              "browse_inferred": (params.get("inferred") or ["1"])[-1] != "0",
              "browse_notes": (params.get("notes") or ["0"])[-1] == "1"}
    for name, param in FACET_PARAMS.items():
        wanted = state.split_list(params.get(param, []))
        if name == "status":
            wanted = [k for k, v in STATUS_URL.items() if v in wanted]
        elif name in ("instrument", "jurisdiction"):
            wanted = [str(resolve_entity(w, kg=kg) or w) for w in wanted]
        values[f"browse_facet_{name}"] = wanted
    return values, notices


PAGE = state.PageState("browse", ("section", "entity", "q", "inferred", "notes", *FACET_PARAMS.values()),
                       ("browse_section", "browse_entity", "browse_q"), parse)


def open_typed() -> None:
    text = st.session_state.browse_iri.strip()
    iri = resolve_entity(text, kg=kg) if text else None
    if iri is None:
        st.session_state.browse_problem = _("The graph holds no resource {text!r}.").format(text=text) if text else ""
        return
    st.session_state.browse_entity = short_name(iri)
    st.session_state.browse_iri = ""
    st.session_state.browse_problem = ""


st.title(_("Browse the graph"))
for notice in PAGE.load():
    st.warning(notice, icon=":material/link_off:")
for name in FACETS:
    st.session_state.setdefault(f"browse_facet_{name}", [])

st.text_input(_("Search"), key="browse_q", icon=":material/search:",
              placeholder=_("words or characters of a name, a passage of the paper or a provision's text"),
              help=_("Full text over every name (English and Chinese), the paper's quoted passages and the "
                     "provisions' texts; three characters or more use the index, fewer are looked up one by one."))
options = list(INDEX)
if st.session_state.browse_entity and st.session_state.browse_entity not in INDEX:
    options.insert(0, st.session_state.browse_entity)  # in the graph, but only named by the data (a property, an ELI IRI)
OPTION_NAMES = {name: f"{INDEX.get(name, name)} — {name}" for name in options}
top = st.columns([3, 2])
top[0].selectbox(_("Open a resource"), options, key="browse_entity", placeholder=_("type to search by name"),
                 format_func=OPTION_NAMES.get)
top[1].text_input(_("…or an IRI"), key="browse_iri", on_change=open_typed, placeholder="dfk:hasDuty",
                  help=_("Any IRI of the graph, or a short name such as dfk:hasDuty or "
                         "id:provision/cn-cybersecurity-law/2016/art-47."))
if st.session_state.get("browse_problem"):
    st.warning(st.session_state.browse_problem)
section, entity, query = st.session_state.browse_section, st.session_state.browse_entity, st.session_state.browse_q.strip()
filters = {name: set(st.session_state[f"browse_facet_{name}"]) for name in FACETS}


def facet_url_value(name: str, value: str) -> str:
    if name == "status":
        return STATUS_URL.get(value, value)
    return short_name(value) if name in ("instrument", "jurisdiction") else value


if query:
    search_results.show(kg, query, filters, lang)
    st.divider()

PAGE.save({"section": [section] if section != "instruments" else [], "entity": [entity] if entity else [],
           "q": [query] if query else [],
           **{FACET_PARAMS[name]: [",".join(facet_url_value(name, v) for v in st.session_state[f"browse_facet_{name}"])]
              for name in FACETS if query},
           "inferred": [] if st.session_state.get("browse_inferred", True) else ["0"],
           "notes": ["1"] if st.session_state.get("browse_notes", False) else []})


def show_members(title: str, cls) -> None:
    found = members(cls, glang, kg=kg)
    st.markdown(f"**{_(title)}** ({len(found)})")
    if found:
        st.markdown(html.tree(found, lang), unsafe_allow_html=True)
    else:
        st.caption(_("None in the graph yet."))


def value_html(statement) -> str:
    if statement.kind == "iri":
        in_page_language = html.label_of(statement.other)[1] == lang
        return html.link(statement.other, statement.other_label, lang, text_lang=None if in_page_language else "en")
    if statement.kind == "bnode":
        return f'<span class="dfk-muted" lang="en">{escape(statement.other_label)}</span>'
    tag = f' <span class="dfk-muted" lang="und">@{escape(statement.lang)}</span>' if statement.lang else ""
    # An untagged literal (a number, a code) is in no language: "und", so that no reader takes it for theirs.
    return f'<span lang="{escape(statement.lang or "und")}">{html.text_html(statement.other_label, statement.lang)}</span>' + tag


def property_table(statements, show_inferred: bool, show_notes: bool, second_title: str) -> str:
    rows, classes = [], []
    for row in property_rows([s for s in statements if show_inferred or not s.inferred], kg=kg):
        if row.internal and not show_notes:
            continue
        name = html.name_html(*html.label_of(row.predicate.iri))
        if row.aligned:  # folded: the project's term stands for the aligned vocabularies' ones
            also = ", ".join(short_name(a.iri) for a in row.aligned)
            name += "<br>" + html.muted(_("also")) + f' <span class="dfk-muted" lang="und">{escape(also)}</span>'
        values = "<br>".join(value_html(v) + (" " + html.inferred_badge() if v.inferred else "") for v in row.values)
        rows.append([name, values])
        classes.append("inferred" if row.inferred else "")
    return html.table([_("Property"), second_title], rows, classes, "dfk-statements")


def show_wording(iri: URIRef) -> None:
    """The provision's text; where the graph holds it only for its parts (an article's paragraphs), theirs."""
    parts = [iri] + sorted(provision_parts(iri, kg=kg), key=lambda p: sort_key(html.label_of(p)[0]))
    for part in parts:
        text = provision_text(part, kg=kg)
        if not (text.official or text.translation):
            continue
        if part != iri:
            st.markdown("**" + html.link(part, lang=lang) + "**", unsafe_allow_html=True)
        if text.official:
            st.markdown(html.quote(text.official, text.official_lang) + html.muted(_("Official text."), "p"),
                        unsafe_allow_html=True)
        if text.translation:
            st.markdown(html.quote(text.translation, "en") + html.muted(_("Unofficial English translation."), "p"),
                        unsafe_allow_html=True)


def show_resource() -> None:
    info = statements_about(resolve_entity(entity, kg=kg), glang, kg=kg)
    st.subheader(html.shown_name(*html.label_of(info.iri)))
    st.markdown(f"`{escape(info.iri)}`")
    names = [f'<b>en</b> <span lang="en">{escape(info.label_en)}</span>']
    names += [f'<b>zh</b> <span lang="zh">{escape(info.label_zh)}</span>'] if info.label_zh else []
    st.markdown(" · ".join(names), unsafe_allow_html=True)
    types = reader_types(info, kg=kg)
    if types:
        st.markdown(escape(_("Type:")) + " " + ", ".join(html.link(t.iri, lang=lang) for t in types), unsafe_allow_html=True)
    show_wording(URIRef(info.iri))
    toggles = st.columns(2)
    show_inferred = toggles[0].toggle(_("Show inferred statements"), key="browse_inferred",
                                      help=_("Statements derived by OWL-RL reasoning are marked “inferred”; the others "
                                             "are written in the data."))
    show_notes = toggles[1].toggle(_("Show research notes"), key="browse_notes",
                                   help=_("Where a fact was checked and how sure the project is: notes for the people "
                                          "who keep the data."))
    inferred_count = sum(s.inferred for s in info.outgoing)
    st.markdown("**" + _("Statements") + "** — " + _("{asserted} asserted, {inferred} inferred").format(
        asserted=len(info.outgoing) - inferred_count, inferred=inferred_count))
    st.markdown(property_table(info.outgoing, show_inferred, show_notes, _("Value")), unsafe_allow_html=True)
    if info.incoming:
        shown = "" if info.incoming_total == len(info.incoming) else " " + _("(first {shown} of {total})").format(
            shown=len(info.incoming), total=info.incoming_total)
        st.markdown("**" + _("Referred to by") + f"**{shown}")
        st.markdown(property_table(info.incoming, show_inferred, show_notes, _("From")), unsafe_allow_html=True)
    downloads = st.container(horizontal=True)  # the concise bounded description, as `deepfake-kg describe` gives it
    stem = short_name(info.iri).replace(":", "-").replace("/", "-")
    downloads.download_button(_("Download its description (Turtle)"), lambda: describe(info.iri, "ttl", show_inferred, kg=kg),
                              f"{stem}.ttl", "text/turtle", on_click="ignore")
    downloads.download_button(_("Download its description (JSON-LD)"),
                              lambda: describe(info.iri, "jsonld", show_inferred, kg=kg), f"{stem}.jsonld",
                              "application/ld+json", on_click="ignore")
    edges = neighbourhood(info.iri, glang, kg=kg)
    st.markdown("**" + _("Neighbourhood") + "** — " + _("dashed blue links are inferred; click a box to open it."))
    if edges:
        st.graphviz_chart(neighbourhood_dot(info.iri, edges, lang), width="stretch")
    else:
        st.caption(_("No links to other named resources."))


def show_section() -> None:
    st.radio(_("Section"), list(SECTIONS), key="browse_section", format_func=SECTION_NAMES.get, horizontal=True)
    st.subheader(SECTION_NAMES[st.session_state.browse_section])
    current = st.session_state.browse_section
    if current == "instruments":
        st.markdown(html.tree(instrument_tree(glang, kg=kg), lang), unsafe_allow_html=True)
    elif current == "actors":
        st.caption(_("Classes by rdfs:subClassOf as written; grey notes give a platform type's dimension. "
                     "Individuals are listed under their class."))
        st.markdown(html.tree([class_tree(DFK.Actor, glang, kg=kg)], lang), unsafe_allow_html=True)
    elif current == "duties":
        show_members(N_("In force"), DFK.DutyInForce)
        show_members(N_("Proposed by the author"), DFK.ProposedDuty)
    elif current == "offences":
        show_members(N_("Offences"), DFK.Offence)
        show_members(N_("Sanctions"), DFK.Sanction)
    elif current == "knowledge":
        show_members(N_("Knowledge standards"), DFK.KnowledgeStandard)
    elif current == "cases":
        show_members(N_("Cases and incidents"), DFK.Case)
        show_members(N_("Statistics"), DFK.Statistic)
    elif current == "references":
        show_members(N_("References"), DFK.Reference)
    elif current == "proposals":
        show_members(N_("Dilemmas (section 3)"), DFK.Dilemma)
        show_members(N_("Proposals (section 4)"), DFK.Proposal)


if entity:  # the resource first: on a phone the second column comes below it
    main, side = st.columns([3, 2], gap="large")
    with main:
        show_resource()
    with side:
        show_section()
else:
    show_section()
    st.info(_("Choose a resource in a list, in “Open a resource” or among the search results to see everything the "
              "graph says about it."))
