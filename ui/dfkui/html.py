"""HTML for what Streamlit has no element for: tables whose cells hold links and status badges, trees.

Everything taken from the graph is escaped. Links to resources point at the Browse page with the resource in
the URL (`browse?entity=id:duty/…`), so they can be copied and shared like any other view.
"""
from __future__ import annotations

from html import escape
from urllib.parse import urlencode

from deepfake_kg.browse import TreeNode, short_name

# Colours work on Streamlit's light and dark themes alike: text keeps the theme's colour, tints are translucent.
CSS = """
<style>
.dfk-table { border-collapse: collapse; width: 100%; font-size: 0.9rem; margin-bottom: 1rem; }
.dfk-table th { text-align: left; border-bottom: 2px solid rgba(128,128,128,0.6); padding: 0.35rem 0.5rem; vertical-align: bottom; }
.dfk-table td { border-bottom: 1px solid rgba(128,128,128,0.25); padding: 0.35rem 0.5rem; vertical-align: top; }
.dfk-table tr.proposed td { background: rgba(208,136,0,0.09); }
.dfk-table tr.proposed td:first-child { border-left: 4px dashed #d08800; }
.dfk-table tr.in-force td:first-child { border-left: 4px solid #1b7f3b; }
.dfk-badge { display: inline-block; border-radius: 0.6rem; padding: 0.05rem 0.55rem; font-size: 0.78rem;
             font-weight: 600; white-space: nowrap; }
.dfk-badge.in-force { background: #1b7f3b; color: #fff; }
.dfk-badge.proposed { background: transparent; color: #c07f00; border: 1.5px dashed #d08800; }
.dfk-badge.inferred { background: rgba(36,70,168,0.14); color: #4a6fd8; font-weight: 500; }
.dfk-badge.error { background: rgba(200,30,30,0.14); color: #d33; }
.dfk-quote { opacity: 0.8; font-style: italic; }
.dfk-muted { opacity: 0.65; font-size: 0.82rem; }
.dfk-tree, .dfk-tree ul { list-style: none; padding-left: 1.1rem; margin: 0.1rem 0; }
.dfk-tree { padding-left: 0; }
.dfk-tree li { margin: 0.1rem 0; }
.dfk-matrix td:nth-child(n+3), .dfk-matrix th:nth-child(n+3) { text-align: center; }
.dfk-matrix .mark { font-size: 1.1rem; }
.mark.in-force { color: #1b7f3b; }
.mark.proposed { color: #c07f00; }
</style>
"""

STATUS_CLASS = {"in force": "in-force", "proposed": "proposed"}
STATUS_TEXT = {"en": {"in force": "In force (lex lata)", "proposed": "Proposed (lex ferenda)"},
               "zh": {"in force": "现行法 (lex lata)", "proposed": "作者建议 (lex ferenda)"}}


def status_text(status: str, lang: str = "en") -> str:
    return STATUS_TEXT.get(lang, STATUS_TEXT["en"]).get(status, status)
STATUS_MARK = {"in force": "●", "proposed": "○"}  # shape and colour differ: readable without colour too
STATUS_ICON = {"in force": ":material/gavel:", "proposed": ":material/lightbulb:"}  # for Streamlit labels


def entity_href(iri: str, lang: str = "en") -> str:
    params = {"entity": short_name(iri)}
    if lang != "en":
        params["lang"] = lang
    return "browse?" + urlencode(params, safe=":/")


def link(iri: str, text: str, lang: str = "en") -> str:
    """A link to the resource's page in this explorer (same tab)."""
    return f'<a href="{escape(entity_href(iri, lang))}" target="_self">{escape(text)}</a>'


def badge(status: str, lang: str = "en") -> str:
    text = f"{STATUS_MARK.get(status, '')} {status_text(status, lang)}"
    return f'<span class="dfk-badge {STATUS_CLASS.get(status, "")}" data-status="{escape(status)}">{escape(text)}</span>'


def inferred_badge() -> str:
    return '<span class="dfk-badge inferred" title="derived by OWL-RL reasoning, not written in the data">inferred</span>'


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
        text = link(node.iri, node.label, lang) if node.iri else escape(node.label)
        children = f"<ul>{''.join(item(c) for c in node.children)}</ul>" if node.children else ""
        return f"<li>{text}{note}{children}</li>"

    return f'<ul class="dfk-tree">{"".join(item(n) for n in nodes)}</ul>'
