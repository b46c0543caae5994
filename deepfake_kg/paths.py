"""Where the project's files are. Everything is relative to the repository root."""
import os
from pathlib import Path

ROOT = Path(os.environ.get("DEEPFAKE_KG_ROOT", Path(__file__).resolve().parent.parent))
ONTOLOGY_DIR = ROOT / "ontology"
DATA_DIR = ROOT / "data"
QUERIES_DIR = ROOT / "queries"
BUILD_DIR = Path(os.environ.get("DEEPFAKE_KG_BUILD", ROOT / "build"))
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
# The paper lives beside the repository (../shared/source/), not in it.
PAPER_FILE = Path(os.environ.get(
    "DEEPFAKE_KG_PAPER",
    Path(__file__).resolve().parent.parent.parent / "shared" / "source" / "liu-platform-criminal-liability-deepfake.txt",
))


def source_files(ontology_dir: Path = ONTOLOGY_DIR, data_dir: Path = DATA_DIR) -> list[Path]:
    """The Turtle files that make up the graph: the ontology (without SHACL shapes) and the data."""
    files = sorted(p for p in ontology_dir.glob("*.ttl") if p.name != SHAPES_FILE.name)
    return files + sorted(data_dir.glob("*.ttl"))
