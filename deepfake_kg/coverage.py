"""What the graph holds per jurisdiction, so that an empty answer can say why it is empty: "the graph has no
duties of this jurisdiction yet" is another answer than "none of its duties attaches to this platform"."""
from __future__ import annotations

from collections import Counter

from .build import KnowledgeGraph
from .namespaces import DFK, RDF


def duties_per_jurisdiction(kg: KnowledgeGraph) -> Counter:
    """Jurisdiction IRI (str) → how many duties of the graph belong to it."""
    g = kg.closure
    return Counter(str(j) for duty in set(g.subjects(RDF.type, DFK.Duty)) for j in set(g.objects(duty, DFK.jurisdiction)))
