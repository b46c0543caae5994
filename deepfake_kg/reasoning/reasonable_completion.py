"""`reasonable`, completed to owlrl's closure: the rules it lacks or is not given (docs/reasoning.md, points 1,
2 and 5), run here by hash lookups over a TripleView, alternating with reasonable to the joint fixpoint."""
from __future__ import annotations

from collections import defaultdict

from rdflib import Literal

from ..namespaces import OWL, RDF, RDFS
from .schema_rules import schema_edges
from .views import Terms, TripleView, rdf_list

TYPE = RDF.type  # rdflib's namespace attributes cost microseconds a lookup: bound once for the loops


def reasonable_closure(asserted) -> set:
    """The closure from reasonable, completed to owlrl's (docs/reasoning.md, points 1–5), as a set of rdflib triples."""
    return reasonable_view(asserted).triples


def reasonable_view(asserted) -> TripleView:
    import reasonable  # a compiled extension: loaded when first used, not with the package

    terms = Terms(asserted)
    withheld = {t for t in asserted if _is_withheld(t)}
    reasoner = reasonable.PyReasoner()
    reasoner.from_graph([t for t in asserted if t not in withheld])
    while True:
        view = TripleView(terms.restore(reasoner.reason()) | withheld)
        missing = complete(view)
        if not missing:
            return view
        del view  # at a million triples, two closures at once are gigabytes
        # reasonable refuses a literal subject (prp-fp on two literal values makes "a" owl:sameAs "b"): such
        # triples stay on this side, with the withheld ones; is_meaningful drops them in the end anyway
        # and so do the withheld kinds eq-rep gives (a class made owl:sameAs another takes its disjointness)
        kept = {t for t in missing if type(t[0]) is Literal or _is_withheld(t)}
        withheld |= kept
        reasoner.from_graph(list(missing - kept))  # additions only: materialised incrementally


# Kept from reasonable, whose rules on them join quadratically (docs/reasoning.md, point 5); their rules run here instead.
_WITHHELD_PREDICATES = {OWL.hasValue, OWL.disjointWith, OWL.complementOf}
_WITHHELD_TYPES = {OWL.FunctionalProperty, OWL.InverseFunctionalProperty}


def _is_withheld(triple) -> bool:
    return triple[1] in _WITHHELD_PREDICATES or (triple[1] == TYPE and triple[2] in _WITHHELD_TYPES)


def complete(view: TripleView) -> set:
    """What owlrl derives and reasonable does not (or is not given), from the triples of `view`, to the fixpoint
    of these rules alone (a duty attached by cls-hv1 makes a chain edge at once); added to `view`."""
    added, schema_changed = set(), True
    while True:
        new = (_chain_edges(view) | _has_value_edges(view) | _functional_edges(view) | _cardinality_edges(view)
               | _key_edges(view) | _one_of_edges(view) | _withheld_replacements(view))
        if schema_changed:  # the schema rules read only schema triples: rerun when one was added
            new |= schema_edges(view)
        new -= view.triples
        if not new:
            return added
        view.update(new)
        added |= new
        schema_changed = any(p in _SCHEMA_INPUTS or (p == TYPE and o in _SCHEMA_TYPES) for s, p, o in new)


_SCHEMA_INPUTS = {RDFS.subClassOf, OWL.equivalentClass, RDFS.subPropertyOf, OWL.equivalentProperty, RDFS.domain, RDFS.range, OWL.onProperty,
                  OWL.hasValue, OWL.someValuesFrom, OWL.allValuesFrom, OWL.intersectionOf, OWL.unionOf, RDF.first, RDF.rest}
_SCHEMA_TYPES = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}


def _has_value_edges(view: TripleView) -> set:
    """cls-hv1 (x a R → x p v) and cls-hv2 (x p v → x a R) for R = [ owl:onProperty p ; owl:hasValue v ]."""
    on_property = dict(view.pairs(OWL.onProperty))
    restrictions = defaultdict(set)  # (p, v) → the restrictions R
    for r, v in view.pairs(OWL.hasValue):
        if r in on_property:
            restrictions[on_property[r], v].add(r)
    found = set()
    for (p, v), named in restrictions.items():
        for r in named:
            found |= {(x, p, v) for x in view.subjects(TYPE, r)}  # cls-hv1
    for p in {p for p, v in restrictions}:
        for x, v in view.pairs(p):
            found |= {(x, TYPE, r) for r in restrictions.get((p, v), ())}  # cls-hv2
    return found


