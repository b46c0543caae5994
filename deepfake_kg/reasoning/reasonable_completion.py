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
    withheld = {t for t in asserted if t[1] in _WITHHELD_PREDICATES or (t[1] == TYPE and t[2] in _WITHHELD_TYPES)}
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
        literal_subjects = {t for t in missing if type(t[0]) is Literal}
        withheld |= literal_subjects
        reasoner.from_graph(list(missing - literal_subjects))  # additions only: materialised incrementally


# Kept from reasonable, whose rules on them join quadratically (docs/reasoning.md, point 5); their rules run here instead.
_WITHHELD_PREDICATES = {OWL.hasValue, OWL.disjointWith, OWL.complementOf}
_WITHHELD_TYPES = {OWL.FunctionalProperty, OWL.InverseFunctionalProperty}


def complete(view: TripleView) -> set:
    """What owlrl derives and reasonable does not (or is not given), from the triples of `view`, to the fixpoint
    of these rules alone (a duty attached by cls-hv1 makes a chain edge at once); added to `view`."""
    added, schema_changed = set(), True
    while True:
        new = _chain_edges(view) | _has_value_edges(view) | _functional_edges(view)
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
