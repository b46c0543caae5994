"""The scm-* rules of OWL 2 RL (Table 9), which reasonable 0.4.4 derives only in part (docs/reasoning.md, point 2)."""
from __future__ import annotations

from collections import defaultdict
from itertools import permutations

from ..namespaces import OWL, RDF, RDFS
from .views import TripleView, rdf_list

SUB_CLASS_OF, SUB_PROPERTY_OF = RDFS.subClassOf, RDFS.subPropertyOf
EQUIVALENT_CLASS, EQUIVALENT_PROPERTY, DOMAIN, RANGE = OWL.equivalentClass, OWL.equivalentProperty, RDFS.domain, RDFS.range


def _transitive(pairs: set) -> set:
    successors = defaultdict(set)
    for a, b in pairs:
        successors[a].add(b)
    closed = set()
    for start in list(successors):
        stack, seen = list(successors[start]), set()
        while stack:
            node = stack.pop()
            if node not in seen:
                seen.add(node)
                stack.extend(successors.get(node, ()))
        closed |= {(start, end) for end in seen}
    return closed


def _grouped_pairs(items: list, key: int):
    """Ordered pairs of distinct restrictions that share item[key] (the property or the filler)."""
    groups = defaultdict(list)
    for item in items:
        groups[item[key]].append(item)
    for group in groups.values():
        yield from permutations(group, 2)


def schema_edges(view: TripleView) -> set:
    """The scm-* rules of OWL 2 RL (Table 9) to a fixpoint, over the schema part of the closure (small)."""
    classes = set(view.subjects(RDF.type, OWL.Class))
    properties = set(view.subjects(RDF.type, OWL.ObjectProperty)) | set(view.subjects(RDF.type, OWL.DatatypeProperty))
    sco, eqc = set(view.pairs(RDFS.subClassOf)), set(view.pairs(OWL.equivalentClass))
    spo, eqp = set(view.pairs(RDFS.subPropertyOf)), set(view.pairs(OWL.equivalentProperty))
    dom, rng = set(view.pairs(RDFS.domain)), set(view.pairs(RDFS.range))
    on_property = dict(view.pairs(OWL.onProperty))
    has_value = [(c, on_property[c], v) for c, v in view.pairs(OWL.hasValue) if c in on_property]
    some = [(c, on_property[c], y) for c, y in view.pairs(OWL.someValuesFrom) if c in on_property]
    every = [(c, on_property[c], y) for c, y in view.pairs(OWL.allValuesFrom) if c in on_property]
    thing, nothing = OWL.Thing, OWL.Nothing
    for c in classes:  # scm-cls
        sco |= {(c, c), (c, thing), (nothing, c)}
        eqc.add((c, c))
    for p in properties:  # scm-op, scm-dp
        spo.add((p, p))
        eqp.add((p, p))
    for c, head in view.pairs(OWL.intersectionOf):  # scm-int
        sco |= {(c, member) for member in rdf_list(view, head)}
    for c, head in view.pairs(OWL.unionOf):  # scm-uni
        sco |= {(member, c) for member in rdf_list(view, head)}
    before = None
    while before != (len(sco), len(eqc), len(spo), len(eqp), len(dom), len(rng)):
        before = (len(sco), len(eqc), len(spo), len(eqp), len(dom), len(rng))
        _one_round(sco, eqc, spo, eqp, dom, rng, has_value, some, every)
    return ({(a, SUB_CLASS_OF, b) for a, b in sco} | {(a, EQUIVALENT_CLASS, b) for a, b in eqc}
            | {(a, SUB_PROPERTY_OF, b) for a, b in spo} | {(a, EQUIVALENT_PROPERTY, b) for a, b in eqp}
            | {(p, DOMAIN, c) for p, c in dom} | {(p, RANGE, c) for p, c in rng})


def _one_round(sco: set, eqc: set, spo: set, eqp: set, dom: set, rng: set, has_value: list, some: list,
               every: list) -> None:
    """One application of the rules that read each other's conclusions, adding to the sets in place."""
    sco |= eqc | {(b, a) for a, b in eqc}  # scm-eqc1
    spo |= eqp | {(b, a) for a, b in eqp}  # scm-eqp1
    sco |= _transitive(sco)  # scm-sco
    spo |= _transitive(spo)  # scm-spo
    eqc |= {(a, b) for a, b in sco if (b, a) in sco}  # scm-eqc2
    eqp |= {(a, b) for a, b in spo if (b, a) in spo}  # scm-eqp2
    supers, subproperties = defaultdict(set), defaultdict(set)
    for a, b in sco:
        supers[a].add(b)
    for a, b in spo:
        subproperties[b].add(a)
    for axioms in (dom, rng):
        axioms |= {(p, c2) for p, c1 in axioms for c2 in supers.get(c1, ())}  # scm-dom1, scm-rng1
        axioms |= {(p1, c) for p2, c in axioms for p1 in subproperties.get(p2, ())}  # scm-dom2, scm-rng2
    for (c1, p1, _), (c2, p2, _) in _grouped_pairs(has_value, 2):  # scm-hv
        if (p1, p2) in spo:
            sco.add((c1, c2))
    for (c1, _, y1), (c2, _, y2) in _grouped_pairs(some, 1):  # scm-svf1
        if (y1, y2) in sco:
            sco.add((c1, c2))
    for (c1, p1, _), (c2, p2, _) in _grouped_pairs(some, 2):  # scm-svf2
        if (p1, p2) in spo:
            sco.add((c1, c2))
    for (c1, _, y1), (c2, _, y2) in _grouped_pairs(every, 1):  # scm-avf1
        if (y1, y2) in sco:
            sco.add((c1, c2))
    for (c1, p1, _), (c2, p2, _) in _grouped_pairs(every, 2):  # scm-avf2
        if (p1, p2) in spo:
            sco.add((c2, c1))
