"""Where the project's files are: the graph's sources, the build cache and the source paper.

The sources (ontology/, data/, queries/, scenarios/, ui/) are top-level folders of the repository. A wheel carries
them inside the package, under deepfake_kg/bundled/ (pyproject.toml, force-include); importlib.resources finds
that folder in an installed package, and the repository root in a checkout (or an editable install).
The build cache is per user (platformdirs), one folder per source folder, so that several checkouts on one
machine never overwrite each other's build, and nothing is ever written into an installed package.
The paper is a third party's article: it is never in the repository or the wheel (see `paper_file`).
"""
from __future__ import annotations

import hashlib
import os
from importlib.resources import files
from pathlib import Path

from .errors import KGError

PAPER_NAME = "liu-platform-criminal-liability-deepfake.txt"


def _root() -> Path:
    if os.environ.get("DEEPFAKE_KG_ROOT"):
        return Path(os.environ["DEEPFAKE_KG_ROOT"]).resolve()
    package = Path(str(files("deepfake_kg")))
    bundled = package / "bundled"
    return bundled if bundled.is_dir() else package.parent


ROOT = _root()
# A checkout (or an editable install of one) has pyproject.toml beside the sources; an installed wheel does not.
IN_CHECKOUT = (ROOT / "pyproject.toml").is_file()
ONTOLOGY_DIR = ROOT / "ontology"
DATA_DIR = ROOT / "data"
QUERIES_DIR = ROOT / "queries"
SCENARIOS_DIR = ROOT / "scenarios"
UI_DIR = ROOT / "ui"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
PASSAGE_SELECTORS_FILE = DATA_DIR / "passage-selectors.ttl"


def _build_dir() -> Path:
    if os.environ.get("DEEPFAKE_KG_BUILD"):
        return Path(os.environ["DEEPFAKE_KG_BUILD"])
    from platformdirs import user_cache_path

    # Keyed by the source folder: eight worktrees (or a checkout and an installed wheel) get eight caches.
    key = hashlib.sha256(str(ROOT).encode()).hexdigest()[:12]
    return user_cache_path("deepfake-kg", appauthor=False) / f"{ROOT.name}-{key}"


BUILD_DIR = _build_dir()


def source_files(ontology_dir: Path = ONTOLOGY_DIR, data_dir: Path = DATA_DIR) -> list[Path]:
    """The Turtle files that make up the graph: the ontology (without SHACL shapes) and the data."""
    for folder in (ontology_dir, data_dir):
        if not folder.is_dir() or not any(folder.glob("*.ttl")):
            raise KGError(f"No Turtle files in {folder}: the graph's sources are missing (a broken checkout or "
                          "installation, or a wrong DEEPFAKE_KG_ROOT).")
    files = sorted(p for p in ontology_dir.glob("*.ttl") if p.name != SHAPES_FILE.name)
    return files + sorted(data_dir.glob("*.ttl"))


def paper_file(given: str | Path | None = None) -> Path | None:
    """The source paper's text: `given` (--paper FILE), else $DEEPFAKE_KG_PAPER, else — in a checkout only — the
    team's copy in ../shared/source/ beside the repository. None when there is none; a named file that does not
    exist is an error, not a silent skip."""
    named = given or os.environ.get("DEEPFAKE_KG_PAPER")
    if named:
        path = Path(named).expanduser()
        if not path.is_file():
            origin = "--paper" if given else "DEEPFAKE_KG_PAPER"
            raise KGError(f"{origin} names {path}, which is not a file.")
        return path
    if IN_CHECKOUT:
        beside = ROOT.parent / "shared" / "source" / PAPER_NAME
        if beside.is_file():
            return beside
    return None
