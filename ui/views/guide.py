"""Guided assessment: one plain question at a time, in groups (the platform, the content, notice and the
regulator, consequences, compliance, people), each saying why it is asked with the provision and the paper's
words; "I don't know" is an answer. The verdicts under today's law and under the author's proposals stay beside
the questions and change as the answers do; at the end, a printable summary of facts, verdicts, reasons and
sources. The questions are the ontology's (deepfake_kg.api.questions); the expert form is the Assess page."""
import json

import streamlit as st

from dfkui import dates, guide, html, state
from dfkui.i18n import _, sort_key
from dfkui.resources import knowledge_graph, read_types, type_key, types_of
from deepfake_kg import api

kg = knowledge_graph()
lang = state.lang()
TYPES = types_of(kg)
UNKNOWN = "unknown"
PLATFORM_STEP, SUMMARY_STEP = "platform-types", "summary"


@st.cache_resource
def all_questions(_kg) -> tuple:
    return tuple(api.questions(_kg))


QUESTIONS = all_questions(kg)
BY_FIELD = {q.id: q for q in QUESTIONS}
# The dimensions in the ontology's order (dfk:order), keyed by their English label: a new one appears without code.
DIMENSION_IRIS = {d.label: d.iri for d in api.dimensions(kg=kg)}
DIMENSIONS = list(DIMENSION_IRIS)


@st.cache_resource(max_entries=256)
def assessed(types: tuple, answers: tuple, day: str):
    """The assessment of one set of answers, kept: going back and forth between questions re-asks nothing."""
    form = {"platform": [str(TYPES[t].iri) for t in types], "id": "guided", "title": _("Your scenario")}
    for name, value in answers:
        node = form
        *parents, leaf = name.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = value
    return api.assess(api.scenario_from_form(form, kg=kg), kg=kg, as_of=day)


def passage_of(iri: str) -> api.Passage | None:
    """The paper's words behind a question: its section and quotation."""
    return api.passage(iri, kg=kg) if iri else None


def parse_value(question, text: str):
    if text == UNKNOWN:
        return UNKNOWN
    if question.kind == "number":
        return int(text) if text.isdigit() else None
    for answer in question.answers:
        if str(answer.value).lower() == text.lower():
            return answer.value
    return None


def parse(params: state.Params) -> tuple[dict, list[str]]:
    notices, answers = [], {}
    types, unknown = read_types(kg, state.split_list(params.get("types", [])))
    notices += unknown
    for item in params.get("a", []):
        name, _sep, text = item.partition("=")
        question = BY_FIELD.get(name)
        value = parse_value(question, text) if question else None
        if value is None:
            notices.append(_("The link's answer {item!r} is not one this form knows: left out.").format(item=item))
        else:
            answers[name] = value
    step = (params.get("step") or [PLATFORM_STEP])[-1]
    if step not in (PLATFORM_STEP, SUMMARY_STEP, *BY_FIELD):
        step = PLATFORM_STEP
    for dim in DIMENSIONS:  # the pickers take the link's types when they are drawn next
        st.session_state.pop(f"guide_dim_{dim}", None)
    return {"guide_answers": answers, "guide_step": step, "guide_types": types}, notices


PAGE = state.PageState("guide", ("types", "a", "step"), ("guide_step",), parse)


def chosen_types() -> list[str]:
    return list(st.session_state.get("guide_types", []))


def keep_types() -> None:
    """The pickers exist only on the first step (Streamlit forgets a widget that is not drawn): keep their choice."""
    st.session_state.guide_types = [t for dim in DIMENSIONS for t in st.session_state.get(f"guide_dim_{dim}", [])]


def asked_questions() -> list:
    """The questions that arise on the answers so far, in the ontology's order."""
    answers = st.session_state.guide_answers
    return [q for q in QUESTIONS if q.applies(answers)]


def steps() -> list[str]:
    return [PLATFORM_STEP, *(q.id for q in asked_questions()), SUMMARY_STEP]


def go(step: str) -> None:
    st.session_state.guide_step = step


def move(offset: int) -> None:
    order = steps()
    current = st.session_state.guide_step
    index = order.index(current) if current in order else 0
    st.session_state.guide_step = order[max(0, min(len(order) - 1, index + offset))]


