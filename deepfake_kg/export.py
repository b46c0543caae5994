"""Serialise the graph in the common RDF formats."""
from __future__ import annotations

from .build import KnowledgeGraph
from .load import bind_prefixes
from .namespaces import PREFIXES

FORMATS = {"ttl": "turtle", "nt": "nt", "xml": "xml", "jsonld": "json-ld", "trig": "trig", "nq": "nquads"}
SUFFIXES = {"ttl": ".ttl", "nt": ".nt", "xml": ".rdf", "jsonld": ".jsonld", "trig": ".trig", "nq": ".nq"}
JSONLD_CONTEXT = {prefix: str(ns) for prefix, ns in PREFIXES.items()}


def export(kg: KnowledgeGraph, fmt: str, inferred: bool = False) -> str:
    """The asserted graph (or asserted + inferred) in `fmt`; trig/nq keep the two as named graphs."""
    if fmt not in FORMATS:
        raise ValueError(f"Unknown format {fmt!r}: choose one of {', '.join(FORMATS)}.")
    if fmt in ("trig", "nq"):
        return kg.dataset.serialize(format=FORMATS[fmt])
    graph = kg.closure if inferred else kg.asserted
    if fmt == "jsonld":
        return graph.serialize(format="json-ld", context=JSONLD_CONTEXT, auto_compact=True)
    return bind_prefixes(graph).serialize(format=FORMATS[fmt])
