"""Every quotation is verbatim in the paper, as the shared checker sees it."""
import re
import subprocess
import sys

from deepfake_kg.paths import PAPER_FILE, ROOT

CHECKER = PAPER_FILE.parent.parent / "tools" / "check_quotes.py"


def test_check_quotes_reports_no_misses():
    done = subprocess.run([sys.executable, str(CHECKER), "ontology", "data"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout
    checked = int(re.search(r"(\d+) quotations checked", done.stdout).group(1))
    assert checked >= 80
    assert ", 0 not found verbatim" in done.stdout
