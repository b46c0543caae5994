import shutil
from pathlib import Path

import pytest

from deepfake_kg.build import build
from deepfake_kg.paths import BUILD_DIR, DATA_DIR, ONTOLOGY_DIR, source_files

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def kg():
    """The project's knowledge graph, built once (or reused from build/)."""
    return build(BUILD_DIR)


@pytest.fixture
def project_copy(tmp_path):
    """A throw-away copy of ontology/ and data/ that a test may break."""
    shutil.copytree(ONTOLOGY_DIR, tmp_path / "ontology")
    shutil.copytree(DATA_DIR, tmp_path / "data")
    return tmp_path


def files_of(root: Path) -> list[Path]:
    return source_files(root / "ontology", root / "data")
