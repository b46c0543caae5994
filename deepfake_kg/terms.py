"""How a resource is named for people: its label, a Link to it, and the passage of the paper it rests on.

Every answer of the package (duties, explanations, assessments, browsing) names resources through these, so a
label or a quotation is looked up one way only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from rdflib import Graph

from .namespaces import DFK, OA, RDFS


@dataclass(frozen=True)
class Link:
    """A resource of the graph as a reader sees it: its IRI and its label in the language asked for."""
    iri: str
    label: str


@dataclass(frozen=True)
class Passage:
    """A passage of the paper: its IRI, the section it is in ("4.1") and the verbatim quotation."""
    iri: str
    section: str
    quote: str


# What an answer names where the graph names nothing (a conclusion without a passage): empty, never None, so that
# every answer serialises to the same JSON shape.
NO_LINK = Link("", "")
NO_PASSAGE = Passage("", "", "")


def label(graph: Graph, node, lang: str = "en") -> str:
    """The rdfs:label in `lang`, else in English, else any, else the IRI's local name."""
    labels = {getattr(o, "language", None): str(o) for o in graph.objects(node, RDFS.label)}
    for choice in (lang, "en", None):
        if choice in labels:
            return labels[choice]
    if labels:
        return next(iter(labels.values()))
    return re.split(r"[#/]", str(node))[-1]


def link(graph: Graph, node, lang: str = "en") -> Link:
    return Link(str(node), label(graph, node, lang))


def links(graph: Graph, nodes, lang: str = "en") -> list[Link]:
    """Links to `nodes`, ordered by IRI (a stable order for answers that are sets)."""
    return [link(graph, node, lang) for node in sorted(nodes)]


def passage(graph: Graph, node) -> Passage:
    """The passage `node` (a dfk:Passage): its section number and its quotation (the first, if it has several)."""
    found = passages_of(graph, node)
    return found[0] if found else Passage(str(node), _section(graph, node), "")


def passages_of(graph: Graph, node) -> list[Passage]:
    """Each quotation of the passage `node`, one Passage per text selector."""
    section = _section(graph, node)
    # A selector with oa:prefix is the generated copy of the quotation (data/passage-selectors.ttl): shown once.
    quotes = sorted(str(q) for selector in graph.objects(node, OA.hasSelector) if (selector, OA.prefix, None) not in graph
                    for q in graph.objects(selector, OA.exact))
    return [Passage(str(node), section, quote) for quote in quotes]


def sources(graph: Graph, node) -> list[Passage]:
    """The passages of the paper that `node` cites (dfk:source), by section then quotation."""
    found = [p for source in graph.objects(node, DFK.source) for p in passages_of(graph, source)]
    return sorted(found, key=lambda p: (p.section, p.quote, p.iri))


def _section(graph: Graph, node) -> str:
    return next((str(n) for sec in graph.objects(node, DFK.inSection) for n in graph.objects(sec, DFK.sectionNumber)), "")
