"""One summary line per W3C suite at the end of the pytest output (the suites file themselves via suites.py)."""
from __future__ import annotations

from collections import Counter, defaultdict

import pytest

_tally: dict[str, Counter] = defaultdict(Counter)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    properties = dict(item.user_properties)
    suite = properties.get("w3c_suite")
    if suite is None or not (report.when == "call" or (report.when == "setup" and report.outcome != "passed")):
        return
    if hasattr(report, "wasxfail"):
        kind = "expected failures" if report.outcome == "skipped" else "FAILED (expected failure passed)"
    elif report.outcome == "passed":
        kind = properties.get("w3c_outcome", "passed")
    else:
        kind = "FAILED" if report.outcome == "failed" else report.outcome
    _tally[suite][kind] += 1


def pytest_terminal_summary(terminalreporter):
    if not _tally:
        return
    terminalreporter.section("W3C test suites")
    for suite, counts in _tally.items():
        parts = ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items(), key=lambda kv: kv[0] != "passed"))
        terminalreporter.write_line(f"{suite}: {sum(counts.values())} tests: {parts}")
