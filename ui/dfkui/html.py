"""HTML for what Streamlit has no element for: tables whose cells hold links and status badges, trees.

Everything taken from the graph is escaped. Links to resources point at the Browse page with the resource in
the URL (`browse?entity=id:duty/…`), so they can be copied and shared like any other view.
"""
from __future__ import annotations

import re
from html import escape
from urllib.parse import urlencode

from rdflib import URIRef

from deepfake_kg import api
from deepfake_kg.api import TreeNode, short_name

from . import state
from .i18n import N_, _

# Colours work on Streamlit's light and dark themes alike: text keeps the theme's colour, tints are translucent.
CSS = """
<style>
.dfk-table { border-collapse: collapse; width: 100%; font-size: 0.9rem; margin-bottom: 1rem; }
.dfk-table th { text-align: left; border-bottom: 2px solid rgba(128,128,128,0.6); padding: 0.35rem 0.5rem; vertical-align: bottom; }
.dfk-table td { border-bottom: 1px solid rgba(128,128,128,0.25); padding: 0.35rem 0.5rem; vertical-align: top; }
.dfk-table tr.proposed td { background: rgba(208,136,0,0.09); }
.dfk-table tr.proposed td:first-child { border-left: 4px dashed #d08800; }
.dfk-table tr.in-force td:first-child { border-left: 4px solid #1b7f3b; }
.dfk-table tr.undated td:first-child { border-left: 4px dotted #1b7f3b; }
.dfk-badge { display: inline-block; border-radius: 0.6rem; padding: 0.05rem 0.55rem; font-size: 0.78rem;
             font-weight: 600; white-space: nowrap; }
.dfk-badge.in-force { background: #1b7f3b; color: #fff; }
.dfk-badge.proposed { background: transparent; color: #c07f00; border: 1.5px dashed #d08800; }
.dfk-badge.undated { background: transparent; color: #1b7f3b; border: 1.5px dotted #1b7f3b; }
.dfk-badge.not-binding { background: rgba(128,128,128,0.12); color: #555; }
.dfk-table.dfk-dates td:nth-child(2) { min-width: 11rem; }
.dfk-table.dfk-dates tr.changed td:first-child { border-left: 4px solid #2446a8; font-weight: 700; color: #2446a8; }
.dfk-badge.inferred { background: rgba(36,70,168,0.14); color: #4a6fd8; font-weight: 500; }
.dfk-badge.error { background: rgba(200,30,30,0.14); color: #d33; }
.dfk-quote { opacity: 0.8; font-style: italic; }
.dfk-blockquote { border-left: 3px solid rgba(128,128,128,0.5); margin: 0.3rem 0 0.2rem; padding: 0.1rem 0 0.1rem 0.8rem;
                  white-space: pre-wrap; }
.dfk-muted { opacity: 0.65; font-size: 0.82rem; }
.dfk-tree, .dfk-tree ul { list-style: none; padding-left: 1.1rem; margin: 0.1rem 0; }
.dfk-tree { padding-left: 0; }
.dfk-tree li { margin: 0.1rem 0; }
.dfk-matrix td:nth-child(n+3), .dfk-matrix th:nth-child(n+3) { text-align: center; }
.dfk-matrix .mark { font-size: 1.1rem; }
.mark.in-force { color: #1b7f3b; }
.mark.proposed { color: #c07f00; }
.mark.undated { color: #1b7f3b; }
/* Duties: one card per duty, a row of a table on a wide screen; a <details> opens it to its explanation in place. */
.dfk-duties { margin-bottom: 1rem; font-size: 0.9rem; }
.dfk-duty-grid { display: grid; grid-template-columns: 9rem minmax(10rem, 2fr) minmax(9rem, 2fr) minmax(8rem, 1.6fr)
                 minmax(6rem, 1.2fr) minmax(6rem, 1.2fr); gap: 0 0.8rem; align-items: start; }
.dfk-duty-head { font-weight: 600; border-bottom: 2px solid rgba(128,128,128,0.6); padding: 0.35rem 0.5rem 0.35rem 1.3rem; }
.dfk-duty { border-bottom: 1px solid rgba(128,128,128,0.25); }
.dfk-duty > summary { list-style: none; cursor: pointer; padding: 0.45rem 0.5rem 0.45rem 0.3rem; }
.dfk-duty > summary::-webkit-details-marker { display: none; }
.dfk-duty > summary > .c-status::before { content: "▸"; display: inline-block; width: 1rem; opacity: 0.6; }
.dfk-duty[open] > summary > .c-status::before { content: "▾"; }
.dfk-duty > summary > .c { min-width: 0; overflow-wrap: anywhere; }
.dfk-duty > summary:hover { background: rgba(128,128,128,0.07); }
.dfk-duty.in-force { border-left: 4px solid #1b7f3b; }
.dfk-duty.proposed { border-left: 4px dashed #d08800; background: rgba(208,136,0,0.06); }
.dfk-duty.undated { border-left: 4px dotted #1b7f3b; }
.dfk-duty .c-label { display: none; }
.dfk-why { padding: 0.3rem 1rem 0.8rem 1.6rem; border-top: 1px dashed rgba(128,128,128,0.3); }
.dfk-why-title { font-weight: 600; margin: 0.3rem 0; }
.dfk-steps { margin: 0 0 0.5rem 0; padding-left: 1.2rem; }
@media (max-width: 720px) {  /* a phone: each duty a card, each cell a labelled line */
  .dfk-duty-head { display: none; }
  .dfk-duty-grid { grid-template-columns: 1fr; gap: 0.15rem; }
  .dfk-duty { border: 1px solid rgba(128,128,128,0.3); border-radius: 0.5rem; margin-bottom: 0.5rem; }
  .dfk-duty .c-label { display: inline; font-weight: 600; opacity: 0.7; margin-right: 0.3rem; }
  .dfk-why { padding: 0.3rem 0.6rem 0.6rem 0.8rem; }
}
.dfk-scroll { overflow-x: auto; }
/* Buttons and chips show their whole label (a ready example's name), wrapping rather than cut off. */
.stButton button p, [data-testid="stBaseButton-pills"] p, [data-testid="stBaseButton-pillsActive"] p,
[data-testid="stPopoverButton"] p { white-space: normal; overflow: visible; text-overflow: clip; }
/* A row of chips wraps onto more lines instead of scrolling sideways, where a chip past the edge is never seen
   (Browse's facets in their narrow column, every picker on a phone). */
[data-testid="stButtonGroup"] > div { flex-wrap: wrap; overflow-x: visible; }
[data-testid="stButtonGroup"] button { max-width: 100%; height: auto; }
[data-testid="stButtonGroup"] button * { white-space: normal; min-width: 0; max-width: 100%; overflow-wrap: anywhere; }
table.dfk-statements { table-layout: fixed; }
table.dfk-statements th:first-child { width: 34%; }
.dfk-table td { overflow-wrap: anywhere; }
@media (max-width: 720px) {  /* a phone: the matrix keeps its duty names readable; status shows by mark and border */
  .dfk-matrix th:first-child, .dfk-matrix td:first-child { display: none; }
  .dfk-matrix td:nth-child(2), .dfk-matrix th:nth-child(2) { min-width: 9rem; }
  .dfk-table.dfk-matrix tr.in-force td:nth-child(2) { border-left: 4px solid #1b7f3b; }
  .dfk-table.dfk-matrix tr.proposed td:nth-child(2) { border-left: 4px dashed #d08800; }
  .dfk-table.dfk-matrix tr.undated td:nth-child(2) { border-left: 4px dotted #1b7f3b; }
}
.dfk-hits { padding-left: 1.4rem; }
.dfk-hits li { margin-bottom: 0.5rem; }
.dfk-hits mark { background: rgba(255,200,0,0.45); color: inherit; padding: 0 0.1rem; }
.dfk-badge.kind { background: rgba(128,128,128,0.15); font-weight: 500; }
.dfk-no-zh { font-size: 0.62rem; font-weight: 700; margin-left: 0.15rem; padding: 0 0.2rem; border-radius: 0.25rem;
             background: rgba(128,128,128,0.18); opacity: 0.85; vertical-align: super; }
.dfk-results { max-height: 36rem; overflow: auto; }
.dfk-results thead th { position: sticky; top: 0; background: var(--background-color, #fff); }
/* ✓ ✗ ? (dfkui/marks.py): at least 4.5:1 on white and on the sidebar's grey; the mark and word say it too. */
.dfk-mark { font-weight: 700; }
.dfk-mark.yes { color: #1b7f3b; }
.dfk-mark.no { color: #b42318; }
.dfk-mark.open { color: #8a5300; }
</style>
"""

