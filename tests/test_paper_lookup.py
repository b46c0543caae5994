"""The paper is not in the repository: where it is looked for, and what the tests do without it."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PAPER_MISSING
from deepfake_kg import paths
from deepfake_kg.errors import KGError
from deepfake_kg.paths import PAPER_NAME, paper_file

pytestmark = pytest.mark.slow  # child processes with and without the paper

REPO = Path(__file__).resolve().parent.parent


def test_paper_is_looked_for_in_the_option_then_the_environment_then_beside_a_checkout(tmp_path, monkeypatch):
    given, named, beside = tmp_path / "given.txt", tmp_path / "named.txt", tmp_path / "shared" / "source" / PAPER_NAME
    beside.parent.mkdir(parents=True)
    for path in (given, named, beside):
        path.write_text("text")
    monkeypatch.setattr(paths, "ROOT", tmp_path / "repo")
    monkeypatch.setattr(paths, "IN_CHECKOUT", True)
    monkeypatch.setenv("DEEPFAKE_KG_PAPER", str(named))
    assert paper_file(given) == given
    assert paper_file() == named
    monkeypatch.delenv("DEEPFAKE_KG_PAPER")
    assert paper_file() == beside
    monkeypatch.setattr(paths, "IN_CHECKOUT", False)  # an installed package has no "beside the repository"
    assert paper_file() is None


def test_a_paper_named_but_missing_is_an_error_not_a_skip(tmp_path, monkeypatch):
    monkeypatch.setenv("DEEPFAKE_KG_PAPER", str(tmp_path / "nowhere.txt"))
    with pytest.raises(KGError, match="DEEPFAKE_KG_PAPER names .*nowhere.txt, which is not a file."):
        paper_file()


def _pytest_without_paper(tmp_path, **env):
    """Run test_quotes.py as a fresh clone would: sources that are no checkout (no ../shared), no paper named."""
    root = tmp_path / "clone"
    for folder in ("ontology", "data"):
        (root / folder).mkdir(parents=True)
        (root / folder / "x.ttl").write_text("")
    environment = {k: v for k, v in os.environ.items() if k not in ("DEEPFAKE_KG_PAPER", "CI")}
    environment.update(DEEPFAKE_KG_ROOT=str(root), DEEPFAKE_KG_BUILD=str(tmp_path / "build"), **env)
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", "-m", "",
                           "tests/test_quotes.py"],
                          cwd=REPO, env=environment, capture_output=True, text=True, timeout=300)


def test_without_the_paper_its_tests_skip_with_one_reason(tmp_path):
    done = _pytest_without_paper(tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    skipped = [line for line in done.stdout.splitlines() if line.startswith("SKIPPED")]
    assert "2 skipped" in done.stdout and len(skipped) == 2, done.stdout
    assert all(line.endswith(": " + PAPER_MISSING) for line in skipped), skipped


def test_under_ci_a_missing_paper_fails_the_run_with_one_sentence(tmp_path):
    done = _pytest_without_paper(tmp_path, CI="true")
    assert done.returncode != 0
    assert "CI=true but the source paper is missing: set DEEPFAKE_KG_PAPER" in done.stdout + done.stderr
    assert "passed" not in done.stdout
