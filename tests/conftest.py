import os
import shutil
import subprocess
from pathlib import Path

import pytest

from deepfake_kg.build import build
from deepfake_kg.errors import KGError
from deepfake_kg.paper import read_paper
from deepfake_kg.paths import BUILD_DIR, DATA_DIR, ONTOLOGY_DIR, PAPER_NAME, paper_file, source_files

FIXTURES = Path(__file__).parent / "fixtures"
# The paper is a third party's article, not in the repository: tests that need it skip without it, for one reason.
PAPER_MISSING = (f"the paper is not in the repository; set DEEPFAKE_KG_PAPER=/path/to/{PAPER_NAME} "
                 "to check quotations")


def _find_paper():
    """(paper, why not): CI must have the paper; elsewhere a missing paper skips the tests that need it."""
    try:
        path = paper_file()
    except KGError as error:  # DEEPFAKE_KG_PAPER names no file: a mistake, never a skip
        return None, str(error)
    return (read_paper(path), None) if path else (None, PAPER_MISSING)


def pytest_sessionstart(session):
    paper, why = _find_paper()
    if paper is None and (os.environ.get("CI") == "true" or why != PAPER_MISSING):
        where = "CI=true but the source paper is missing" if why == PAPER_MISSING else why
        pytest.exit(f"{where}: set DEEPFAKE_KG_PAPER to the paper's plain text ({PAPER_NAME}) so that every "
                    "quotation is checked.", returncode=1)


@pytest.fixture(autouse=True)
def _fast_tests_start_no_process(request, monkeypatch):
    """Keep the default run fast by construction: a child process costs seconds on two cores, so a test that starts
    one (the command line, a server, Java, a wheel) must be marked `slow` (CI runs it; the default run does not)."""
    if request.node.get_closest_marker("slow") or request.node.get_closest_marker("browser"):
        return

    def refuse(self, args, *rest, **kwargs):
        raise AssertionError(f"{request.node.nodeid} starts a child process ({args!r}): mark it @pytest.mark.slow")

    monkeypatch.setattr(subprocess.Popen, "__init__", refuse)


@pytest.fixture(scope="session")
def paper():
    """The source paper (deepfake_kg.paper.Paper); the test is skipped without it (outside CI)."""
    found, why = _find_paper()
    if found is None:
        pytest.skip(why)
    return found


@pytest.fixture(scope="session")
def kg():
    """The project's knowledge graph, built once (or reused from the build cache)."""
    return build(BUILD_DIR)


@pytest.fixture
def project_copy(tmp_path):
    """A throw-away copy of ontology/ and data/ that a test may break."""
    shutil.copytree(ONTOLOGY_DIR, tmp_path / "ontology")
    shutil.copytree(DATA_DIR, tmp_path / "data")
    return tmp_path


def files_of(root: Path) -> list[Path]:
    return source_files(root / "ontology", root / "data")
