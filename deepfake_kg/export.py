"""Serialise the graph in the common RDF formats."""
from __future__ import annotations

from .build import KnowledgeGraph
from .formats import by_name
from .namespaces import bind_prefixes, jsonld_context


def export(kg: KnowledgeGraph, fmt: str, inferred: bool = False) -> str:
    """The asserted graph (or asserted + inferred) in `fmt` (a formats.py name); TriG and N-Quads keep the two as
    named graphs."""
    found = by_name(fmt)
    if found.dataset:
        return kg.dataset.serialize(format=found.rdflib)
    graph = kg.closure if inferred else kg.asserted
    if found.name == "jsonld":
        return graph.serialize(format="json-ld", context=jsonld_context(vocabularies=False), auto_compact=True)
    return bind_prefixes(graph).serialize(format=found.rdflib)
