"""Expected and actual SPARQL results in one comparable shape, and the datasets the evaluation tests describe.

A SELECT answer compares as a multiset of rows; a row is the set of its bound variables with normalised terms:
- blank-node labels are local to a result, so every blank node compares equal to every other (weaker than the
  suite's isomorphism, but never a false failure);
- a simple literal equals the same literal typed xsd:string (RDF 1.1), language tags compare case-insensitively;
- numbers of the same datatype compare by value: SPARQL fixes the value of a computed number, not its lexical
  form, and the suite's files use XSD 1.0 canonical forms ("1.0"^^xsd:decimal) where engines following XSD 1.1
  write "1";
- everything else is exact.
Row order is not compared: ORDER BY leaves ties in engine order and the suite's own result files do not mark
which rows tie.
"""
from __future__ import annotations

from collections import Counter
from contextlib import contextmanager
from decimal import Decimal, InvalidOperation
from pathlib import Path

import rdflib
from rdflib import RDF, BNode, Dataset, Graph, Namespace, URIRef
from rdflib.query import Result

XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_STRING = XSD + "string"
NUMERIC = {XSD + t for t in ("integer", "decimal", "double", "float", "int", "long", "short", "byte", "nonNegativeInteger",
                             "positiveInteger", "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong",
                             "unsignedShort", "unsignedByte")}
RS = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/result-set#")
RESULT_FORMATS = {".srx": "xml", ".srj": "json", ".tsv": "tsv", ".csv": "csv"}
DATA_FORMATS = {".ttl": "turtle", ".nt": "nt", ".rdf": "xml", ".trig": "trig", ".nq": "nquads"}


@contextmanager
def exact_literals():
    """Read the suite's files as written: rdflib otherwise rewrites well-formed literals into its own canonical
    form on reading ("01"^^xsd:integer becomes "1", "PT0S" becomes "P0D"), which would hide the same rewriting
    in what is tested."""
    saved, rdflib.NORMALIZE_LITERALS = rdflib.NORMALIZE_LITERALS, False
    try:
        yield
    finally:
        rdflib.NORMALIZE_LITERALS = saved


def key_of_json(term: dict) -> tuple:
    if term["type"] == "bnode":
        return ("bnode",)
    if term["type"] == "uri":
        return ("uri", term["value"])
    return _literal_key(term["value"], term.get("datatype"), term.get("xml:lang"))


def key_of_term(term) -> tuple:
    if isinstance(term, BNode):
        return ("bnode",)
    if isinstance(term, URIRef):
        return ("uri", str(term))
    return _literal_key(str(term), str(term.datatype) if term.datatype else None, term.language)


def _literal_key(value: str, datatype: str | None, language: str | None) -> tuple:
    if datatype in NUMERIC:
        try:
            number = Decimal(value.strip())
            value = "0" if number == 0 else str(number.normalize())
        except InvalidOperation:  # an ill-typed literal stays as written
            pass
    return ("literal", value, None if datatype == XSD_STRING else datatype, (language or "").lower())


def rows_from_json(bindings: list[dict]) -> Counter:
    return Counter(tuple(sorted((v, key_of_json(t)) for v, t in row.items())) for row in bindings)


def expected_answer(path: Path):
    """("ASK", bool) | ("SELECT", vars, Counter of rows) | ("GRAPH", Graph) from a suite's result file."""
    with exact_literals():
        return _expected_answer(path)


def _expected_answer(path: Path):
    fmt = RESULT_FORMATS.get(path.suffix)
    if fmt is None:
        graph = Graph().parse(path, format=DATA_FORMATS[path.suffix])
        result_set = graph.value(predicate=RDF.type, object=RS.ResultSet)
        return _result_set(graph, result_set) if result_set is not None else ("GRAPH", graph)
    with open(path, "rb") as source:
        result = Result.parse(source, format=fmt)
    if result.type == "ASK":
        return ("ASK", bool(result.askAnswer))
    rows = Counter(tuple(sorted((str(v), key_of_term(t)) for v, t in solution.items() if t is not None))
                   for solution in result.bindings)
    return ("SELECT", sorted(str(v) for v in result.vars), rows)


def _result_set(graph: Graph, node) -> tuple:
    """A SELECT or ASK answer written in RDF (the DAWG result-set vocabulary)."""
    boolean = graph.value(node, RS.boolean)
    if boolean is not None:
        return ("ASK", bool(boolean.toPython()))
    rows = Counter()
    for solution in graph.objects(node, RS.solution):
        rows[tuple(sorted((str(graph.value(b, RS.variable)), key_of_term(graph.value(b, RS.value)))
                          for b in graph.objects(solution, RS.binding)))] += 1
    return ("SELECT", sorted(str(v) for v in graph.objects(node, RS.resultVariable)), rows)


def dataset_for(data: tuple[Path, ...], graph_data: tuple[Path, ...]) -> Dataset:
    """The test's dataset: `data` merged into the default graph, each `graph_data` file a graph named by its IRI."""
    dataset = Dataset()
    for path in data:
        dataset.default_graph.parse(path, format=DATA_FORMATS[path.suffix], publicID=path.resolve().as_uri())
    for path in graph_data:
        dataset.graph(URIRef(path.resolve().as_uri())).parse(path, format=DATA_FORMATS[path.suffix],
                                                              publicID=path.resolve().as_uri())
    return dataset


def with_base(text: str, path: Path) -> str:
    """The query with its file's IRI as base, as the suite assumes (a later BASE in the query still wins)."""
    return f"BASE <{path.resolve().as_uri()}>\n{text}"


