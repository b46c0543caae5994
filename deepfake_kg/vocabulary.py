"""What a SPARQL editor offers while one types: the graph's prefixes, its classes and properties, and every IRI
it describes (so that a result's IRI can link to its page)."""
from __future__ import annotations

from dataclasses import dataclass

from rdflib import URIRef

from .build import KnowledgeGraph
from .namespaces import OWL, RDF, RDFS

PROPERTY_TYPES = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property)


@dataclass(frozen=True)
class Vocabulary:
    prefixes: dict[str, str]  # prefix → namespace, as the graph binds them (rdflib's generated ns1… left out)
    classes: list[str]
    properties: list[str]
    iris: frozenset[str]  # every IRI the graph says something about


def vocabulary(kg: KnowledgeGraph) -> Vocabulary:
    g = kg.closure
    prefixes = {p: str(ns) for p, ns in g.namespaces() if p and not p.startswith("ns") and not p.startswith("default")}
    classes = sorted({str(c) for t in (OWL.Class, RDFS.Class) for c in g.subjects(RDF.type, t) if isinstance(c, URIRef)})
    properties = sorted({str(p) for t in PROPERTY_TYPES for p in g.subjects(RDF.type, t) if isinstance(p, URIRef)})
    iris = frozenset(str(s) for s in g.subjects() if isinstance(s, URIRef))
    return Vocabulary(prefixes, classes, properties, iris)
