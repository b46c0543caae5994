"""One resource as a reader meets it: everything said about it (asserted and inferred kept apart), its
neighbourhood of named resources, a provision's wording, and the short name the explorer's URLs use.

The explorer's Browse page renders these; the trees and lists it shows beside them are deepfake_kg/browse.py.
"""
from __future__ import annotations

from dataclasses import dataclass

from rdflib import BNode, Literal, URIRef

from .browse import LANGS, describe_blank, node_label, order_key
from .build import KnowledgeGraph
from .namespaces import DFK, OWL, RDF, RDFS, curie
from .terms import Link, label

# Vocabularies whose classes say nothing to a reader of a neighbourhood graph (owl:Class, rdf:Property, …).
_META = (str(RDF), str(RDFS), str(OWL))



@dataclass
class Statement:
    """One triple seen from the resource: `other` is the object (outgoing) or the subject (incoming)."""
    predicate: Link
    other: str  # an IRI, a literal's text, or a blank node's description
    other_label: str
    kind: str  # "iri", "literal" or "bnode"
    lang: str
    inferred: bool


@dataclass
class Entity:
    iri: str
    label: str
    label_en: str
    label_zh: str
    types: list[Link]
    outgoing: list[Statement]
    incoming: list[Statement]
    incoming_total: int


@dataclass(frozen=True)
class Edge:
    source: Link
    predicate: Link
    target: Link
    inferred: bool


@dataclass(frozen=True)
class ProvisionText:
    provision: Link
    official: str
    official_lang: str
    translation: str
    summary: str


def node_link(kg: KnowledgeGraph, node, lang: str) -> Link:
    return Link(str(node), node_label(kg, node, lang))


def describe(kg: KnowledgeGraph, iri: URIRef, lang: str = "en", incoming_limit: int = 300) -> Entity:
    """Every statement about `iri` in the closure, each marked asserted or inferred.

    Blank nodes are described in words. An incoming link from a blank node (a restriction that names this
    resource, as in C ⊑ [hasDuty value d]) is shown as coming from the named class that holds the axiom.
    """
    g = kg.closure
    lang_tag = LANGS.get(lang, lang)
    outgoing = []
    for p, o in g.predicate_objects(iri):
        outgoing.append(_statement(kg, p, o, (iri, p, o), lang_tag))
    outgoing.sort(key=lambda s: (s.predicate.iri != str(RDF.type), order_key(s.predicate.label, lang), s.inferred,
                                 order_key(s.other_label, lang)))
    incoming = []
    for s, p in g.subject_predicates(iri):
        if isinstance(s, BNode):
            for holder, q in g.subject_predicates(s):
                if isinstance(holder, URIRef):
                    text = f"{label(g, q, lang_tag)} {describe_blank(kg, s, lang_tag)}"
                    incoming.append(Statement(Link(str(q), text), str(holder), node_label(kg, holder, lang_tag), "iri", "",
                                              kg.is_inferred((holder, q, s))))
            continue
        incoming.append(_statement(kg, p, s, (s, p, iri), lang_tag))
    incoming.sort(key=lambda s: (order_key(s.predicate.label, lang), s.inferred, order_key(s.other_label, lang)))
    types = [node_link(kg, t, lang_tag) for t in sorted(g.objects(iri, RDF.type)) if isinstance(t, URIRef)]
    return Entity(str(iri), node_label(kg, iri, lang_tag), label(g, iri, "en"), _label_exact(kg, iri, "zh-Hans"),
                  types, outgoing, incoming[:incoming_limit], len(incoming))


def _label_exact(kg: KnowledgeGraph, node, lang: str) -> str:
    return next((str(o) for o in kg.closure.objects(node, RDFS.label) if getattr(o, "language", None) == lang), "")


def _statement(kg: KnowledgeGraph, predicate, other, triple, lang: str) -> Statement:
    inferred = kg.is_inferred(triple)
    pred = node_link(kg, predicate, lang)
    if isinstance(other, Literal):
        return Statement(pred, str(other), str(other), "literal", other.language or "", inferred)
    if isinstance(other, BNode):
        return Statement(pred, str(other), describe_blank(kg, other, lang), "bnode", "", inferred)
    return Statement(pred, str(other), node_label(kg, other, lang), "iri", "", inferred)


def neighbourhood(kg: KnowledgeGraph, iri: URIRef, lang: str = "en", limit: int = 40) -> list[Edge]:
    """Links between `iri` and named resources, asserted ones first, at most `limit`.

    Class axioms through a restriction (C ⊑ [hasDuty value d]) become a direct edge C —has duty→ d.
    Links to OWL/RDFS vocabulary (owl:Class, rdf:Property) are left out: they say nothing to a reader.
    """
    g = kg.closure
    lang = LANGS.get(lang, lang)
    edges: set[Edge] = set()
    me = node_link(kg, iri, lang)

    def named(node) -> bool:
        return isinstance(node, URIRef) and not str(node).startswith(_META)

    for p, o in g.predicate_objects(iri):
        if named(o) and o != iri:
            edges.add(Edge(me, node_link(kg, p, lang), node_link(kg, o, lang), kg.is_inferred((iri, p, o))))
        elif isinstance(o, BNode) and g.value(o, OWL.hasValue) is not None:
            prop, value = g.value(o, OWL.onProperty), g.value(o, OWL.hasValue)
            if named(value):
                edges.add(Edge(me, node_link(kg, prop, lang), node_link(kg, value, lang), kg.is_inferred((iri, p, o))))
    for s, p in g.subject_predicates(iri):
        if named(s) and s != iri:
            edges.add(Edge(node_link(kg, s, lang), node_link(kg, p, lang), me, kg.is_inferred((s, p, iri))))
        elif isinstance(s, BNode) and p == OWL.hasValue:
            prop = g.value(s, OWL.onProperty)
            for holder in kg.asserted.subjects(RDFS.subClassOf, s):
                if named(holder):
                    edges.add(Edge(node_link(kg, holder, lang), node_link(kg, prop, lang), me, False))
    ordered = sorted(edges, key=lambda e: (e.inferred, order_key(e.predicate.label, lang), order_key(e.source.label, lang),
                                           order_key(e.target.label, lang)))
    return ordered[:limit]


def provision_texts(kg: KnowledgeGraph, provision: URIRef) -> ProvisionText:
    """The wording of a provision where the data has it: official text, unofficial translation, summary."""
    g = kg.closure
    official = next(iter(g.objects(provision, DFK.officialText)), None)
    translation = next(iter(g.objects(provision, DFK.unofficialTranslation)), None)
    summary = next((str(c) for c in g.objects(provision, RDFS.comment) if getattr(c, "language", "en") in ("en", None)), "")
    return ProvisionText(node_link(kg, provision, "en"), str(official or ""), getattr(official, "language", "") or "",
                         str(translation or ""), summary)


def resolve_entity(text: str, kg: KnowledgeGraph) -> URIRef | None:
    """An IRI or CURIE (dfk:…, id:…) that names a resource of the graph, or None."""
    from .namespaces import expand, iri as as_iri

    text = (text or "").strip().strip("<>")
    if not text:
        return None
    iri = as_iri(text) if text.startswith(("http://", "https://")) else expand(text)
    if iri is None:
        return None
    g = kg.closure
    if (iri, None, None) in g or (None, None, iri) in g:
        return iri
    return None


def short_name(iri) -> str:
    """The compact name used in the explorer's URLs: dfk:Term, id:kind/slug, else the IRI."""
    from .namespaces import ID

    text = str(iri)
    if text.startswith(str(ID)):
        return "id:" + text[len(str(ID)):]
    return curie(iri)

