"""Classify one new individual against a precomputed OWL-RL closure, without recomputing the closure.

A hypothetical platform ("a large video-sharing platform") is a fresh individual that has only type
assertions. The OWL 2 RL rules that can fire on it are few, and they read the closure's TBox, which does
not change: cax-sco/cax-eqc (superclasses), cls-int1 and cls-uni (intersections, unions), cls-hv1/cls-hv2
(hasValue restrictions: this is how duties attach), cls-svf1, cls-avf, prp-dom, prp-rng, prp-spo1,
prp-eqp, prp-inv, prp-symp, prp-trp, prp-spo2 (property chains) and cax-dw / cax-adc (disjointness).
Applying just those to a fixpoint gives the same triples about the individual as a full owlrl run over
closure + individual: tests/test_classify.py checks this on every platform-type combination.
"""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from itertools import combinations

from rdflib import Graph, URIRef
from rdflib.collection import Collection

from .errors import InconsistentGraph
from .i18n import _, current_language
from .namespaces import ID, OWL, RDF, RDFS, curie
from .reasoning.filter import is_meaningful
from .wording import name, plain_name

HYPOTHETICAL_PLATFORM = ID["hypothetical-platform"]


class Classifier:
    """Indexes of a closure's class and property axioms, built once and then only read."""

    def __init__(self, closure: Graph):
        self.closure = closure
        self.superclasses = defaultdict(set)
        for sub, sup in closure.subject_objects(RDFS.subClassOf):
            self.superclasses[sub].add(sup)
        for a, b in closure.subject_objects(OWL.equivalentClass):
            self.superclasses[a].add(b)
            self.superclasses[b].add(a)
        self.intersections = [(c, frozenset(Collection(closure, head)))
                              for c, head in closure.subject_objects(OWL.intersectionOf)]
        self.unions = defaultdict(set)
        for c, head in closure.subject_objects(OWL.unionOf):
            for member in Collection(closure, head):
                self.unions[member].add(c)
        self.on_property = dict(closure.subject_objects(OWL.onProperty))
        self.has_value = {r: (self.on_property[r], v) for r, v in closure.subject_objects(OWL.hasValue)
                          if r in self.on_property}
        self.restrictions_by_value = defaultdict(set)
        for r, pv in self.has_value.items():
            self.restrictions_by_value[pv].add(r)
        self.some_values = [(r, self.on_property[r], d) for r, d in closure.subject_objects(OWL.someValuesFrom)
                            if r in self.on_property]
        self.all_values = {r: (self.on_property[r], d) for r, d in closure.subject_objects(OWL.allValuesFrom)
                           if r in self.on_property}
        self.domains = _index(closure, RDFS.domain)
        self.ranges = _index(closure, RDFS.range)
        self.superproperties = _index(closure, RDFS.subPropertyOf)
        for a, b in closure.subject_objects(OWL.equivalentProperty):
            self.superproperties[a].add(b)
            self.superproperties[b].add(a)
        self.inverses = _index(closure, OWL.inverseOf)
        for a, b in closure.subject_objects(OWL.inverseOf):
            self.inverses[b].add(a)
        self.symmetric = set(closure.subjects(RDF.type, OWL.SymmetricProperty))
        self.transitive = set(closure.subjects(RDF.type, OWL.TransitiveProperty))
        self.chains = [(q, list(Collection(closure, head)))
                       for q, head in closure.subject_objects(OWL.propertyChainAxiom)]
        self.disjoint = {frozenset(pair) for pair in closure.subject_objects(OWL.disjointWith)}
        for node in closure.subjects(RDF.type, OWL.AllDisjointClasses):
            for head in closure.objects(node, OWL.members):
                self.disjoint |= {frozenset(pair) for pair in combinations(Collection(closure, head), 2)}

    def classify(self, types, individual: URIRef = HYPOTHETICAL_PLATFORM) -> set:
        """The meaningful triples OWL-RL entails about `individual` typed `types`, beyond the closure."""
        x, closure = individual, self.closure
        known_types = set(types)
        values: set[tuple] = set()  # (property, object) with x as subject
        others: set[tuple] = set()  # new triples about existing resources (inverses, ranges)
        while True:
            new_types, new_values = set(known_types), set(values)
            for t in known_types:
                new_types |= self.superclasses.get(t, set())
                new_types |= self.unions.get(t, set())
                if t in self.has_value:
                    new_values.add(self.has_value[t])
            new_types |= {c for c, members in self.intersections if members <= known_types}
            for p, v in values:
                new_types |= self.restrictions_by_value.get((p, v), set())
                new_types |= self.domains.get(p, set())
                new_values |= {(q, v) for q in self.superproperties.get(p, set())}
                others |= {(v, q, x) for q in self.inverses.get(p, set())}
                if p in self.symmetric:
                    others.add((v, p, x))
                for r in self.ranges.get(p, set()):
                    others |= {(v, RDF.type, c) for c in {r} | self.superclasses.get(r, set())}
                if p in self.transitive:
                    new_values |= {(p, z) for z in closure.objects(v, p)}
                for r, q, d in self.some_values:
                    if q == p and (d == OWL.Thing or (v, RDF.type, d) in closure or (v, RDF.type, d) in others):
                        new_types.add(r)
                for r in known_types & self.all_values.keys():
                    q, d = self.all_values[r]
                    if q == p:
                        others |= {(v, RDF.type, c) for c in {d} | self.superclasses.get(d, set())}
            for q, chain in self.chains:
                new_values |= {(q, z) for z in self._follow_chain(values, chain)}
            if new_types == known_types and new_values == values:
                break
            known_types, values = new_types, new_values
        self._check_disjoint(known_types)
        triples = {(x, RDF.type, t) for t in known_types} | {(x, p, v) for p, v in values}
        triples |= {t for t in others if t not in closure}
        return {t for t in triples if is_meaningful(t)}

    def _follow_chain(self, values: set, chain: list) -> set:
        frontier = {v for p, v in values if p == chain[0]}
        for prop in chain[1:]:
            frontier = {z for y in frontier for z in self.closure.objects(y, prop)}
        return frontier

    def _check_disjoint(self, types: set) -> None:
        clashes = [sorted(pair, key=curie) for pair in self.disjoint if pair <= types]
        if clashes:
            # Said to a reader (the app shows it): the types by name in the reader's language, the axiom's terms after.
            lang, pair_of = current_language(), lambda a, b: _("{left} and {right}").format(left=a, right=b)
            names = "; ".join(pair_of(*(plain_name(name(self.closure, c), lang) for c in pair)) for pair in clashes)
            terms = "; ".join(pair_of(*(curie(c) for c in pair)) for pair in clashes)
            raise InconsistentGraph(_("No platform can be of these types together: {names} exclude each other (the "
                                      "ontology declares {terms} disjoint).").format(names=names, terms=terms))


@lru_cache(maxsize=4)
def classifier_for(kg) -> Classifier:
    """The classifier of a knowledge graph's closure, built once per graph and shared read-only."""
    return Classifier(kg.closure)


def _index(graph: Graph, predicate) -> dict:
    index = defaultdict(set)
    for s, o in graph.subject_objects(predicate):
        index[s].add(o)
    return index
