"""The guided assessment's HTML: the verdict panel beside the questions and the printable summary.

Everything shown comes from the assessment (deepfake_kg.api.assess) and the questions (deepfake_kg.api.questions);
this module only lays it out. Text from the graph is escaped; links point at Browse.
"""
from __future__ import annotations

from datetime import date
from html import escape

from deepfake_kg import api

from . import html, state
from .marks import mark_html, status_html
from .i18n import N_, _

FRAMEWORKS = {"today": N_("Under today's law"), "proposed": N_("Under the author's proposals")}
FRAMEWORK_STATUS = {"today": "in force", "proposed": "proposed"}
NOT_ADVICE = N_("For study of the paper's argument only: not legal advice.")  # the package's NOT_ADVICE, translated

# Printing the page prints the summary only: Streamlit's chrome, the sidebar and the controls stay off paper.
PRINT_CSS = """
<style>
.dfk-verdict { border: 1px solid rgba(128,128,128,0.35); border-radius: 0.5rem; padding: 0.6rem 0.8rem; margin-bottom: 0.8rem; }
.dfk-verdict h4 { margin: 0 0 0.3rem 0; font-size: 1rem; }
.dfk-verdict ul { margin: 0.2rem 0 0.2rem 1.1rem; padding: 0; }
.dfk-verdict li { margin: 0.1rem 0; font-size: 0.88rem; }
.dfk-why { border-left: 3px solid rgba(36,70,168,0.5); padding: 0.3rem 0.7rem; margin: 0.6rem 0; font-size: 0.92rem; }
.dfk-summary table { border-collapse: collapse; width: 100%; font-size: 0.9rem; margin-bottom: 1rem; }
.dfk-summary th, .dfk-summary td { border-bottom: 1px solid rgba(128,128,128,0.3); padding: 0.3rem 0.45rem; text-align: left; vertical-align: top; }
.dfk-summary h2 { font-size: 1.3rem; margin-top: 1.2rem; }
.dfk-summary h3 { font-size: 1.05rem; margin-top: 0.9rem; }
.dfk-steps { display: flex; flex-wrap: wrap; gap: 0.3rem 0.9rem; font-size: 0.85rem; margin: 0 0 0.4rem 0; padding: 0; list-style: none; }
.dfk-steps li.current { font-weight: 700; text-decoration: underline; }
.dfk-steps li.done { opacity: 0.65; }
.st-key-guide_verdicts { position: sticky; top: 3.5rem; max-height: calc(100vh - 4.5rem); overflow-y: auto; }
.dfk-verdict-strip { display: none; font-size: 0.88rem; margin-bottom: 0.4rem; }
@media (max-width: 640px) {
  .dfk-verdict-strip { display: block; }
  .st-key-guide_verdicts { position: static; max-height: none; }
}
@media print {
  [data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stToolbar"], .dfk-no-print,
  [data-testid="stBaseButton-secondary"], [data-testid="stBaseButton-primary"], [data-testid="stDownloadButton"],
  [data-testid="stIFrame"], iframe, footer { display: none !important; }
  [data-testid="stMainBlockContainer"] { padding: 0 !important; max-width: 100% !important; }
  .dfk-summary a { color: inherit; text-decoration: none; }
}
</style>
"""


def answer_text(question, value) -> str:
    """An answer as the reader chose it: the answer's label in the page's language, a number as typed."""
    if value is None:
        return _("not answered yet")
    for answer in question.answers:
        if answer.value == value or str(answer.value) == str(value):
            return answer.label_zh if state.lang() == "zh" and answer.label_zh else answer.label_en
    return str(value)


def question_text(question) -> str:
    return question.text_zh if state.lang() == "zh" and question.text_zh else question.text_en


def why_text(question) -> str:
    return question.why_zh if state.lang() == "zh" and question.why_zh else question.why_en


def group_label(question) -> str:
    return question.group_label_zh if state.lang() == "zh" and question.group_label_zh else question.group_label_en


def passage_html(passage: api.Passage | None) -> str:
    if not passage or not passage.quote:
        return ""
    where = _("The paper, section {section}.").format(section=passage.section)
    return (f'<div class="dfk-quote" lang="en">“{escape(passage.quote)}”</div>'
            f'<div class="dfk-muted">{escape(where)}</div>')


def why_html(question, passage: api.Passage | None) -> str:
    """Why this is asked: the reason in words, the provision (or case, or proposal) it rests on, the paper's words."""
    basis_word = _("Basis:")
    basis = f'<div>{escape(basis_word)} {html.link(question.basis, lang=state.lang())}</div>' if question.basis else ""
    return f'<div class="dfk-why"><div>{escape(why_text(question))}</div>{basis}{passage_html(passage)}</div>'


def change_text(change, by_field: dict) -> str:
    parts = []
    for name, value in change.facts.items():
        q = by_field.get(name)
        parts.append(f"{question_text(q) if q else name} → {answer_text(q, value) if q else value}")
    return "; ".join(parts)


