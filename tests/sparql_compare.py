"""Compare SPARQL results from two engines (rdflib embedded, Oxigraph) as multisets of normalised rows.

What legitimately differs between engines, and is normalised here rather than skipped:
- blank-node labels (and the skolem IRIs `deepfake-kg publish` sends instead of blank nodes) are local names:
  every blank node compares equal to every other;
- numeric literals may be written differently ("1.0" / "1.00", "1E0" / "1.0E0"): compared by value;
- a simple literal may come back with or without ^^xsd:string (RDF 1.1 makes them the same term);
- GROUP_CONCAT joins a group's values in whatever order the engine met them: the parts are sorted;
- row order: ORDER BY leaves ties in engine order, so rows are compared as a multiset.
"""
from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal, InvalidOperation

XSD = "http://www.w3.org/2001/XMLSchema#"
NUMERIC = {XSD + t for t in ("integer", "decimal", "double", "float", "int", "long", "short", "byte",
                             "nonNegativeInteger", "positiveInteger", "negativeInteger", "nonPositiveInteger",
                             "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte")}
GENID = "https://w3id.org/deepfake-kg/.well-known/genid/"
_CONCAT = re.compile(r'GROUP_CONCAT\s*\(\s*(?:DISTINCT\s+)?\?\w+\s*;\s*SEPARATOR\s*=\s*"((?:[^"\\]|\\.)*)"\s*\)\s*AS\s+\?(\w+)', re.I)


def concat_separators(query: str) -> dict[str, str]:
    """{variable: separator} for each GROUP_CONCAT … AS ?variable in the query."""
    return {var: sep.encode().decode("unicode_escape") for sep, var in _CONCAT.findall(query)}


def term_key(term: dict, separator: str | None = None) -> tuple:
    kind, value = term["type"], term["value"]
    if kind == "bnode" or (kind == "uri" and value.startswith(GENID)):
        return ("bnode",)
    if kind == "uri":
        return ("uri", value)
    datatype = term.get("datatype")
    if datatype == XSD + "string":
        datatype = None
    if datatype in NUMERIC:
        try:
            number = Decimal(value)
            value = "0" if number == 0 else str(number.normalize())
        except InvalidOperation:
            pass
    if separator is not None:
        value = separator.join(sorted(value.split(separator))) if value else value
    return ("literal", value, datatype, (term.get("xml:lang") or "").lower())


def normalised(variables: list[str], bindings: list[dict], query: str) -> Counter:
    separators = concat_separators(query)
    rows = Counter()
    for row in bindings:
        rows[tuple((v, term_key(row[v], separators.get(v))) for v in sorted(variables) if v in row)] += 1
    return rows


def differences(expected: Counter, actual: Counter, limit: int = 3) -> str:
    missing = list((expected - actual).elements())[:limit]
    extra = list((actual - expected).elements())[:limit]
    return f"missing {missing}; unexpected {extra}"
