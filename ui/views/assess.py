"""Assess a scenario: one platform, one incident, judged under today's law and under the author's proposals,
side by side, each conclusion with the facts, the axiom, the provision or proposal and the passage behind it. The form's fields come from the ontology (deepfake_kg.api.fact_schema)."""
import json
from html import escape

import streamlit as st

from dfkui import dates, html, marks, state
from dfkui.i18n import _
from dfkui.resources import knowledge_graph, read_types, type_key, types_of
from deepfake_kg.api import (NOT_ADVICE, FactSchema, InconsistentGraph, ScenarioError, assess, fact_schema,
                             scenario_from_form, scenarios)

kg = knowledge_graph()
lang = state.lang()
TYPES = types_of(kg)
UNSTATED = "—"


@st.cache_resource
def library(_kg):
    return {s.id: s for s in scenarios(kg=_kg)}


@st.cache_resource
def schema(_kg) -> FactSchema:
    return fact_schema(kg=_kg)


LIBRARY, SCHEMA = library(kg), schema(kg)
FIELDS = SCHEMA.fields


def widget_key(field: str) -> str:
    return "assess_f_" + field.replace(".", "__")


def shown(value) -> str:
    return {True: "yes", False: "no"}.get(value, str(value))


def parse(params: state.Params) -> tuple[dict, list[str]]:
    """Widget values from the URL: a library scenario (`scenario=`), then any `fact=field=value` on top."""
    notices, facts, types = [], {}, []
    slug = (params.get("scenario") or [""])[-1]
    if slug and slug not in LIBRARY:
        notices.append(f"There is no library scenario {slug!r}; starting from a blank form.")
        slug = ""
    if slug:
        facts = {k: shown(v) for k, v in LIBRARY[slug].facts.items()}
        types = [type_key(t) for t in LIBRARY[slug].platform_types]
    if params.get("types"):
        types, unknown = read_types(kg, state.split_list(params["types"]))
        notices += unknown
    for item in params.get("fact", []):
        field, _, value = item.partition("=")
        if field in FIELDS:
            facts[field] = value
        else:
            notices.append(f"Unknown fact {field!r} in the link: left out.")
    values = {"assess_types": types, "assess_start": slug or None}
    for field in FIELDS:
        kind = SCHEMA.kind(field)
        raw = str(facts.get(field, UNSTATED if kind != "count" else "0"))
        if kind == "count":
            values[widget_key(field)] = int(raw) if str(raw).isdigit() else 0
        else:
            values[widget_key(field)] = raw if raw in options(field) else UNSTATED
    return values, notices


def options(field: str) -> list[str]:
    kind = SCHEMA.kind(field)
    if kind == "yes/no":
        return [UNSTATED, "yes", "no"]
    return [UNSTATED, *sorted({str(f.value) for f in SCHEMA.classes if f.field == field})]


PAGE = state.PageState("assess", ("scenario", "types", "fact"), ("assess_types",), parse)


def start_from() -> None:
    slug = st.session_state.assess_start
    values, _ = parse({"scenario": [slug]} if slug else {})
    for key, value in values.items():
        st.session_state[key] = value


def form_facts() -> dict:
    """The form as a scenario mapping (nested by the fields' dotted names), unstated fields left out."""
    form: dict = {"platform": [str(TYPES[t].iri) for t in st.session_state.assess_types]}
    for field in FIELDS:
        value = st.session_state[widget_key(field)]
        kind = SCHEMA.kind(field)
        if kind == "count":
            if not value:
                continue
            value = int(value)
        elif value == UNSTATED:
            continue
        elif kind == "yes/no":
            value = value == "yes"
        node = form
        *parents, leaf = field.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = value
    return form


st.title("Assess a scenario")
st.page_link("views/guide.py", label=_("Prefer one question at a time? The guided assessment asks them in plain words."),
             icon=":material/quiz:")
st.caption("One platform, one incident: which elements of today's offences are met, and how the author's "
           "proposals would judge the same facts. " + NOT_ADVICE)
for notice in PAGE.load():
    st.warning(notice, icon=":material/link_off:")

st.selectbox("Start from the paper's examples", [None, *LIBRARY], key="assess_start", on_change=start_from,
             format_func=lambda s: "a blank form" if s is None else LIBRARY[s].title)
