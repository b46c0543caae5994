"""SPARQL syntax errors name what was expected in words and quote what was found, never a grammar rule."""
import pytest

from deepfake_kg.errors import QueryError
from deepfake_kg.sparql_guard import check_query


def refusal(text: str) -> str:
    with pytest.raises(QueryError) as error:
        check_query(text)
    return str(error.value)


@pytest.mark.parametrize("text, expected", [
    ("SELEC ?x WHERE { ?x ?p ?o }", "expected a query form: SELECT, CONSTRUCT, DESCRIBE or ASK"),
    ("SELECT WHERE { ?x ?p ?o }", "expected a variable such as ?x (or * for all variables) but found “WHERE {?x ?p ?o}”"
     .replace("{?x", "{ ?x").replace("?o}", "?o }")),
    ("SELECT ?x WHERE { ?x ?p ?o", "expected a closing brace “}” but found the end of the query. An opening “{” is never closed."),
    ("SELECT ?x WHERE { ?x ?p ?o } }", "There is a closing “}” too many."),
    ("SELECT (COUNT(?x) ?n) WHERE { ?x ?p ?o }", "expected the keyword AS"),
    ("SELECT ?x WHERE { ?x ?p ?o } LIMT 5", "the query should end here but goes on with “LIMT 5”"),
    ("SELECT ?x WHERE { ?x ?p ?o } ORDER ?x", "ORDER and GROUP are followed by BY"),
    ("PREFIX dfk <https://w3id.org/deepfake-kg/ontology#> SELECT * {}", "needs a colon after the prefix name"),
    ('ASK { ?x ?p "open }', "A quoted string is never closed."),
])
def test_syntax_errors_in_words(text, expected):
    message = refusal(text)
    assert message.startswith("SPARQL syntax error at line 1, column ")
    assert expected in message
    assert "SelectQuery" not in message and "Expected" not in message


def test_the_position_is_that_of_the_first_unreadable_token():
    assert refusal("SELECT ?x WHERE {\n  ?x ?p ?o .\n} LIMT 5").startswith("SPARQL syntax error at line 3, column 3:")
