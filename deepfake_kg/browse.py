"""Looking around the graph: instruments and their provisions, class trees, lists of one kind of resource,
everything said about one resource (asserted and inferred kept apart), and its neighbourhood.

The explorer's Browse and About pages render these; nothing here knows about Streamlit.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rdflib import BNode, Literal, URIRef
from rdflib.collection import Collection

from .build import KnowledgeGraph
from .i18n import N_, collation_key, gettext
from .namespaces import DFK, OA, OWL, RDF, RDFS, curie
from .terms import Link, label, passage

LANGS = {"en": "en", "zh": "zh-Hans"}
# Vocabularies whose classes say nothing to a reader of a neighbourhood graph (owl:Class, rdf:Property, …).
_META = (str(RDF), str(RDFS), str(OWL))


@dataclass
class TreeNode:
    iri: str
    label: str
    note: str = ""
    children: list[TreeNode] = field(default_factory=list)
    # A class with several parents (multiple inheritance) stands under each: `also_under` names the others, and
    # after its first place in the tree, `listed_under` names the parent under which its own subtree is shown.
    also_under: list[Link] = field(default_factory=list)
    listed_under: Link | None = None


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


def order_key(text: str, lang: str = "en"):
    """How a list of names is sorted for a reader of `lang` (a graph language tag: "en", "zh-Hans"): by
    deepfake_kg.i18n.collation_key, the one collation of the package — numbers in number order ('Article 9' before
    'Article 10', '286-1' after '286'), Chinese by pinyin with names that have no Chinese after those that have."""
    return collation_key(text, "zh" if lang.lower().startswith("zh") else "en")


def node_label(kg: KnowledgeGraph, node, lang: str = "en") -> str:
    """A resource's label; a passage by its section and quote; a blank node by what it says."""
    g = kg.closure
    if isinstance(node, BNode):
        return describe_blank(kg, node, lang)
    if (node, RDF.type, DFK.Passage) in g:
        found = passage(g, node)
        section, quote = found.section, found.quote
        if quote:
            return f"§{section}: “{_clip(quote, 90)}”" if section else f"“{_clip(quote, 90)}”"
    return label(g, node, lang)


def describe_blank(kg: KnowledgeGraph, node: BNode, lang: str = "en") -> str:
    """A blank node in words: restrictions, class expressions, text selectors, else its statements."""
    g = kg.asserted if (node, None, None) in kg.asserted else kg.closure
    name = lambda n: describe_blank(kg, n, lang) if isinstance(n, BNode) else label(kg.closure, n, lang)
    prop = g.value(node, OWL.onProperty)
    if prop is not None:
        for predicate, word in ((OWL.hasValue, "value"), (OWL.someValuesFrom, "some"), (OWL.allValuesFrom, "only")):
            target = g.value(node, predicate)
            if target is not None:
                return f"[{name(prop)} {word} {name(target)}]"
    for predicate, word in ((OWL.intersectionOf, " and "), (OWL.unionOf, " or "), (OWL.oneOf, ", ")):
        head = g.value(node, predicate)
        if head is not None:
            return "(" + word.join(name(m) for m in Collection(g, head)) + ")"
    for predicate in (OWL.members, OWL.distinctMembers):
        head = g.value(node, predicate)
        if head is not None:
            kind = name(g.value(node, RDF.type)) if g.value(node, RDF.type) else "members"
            return f"{kind}: " + ", ".join(name(m) for m in Collection(g, head))
    quote = g.value(node, OA.exact)
    if quote is not None:
        return f"“{quote}”"
    parts = [f"{label(kg.closure, p, lang)} {name(o)}" for p, o in g.predicate_objects(node) if p != RDF.type]
    return "[" + "; ".join(sorted(parts)) + "]" if parts else "[ ]"


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _link(kg: KnowledgeGraph, node, lang: str) -> Link:
    return Link(str(node), node_label(kg, node, lang))


# ---------------------------------------------------------------- trees and lists


