"""Turn what a user types — an IRI, a CURIE, an English or Chinese label — into a platform class."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from rdflib import Graph, URIRef

from .errors import UnknownPlatformType
from .namespaces import DFK, RDFS, SKOS, expand


@dataclass(frozen=True)
class PlatformType:
    iri: URIRef
    label: str
    label_zh: str
    dimension: URIRef
    dimension_label: str


def platform_types(graph: Graph) -> list[PlatformType]:
    """Every platform class (a class annotated with a dimension), in dimension order then by label."""
    found = []
    for cls, dimension in graph.subject_objects(DFK.dimension):
        found.append(PlatformType(cls, label(graph, cls, "en"), label(graph, cls, "zh-Hans"), dimension,
                                  label(graph, dimension, "en")))
    order = {d: int(o) for d, o in graph.subject_objects(DFK.order)}
    return sorted(found, key=lambda t: (order.get(t.dimension, 99), t.label))


def label(graph: Graph, node, lang: str = "en") -> str:
    """The rdfs:label in `lang`, else in English, else the IRI's local name."""
    labels = {getattr(o, "language", None): str(o) for o in graph.objects(node, RDFS.label)}
    for choice in (lang, "en", None):
        if choice in labels:
            return labels[choice]
    if labels:
        return next(iter(labels.values()))
    return re.split(r"[#/]", str(node))[-1]


def _key(text: str) -> str:
    return re.sub(r"[\s_\-]+", " ", text.strip().lower())


class TypeResolver:
    def __init__(self, graph: Graph):
        self.types = {t.iri: t for t in platform_types(graph)}
        self.names: dict[str, URIRef] = {}
        for iri in self.types:
            local = str(iri).split("#")[-1]
            self.names[_key(local)] = iri
            self.names[_key(re.sub(r"(?<!^)(?=[A-Z])", " ", local))] = iri
            for predicate in (RDFS.label, SKOS.altLabel):
                for name in graph.objects(iri, predicate):
                    self.names.setdefault(_key(str(name)), iri)

    def resolve(self, text: str) -> URIRef:
        text = text.strip()
        iri = URIRef(text.strip("<>")) if text.startswith(("http://", "https://", "<")) else expand(text)
        if iri is not None:
            if iri in self.types:
                return iri
            raise UnknownPlatformType(text, self.suggest(str(iri).split("#")[-1]))
        key = _key(text)
        if key in self.names:
            return self.names[key]
        raise UnknownPlatformType(text, self.suggest(text))

    def suggest(self, text: str, n: int = 3) -> list[str]:
        keys = difflib.get_close_matches(_key(text), list(self.names), n=n * 3, cutoff=0.5)
        labels = []
        for key in keys:
            name = self.types[self.names[key]].label
            if name not in labels:
                labels.append(name)
        return labels[:n]