def answer(field: str, value) -> None:
    st.session_state.guide_answers = {**st.session_state.guide_answers, field: value}


def store_choice(field: str) -> None:
    value = st.session_state.get(f"guide_q_{field}")
    if value is not None:
        answer(field, BY_FIELD[field].answers[value].value)


def store_number(field: str) -> None:
    value = st.session_state.get(f"guide_n_{field}")
    if value is not None:
        answer(field, int(value))


def type_name(local: str) -> str:
    t = TYPES[local]
    return t.label_zh if lang == "zh" and t.label_zh else t.label


def ask_platform() -> None:
    st.markdown("### " + _("What kind of platform is it?"))
    st.caption(_("Duties and liability attach to kinds of platform: what it does, how large it is, how risky it is "
                 "rated. Choose at least one."))
    for dim in DIMENSIONS:
        options = sorted((k for k, t in TYPES.items() if t.dimension_label == dim), key=lambda k: sort_key(type_name(k)))
        title = html.shown_name(*html.label_of(DIMENSION_IRIS[dim]))
        title = title[:1].upper() + title[1:]  # the graph's labels are lower case, as in running text
        key = f"guide_dim_{dim}"
        if key not in st.session_state:
            st.session_state[key] = [t for t in chosen_types() if TYPES[t].dimension_label == dim]
        st.multiselect(title, options, key=key, format_func=type_name, placeholder=_("any"), on_change=keep_types)


def ask(question) -> None:
    field = question.id
    current = st.session_state.guide_answers.get(field)
    st.markdown(f'<div class="dfk-muted">{html.escape(guide.group_label(question))}</div>', unsafe_allow_html=True)
    st.markdown(f"### {guide.question_text(question)}")
    if question.kind == "number":
        st.number_input(_("Number"), min_value=0, step=1, key=f"guide_n_{field}", on_change=store_number, args=(field,),
                        value=current if isinstance(current, int) and not isinstance(current, bool) else None,
                        placeholder=_("type a whole number"))
        if question.thresholds:
            marks = "; ".join(f"{t.minimum:,}: {t.meaning_zh if lang == 'zh' and t.meaning_zh else t.meaning_en}"
                              for t in question.thresholds)
            st.caption(_("Numbers that matter here: {marks}").format(marks=marks))
        st.button(_("I don't know"), key=f"guide_unknown_{field}", on_click=answer, args=(field, UNKNOWN),
                  type="primary" if current == UNKNOWN else "secondary")
    else:
        labels = [a.label_zh if lang == "zh" and a.label_zh else a.label_en for a in question.answers]
        if question.answers and question.answers[-1].value == UNKNOWN:
            labels[-1] = _("I don't know")
        index = next((i for i, a in enumerate(question.answers) if a.value == current), None)
        st.radio(_("Your answer"), range(len(labels)), index=index, key=f"guide_q_{field}", format_func=labels.__getitem__,
                 on_change=store_choice, args=(field,), label_visibility="collapsed")
    with st.expander(_("Why this is asked"), expanded=True):
        st.markdown(guide.why_html(question, passage_of(question.passage)), unsafe_allow_html=True)


def progress(order: list[str], current: str) -> None:
    questions = [s for s in order if s not in (PLATFORM_STEP, SUMMARY_STEP)]
    done = sum(1 for s in questions if s in st.session_state.guide_answers)
    st.progress(done / max(1, len(questions)),
                text=_("{done} of {total} questions answered").format(done=done, total=len(questions)))
    # One button per group, in order; the platform's kind is asked first, within the platform group.
    groups = {"platform": (_("The platform"), PLATFORM_STEP)}
    for q in asked_questions():
        groups.setdefault(q.group, (guide.group_label(q), q.id))
    here = BY_FIELD[current].group if current in BY_FIELD else "platform" if current == PLATFORM_STEP else None
    jump = st.container(horizontal=True, key="guide_groups")
    for group, (label, first) in groups.items():
        jump.button(label, key=f"guide_group_{group}", on_click=go, args=(first,),
                    type="primary" if group == here else "tertiary")
    jump.button(_("Summary"), key="guide_group_summary", on_click=go, args=(SUMMARY_STEP,),
                type="primary" if current == SUMMARY_STEP else "tertiary")