if st.session_state.assess_start:
    st.caption(LIBRARY[st.session_state.assess_start].description)

st.multiselect("Platform types", list(TYPES), key="assess_types", placeholder="choose at least one",
               format_func=lambda t: TYPES[t].label_zh if lang == "zh" and TYPES[t].label_zh else TYPES[t].label)
groups: dict[str, list[str]] = {}
for field in FIELDS:
    groups.setdefault(field.split(".")[0] if "." in field else "other facts", []).append(field)
with st.expander("Facts of the incident", expanded=True):
    columns = st.columns(3)
    for i, (group, fields) in enumerate(sorted(groups.items())):
        with columns[i % 3]:
            st.markdown(f"**{group.replace('_', ' ')}**")
            for field in fields:
                name = field.split(".")[-1].replace("_", " ")
                if SCHEMA.kind(field) == "count":
                    st.number_input(name, min_value=0, step=1, key=widget_key(field))
                else:
                    st.selectbox(name, options(field), key=widget_key(field))

facts = form_facts()
slug = st.session_state.assess_start
# The URL names the library scenario and only the facts that differ from it, so a link stays short.
base = {k: shown(v) for k, v in LIBRARY[slug].facts.items()} if slug else {}
current = {f: str(st.session_state[widget_key(f)]) for f in FIELDS}
unstated = {f: "0" if SCHEMA.kind(f) == "count" else UNSTATED for f in FIELDS}
changed = [f"{f}={v}" for f, v in current.items() if v != base.get(f, unstated[f])]
PAGE.save({"scenario": [slug] if slug else [], "types": [",".join(st.session_state.assess_types)],
           "fact": changed})

if not st.session_state.assess_types:
    st.info("Choose at least one platform type, or start from one of the paper's examples.")
    st.stop()
try:
    scenario = scenario_from_form({**facts, "id": slug or "custom", "title": LIBRARY[slug].title if slug else "Your scenario"}, kg=kg)
    result = assess(scenario, as_of=dates.as_of(), kg=kg)
except (ScenarioError, InconsistentGraph) as error:
    st.error(str(error), icon=":material/block:")
    st.stop()

if result.differs:
    st.markdown('<span class="dfk-badge proposed">The two frameworks come out differently</span>', unsafe_allow_html=True)
left, right = st.columns(2)
for column, heading, status, verdict, conclusions in (
    (left, "Under today's law", "in force", result.verdicts["today"], result.today),
    (right, "Under the author's proposals", "proposed", result.verdicts["proposed"], result.proposed),
):
    with column:
        st.subheader(heading)
        # The statement begins with its status ("not established: …"): shown once, as mark, word and colour.
        rest = verdict.statement.removeprefix(f"{verdict.status}: ")
        st.markdown(f'{html.badge(status, lang)} <span data-testid="verdict-{status.replace(" ", "-")}">'
                    f'{marks.status_html(verdict.status)}: <b>{escape(rest)}</b></span>', unsafe_allow_html=True)
        for c in conclusions:
            with st.expander(f"{marks.holds_label(c.holds)} · {c.topic} · {c.statement}"):
                st.markdown(f"**How:** {c.method} — `{c.rule}`")
                if c.facts:
                    st.markdown("**Facts used:** " + "; ".join(c.facts))
                if c.missing:
                    st.markdown("**Missing:** " + "; ".join(c.missing))
                if c.basis.iri:
                    st.markdown("**Basis:** " + html.link(c.basis.iri, c.basis.label, lang), unsafe_allow_html=True)
                if c.passage.quote:
                    st.markdown(f'<div class="dfk-quote">“{escape(c.passage.quote)}”</div>'
                                f'<div class="dfk-muted">The paper, section {escape(c.passage.section)}.</div>',
                                unsafe_allow_html=True)
st.download_button("Download the assessment (JSON)", json.dumps(result.to_dict(), ensure_ascii=False, indent=2),
                   file_name=f"assessment-{result.scenario}.json", mime="application/json")
st.caption("Each verdict is established, not established (naming the missing element) or undetermined (naming the "
           "questions left unanswered): an unanswered question is unknown, never “no”. The conclusions follow from the "
           "facts by the ontology's class definitions (OWL-RL); the verdict rules are data in ontology/assessment.ttl.")
