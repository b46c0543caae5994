"""RDF 1.1 syntax tests (Turtle, N-Triples, N-Quads, TriG, RDF/XML) through the reader for untrusted files.

`deepfake_kg.load.parse_file` must accept every positive test, refuse every negative one with a one-sentence
DataFileError, and read every evaluation test into a graph isomorphic to the suite's expected N-Triples/N-Quads.
What it refuses on purpose (XML document type declarations, which expat would expand) counts as "refused by design".
"""
from __future__ import annotations

import pytest
from rdflib import BNode, Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from deepfake_kg.errors import DataFileError
from deepfake_kg.load import parse_file

from .manifest import RDF_DIRS, Case, cases
from .results import exact_literals
from .suites import expect, note

pytestmark = pytest.mark.conformance  # CI runs the suites; the default run does not

SUITES = {fmt: f"W3C RDF 1.1 {fmt} syntax (untrusted-file reader)" for fmt in RDF_DIRS}
QUADS = {"N-Quads", "TriG"}
CASES = [(fmt, case) for fmt, directory in RDF_DIRS.items() for case in cases([directory], {
    k for k in ("TestTurtlePositiveSyntax", "TestTurtleNegativeSyntax", "TestTurtleEval", "TestTurtleNegativeEval",
                "TestNTriplesPositiveSyntax", "TestNTriplesNegativeSyntax", "TestNQuadsPositiveSyntax",
                "TestNQuadsNegativeSyntax", "TestTrigPositiveSyntax", "TestTrigNegativeSyntax", "TestTrigEval",
                "TestTrigNegativeEval", "TestXMLEval", "TestXMLNegativeSyntax")})]


def read(fmt: str, case: Case):
    return parse_file(case.action, Dataset() if fmt in QUADS else Graph(), base=case.base)


def as_graph(graph) -> Graph:
    """Quads as one graph that isomorphism can compare: one blank node per quad, naming its four parts."""
    if not isinstance(graph, Dataset):
        return graph
    out = Graph()
    for s, p, o, g in graph.quads((None, None, None, None)):
        q = BNode()
        default = g is None or str(getattr(g, "identifier", g)) == str(Dataset().default_context.identifier)
        for part, term in (("s", s), ("p", p), ("o", o), ("g", URIRef("urn:default") if default else getattr(g, "identifier", g))):
            out.add((q, URIRef(f"urn:quad:{part}"), term))
    return out


@pytest.mark.parametrize("fmt,case", CASES, ids=[c.id for _, c in CASES])
def test_rdf_syntax(request, fmt, case):
    expect(request, SUITES[fmt], case.id)
    if "Negative" in case.kind:
        with pytest.raises(DataFileError) as refused:
            read(fmt, case)
        assert str(refused.value).startswith(str(case.action)) and "\n" not in str(refused.value)
        return
    try:
        graph = read(fmt, case)
    except DataFileError as error:
        if "document type declarations and entities are not accepted" in str(error):
            note(request, "refused by design")
            return
        raise
    if case.kind.endswith("Eval"):
        with exact_literals():
            expected = Dataset() if fmt in QUADS else Graph()
            expected.parse(case.result, format="nquads" if fmt in QUADS else "nt")
        assert isomorphic(as_graph(graph), as_graph(expected)), f"{case.id}: the graph read differs from {case.result.name}"
