"""A SELECT result drawn as YASGUI draws it: IRIs as links (to Browse when the graph knows them), literals with
their language, and the numeric columns a chart can show."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation
from html import escape

from .html import entity_href

XSD = "http://www.w3.org/2001/XMLSchema#"
NUMERIC = {XSD + t for t in ("integer", "decimal", "double", "float", "int", "long", "short", "byte",
                             "nonNegativeInteger", "positiveInteger", "negativeInteger", "nonPositiveInteger",
                             "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte")}
MAX_SHOWN = 500  # rows drawn as HTML; the downloads hold them all


def shorten(iri: str, prefixes: dict[str, str]) -> str:
    """The IRI as a CURIE with the graph's own prefixes (the longest namespace that fits), else in full."""
    best = ""
    for prefix, ns in prefixes.items():
        if iri.startswith(ns) and len(iri) > len(ns) and len(ns) > len(prefixes.get(best, "")):
            best = prefix
    return f"{best}:{iri[len(prefixes[best]):]}" if best else iri


def cell(term: dict | None, prefixes: dict[str, str], known: set[str], lang: str) -> str:
    if not term:
        return ""
    value = term.get("value", "")
    if term.get("type") == "uri":
        short = escape(shorten(value, prefixes))
        if value in known:
            return f'<a href="{escape(entity_href(value, lang))}" target="_self" title="{escape(value)}">{short}</a>'
        return f'<span title="{escape(value)}">{short}</span>'
    if term.get("type") == "bnode":
        return f'<span class="dfk-muted">_:{escape(value)}</span>'
    extra = ""
    if term.get("xml:lang"):
        extra = f' <span class="dfk-muted">@{escape(term["xml:lang"])}</span>'
    elif term.get("datatype") and term["datatype"] not in NUMERIC and term["datatype"] != XSD + "string":
        extra = f' <span class="dfk-muted">^^{escape(shorten(term["datatype"], prefixes))}</span>'
    return escape(value) + extra


def table_html(variables: list[str], bindings: list[dict], prefixes: dict[str, str], known: set[str], lang: str) -> str:
    head = "".join(f"<th>?{escape(v)}</th>" for v in variables)
    body = "".join("<tr>" + "".join(f"<td>{cell(row.get(v), prefixes, known, lang)}</td>" for v in variables) + "</tr>"
                   for row in bindings[:MAX_SHOWN])
    return (f'<div class="dfk-results"><table class="dfk-table" data-testid="sparql-results"><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table></div>")


def numeric_columns(variables: list[str], bindings: list[dict]) -> list[str]:
    """Columns whose bound values are all numbers (typed as such), bound in at least one row."""
    found = []
    for v in variables:
        terms = [row[v] for row in bindings if v in row]
        if terms and all(t.get("type") == "literal" and t.get("datatype") in NUMERIC for t in terms):
            found.append(v)
    return found


def number(text: str) -> float | None:
    try:
        return float(Decimal(text))
    except (InvalidOperation, ValueError):
        return None


def chart_rows(variables: list[str], bindings: list[dict], measure: str, prefixes: dict[str, str]) -> list[dict]:
    """One bar per row: the first non-numeric column names it (shortened), the chosen column measures it."""
    numeric = set(numeric_columns(variables, bindings))
    label_var = next((v for v in variables if v not in numeric), None)
    rows = []
    for i, row in enumerate(bindings):
        if measure not in row:
            continue
        name = row.get(label_var, {}).get("value", "") if label_var else ""
        name = shorten(name, prefixes) if label_var and row.get(label_var, {}).get("type") == "uri" else name
        rows.append({"label": name or f"row {i + 1}", "value": number(row[measure]["value"])})
    return rows
