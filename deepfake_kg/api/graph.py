"""The graph every function of the API answers from: the caller's `kg=`, else the process-wide one."""
from __future__ import annotations

from ..build import KnowledgeGraph, get_kg


def load_graph() -> KnowledgeGraph:
    """The knowledge graph: `.asserted`, `.inferred`, `.closure` (both, one rdflib Graph) and `.dataset` (both as
    named graphs, their union as the default graph). Built on first use, then reused while the inputs are unchanged."""
    return get_kg()


def the_graph(kg: KnowledgeGraph | None) -> KnowledgeGraph:
    return kg if kg is not None else get_kg()
