"""The expected failures (one file, each with its reason) and how a test files itself under its suite.

Every test here is parametrized over a suite's manifest; `expect(request, suite, case_id)` files it under its
suite and turns an entry of expected-failures.yaml into a strict xfail, so an expected failure that starts to pass
fails the run until its entry is removed. conftest.py counts the outcomes per suite and prints one line each.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

EXPECTED_FILE = Path(__file__).parent / "expected-failures.yaml"
EXPECTED: dict[str, dict[str, str]] = yaml.safe_load(EXPECTED_FILE.read_text(encoding="utf-8")) or {}


def expect(request, suite: str, case_id: str) -> None:
    request.node.user_properties.append(("w3c_suite", suite))
    reason = (EXPECTED.get(suite) or {}).get(case_id)
    if reason:
        request.node.add_marker(pytest.mark.xfail(reason=reason, strict=True))


def note(request, outcome: str) -> None:
    """Count a passing test under a finer outcome than "passed" (e.g. "refused by design")."""
    request.node.user_properties.append(("w3c_outcome", outcome))
