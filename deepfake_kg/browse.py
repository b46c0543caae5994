"""Looking around the graph: instruments and their provisions, class trees, lists of one kind of resource, and
how any node is named for a reader (a passage by its quotation, a blank node by what it says).

The explorer's Browse and About pages render these; nothing here knows about Streamlit. One resource's own
page (its statements, neighbourhood, wording) is deepfake_kg/entities.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rdflib import BNode, URIRef
from rdflib.collection import Collection

from .build import KnowledgeGraph
from .i18n import N_, collation_key, gettext
from .namespaces import DFK, OA, OWL, RDF, RDFS
from .terms import Link, label, passage

LANGS = {"en": "en", "zh": "zh-Hans"}


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