# "proposed, since enacted": the author's proposal, made law (in whole or part) by a later provision
# (deepfake_kg/validity.py); drawn as a proposal, its enacting provision shown beside it. "dates not recorded": a
# duty the paper states as law whose basis carries no date, so whether it bound on the day is not known.
STATUS_CLASS = {"in force": "in-force", "dates not recorded": "undated", "proposed": "proposed",
                "proposed, since enacted": "proposed", "not yet in force": "not-binding", "no longer in force": "not-binding"}
STATUS_TEXT = {"in force": N_("In force (lex lata)"), "dates not recorded": N_("Law per the paper, dates not recorded"),
               "proposed": N_("Proposed (lex ferenda)"), "proposed, since enacted": N_("Proposed, since enacted"),
               "not yet in force": N_("Not yet in force"), "no longer in force": N_("No longer in force")}
STATUS_WORD = {"in force": N_("in force"), "dates not recorded": N_("dates not recorded"), "proposed": N_("proposed"),
               "proposed, since enacted": N_("proposed, since enacted")}


def status_text(status: str, lang: str = "en") -> str:
    return _(STATUS_TEXT[status]) if status in STATUS_TEXT else status
STATUS_MARK = {"in force": "●", "dates not recorded": "◇", "proposed": "○", "proposed, since enacted": "◐"}  # without colour too
STATUS_ICON = {"in force": ":material/gavel:", "dates not recorded": ":material/event_busy:", "proposed": ":material/lightbulb:",
               "proposed, since enacted": ":material/lightbulb:"}  # for Streamlit labels


