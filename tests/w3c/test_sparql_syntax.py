"""SPARQL 1.1 syntax tests through the guard (`deepfake_kg.sparql_guard.check_query`).

The guard must accept every valid query, refuse every invalid one with a one-sentence QueryError, and refuse what
a read-only endpoint without federation never runs, even when it is valid SPARQL: FROM / FROM NAMED and SERVICE
(counted as "refused by design", each with the refusal that names it) and every update.
"""
from __future__ import annotations

import re

import pytest

from deepfake_kg.errors import QueryError
from deepfake_kg.sparql_guard import check_query

from .manifest import QUERY_DIRS, REFUSED_DIRS, cases
from .suites import expect, note

pytestmark = pytest.mark.conformance  # CI runs the suites; the default run does not

QUERY_SUITE = "W3C SPARQL 1.1 query syntax (guard)"
REFUSED_SUITE = "W3C SPARQL 1.1 update and federation syntax (guard refuses)"
QUERY_CASES = cases(QUERY_DIRS, {"PositiveSyntaxTest11", "NegativeSyntaxTest11"})
REFUSED_CASES = cases(REFUSED_DIRS, {"PositiveSyntaxTest11", "PositiveUpdateSyntaxTest11", "NegativeUpdateSyntaxTest11"})

# What the guard refuses by design, and the words its refusal must use.
_BY_DESIGN = [(re.compile(r"^\s*(FROM|FROM\s+NAMED)\s", re.I | re.M), "FROM and FROM NAMED are not allowed"),
              (re.compile(r"\bSERVICE\b", re.I), "SERVICE is not allowed")]


def refused_by_design(text: str) -> str | None:
    return next((reason for pattern, reason in _BY_DESIGN if pattern.search(text)), None)


def one_sentence(error: QueryError) -> bool:
    return "\n" not in str(error) and "Traceback" not in str(error)


@pytest.mark.parametrize("case", QUERY_CASES, ids=str)
def test_query_syntax(request, case):
    expect(request, QUERY_SUITE, case.id)
    text = case.action.read_text(encoding="utf-8")
    if case.kind == "NegativeSyntaxTest11":
        with pytest.raises(QueryError) as refused:
            check_query(text)
        assert one_sentence(refused.value)
        return
    reason = refused_by_design(text)
    if reason:
        with pytest.raises(QueryError, match=reason):
            check_query(text)
        note(request, "refused by design")
    else:
        check_query(text)


@pytest.mark.parametrize("case", REFUSED_CASES, ids=str)
def test_updates_and_federation_are_refused(request, case):
    expect(request, REFUSED_SUITE, case.id)
    text = case.action.read_text(encoding="utf-8")
    with pytest.raises(QueryError) as refused:
        check_query(text)
    assert one_sentence(refused.value)
    if case.kind == "PositiveUpdateSyntaxTest11":
        assert "read-only" in str(refused.value)
    elif case.kind == "PositiveSyntaxTest11":
        assert "SERVICE is not allowed" in str(refused.value)