st.html(guide.PRINT_CSS)
st.title(_("Guided assessment"))
st.caption(_("One question at a time about one platform and one incident; the verdicts beside the questions change "
             "as you answer. “I don't know” is an answer: the verdict then says what would decide it. ") +
           _(guide.NOT_ADVICE))
for notice in PAGE.load():
    st.warning(notice, icon=":material/link_off:")
st.session_state.setdefault("guide_answers", {})

order = steps()
step = st.session_state.guide_step if st.session_state.guide_step in order else PLATFORM_STEP
types = chosen_types()
answers = st.session_state.guide_answers
asked = asked_questions()
PAGE.save({"types": [",".join(types)], "step": [step] if step != PLATFORM_STEP else [],
           "a": [f"{name}={str(value).lower() if isinstance(value, bool) else value}" for name, value in answers.items()
                 if name in BY_FIELD]})

result = None
if types:
    try:
        result = assessed(tuple(types), tuple(sorted((k, v) for k, v in answers.items()
                                                    if v != UNKNOWN and any(q.id == k for q in asked))),
                          dates.as_of().isoformat())
    except api.KGError as error:
        st.error(str(error), icon=":material/block:")

if step == SUMMARY_STEP:
    progress(order, step)
    if result is None:
        st.info(_("Choose the kind of platform first: the summary needs at least one platform type."))
        st.button(_("Back to the first question"), on_click=go, args=(PLATFORM_STEP,))
        st.stop()
    summary = guide.summary_html(_("Assessment summary"), [type_name(t) for t in types], asked, answers,
                                 result.verdicts, _(guide.NOT_ADVICE), dates.as_of().isoformat(), BY_FIELD)
    controls = st.container(horizontal=True, key="guide_summary_controls")
    controls.button(_("Back to the questions"), on_click=move, args=(-1,), icon=":material/arrow_back:")
    with controls:
        # A button in a frame of its own: Streamlit runs no script of ours on the page, so printing is asked of the
        # parent page from here (same origin).
        print_word, title_word = _("Print"), _("Assessment summary")
        st.iframe(f'<button data-testid="print" onclick="window.parent.print()" style="font: 15px \'Source Sans Pro\', '
                  f'\'Noto Sans CJK SC\', sans-serif; padding: 0.45rem 0.9rem; border-radius: 0.5rem; '
                  f'border: 1px solid rgba(49,51,63,0.2); background: #fff; cursor: pointer;">{html.escape(print_word)}'
                  f'</button>', height=48, width=120)
    document = (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(title_word)}'
                f"</title>{html.CSS}{guide.PRINT_CSS}</head><body>{summary}</body></html>")
    controls.download_button(_("Download the summary (HTML)"), document, "assessment-summary.html", "text/html",
                             on_click="ignore")
    controls.download_button(_("Download the assessment (JSON)"),
                             json.dumps({"answers": answers, **result.to_dict()}, ensure_ascii=False, indent=2, default=str),
                             "assessment.json", "application/json", on_click="ignore")
    st.markdown(summary, unsafe_allow_html=True)
    st.stop()

left, right = st.columns([3, 2], gap="large")
with left:
    progress(order, step)
    if result is not None:
        st.markdown(guide.strip_html(result.verdicts), unsafe_allow_html=True)
    if step == PLATFORM_STEP:
        ask_platform()
    else:
        ask(BY_FIELD[step])
    nav = st.container(horizontal=True, key="guide_nav")
    nav.button(_("Back"), on_click=move, args=(-1,), disabled=step == PLATFORM_STEP, icon=":material/arrow_back:")
    last = order[-2] == step
    nav.button(_("See the summary") if last else _("Next question"), type="primary", on_click=move, args=(1,),
               disabled=not types, icon=":material/arrow_forward:")
with right.container(key="guide_verdicts"):
    st.markdown("#### " + _("Verdicts so far"))
    if result is None:
        st.info(_("The verdicts appear once the kind of platform is chosen."))
    else:
        panel = "".join(guide.verdict_html(k, result.verdicts[k], BY_FIELD) for k in ("today", "proposed")
                        if k in result.verdicts)
        st.markdown(panel, unsafe_allow_html=True)