def shown_name(text: str, text_lang: str) -> str:
    """A name from the graph as plain text (a widget's option), marked [EN] on a Chinese page where the graph has
    no Chinese name."""
    if state.lang() != "en" and text_lang != state.lang():
        return f"{text} [EN]"
    return text


def name_html(text: str, text_lang: str) -> str:
    """A name from the graph as HTML: in its language (the `lang` attribute), with a visible EN mark on a Chinese
    page where the graph has no Chinese name."""
    if state.lang() != "en" and text_lang != state.lang():
        note = _("The graph has no Chinese name for this; the English one is shown.")
        return f'<span lang="en">{text_html(text)}</span><sup class="dfk-no-zh" title="{escape(note)}">EN</sup>'
    if text_lang != state.lang():
        return f'<span lang="{escape(text_lang or "en")}">{text_html(text, text_lang)}</span>'
    return text_html(text, text_lang)


# A run of Chinese inside text in another language (an English note that quotes a statute's Chinese title): marked
# lang="zh", so that a screen reader says it in Chinese and an English page shows Chinese only where it says so.
_CJK = "\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
_CHINESE_RUN = re.compile(f"[{_CJK}](?:[{_CJK}0-9]*[{_CJK}])?")


def text_html(text: str, text_lang: str = "en") -> str:
    """Text from the graph, escaped, with the Chinese it quotes marked as Chinese where it is in another language."""
    if (text_lang or "").lower().startswith("zh"):
        return escape(text)
    return _CHINESE_RUN.sub(lambda m: f'<span lang="zh">{m.group(0)}</span>', escape(text))


def label_of(iri) -> tuple[str, str]:
    """The name of a resource for this page's reader, and the language it is in."""
    from .resources import knowledge_graph

    return api.graph_label(knowledge_graph().closure, URIRef(str(iri)), state.lang())


def entity_href(iri: str, lang: str = "en") -> str:
    # Exactly the query string Browse writes when it shows the resource (same order, same encoding, with the
    # language): Streamlit pushes a history entry whenever a page changes its URL, which made Back need two presses.
    shared = state.shared_params()  # the language and the day, as every page writes them
    return "browse?" + urlencode({"entity": short_name(iri), **{k: v[-1] if isinstance(v, list) else v
                                                                   for k, v in shared.items() if v}})


def link(iri: str, text: str | None = None, lang: str = "en", text_lang: str | None = None) -> str:
    """A link to the resource's page in this explorer (same tab). Without `text`, the resource's name from the
    graph, marked where it is not in the page's language."""
    if text is None:
        text, text_lang = label_of(iri)
    inner = name_html(text, text_lang) if text_lang is not None else escape(text)
    return f'<a href="{escape(entity_href(iri, lang))}" target="_self">{inner}</a>'


