"""Turn what a user types — an IRI, a CURIE, a short name, an English or Chinese label — into a resource of the
graph: a platform type, a duty, a jurisdiction. An unknown name is an error with did-you-mean suggestions."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from rdflib import Graph, URIRef

from .errors import KGError, UnknownPlatformType
from .namespaces import DFK, RDF, RDFS, SKOS, expand, iri
from .terms import Link, label, link


@dataclass(frozen=True)
class Dimension:
    """A dimension along which platforms are typed (function, size tier, …), read from the ontology."""
    iri: URIRef
    label: str
    label_zh: str
    order: int


@dataclass(frozen=True)
class PlatformType:
    iri: URIRef
    label: str
    label_zh: str
    dimension: URIRef
    dimension_label: str


def dimensions(graph: Graph) -> list[Dimension]:
    """Every dimension some platform class is annotated with (dfk:dimension), by dfk:order then label."""
    found = {d for d in graph.objects(None, DFK.dimension) if isinstance(d, URIRef)}
    return sorted((Dimension(d, label(graph, d, "en"), label(graph, d, "zh-Hans"), _order(graph, d)) for d in found),
                  key=lambda d: (d.order, d.label))


def _order(graph: Graph, node) -> int:
    value = graph.value(node, DFK.order)
    try:
        return int(value)
    except (TypeError, ValueError):
        return 99


def platform_types(graph: Graph) -> list[PlatformType]:
    """Every platform class (a class annotated with a dimension), in dimension order then by label."""
    found = []
    for cls, dimension in graph.subject_objects(DFK.dimension):
        found.append(PlatformType(cls, label(graph, cls, "en"), label(graph, cls, "zh-Hans"), dimension,
                                  label(graph, dimension, "en")))
    return sorted(found, key=lambda t: (_order(graph, t.dimension), t.label))


def jurisdictions(graph: Graph, lang: str = "en") -> list[Link]:
    """Every jurisdiction of the graph, by label."""
    return sorted((link(graph, j, lang) for j in set(graph.subjects(RDF.type, DFK.Jurisdiction)) if isinstance(j, URIRef)),
                  key=lambda j: j.label)


def _key(text: str) -> str:
    return re.sub(r"[\s_\-]+", " ", text.strip().lower())


class Names:
    """The names users may give to a set of resources: IRI, CURIE, last IRI segment, labels, alternative labels."""

    def __init__(self, graph: Graph, resources, kind: str):
        self.kind = kind
        self.resources = sorted(set(resources))
        self.labels = {iri: label(graph, iri) for iri in self.resources}
        self.names: dict[str, URIRef] = {}
        for iri in self.resources:
            local = re.split(r"[#/]", str(iri).rstrip("/"))[-1]
            self.names[_key(local)] = iri
            self.names[_key(re.sub(r"(?<!^)(?=[A-Z])", " ", local))] = iri
            for predicate in (RDFS.label, SKOS.altLabel):
                for name in graph.objects(iri, predicate):
                    self.names.setdefault(_key(str(name)), iri)

    def find(self, text: str) -> URIRef | None:
        text = text.strip()
        if text.startswith(("http://", "https://", "<")):
            return self._known(iri(text.strip("<>")))
        curie = expand(text)
        return self._known(curie) if curie is not None else self.names.get(_key(text))

    def _known(self, node) -> URIRef | None:
        return node if node in self.labels else None

    def suggest(self, text: str, n: int = 3) -> list[str]:
        text = re.split(r"[#/:]", text.strip().strip("<>").rstrip("/"))[-1]
        keys = difflib.get_close_matches(_key(text), list(self.names), n=n * 3, cutoff=0.5)
        labels = []
        for key in keys:
            name = self.labels[self.names[key]]
            if name not in labels:
                labels.append(name)
        return labels[:n]

    def resolve(self, text: str) -> URIRef:
        found = self.find(text)
        if found is None:
            hint = self.suggest(text)
            raise KGError(f"Unknown {self.kind} {text.strip()!r}.{' Did you mean: ' + '; '.join(hint) + '?' if hint else ''}")
        return found


class TypeResolver(Names):
    def __init__(self, graph: Graph):
        self.types = {t.iri: t for t in platform_types(graph)}
        super().__init__(graph, self.types, "platform type")

    def resolve(self, text: str) -> URIRef:
        found = self.find(text)
        if found is None:
            raise UnknownPlatformType(text.strip(), self.suggest(text))
        return found


class DutyResolver(Names):
    """A duty by IRI, CURIE (id:duty/…), short name (the id `deepfake-kg duties` shows) or label."""

    def __init__(self, graph: Graph):
        super().__init__(graph, (d for d in graph.subjects(RDF.type, DFK.Duty) if isinstance(d, URIRef)), "duty")


def resolve_jurisdiction(text: str, graph: Graph) -> URIRef:
    """A jurisdiction by IRI, CURIE, short name (cn, eu, us) or label."""
    return Names(graph, (j for j in graph.subjects(RDF.type, DFK.Jurisdiction) if isinstance(j, URIRef)),
                 "jurisdiction").resolve(text)
