"""Assess a scenario: one platform, one incident, judged under today's law and under the author's proposals,
side by side, each conclusion with the facts, the axiom, the provision or proposal and the passage behind it. The form's fields come from the ontology (deepfake_kg.api.fact_schema)."""
import json
from html import escape

import streamlit as st

from dfkui import dates, html, marks, state
from dfkui.guide import question_text
from dfkui.i18n import N_, _
from dfkui.resources import knowledge_graph, read_types, type_key, types_of
from deepfake_kg.api import (NOT_ADVICE, FactSchema, InconsistentGraph, ScenarioError, assess, fact_schema, questions,
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


@st.cache_resource
def questions_by_field(_kg) -> dict:
    return {q.id: q for q in questions(kg=_kg)}


LIBRARY, SCHEMA, QUESTIONS = library(kg), schema(kg), questions_by_field(kg)


def headline(verdict) -> str:
    """The verdict's sentence (an undetermined one's open questions are listed below it, in words)."""
    return html.sentence_html(verdict.sentence, links=False) if verdict.sentence else escape(verdict.statement)


def open_questions_html(verdict) -> str:
    """What would decide an undetermined verdict: each unanswered question, as the form asks it."""
    items = "".join(f"<li>{escape(question_text(QUESTIONS[f]) if f in QUESTIONS else f)}</li>" for f in verdict.unanswered)
    heading = _("What would decide it: {n} open questions").format(n=len(verdict.unanswered))
    return f'<details class="dfk-open" data-testid="open-questions"><summary><b>{escape(heading)}</b></summary><ul>{items}</ul></details>'
FIELDS = SCHEMA.fields
# The form's groups: the first part of a field's dotted name.
GROUPS = {"compliance": N_("compliance"), "consequences": N_("consequences"), "content": N_("content"),
          "executives": N_("executives"), "notice": N_("notice"), "rebuttal": N_("rebuttal"),
          "regulator": N_("regulator"), "other facts": N_("other facts")}
YES_NO = {"yes": N_("yes"), "no": N_("no")}
FRAMEWORKS = {"today": N_("Under today's law"), "proposed": N_("Under the author's proposals")}


def field_label(field: str) -> str:
    """The field's name; on a Chinese page its question, as the guided assessment asks it (marked [EN] without)."""
    name = field.split(".")[-1].replace("_", " ")
    question = QUESTIONS.get(field)
    if lang == "zh":
        return question.text_zh if question and question.text_zh else html.shown_name(name, "en")
    return name


def field_help(field: str) -> str | None:
    question = QUESTIONS.get(field)
    if question is None:
        return None
    return question.text_zh if lang == "zh" and question.text_zh else question.text_en


def value_name(field: str, value: str) -> str:
    """An answer in the page's language: yes/no through the catalogue, a choice by the question's answer labels."""
    if value in YES_NO:
        return _(YES_NO[value])
    if value == UNSTATED or lang == "en":
        return value
    question = QUESTIONS.get(field)
    answer = next((a for a in (question.answers if question else ()) if str(a.value) == value), None)
    return answer.label_zh if answer and answer.label_zh else html.shown_name(value, "en")


def scenario_title(slug) -> str:
    if slug is None:
        return _("a blank form")
    scenario = LIBRARY[slug]
    return scenario.title_zh if lang == "zh" and scenario.title_zh else html.shown_name(scenario.title, "en")


def widget_key(field: str) -> str:
    return "assess_f_" + field.replace(".", "__")


def shown(value) -> str:
    return {True: "yes", False: "no"}.get(value, str(value))


def parse(params: state.Params) -> tuple[dict, list[str]]:
    """Widget values from the URL: a library scenario (`scenario=`), then any `fact=field=value` on top."""
    notices, facts, types = [], {}, []
    slug = (params.get("scenario") or [""])[-1]
    if slug and slug not in LIBRARY:
        notices.append(_("There is no library scenario {slug!r}; starting from a blank form.").format(slug=slug))
        slug = ""
    if slug:
        facts = {k: shown(v) for k, v in LIBRARY[slug].facts.items()}
        types = [type_key(t) for t in LIBRARY[slug].platform_types]
    if params.get("types"):
        types, unknown = read_types(kg, state.split_list(params["types"]))
        notices += unknown
    for item in params.get("fact", []):
        field, _sep, value = item.partition("=")
        if field in FIELDS:
            facts[field] = value
        else:
            notices.append(_("Unknown fact {field!r} in the link: left out.").format(field=field))
    values = {"assess_types": types, "assess_start": slug or None}
    for field in FIELDS:
        kind = SCHEMA.kind(field)
        raw = str(facts.get(field, UNSTATED))
        if kind == "count":  # an empty field is a number not stated; 0 is a number stated
            values[widget_key(field)] = int(raw) if raw.isdigit() else None
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
    values, _notices = parse({"scenario": [slug]} if slug else {})
    for key, value in values.items():
        st.session_state[key] = value


def form_facts() -> dict:
    """The form as a scenario mapping (nested by the fields' dotted names), unstated fields left out."""
    form: dict = {"platform": [str(TYPES[t].iri) for t in st.session_state.assess_types]}
    for field in FIELDS:
        value = st.session_state[widget_key(field)]
        kind = SCHEMA.kind(field)
        if kind == "count":
            if value is None:  # not stated: never read as 0, which is a fact
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


st.title(_("Assess a scenario"))
st.page_link("views/guide.py", label=_("Prefer one question at a time? The guided assessment asks them in plain words."),
             icon=":material/quiz:")
st.caption(_("One platform, one incident: which elements of today's offences are met, and how the author's "
             "proposals would judge the same facts.") + " " + _(NOT_ADVICE))
for notice in PAGE.load():
    st.warning(notice, icon=":material/link_off:")

st.selectbox(_("Start from the paper's examples"), [None, *LIBRARY], key="assess_start", on_change=start_from,
             format_func=scenario_title)
if st.session_state.assess_start:  # in the page's language where the scenario has it, else marked EN
    chosen = LIBRARY[st.session_state.assess_start]
    described = (chosen.description_zh, "zh") if lang == "zh" and chosen.description_zh else (chosen.description, "en")
    st.markdown(f'<p class="dfk-muted">{html.name_html(*described)}</p>', unsafe_allow_html=True)

st.multiselect(_("Platform types"), list(TYPES), key="assess_types", placeholder=_("choose at least one"),
               format_func=lambda t: TYPES[t].label_zh if lang == "zh" and TYPES[t].label_zh else TYPES[t].label)
groups: dict[str, list[str]] = {}
for field in FIELDS:
    groups.setdefault(field.split(".")[0] if "." in field else "other facts", []).append(field)
with st.expander(_("Facts of the incident"), expanded=True):
    columns = st.columns(3)
    for i, (group, fields) in enumerate(sorted(groups.items())):
        with columns[i % 3]:
            st.markdown("**" + (_(GROUPS[group]) if group in GROUPS else html.shown_name(group.replace("_", " "), "en")) + "**")
            for field in fields:
                if SCHEMA.kind(field) == "count":
                    st.number_input(field_label(field), min_value=0, step=1, key=widget_key(field), help=field_help(field),
                                    value=None, placeholder=_("not stated"))
                else:
                    st.selectbox(field_label(field), options(field), key=widget_key(field), help=field_help(field),
                                 format_func=lambda value, field=field: value_name(field, value))

facts = form_facts()
slug = st.session_state.assess_start
# The URL names the library scenario and only the facts that differ from it, so a link stays short.
base = {k: shown(v) for k, v in LIBRARY[slug].facts.items()} if slug else {}
current = {f: "" if st.session_state[widget_key(f)] is None else str(st.session_state[widget_key(f)]) for f in FIELDS}
unstated = {f: "" if SCHEMA.kind(f) == "count" else UNSTATED for f in FIELDS}
changed = [f"{f}={v}" for f, v in current.items() if v != base.get(f, unstated[f])]
PAGE.save({"scenario": [slug] if slug else [], "types": [",".join(st.session_state.assess_types)],
           "fact": changed})

if not st.session_state.assess_types:
    st.info(_("Choose at least one platform type, or start from one of the paper's examples."))
    st.stop()
try:
    scenario = scenario_from_form({**facts, "id": slug or "custom", "title": LIBRARY[slug].title if slug else _("Your scenario")}, kg=kg)
    result = assess(scenario, as_of=dates.as_of(), kg=kg)
except (ScenarioError, InconsistentGraph) as error:
    st.error(str(error), icon=":material/block:")
    st.stop()

for question in (q for q in QUESTIONS.values() if q.moot(scenario.facts)):  # answers that do not fit together
    conditions = _(" or ").join(f"“{question_text(QUESTIONS[f])}” — {value_name(f, shown(v))}"
                                for f, v in question.asked_if if f in QUESTIONS)
    st.warning(_("“{question}” arises only when {conditions}; the other answers rule that out. Check these answers "
                 "together.").format(question=question_text(question), conditions=conditions), icon=":material/rule:")

if result.differs:
    differently = _("The two frameworks come out differently")
    st.markdown(f'<span class="dfk-badge proposed">{escape(differently)}</span>', unsafe_allow_html=True)
left, right = st.columns(2)
for column, framework, status, conclusions in (
    (left, "today", "in force", result.today),
    (right, "proposed", "proposed", result.proposed),
):
    verdict = result.verdicts[framework]
    with column:
        st.subheader(_(FRAMEWORKS[framework]))
        # The statement begins with its status ("not established: …"): shown once, as mark, word and colour.
        st.markdown(f'{html.badge(status, lang)} <span data-testid="verdict-{status.replace(" ", "-")}">'
                    f'{marks.status_html(verdict.status)}: <b>{headline(verdict)}</b></span>', unsafe_allow_html=True)
        if verdict.status == "undetermined" and verdict.unanswered:
            st.markdown(open_questions_html(verdict), unsafe_allow_html=True)
        for c in conclusions:
            topic = c.topic_zh if lang == "zh" and c.topic_zh else (c.topic if lang == "en" or not c.topic
                                                                     else html.shown_name(c.topic, "en"))
            with st.expander(f"{marks.holds_label(c.holds)} · {topic} · {c.sentence.text(lang) if c.sentence else c.statement}"):
                st.markdown("**" + _("How:") + f"** {c.method} — `{c.rule}`")
                if c.fact_names:
                    st.markdown("**" + _("Facts used:") + "** " + "; ".join(html.name_html(*n.label(lang)) for n in c.fact_names),
                                unsafe_allow_html=True)
                if c.missing:
                    st.markdown("**" + _("Missing:") + "** " + "; ".join(html.name_html(m, "en") for m in c.missing),
                                unsafe_allow_html=True)
                if c.basis.iri:
                    st.markdown("**" + _("Basis:") + "** " + html.link(c.basis.iri, lang=lang), unsafe_allow_html=True)
                if c.passage.quote:
                    paper = _("The paper, section {section}.").format(section=c.passage.section)
                    st.markdown(html.quote(f"“{c.passage.quote}”", "en") + html.muted(paper, "div"),
                                unsafe_allow_html=True)
st.download_button(_("Download the assessment (JSON)"), json.dumps(result.to_dict(), ensure_ascii=False, indent=2),
                   file_name=f"assessment-{result.scenario}.json", mime="application/json")
st.caption(_("Each verdict is established, not established (naming the missing element) or undetermined (naming the "
             "questions left unanswered): an unanswered question is unknown, never “no”. The conclusions follow from the "
             "facts by the ontology's class definitions (OWL-RL); the verdict rules are data in ontology/assessment.ttl."))