def sentence_html(sentence, links: bool = True) -> str:
    """A sentence of the package (a step of an explanation, a verdict) in the page's language: each resource it names
    a link to its page (or, with links=False, just its name), marked EN where the graph has no Chinese name; text
    quoted from the data in its own language."""
    page_lang = state.lang()

    def show(name, lang: str) -> str:
        text, text_lang = name.label(lang)
        shown = link(name.iri, text, page_lang, text_lang=text_lang) if links else name_html(text, text_lang)
        return escape(name.article_before(lang)) + shown

    def quote(quoted, lang: str) -> str:
        return f'<span lang="{escape(quoted.lang or "und")}">{text_html(quoted.text, quoted.lang)}</span>'

    return sentence.text(page_lang, show=show, quote=quote, literal=escape)


def muted(text: str, tag: str = "span", css_class: str = "dfk-muted") -> str:
    """Text in grey (a note, a caption inside HTML), escaped."""
    return f'<{tag} class="{css_class}">{escape(text)}</{tag}>'


def quote(text: str, text_lang: str = "en") -> str:
    """A passage (a provision's text, the paper's words) as a block quote in its own language."""
    return f'<blockquote class="dfk-blockquote" lang="{escape(text_lang or "en")}">{text_html(text, text_lang)}</blockquote>'


def badge(status: str, lang: str = "en") -> str:
    text = f"{STATUS_MARK.get(status, '')} {status_text(status, lang)}"
    return f'<span class="dfk-badge {STATUS_CLASS.get(status, "")}" data-status="{escape(status)}">{escape(text)}</span>'


def inferred_badge() -> str:
    note, word = _("derived by OWL-RL reasoning, not written in the data"), _("inferred")
    return f'<span class="dfk-badge inferred" title="{escape(note)}">{escape(word)}</span>'


def duty_card(iri: str, status: str, cells: list[tuple[str, str, str]], explanation: str) -> str:
    """One duty: its cells (name, column title, HTML) as the summary of a <details> that holds its explanation.
    On a phone each cell shows its column title, since the header row is hidden."""
    summary = "".join(f'<div class="c c-{name}"><span class="c-label">{escape(title)}:</span> {content}</div>'
                      if name not in ("status", "duty") else f'<div class="c c-{name}">{content}</div>'
                      for name, title, content in cells)
    return (f'<details class="dfk-duty {STATUS_CLASS.get(status, "")}" data-status="{escape(status)}" '
            f'data-duty="{escape(iri)}"><summary class="dfk-duty-grid">{summary}</summary>'
            f'<div class="dfk-why">{explanation}</div></details>')


def duty_cards(titles: list[str], cards: list[str]) -> str:
    head = "".join(f"<div>{escape(t)}</div>" for t in titles)
    return f'<div class="dfk-duties"><div class="dfk-duty-grid dfk-duty-head">{head}</div>{"".join(cards)}</div>'


def table(headers: list[str], rows: list[list[str]], row_classes: list[str] | None = None, css_class: str = "") -> str:
    """An HTML table; cells are HTML already (escape text with `escape` before)."""
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = []
    for i, row in enumerate(rows):
        cls = f' class="{row_classes[i]}"' if row_classes else ""
        body.append(f"<tr{cls}>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>")
    return f'<table class="dfk-table {css_class}"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def tree(nodes: list[TreeNode], lang: str = "en") -> str:
    """Nested lists; each node links to its resource page, with its note (number, kind) in grey."""
    def item(node: TreeNode) -> str:
        shown = node.note and node.note not in node.label  # "Article 47" needs no note "47"
        note = f' <span class="dfk-muted">{escape(node.note)}</span>' if shown else ""
        if node.iri and state.lang() != "en" and label_of(node.iri)[1] != state.lang():
            text = link(node.iri, node.label, lang, text_lang="en")  # marked: no name in the page's language
        else:
            text = link(node.iri, node.label, lang) if node.iri else escape(node.label)
        children = f"<ul>{''.join(item(c) for c in node.children)}</ul>" if node.children else ""
        return f"<li>{text}{note}{inheritance(node)}{children}</li>"

    def inheritance(node: TreeNode) -> str:
        """Multiple inheritance said, not hidden: the other parents, and where the subtree is listed."""
        said = ""
        if node.also_under:
            others = ", ".join(link(p.iri, lang=lang) for p in node.also_under)
            said += ' <span class="dfk-muted">· ' + escape(_("also a subclass of {parents}")).format(parents=others) + "</span>"
        if node.listed_under is not None:
            where = link(node.listed_under.iri, lang=lang)
            said += (' <span class="dfk-muted">· ' + escape(_("its subclasses and members are listed under {parent}"))
                     .format(parent=where) + "</span>")
        return said

    return f'<ul class="dfk-tree">{"".join(item(n) for n in nodes)}</ul>'
