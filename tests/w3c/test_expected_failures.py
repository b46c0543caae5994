"""Every entry of expected-failures.yaml names a real test and fails the same way in the plain library.

"Plain" means rdflib's own `Graph.parse` / `Dataset.query` / SPARQL parser, or pyoxigraph's in-memory `Store`:
no guard, no child process, no HTTP. An entry that plain rdflib or Oxigraph passes would be a defect of this
project hidden as an upstream one.
"""
from __future__ import annotations

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery

from .manifest import QUERY_DIRS, RDF_DIRS, cases
from .plain import oxigraph_answer, rdflib_answer, same
from .results import exact_literals, expected_answer
from .suites import EXPECTED
from .test_rdf_syntax import CASES as RDF_CASES
from .test_rdf_syntax import QUADS, SUITES as RDF_SUITES, as_graph
from .test_sparql_eval import EMBEDDED, ENDPOINT
from .test_sparql_syntax import QUERY_SUITE

pytestmark = pytest.mark.conformance  # CI runs the suites; the default run does not

EVAL = {c.id: c for c in cases(QUERY_DIRS, {"QueryEvaluationTest"})}
SYNTAX = {c.id: c for c in cases(QUERY_DIRS, {"PositiveSyntaxTest11", "NegativeSyntaxTest11"})}
RDF = {(RDF_SUITES[fmt], c.id): (fmt, c) for fmt, c in RDF_CASES}
ENTRIES = [(suite, case_id) for suite, entries in EXPECTED.items() for case_id in entries]
FORMATS = {"Turtle": "turtle", "N-Triples": "nt", "N-Quads": "nquads", "TriG": "trig", "RDF/XML": "xml"}


def test_every_suite_named_in_the_file_exists():
    assert set(EXPECTED) <= {EMBEDDED, ENDPOINT, QUERY_SUITE, *RDF_SUITES.values()}
    assert all(isinstance(reason, str) and len(reason) > 20 for entries in EXPECTED.values() for reason in entries.values())


def _plain_rdf_fails(fmt, case) -> bool:
    try:
        graph = Dataset() if fmt in QUADS else Graph()
        graph.parse(case.action, format=FORMATS[fmt], publicID=case.base)
    except Exception:
        return "Negative" not in case.kind  # a refused valid file fails; a refused invalid one passes
    if "Negative" in case.kind:
        return True  # rdflib accepted an invalid file
    if case.kind.endswith("Eval"):
        with exact_literals():
            expected = Dataset() if fmt in QUADS else Graph()
            expected.parse(case.result, format="nquads" if fmt in QUADS else "nt")
        return not isomorphic(as_graph(graph), as_graph(expected))
    return False


def _plain_parser_fails(case) -> bool:
    text = case.action.read_text(encoding="utf-8")
    try:
        translateQuery(parseQuery(text))
    except Exception:
        return case.kind == "PositiveSyntaxTest11"
    return case.kind == "NegativeSyntaxTest11"


def _plain_evaluation_fails(answer, case) -> bool:
    try:
        return not same(answer(case), expected_answer(case.result))
    except Exception:
        return True


@pytest.mark.parametrize("suite,case_id", ENTRIES, ids=[f"{s.split('(')[0].strip()}:{c}" for s, c in ENTRIES])
def test_the_plain_library_fails_it_too(suite, case_id):
    if suite == EMBEDDED:
        assert _plain_evaluation_fails(rdflib_answer, EVAL[case_id]), "plain rdflib passes this test"
    elif suite == ENDPOINT:
        assert _plain_evaluation_fails(oxigraph_answer, EVAL[case_id]), "plain Oxigraph passes this test"
    elif suite == QUERY_SUITE:
        assert _plain_parser_fails(SYNTAX[case_id]), "rdflib's parser and algebra get this test right"
    else:
        fmt, case = RDF[(suite, case_id)]
        assert _plain_rdf_fails(fmt, case), "plain rdflib passes this test"