def _functional_edges(view: TripleView) -> set:
    """prp-fp (x p y1, x p y2 → y1 owl:sameAs y2) and prp-ifp (x1 p y, x2 p y → x1 owl:sameAs x2)."""
    found = set()
    for kind, key in ((OWL.FunctionalProperty, 0), (OWL.InverseFunctionalProperty, 1)):
        for p in view.subjects(TYPE, kind):
            values = defaultdict(set)
            for pair in view.pairs(p):
                values[pair[key]].add(pair[1 - key])
            for same in values.values():
                if len(same) > 1:
                    found |= {(a, OWL.sameAs, b) for a in same for b in same if a != b}
    return found


def _chain_edges(view: TripleView) -> set:
    """prp-spo2: u0 p1 u1 … pn un and q owl:propertyChainAxiom (p1 … pn) give u0 q un; to a fixpoint, since
    one chain's property may be a link of another (dfk:subjectTo's chain uses dfk:hasLegalSource)."""
    chains = [(q, rdf_list(view, head)) for q, head in view.pairs(OWL.propertyChainAxiom)]
    chains = [(q, links) for q, links in chains if links]
    edges = {p: set(view.pairs(p)) for q, links in chains for p in (q, *links)}
    found = set()
    changed = bool(chains)
    while changed:
        changed = False
        for q, links in chains:
            pairs = edges[links[0]]
            for link in links[1:]:
                successors = defaultdict(list)
                for y, z in edges[link]:
                    successors[y].append(z)
                pairs = {(x, z) for x, y in pairs for z in successors.get(y, ())}
            fresh = pairs - edges[q]
            if fresh:
                edges[q] |= fresh
                found |= {(x, q, z) for x, z in fresh}
                changed = True
    return found


def _cardinality_edges(view: TripleView) -> set:
    """cls-maxc2, cls-maxqc3, cls-maxqc4: the values of a property limited to one (of a class) are the same."""
    on_property, on_class = dict(view.pairs(OWL.onProperty)), dict(view.pairs(OWL.onClass))
    limited = [(r, None) for r, n in view.pairs(OWL.maxCardinality) if _is_one(n)]
    limited += [(r, on_class.get(r)) for r, n in view.pairs(OWL.maxQualifiedCardinality) if _is_one(n) and r in on_class]
    found = set()
    for r, c in limited:
        if r not in on_property:
            continue
        for x in view.subjects(TYPE, r):
            values = {y for y in view.objects(x, on_property[r]) if c in (None, OWL.Thing) or (y, TYPE, c) in view}
            found |= _all_same(values)
    return found


def _key_edges(view: TripleView) -> set:
    """prp-key: two members of a class that share a value of each of its key properties are the same."""
    found = set()
    for c, head in view.pairs(OWL.hasKey):
        keys = rdf_list(view, head)
        if not keys:
            continue
        members_by_key = defaultdict(set)
        for x in view.subjects(TYPE, c):
            combinations = [()]
            for p in keys:
                combinations = [(*k, z) for k in combinations for z in view.objects(x, p)]
            for key in combinations:
                members_by_key[key].add(x)
        for members in members_by_key.values():
            found |= _all_same(members)
    return found


def _one_of_edges(view: TripleView) -> set:
    """cls-oo: each listed individual is a member of the class its list enumerates."""
    return {(y, TYPE, c) for c, head in view.pairs(OWL.oneOf) for y in rdf_list(view, head)}


def _withheld_replacements(view: TripleView) -> set:
    """eq-rep-s and eq-rep-o on the triples withheld from reasonable, which it therefore cannot rewrite."""
    same = defaultdict(set)
    for a, b in view.pairs(OWL.sameAs):
        same[a].add(b)
    if not same:
        return set()
    found = set()
    for p in _WITHHELD_PREDICATES:
        found |= {(s2, p, o2) for s, o in view.pairs(p) for s2 in same.get(s, {s}) | {s} for o2 in same.get(o, {o}) | {o}}
    for kind in _WITHHELD_TYPES:
        found |= {(x2, TYPE, kind) for x in view.subjects(TYPE, kind) for x2 in same.get(x, ())}
    return found


def _all_same(individuals: set) -> set:
    return {(a, OWL.sameAs, b) for a in individuals for b in individuals if a != b} if len(individuals) > 1 else set()


def _is_one(literal) -> bool:
    try:
        return int(literal) == 1
    except (TypeError, ValueError):
        return False
