"""Which platform types exclude one another, read from the ontology (owl:disjointWith, owl:AllDisjointClasses),
so that a form offers a single choice where the ontology allows only one (a platform is large or small, not
both) instead of accepting a contradiction and reporting it afterwards."""
from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from rdflib import Graph, URIRef
from rdflib.collection import Collection

from .build import KnowledgeGraph
from .namespaces import OWL, RDF
from .resolve import PlatformType, platform_types


@dataclass(frozen=True)
class DimensionChoice:
    """One dimension of platform types (function, size tier, risk rating) and whether its types exclude each other."""
    iri: URIRef
    label: str
    types: tuple[PlatformType, ...]
    single_choice: bool  # every two of its types are disjoint: at most one can be chosen


def disjoint_pairs(graph: Graph) -> set[frozenset]:
    pairs = {frozenset((a, b)) for a, b in graph.subject_objects(OWL.disjointWith) if a != b}
    for axiom in graph.subjects(RDF.type, OWL.AllDisjointClasses):
        for head in graph.objects(axiom, OWL.members):
            pairs |= {frozenset(pair) for pair in combinations(Collection(graph, head), 2)}
    return pairs


def mutually_exclusive(graph: Graph, types: list[URIRef]) -> bool:
    """True if the ontology declares every two of `types` disjoint (a single type excludes nothing: False)."""
    pairs = disjoint_pairs(graph)
    return len(types) > 1 and all(frozenset(pair) in pairs for pair in combinations(types, 2))


def dimension_choices(kg: KnowledgeGraph) -> list[DimensionChoice]:
    """The dimensions in the ontology's order, each with its types and whether it is a single choice."""
    found: dict[URIRef, list[PlatformType]] = {}
    for t in platform_types(kg.closure):  # already in dimension order
        found.setdefault(t.dimension, []).append(t)
    return [DimensionChoice(dim, types[0].dimension_label, tuple(types),
                      mutually_exclusive(kg.closure, [t.iri for t in types])) for dim, types in found.items()]
