"""SPARQL 1.1 query results in their four standard formats, read from and written to SPARQL JSON terms.

The public endpoint asks Oxigraph for TSV because TSV has one row per line: it can stop reading (and so stop
Oxigraph) at the row cap, then write the client's format itself. Terms are kept exactly as Oxigraph wrote them
(no rdflib Literal in between, which would rewrite lexical forms).
"""
from __future__ import annotations

import csv
import io
import json
import re
from xml.sax.saxutils import escape, quoteattr

XSD = "http://www.w3.org/2001/XMLSchema#"
MEDIA_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}

# RDF terms in the SPARQL TSV format (Turtle syntax, SPARQL 1.1 Query Results CSV and TSV Formats §3).
_TERM = re.compile(r'''
    <(?P<iri>[^>]*)>
  | _:(?P<bnode>\S+)
  | "(?P<string>(?:[^"\\]|\\.)*)"(?:@(?P<lang>[A-Za-z0-9-]+)|\^\^<(?P<datatype>[^>]*)>)?
  | (?P<boolean>true|false)
  | (?P<double>[+-]?(?:\d+\.?\d*|\.\d+)[eE][+-]?\d+)
  | (?P<decimal>[+-]?\d*\.\d+)
  | (?P<integer>[+-]?\d+)
''', re.X)
_ESCAPE = re.compile(r'\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))')
_ECHAR = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


class ResultFormatError(ValueError):
    """A TSV line that is not a row of RDF terms (e.g. an error message Oxigraph appended)."""


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text

    def one(match: re.Match) -> str:
        code = match.group(1) or match.group(2)
        if code:
            return chr(int(code, 16))
        if match.group(3) not in _ECHAR:
            raise ResultFormatError(f"unknown escape \\{match.group(3)}")
        return _ECHAR[match.group(3)]

    return _ESCAPE.sub(one, text)


def tsv_term(text: str) -> dict | None:
    """One TSV cell as a SPARQL JSON term; None for an empty (unbound) cell."""
    if text == "":
        return None
    if text[0] == "<" and text[-1] == ">" and "\\" not in text and ">" not in text[1:-1]:
        return {"type": "uri", "value": text[1:-1]}  # most cells: an IRI without escapes
    match = _TERM.fullmatch(text)
    if match is None:
        raise ResultFormatError(f"not an RDF term: {text[:80]!r}")
    if match["iri"] is not None:
        return {"type": "uri", "value": _unescape(match["iri"])}
    if match["bnode"] is not None:
        return {"type": "bnode", "value": match["bnode"]}
    if match["string"] is not None:
        term = {"type": "literal", "value": _unescape(match["string"])}
        if match["lang"]:
            term["xml:lang"] = match["lang"]
        elif match["datatype"] and match["datatype"] != XSD + "string":
            term["datatype"] = _unescape(match["datatype"])
        return term
    for kind in ("boolean", "double", "decimal", "integer"):
        if match[kind] is not None:
            return {"type": "literal", "value": match[kind], "datatype": XSD + kind}
    raise ResultFormatError(f"not an RDF term: {text[:80]!r}")


def tsv_header(line: str) -> list[str]:
    return [name[1:] for name in line.split("\t")] if line else []


def tsv_row(line: str, variables: list[str]) -> dict:
    cells = line.split("\t") if variables else ([] if line == "" else [line])
    if len(cells) != len(variables):
        raise ResultFormatError(f"a row of {len(cells)} cells for {len(variables)} variables")
    row = {}
    for variable, cell in zip(variables, cells):
        term = tsv_term(cell)
        if term is not None:
            row[variable] = term
    return row


def write(fmt: str, variables: list[str], bindings: list[dict], boolean: bool | None = None) -> str:
    """SELECT bindings (or an ASK boolean, when `boolean` is not None) in `fmt`: json, xml, csv or tsv."""
    return {"json": _json, "xml": _xml, "csv": _csv, "tsv": _tsv}[fmt](variables, bindings, boolean)


def _json(variables, bindings, boolean) -> str:
    if boolean is not None:
        return json.dumps({"head": {}, "boolean": boolean})
    return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}}, ensure_ascii=False)


def _xml(variables, bindings, boolean) -> str:
    out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>']
    out += [f"<variable name={quoteattr(v)}/>" for v in variables]
    out.append("</head>")
    if boolean is not None:
        out.append(f"<boolean>{'true' if boolean else 'false'}</boolean>")
    else:
        out.append("<results>")
        for row in bindings:
            out.append("<result>" + "".join(f"<binding name={quoteattr(v)}>{_xml_term(row[v])}</binding>"
                                            for v in variables if v in row) + "</result>")
        out.append("</results>")
    out.append("</sparql>\n")
    return "\n".join(out)


def _xml_term(term: dict) -> str:
    value = escape(term["value"])
    if term["type"] == "uri":
        return f"<uri>{value}</uri>"
    if term["type"] == "bnode":
        return f"<bnode>{value}</bnode>"
    if "xml:lang" in term:
        return f"<literal xml:lang={quoteattr(term['xml:lang'])}>{value}</literal>"
    if "datatype" in term:
        return f"<literal datatype={quoteattr(term['datatype'])}>{value}</literal>"
    return f"<literal>{value}</literal>"


def _csv(variables, bindings, boolean) -> str:
    # The CSV format has no boolean form; ASK answers as one column "boolean" (as Jena and Oxigraph do).
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    if boolean is not None:
        writer.writerows([["boolean"], ["true" if boolean else "false"]])
        return out.getvalue()
    writer.writerow(variables)
    for row in bindings:
        writer.writerow([_csv_value(row[v]) if v in row else "" for v in variables])
    return out.getvalue()


def _csv_value(term: dict) -> str:
    return "_:" + term["value"] if term["type"] == "bnode" else term["value"]


def _tsv(variables, bindings, boolean) -> str:
    if boolean is not None:
        return "?boolean\n" + ("true" if boolean else "false") + "\n"
    lines = ["\t".join("?" + v for v in variables)]
    lines += ["\t".join(_tsv_term(row[v]) if v in row else "" for v in variables) for row in bindings]
    return "\n".join(lines) + "\n"


def _tsv_term(term: dict) -> str:
    if term["type"] == "uri":
        return f"<{term['value']}>"
    if term["type"] == "bnode":
        return "_:" + term["value"]
    value = term["value"].replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    if "xml:lang" in term:
        return f'"{value}"@{term["xml:lang"]}'
    if "datatype" in term:
        return f'"{value}"^^<{term["datatype"]}>'
    return f'"{value}"'
