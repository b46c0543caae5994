"""One summary line for the OWL 2 RL suite at the end of a test run (CI prints it)."""
from collections import Counter

_outcomes: Counter = Counter()


def pytest_runtest_logreport(report):
    if "owl2rl/" in report.nodeid.replace("\\", "/") and (report.when == "call" or report.outcome != "passed"):
        _outcomes[report.outcome] += 1


def pytest_terminal_summary(terminalreporter):
    if _outcomes:
        from .rules import RULES

        counts = ", ".join(f"{n} {outcome}" for outcome, n in sorted(_outcomes.items()))
        terminalreporter.write_line(f"OWL 2 RL suite ({len(RULES)} rules of Tables 4–9 and owlrl 7.6.2's own tests, "
                                    f"every engine): {counts}")