def instrument_tree(kg: KnowledgeGraph, lang: str = "en") -> list[TreeNode]:
    """Jurisdictions → instruments → provisions (articles → paragraphs → items), by asserted dfk:partOf."""
    g, a = kg.closure, kg.asserted
    parts: dict = {}
    for part, whole in a.subject_objects(DFK.partOf):
        parts.setdefault(whole, []).append(part)

    def provision_nodes(whole, seen) -> list[TreeNode]:
        found = []
        for part in parts.get(whole, []):
            if part in seen:
                continue
            number = str(g.value(part, DFK.number) or "")
            found.append(TreeNode(str(part), label(g, part, lang), number, provision_nodes(part, seen | {part})))
        return sorted(found, key=lambda n: (order_key(n.note), order_key(n.label, lang)))

    by_jurisdiction: dict = {}
    for instrument in described(kg, DFK.LegalInstrument):
        jurisdictions = sorted(g.objects(instrument, DFK.jurisdiction)) or [None]
        node = TreeNode(str(instrument), label(g, instrument, lang), _most_specific_type(kg, instrument, DFK.LegalInstrument, lang),
                        provision_nodes(instrument, {instrument}))
        by_jurisdiction.setdefault(jurisdictions[0], []).append(node)
    tree = []
    for jurisdiction, instruments in by_jurisdiction.items():
        name = label(g, jurisdiction, lang) if jurisdiction is not None else "—"
        tree.append(TreeNode(str(jurisdiction or ""), name, "", sorted(instruments, key=lambda n: order_key(n.label, lang))))
    return sorted(tree, key=lambda n: order_key(n.label, lang))


def class_tree(kg: KnowledgeGraph, root: URIRef, lang: str = "en", members: bool = True) -> TreeNode:
    """`root` and its named subclasses by asserted rdfs:subClassOf; individuals typed with a class as leaves.

    A class with two parents (a content-dissemination platform is both a content-dissemination service provider
    and an online platform) stands under both, each place naming the other parents; its subclasses and members are
    listed at its first place only, the later places saying where. A parent asserted beside one of its own
    subclasses (X ⊑ A, X ⊑ B, B ⊑ A) adds nothing and is left out. The note is the platform dimension, or
    "instance".
    """
    g, a = kg.closure, kg.asserted
    parents: dict = {}
    for sub, sup in a.subject_objects(RDFS.subClassOf):
        if isinstance(sub, URIRef) and isinstance(sup, URIRef) and sub != sup:
            parents.setdefault(sub, set()).add(sup)
    subclasses: dict = {}
    for sub, sups in parents.items():
        for sup in sups:
            if not any(other != sup and (other, RDFS.subClassOf, sup) in g and (sup, RDFS.subClassOf, other) not in g
                       for other in sups):
                subclasses.setdefault(sup, []).append(sub)
    in_tree, todo = {root}, [root]
    while todo:
        for sub in subclasses.get(todo.pop(), []):
            if sub not in in_tree:
                in_tree.add(sub)
                todo.append(sub)
    instance = gettext(N_("instance"), "zh" if lang.lower().startswith("zh") else "en")

    def build(cls, path, parent) -> TreeNode:
        dimension = g.value(cls, DFK.dimension)
        node = TreeNode(str(cls), label(g, cls, lang), label(g, dimension, lang) if dimension is not None else "")
        others = [p for p in parents.get(cls, ()) if p != parent and p in in_tree and cls in subclasses.get(p, [])]
        node.also_under = sorted((Link(str(p), label(g, p, lang)) for p in others), key=lambda k: order_key(k.label, lang))
        children = [build(sub, path | {sub}, cls) for sub in subclasses.get(cls, []) if sub not in path]
        node.children = sorted(children, key=lambda n: order_key(n.label, lang))
        if members:
            individuals = [TreeNode(str(i), label(g, i, lang), instance) for i in a.subjects(RDF.type, cls) if isinstance(i, URIRef)]
            node.children += sorted(individuals, key=lambda n: order_key(n.label, lang))
        return node

    tree = build(root, {root}, None)
    first_place: dict[str, Link] = {}

    def list_once(node: TreeNode) -> None:  # in reading order: the first place keeps the subtree
        for child in node.children:
            if child.iri in first_place and child.children:
                child.children, child.listed_under = [], first_place[child.iri]
                continue
            first_place.setdefault(child.iri, Link(node.iri, node.label))
            list_once(child)

    list_once(tree)
    return tree


