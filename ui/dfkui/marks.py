"""✓, ✗ and ? for the three values of an assessment (an element or a verdict established, not established,
undetermined): one mark, one word and one colour each, the same on Assess and in the guided assessment.

Colour only repeats what the mark and the word say (WCAG 1.4.1): each colour has a contrast of at least 4.5:1 on
Streamlit's white page and grey sidebar (the colours are html.CSS's .dfk-mark; tests/test_browser_guide.py
measures the contrast in the browser), and a mark
drawn without its word carries the word for screen readers and as a tooltip.
"""
from __future__ import annotations

from html import escape

from .i18n import N_, _

ESTABLISHED, NOT_ESTABLISHED, UNDETERMINED = "established", "not established", "undetermined"
MARK = {ESTABLISHED: "✓", NOT_ESTABLISHED: "✗", UNDETERMINED: "?"}
WORD = {ESTABLISHED: N_("established"), NOT_ESTABLISHED: N_("not established"), UNDETERMINED: N_("undetermined")}
CSS_CLASS = {ESTABLISHED: "yes", NOT_ESTABLISHED: "no", UNDETERMINED: "open"}
# Streamlit's own colours, for labels that take Markdown only (an expander's title); same meaning as CSS_CLASS.
LABEL_COLOUR = {ESTABLISHED: "green", NOT_ESTABLISHED: "red", UNDETERMINED: "orange"}

def word(status: str) -> str:
    return _(WORD[status]) if status in WORD else status


def mark_html(status: str) -> str:
    """The mark alone (in a list of elements, where the word would repeat on every line), its word for screen
    readers and as a tooltip."""
    text = word(status)
    return (f'<span class="dfk-mark {CSS_CLASS.get(status, "")}" data-status="{escape(status)}" role="img" '
            f'aria-label="{escape(text)}" title="{escape(text)}">{MARK.get(status, "")}</span>')


def status_html(status: str, css_class: str = "status") -> str:
    """Mark and word together (a verdict)."""
    return (f'<span class="{css_class} dfk-mark {CSS_CLASS.get(status, "")}" data-status="{escape(status)}">'
            f'{MARK.get(status, "")} {escape(word(status))}</span>')


def holds_label(holds: bool) -> str:
    """Markdown for a conclusion's title: ✓ holds / ✗ does not hold, coloured."""
    status = ESTABLISHED if holds else NOT_ESTABLISHED
    text = _("holds") if holds else _("does not hold")
    return f":{LABEL_COLOUR[status]}[**{MARK[status]} {text}**]"
