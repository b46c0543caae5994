"""Every quotation is verbatim in the paper: as the package checks it, and as the shared checker sees it.

Both need the paper, which is not in the repository (they skip without it, and fail under CI=true)."""
import re
import subprocess
import sys

import pytest

from deepfake_kg.passages import anchors, check
from deepfake_kg.paths import ROOT


def test_every_quotation_is_in_the_paper_and_in_its_section(paper, kg):
    findings = check(kg.asserted, paper)
    assert not findings.problems, "\n".join(f"{r}: {m}" for r, m in findings.problems)
    passages = [a for a in anchors(kg.asserted) if a.quote is not None]
    assert findings.quotations == len(passages) >= 80


@pytest.mark.slow  # a child process
def test_the_shared_checker_reports_no_misses(paper):
    checker = paper.path.resolve().parent.parent / "tools" / "check_quotes.py"
    if not checker.is_file():
        pytest.skip(f"the team's shared checker is not beside the paper ({checker})")
    done = subprocess.run([sys.executable, str(checker), "ontology", "data", "--source", str(paper.path)],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout
    checked = int(re.search(r"(\d+) quotations checked", done.stdout).group(1))
    assert checked >= 80
    assert ", 0 not found verbatim" in done.stdout
