"""Build the knowledge graph: asserted triples + OWL-RL closure, checked, written under build/, cached.

The build is reused while no input file (ontology, data) and no reasoning code has changed. A failed build
never replaces the last good one: outputs are written to a temporary folder and moved into place at the end.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from rdflib import Dataset, Graph

from . import __version__
from .reasoning import DEFAULT_ENGINE, reason as engine_reason
from .load import bind_prefixes, load_sources, parse_file
from .namespaces import ASSERTED_GRAPH, INFERRED_GRAPH
from .paths import BUILD_DIR, source_files

_CODE_FILES = ("build.py", "load.py")  # and every module of reasoning/


@dataclass(eq=False)  # hashed by identity: one shared, read-only instance per build
class KnowledgeGraph:
    asserted: Graph
    inferred: Graph
    manifest: dict = field(default_factory=dict)

    @cached_property
    def closure(self) -> Graph:
        """Asserted and inferred triples together, as one read-only graph for lookups."""
        graph = Graph()
        for triple in self.asserted:
            graph.add(triple)
        for triple in self.inferred:
            graph.add(triple)
        return bind_prefixes(graph)

    @cached_property
    def dataset(self) -> Dataset:
        """The two named graphs, with their union as the default graph (for SPARQL)."""
        dataset = Dataset(default_union=True)
        for name, graph in ((ASSERTED_GRAPH, self.asserted), (INFERRED_GRAPH, self.inferred)):
            named = dataset.graph(name)
            for triple in graph:
                named.add(triple)
        return bind_prefixes(dataset)

    def is_inferred(self, triple) -> bool:
        return triple in self.inferred and triple not in self.asserted


def inputs_digest(files: list[Path]) -> str:
    digest = hashlib.sha256(__version__.encode())
    here = Path(__file__).parent
    code = [*(here / name for name in _CODE_FILES), *sorted((here / "reasoning").glob("*.py"))]
    for path in [*code, *files]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def reason(asserted: Graph, engine: str = DEFAULT_ENGINE) -> Graph:
    """The checked, filtered inferred graph for `asserted`; raises InconsistentGraph."""
    return engine_reason(asserted, engine)


def build(build_dir: Path = BUILD_DIR, files: list[Path] | None = None, force: bool = False,
          engine: str = DEFAULT_ENGINE) -> KnowledgeGraph:
    """`engine`: "reasonable" (default, proven equal to owlrl on this KG by tests/test_engine.py) or "owlrl"."""
    files = source_files() if files is None else files
    digest = inputs_digest(files)
    manifest_path = build_dir / "manifest.json"
    if not force and manifest_path.exists():
        manifest = json.loads(manifest_path.read_text())
        if manifest.get("inputs") == digest and manifest.get("engine") == engine:
            return read_build(build_dir, manifest)

    started = time.perf_counter()
    asserted = load_sources(files)
    loaded = time.perf_counter()
    inferred = reason(asserted, engine)
    reasoned = time.perf_counter()
    manifest = {
        "inputs": digest,
        "version": __version__,
        "files": [str(p.name) for p in files],
        "asserted_triples": len(asserted),
        "inferred_triples": len(inferred),
        "load_seconds": round(loaded - started, 3),
        "reasoning_seconds": round(reasoned - loaded, 3),
        "engine": engine,
    }
    _write_atomically(build_dir, asserted, inferred, manifest)
    return KnowledgeGraph(bind_prefixes(asserted), bind_prefixes(inferred), manifest)


def read_build(build_dir: Path, manifest: dict | None = None) -> KnowledgeGraph:
    if manifest is None:
        manifest = json.loads((build_dir / "manifest.json").read_text())
    # One N-Quads document for both graphs: blank-node labels are scoped to a document, so the restrictions
    # that inferred triples mention stay the very nodes of the asserted axioms.
    dataset = parse_file(build_dir / "kg.nq", Dataset())
    asserted, inferred = Graph(), Graph()
    for s, p, o, g in dataset.quads((None, None, None, None)):
        name = getattr(g, "identifier", g)
        (asserted if name == ASSERTED_GRAPH else inferred).add((s, p, o))
    return KnowledgeGraph(bind_prefixes(asserted), bind_prefixes(inferred), manifest)


def _write_atomically(build_dir: Path, asserted: Graph, inferred: Graph, manifest: dict) -> None:
    build_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=build_dir))
    try:
        kg = KnowledgeGraph(asserted, inferred, manifest)
        kg.dataset.serialize(staging / "kg.nq", format="nquads", encoding="utf-8")
        parse_file(staging / "kg.nq", Dataset())  # outputs must re-parse strictly
        (staging / "manifest.json").write_text(json.dumps(manifest, indent=2))
        # manifest last: a reader never sees a manifest whose graphs are not in place
        for name in ("kg.nq", "manifest.json"):
            os.replace(staging / name, build_dir / name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


_cached: dict[str, KnowledgeGraph] = {}


def get_kg(build_dir: Path = BUILD_DIR) -> KnowledgeGraph:
    """The process-wide knowledge graph, built on first use and then shared read-only."""
    key = str(build_dir)
    kg = _cached.get(key)
    if kg is None or kg.manifest.get("inputs") != inputs_digest(source_files()):
        kg = _cached[key] = build(build_dir)
    return kg
