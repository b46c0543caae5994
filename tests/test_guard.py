"""The public query path is read-only, fetches nothing and stops runaway queries."""
import pytest

from deepfake_kg.errors import QueryError, QueryTimeout
from deepfake_kg.query import run_local
from deepfake_kg.sparql_guard import Limits, check_query


@pytest.mark.parametrize("text,reason", [
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", "SERVICE"),
    ("SELECT * WHERE { FILTER EXISTS { SERVICE SILENT ?x { ?s ?p ?o } } }", "SERVICE"),
    ("SELECT * WHERE { { SELECT * WHERE { OPTIONAL { SERVICE\n<http://x/> { ?s ?p ?o } } } } }", "SERVICE"),
    ("PREFIX e: <http://x/>\nSELECT * WHERE { MINUS { SERVICE e:y { ?s ?p ?o } } }", "SERVICE"),
    ("SELECT * FROM <http://127.0.0.1:9/> WHERE { ?s ?p ?o }", "FROM"),
    ("SELECT * FROM NAMED <file:///etc/passwd> WHERE { ?s ?p ?o }", "FROM"),
    ("INSERT DATA { <http://a> <http://b> <http://c> }", "read-only"),
    ("LOAD <http://127.0.0.1:9/x.ttl>", "read-only"),
    ("DROP ALL", "read-only"),
    ("", "empty"),
    ("SELECT * WHERE { ?s ?p ?o " + "{ " * 60 + "}" * 60 + " }", "nests"),
])
def test_refused_queries_say_why(text, reason):
    with pytest.raises(QueryError, match=reason):
        check_query(text)


def test_a_runaway_query_is_stopped_at_its_limit(kg):
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    with pytest.raises(QueryError, match="longer than 1 s") as stopped:
        run_local(runaway, kg.dataset, Limits(timeout_seconds=1))
    assert isinstance(stopped.value, QueryTimeout) and stopped.value.seconds == 1  # the app words it itself


def test_rows_are_capped_with_a_notice(kg):
    result = run_local("SELECT * WHERE { ?s ?p ?o }", kg.dataset, Limits(max_rows=5))
    assert len(result.bindings) == 5 and result.truncated
    assert "truncated" in result.notice


@pytest.mark.parametrize("text,reason", [
    ("SELECT ?p (COUNT(?o) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?s", r"\?p is projected but neither grouped nor inside an aggregate"),
    ("SELECT ?s (COUNT(?o) AS ?n) WHERE { ?s ?p ?o }", r"\?s is projected but neither grouped"),
    ("SELECT ((?a + ?b) AS ?c) (COUNT(*) AS ?n) WHERE { ?x <urn:p> ?a ; <urn:q> ?b } GROUP BY (?a + ?b)", r"\?a is projected"),
    ("SELECT * WHERE { ?s ?p ?o } GROUP BY ?s", "SELECT \\* cannot be used with GROUP BY"),
    ("SELECT (1 AS ?x) (2 AS ?x) WHERE { }", r"binds \?x twice"),
    ("SELECT * WHERE { VALUES (?a ?b) { (1) } }", "1 value for 2 variables"),
])
def test_what_rdflib_would_answer_arbitrarily_is_refused(text, reason):
    """rdflib parses these and then answers with an arbitrary value per group (the W3C negative syntax tests)."""
    with pytest.raises(QueryError, match=reason):
        check_query(text)


@pytest.mark.parametrize("text", [
    "SELECT ?s (COUNT(?o) AS ?n) ((?n * 2) AS ?twice) WHERE { ?s ?p ?o } GROUP BY ?s",
    "SELECT ?w (SAMPLE(?o) AS ?any) WHERE { ?s ?p ?o } GROUP BY (STR(?s) AS ?w)",
    "SELECT ?s (EXISTS { ?s ?p ?o } AS ?has) (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?s",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o } HAVING (COUNT(*) > 1)",
    "SELECT * WHERE { VALUES ?a { 1 2 } VALUES (?b ?c) { (1 UNDEF) (UNDEF 2) } }",
])
def test_grouped_queries_that_follow_the_rules_pass(text):
    check_query(text)


def test_every_limit_carries_help_and_is_documented_in_security_md():
    from deepfake_kg.paths import ROOT

    security = (ROOT / "SECURITY.md").read_text(encoding="utf-8")
    settings = Limits.settings()
    assert {name for name, _, _ in settings} >= {"timeout_seconds", "max_rows", "memory_mb", "max_query_chars", "max_nesting"}
    for name, default, help_text in settings:
        assert help_text and default == getattr(Limits(), name), name
        assert f"`{name}`" in security, f"SECURITY.md does not document the setting {name}"
