"""What the embedded query path returns for solutions that SPARQL defines but rdflib handles oddly.

Each case was found by running the W3C SPARQL 1.1 evaluation tests (tests/w3c/): rdflib skips solutions that
bind nothing when its result object is iterated, and binds a plain Python string for COALESCE() of nothing.
"""
import pytest
from rdflib import Graph

from deepfake_kg.errors import QueryError
from deepfake_kg.query import run_local
from deepfake_kg.sparql_guard import Limits, check_query


def test_the_empty_pattern_has_one_solution():
    result = run_local("SELECT ?x WHERE { }", Graph())
    assert result.bindings == [{}]
    assert result.rows() == [{"x": ""}]


def test_rows_whose_projected_variables_are_all_unbound_are_kept(kg):
    classes = run_local("SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a owl:Class }", kg.dataset)
    result = run_local("SELECT ?note WHERE { ?c a owl:Class OPTIONAL { ?c <urn:x:none> ?note } }", kg.dataset)
    assert len(result.bindings) >= int(classes.rows()[0]["n"]) > 0
    assert all(row == {} for row in result.bindings)


def test_the_row_cap_counts_empty_solutions_too():
    graph = Graph().parse(data="<urn:a> <urn:p> 1, 2, 3 .", format="turtle")
    result = run_local("SELECT ?none WHERE { ?s ?p ?o }", graph, Limits(max_rows=2))
    assert result.bindings == [{}, {}] and result.truncated


@pytest.mark.parametrize("text", ["SELECT (COALESCE() AS ?x) WHERE { }", "SELECT ?x WHERE { BIND(COALESCE() AS ?x) }"])
def test_coalesce_of_nothing_is_unbound_not_an_iri(text):
    result = run_local(text, Graph())
    assert result.bindings == [{}]


def test_coalesce_still_returns_its_first_bound_argument():
    result = run_local("SELECT (COALESCE(?unbound, 'b', 'c') AS ?x) WHERE { }", Graph())
    assert result.bindings == [{"x": {"type": "literal", "value": "b"}}]


def test_a_parser_recursion_failure_is_named_as_such():
    nested = "SELECT ?x WHERE { BIND(" + "(" * 30 + "1" + ")" * 30 + " AS ?x) }"
    with pytest.raises(QueryError, match="rdflib's SPARQL parser ran out of recursion depth .*32 levels"):
        check_query(nested)


def test_a_service_nested_in_a_service_is_refused_as_service():
    with pytest.raises(QueryError, match="SERVICE is not allowed"):
        check_query("SELECT * WHERE { SERVICE <http://a/> { SERVICE <http://b/> { ?s ?p ?o } } }")
