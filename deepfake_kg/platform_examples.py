"""Ready-made platforms a student can start from: each a combination of platform types, read from the graph
(data/examples.ttl), so a new example is a few lines of Turtle.

Not to be confused with scenario.py (facts about a platform and an incident, for assessment): an example here
says only what kind of platform it is. tests/test_platform_examples.py checks that each type exists, that no
example combines disjoint types, and that each receives exactly the duties of its types.
"""
from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph, URIRef

from .namespaces import DFK, RDF
from .resolve import _order
from .terms import label


@dataclass(frozen=True)
class PlatformExample:
    slug: str  # the last segment of its IRI: what the app's URLs and the CLI use
    label: str
    label_zh: str
    types: tuple[URIRef, ...]  # in the order of their dimensions (function first), as explanations prefer
    iri: str = ""


def platform_examples(graph: Graph) -> list[PlatformExample]:
    """Every dfk:PlatformExample of `graph`, in dfk:order."""
    found = []
    for node in set(graph.subjects(RDF.type, DFK.PlatformExample)):
        if not isinstance(node, URIRef):
            continue
        types = sorted(graph.objects(node, DFK.exampleType),
                       key=lambda t: (_order(graph, graph.value(t, DFK.dimension)), str(t)))
        found.append((_order(graph, node), PlatformExample(str(node).rstrip("/").rsplit("/", 1)[-1], label(graph, node, "en"),
                                                           label(graph, node, "zh-Hans"), tuple(types), str(node))))
    return [example for _, example in sorted(found, key=lambda pair: (pair[0], pair[1].slug))]
