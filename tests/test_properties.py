"""Property-based tests: the label resolver and the query guard never fail in an unplanned way."""
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deepfake_kg.duties import resolver
from deepfake_kg.errors import QueryError, UnknownPlatformType
from deepfake_kg.resolve import platform_types
from deepfake_kg.sparql_guard import check_query

pytestmark = pytest.mark.slow  # Hypothesis tries hundreds of inputs

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(text=st.text(max_size=80))
def test_any_text_resolves_to_a_platform_type_or_a_clear_error(kg, text):
    types = {t.iri for t in platform_types(kg.closure)}
    try:
        assert resolver(kg).resolve(text) in types
    except UnknownPlatformType as error:
        assert "Unknown platform type" in str(error)


@SETTINGS
@given(data=st.data())
def test_every_label_in_either_language_and_any_case_resolves_to_its_type(kg, data):
    t = data.draw(st.sampled_from(platform_types(kg.closure)))
    spelling = data.draw(st.sampled_from([t.label, t.label.upper(), f"  {t.label}  ", t.label_zh, str(t.iri)]))
    assert resolver(kg).resolve(spelling) == t.iri


@SETTINGS
@given(text=st.text(max_size=300))
def test_any_text_is_a_checked_query_or_a_one_sentence_refusal(text):
    try:
        checked = check_query(text)
        assert checked.form in {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}
    except QueryError as error:
        assert str(error).strip() and "\n" not in str(error).strip()


SERVICE = st.builds(lambda case, gap: "".join(c.upper() if u else c.lower() for c, u in zip("service", case)) + gap,
                    st.lists(st.booleans(), min_size=7, max_size=7), st.sampled_from([" ", "\n", "\t", " # c\n", "  "]))
TARGET = st.sampled_from(["<http://127.0.0.1:9/>", "?endpoint", "e:x", "SILENT <http://127.0.0.1:9/>"])
WRAP = st.sampled_from(["{}", "{{ {} }}", "OPTIONAL {{ {} }}", "FILTER EXISTS {{ {} }}", "FILTER NOT EXISTS {{ {} }}",
                        "MINUS {{ {} }}", "{{ SELECT * WHERE {{ {} }} }}", "{{ ?a ?b ?c }} UNION {{ {} }}", "GRAPH ?g {{ {} }}"])


@SETTINGS
@given(service=SERVICE, target=TARGET, wraps=st.lists(WRAP, max_size=4))
def test_service_is_refused_in_any_spelling_and_at_any_depth(service, target, wraps):
    pattern = f"{service}{target} {{ ?s ?p ?o }}"
    for wrap in wraps:
        pattern = wrap.format(pattern)
    with pytest.raises(QueryError, match="SERVICE is not allowed"):
        check_query(f"PREFIX e: <http://127.0.0.1:9/>\nSELECT * WHERE {{ ?x ?y ?z . {pattern} }}")