def members(kg: KnowledgeGraph, cls: URIRef, lang: str = "en") -> list[TreeNode]:
    """The resources of class `cls` (by reasoning: members of subclasses too), with their number or kind."""
    g = kg.closure
    found = []
    for node in described(kg, cls):
        number = next((str(g.value(node, p)) for p in (DFK.referenceNumber, DFK.number, DFK.caseNumber)
                       if g.value(node, p) is not None), "")
        note = number or _most_specific_type(kg, node, cls, lang)
        found.append(TreeNode(str(node), label(g, node, lang), note))
    has_numbers = all(re.fullmatch(r"\d+", n.note) for n in found) and found
    return sorted(found, key=lambda n: (int(n.note),) if has_numbers else (order_key(n.label, lang),))


def described(kg: KnowledgeGraph, cls: URIRef) -> set:
    """Named members of `cls` that the data describes (an asserted type). This leaves out the aliases that
    owl:sameAs copies statements to, such as an instrument's ELI IRI."""
    return {s for s in kg.closure.subjects(RDF.type, cls)
            if isinstance(s, URIRef) and (s, RDF.type, None) in kg.asserted}


def _most_specific_type(kg: KnowledgeGraph, node, within: URIRef, lang: str) -> str:
    """The label of the narrowest asserted type of `node` below `within` (e.g. 'statute' for an instrument)."""
    g = kg.closure
    types = [t for t in kg.asserted.objects(node, RDF.type) if (t, RDFS.subClassOf, within) in g or t == within]
    narrowest = [t for t in types if not any(o != t and (o, RDFS.subClassOf, t) in g for o in types)]
    return ", ".join(sorted((label(g, t, lang) for t in narrowest), key=lambda text: order_key(text, lang)))


# ---------------------------------------------------------------- one resource


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
    types = [_link(kg, t, lang_tag) for t in sorted(g.objects(iri, RDF.type)) if isinstance(t, URIRef)]
    return Entity(str(iri), node_label(kg, iri, lang_tag), label(g, iri, "en"), _label_exact(kg, iri, "zh-Hans"),
                  types, outgoing, incoming[:incoming_limit], len(incoming))


def _label_exact(kg: KnowledgeGraph, node, lang: str) -> str:
    return next((str(o) for o in kg.closure.objects(node, RDFS.label) if getattr(o, "language", None) == lang), "")


def _statement(kg: KnowledgeGraph, predicate, other, triple, lang: str) -> Statement:
    inferred = kg.is_inferred(triple)
    pred = _link(kg, predicate, lang)
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
    me = _link(kg, iri, lang)

    def named(node) -> bool:
        return isinstance(node, URIRef) and not str(node).startswith(_META)

    for p, o in g.predicate_objects(iri):
        if named(o) and o != iri:
            edges.add(Edge(me, _link(kg, p, lang), _link(kg, o, lang), kg.is_inferred((iri, p, o))))
        elif isinstance(o, BNode) and g.value(o, OWL.hasValue) is not None:
            prop, value = g.value(o, OWL.onProperty), g.value(o, OWL.hasValue)
            if named(value):
                edges.add(Edge(me, _link(kg, prop, lang), _link(kg, value, lang), kg.is_inferred((iri, p, o))))
    for s, p in g.subject_predicates(iri):
        if named(s) and s != iri:
            edges.add(Edge(_link(kg, s, lang), _link(kg, p, lang), me, kg.is_inferred((s, p, iri))))
        elif isinstance(s, BNode) and p == OWL.hasValue:
            prop = g.value(s, OWL.onProperty)
            for holder in kg.asserted.subjects(RDFS.subClassOf, s):
                if named(holder):
                    edges.add(Edge(_link(kg, holder, lang), _link(kg, prop, lang), me, False))
    ordered = sorted(edges, key=lambda e: (e.inferred, order_key(e.predicate.label, lang), order_key(e.source.label, lang),
                                           order_key(e.target.label, lang)))
    return ordered[:limit]


def provision_texts(kg: KnowledgeGraph, provision: URIRef) -> ProvisionText:
    """The wording of a provision where the data has it: official text, unofficial translation, summary."""
    g = kg.closure
    official = next(iter(g.objects(provision, DFK.officialText)), None)
    translation = next(iter(g.objects(provision, DFK.unofficialTranslation)), None)
    summary = next((str(c) for c in g.objects(provision, RDFS.comment) if getattr(c, "language", "en") in ("en", None)), "")
    return ProvisionText(_link(kg, provision, "en"), str(official or ""), getattr(official, "language", "") or "",
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