def verdict_html(key: str, verdict, by_field: dict, with_sources: bool = False) -> str:
    """One framework's verdict: its status, the question decided, each element with its status, what the form
    leaves open, and the smallest sets of answers that would change the outcome."""
    lang = state.lang()
    items = []
    for element in verdict.elements:
        name = html.link(element.iri, lang=lang)
        source = ""
        if with_sources and element.basis.iri and html.label_of(element.basis.iri) != html.label_of(element.iri):
            source = f' <span class="dfk-muted">({html.link(element.basis.iri, lang=lang)})</span>'
        items.append(f"<li>{mark_html(element.status)} {name}{source}</li>")
    qualified, would_change = _("Qualified by:"), _("What would change the outcome:")
    parts = [f'<div class="dfk-verdict" data-testid="verdict-{key}">',
             f'<h4>{html.badge(FRAMEWORK_STATUS[key], lang)} {escape(_(FRAMEWORKS[key]))}</h4>',
             f'<div>{status_html(verdict.status)} — {_rule_name(verdict)}</div>',
             f"<ul>{''.join(items)}</ul>"]
    if verdict.qualification_names:  # named in the page's language, each opening its resource
        said = "; ".join(html.link(q.iri, lang=lang) for q in verdict.qualification_names)
        parts.append(f'<div class="dfk-muted">{escape(qualified)} {said}</div>')
    if verdict.status == "undetermined" and verdict.unanswered:
        open_questions = "".join(f"<li>{escape(question_text(by_field[f]) if f in by_field else f)}</li>"
                                 for f in verdict.unanswered)
        heading = _("What would decide it: {n} open questions").format(n=len(verdict.unanswered))
        shown = " open" if with_sources else ""  # on paper, everything shows
        parts.append(f'<details class="dfk-open"{shown}><summary><b>{escape(heading)}</b></summary><ul>{open_questions}</ul></details>')
    if verdict.changes:
        shown = verdict.changes[:4] if with_sources else verdict.changes[:2]  # beside the questions: the two smallest
        changes = "".join(f'<li>{status_html(c.to)}: {escape(change_text(c, by_field))}</li>' for c in shown)
        parts.append(f'<div><b>{escape(would_change)}</b><ul>{changes}</ul></div>')
    if with_sources and verdict.passage.quote:
        parts.append(passage_html(verdict.passage))
    parts.append("</div>")
    return "".join(parts)


def _rule_name(verdict) -> str:
    """What the verdict decides, named from the graph in the page's language (marked EN where it has no Chinese)."""
    prefix, _sep, local = verdict.rule.partition(":")
    if prefix == "dfk" and local:
        text, text_lang = html.label_of(str(api.DFK) + local)
        return html.name_html(text, text_lang)
    return escape(verdict.question)


def strip_html(verdicts: dict) -> str:
    """The verdicts in one line, shown above the question on a phone, where the panel sits below."""
    parts = [f"{escape(_(FRAMEWORKS[k]))}: {status_html(verdicts[k].status)}" for k in ("today", "proposed") if k in verdicts]
    return f'<div class="dfk-verdict-strip">{" · ".join(parts)}</div>'


def summary_html(title: str, types: list[str], asked: list, answers: dict, verdicts: dict, note: str, day: str,
                 by_field: dict) -> str:
    """The printable summary: the day of the law it applies, the facts as answered, the verdicts with their reasons,
    and every source cited. `by_field` holds every question (an answer that would change the outcome may be to a
    question not asked yet), so that each is named in words, never by its field."""
    words = {"printed": _("Printed on {day}.").format(day=date.today().isoformat()),
             "law_on": _("The law as it stood on {day}.").format(day=day), "platform": _("The platform"),
             "facts": _("The facts, as answered"), "group": _("Group"), "question": _("Question"), "answer": _("Answer"),
             "verdicts": _("Verdicts and reasons"), "sources": _("Sources")}
    words = {k: escape(v) for k, v in words.items()}
    rows = "".join(
        f"<tr><td>{escape(group_label(q))}</td><td>{escape(question_text(q))}</td>"
        f"<td data-field=\"{escape(q.id)}\">{escape(answer_text(q, answers.get(q.id)))}</td></tr>" for q in asked)
    sources = {}
    for q in asked:
        if q.basis:
            sources[q.basis] = True
    for v in verdicts.values():
        for e in v.elements:
            if e.basis.iri:
                sources[e.basis.iri] = True
        if v.basis.iri:
            sources[v.basis.iri] = True
    source_items = "".join(f"<li>{html.link(iri, lang=state.lang())}</li>" for iri in sources)
    verdict_parts = "".join(verdict_html(k, verdicts[k], by_field, with_sources=True) for k in ("today", "proposed")
                            if k in verdicts)
    return (f'<div class="dfk-summary" data-testid="assessment-summary">'
            f"<h2>{escape(title)}</h2>"
            f'<p><b>{words["law_on"]}</b></p><p class="dfk-muted">{words["printed"]} {escape(note)}</p>'
            f'<h3>{words["platform"]}</h3><p>{escape(" + ".join(types))}</p>'
            f'<h3>{words["facts"]}</h3>'
            f'<table><thead><tr><th>{words["group"]}</th><th>{words["question"]}</th><th>{words["answer"]}</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>"
            f'<h3>{words["verdicts"]}</h3>{verdict_parts}'
            f'<h3>{words["sources"]}</h3><ul>{source_items}</ul></div>')
