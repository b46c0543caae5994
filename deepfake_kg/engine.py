"""One interface for the OWL 2 RL closure, two engines: "owlrl" (the reference semantics) and "reasonable" (fast).

`closure(asserted, engine)` is the unfiltered closure; `infer(asserted, engine)` applies to either engine's
closure the same consistency checks (reasoning.check_consistency) and the same filter (reasoning.is_meaningful),
so the inferred graph a user sees does not depend on the engine; `reason()` gives it as an rdflib Graph, for the
build. tests/test_engine.py proves the two engines' inferred graphs equal on this project's knowledge graph.

Where reasonable 0.4.4 differs from owlrl 7.6.2 — found by diffing their closures of this project's graph —
and what this module does about it:

1. No owl:propertyChainAxiom (prp-spo2): dfk:hasLegalSource (legalBasis ∘ partOf) and dfk:subjectTo
   (hasDuty ∘ hasLegalSource) got none of their chain edges. Completed here (`_chain_edges`).
2. Incomplete schema (TBox) rules: on this graph and on tests/fixtures/engine-constructs.ttl it derived no
   scm-int (an intersection is a subclass of each member), scm-uni (each member of a union is a subclass of
   it), scm-dom1/2, scm-rng1/2 (domains and ranges passed along subclasses and subproperties), scm-svf1/2,
   scm-avf1/2, scm-eqp1, scm-spo, and no scm-eqc1/2 for blank-node classes. Completed here (`_schema_edges`:
   every scm-* rule of OWL 2 RL, Table 9). Instance types and property values already agreed.
3. Literals come back re-spelt: "x" as "x"^^xsd:string, "x"@zh-Hans as "x"@zh-hans. Equal in RDF 1.1, not
   in rdflib, so each is mapped back to the literal as asserted (`_Terms`).
4. No inconsistency reports at all, where owlrl adds error resources. `rl_violations` checks each OWL 2 RL rule
   that derives 'false' (cax-dw, cax-adc, cls-com, eq-diff1, prp-irp, prp-asyp, prp-pdw, prp-adp, cls-maxc1,
   cls-maxqc1/2, prp-npa1/2, dt-not-type) and words each violation as owlrl does. It runs for both engines,
   so a refused build names the same resources with either: with owlrl its reports merge with owlrl's own
   (same words), and add what owlrl 7.6.2 misses — prp-adp never pairs the last listed property (the inner
   loop of OWLRL.py stops one short). reasoning.check_consistency adds, for both, what owlrl never checks
   (two values of a functional property, owl:AllDifferent members made owl:sameAs).
5. Some of its rules join quadratically: cls-hv2 joins every owl:hasValue restriction with every triple of its
   property, prp-fp and prp-ifp every triple of a functional property with every other, cax-dw and cls-com
   every member of one class with every member of the other (datafrog joins in reasoner.rs, filtered only
   after the join). This project attaches its duties by hasValue restrictions, every duty has a functional
   status, and the platform tiers and norm statuses are disjoint: merged with a million triples, reasonable
   asked the kernel for 24 GB and was killed. So the triples these rules read (owl:hasValue, owl:disjointWith,
   owl:complementOf, the types owl:FunctionalProperty and owl:InverseFunctionalProperty) are withheld from it
   and their rules run here, by hash lookups: cls-hv1, cls-hv2, prp-fp, prp-ifp (`_has_value_edges`,
   `_functional_edges`) and the checks cax-dw and cls-com (`rl_violations`).

Completing (1), (2) and (5) can give reasonable new premises (a chain edge on a property with an inverse or a
superproperty), so the two alternate until neither adds anything: the result is the fixpoint of their rules
together. owlrl also emits reflexive, axiomatic and literal-subject triples: is_meaningful drops them, for both.

The reasonable path keeps triples in Python sets and looks them up through `TripleView`: an rdflib Graph of
a few million triples would take longer to fill than reasonable takes to reason.
"""
from __future__ import annotations

import gc
from collections import defaultdict
from contextlib import contextmanager
from itertools import combinations, permutations

from rdflib import BNode, Graph, Literal, URIRef

from .namespaces import OWL, RDF, RDFS, XSD
from .reasoning import check_consistency, is_meaningful, list_members, owlrl_closure

ENGINES = ("owlrl", "reasonable")
# rdflib's namespace attributes cost microseconds a lookup: bound once for the loops over millions of triples
TYPE, SUB_CLASS_OF, SUB_PROPERTY_OF = RDF.type, RDFS.subClassOf, RDFS.subPropertyOf
EQUIVALENT_CLASS, EQUIVALENT_PROPERTY, DOMAIN, RANGE = OWL.equivalentClass, OWL.equivalentProperty, RDFS.domain, RDFS.range
# The default: tests/test_engine.py proves its inferred graph equal to owlrl's on this KG, and it reasons
# over the KG in about 0.2 s where owlrl takes about 5 s (benchmarks/run.py; the README's Performance table).
DEFAULT_ENGINE = "reasonable"


def closure(asserted, engine: str = DEFAULT_ENGINE) -> set:
    """The unfiltered OWL 2 RL closure (asserted triples included) of `asserted`, a Graph or triples."""
    if engine == "owlrl":
        return set(owlrl_closure(_as_graph(asserted)))
    if engine == "reasonable":
        with _no_cycle_collection():
            return reasonable_closure(asserted)
    raise ValueError(f"Unknown reasoning engine {engine!r}: choose one of {', '.join(ENGINES)}.")


def infer(asserted, engine: str = DEFAULT_ENGINE) -> set:
    """The checked, filtered inferred triples of `asserted`; raises InconsistentGraph naming the resources."""
    if engine == "owlrl":
        graph = _as_graph(asserted)
        full = owlrl_closure(graph)
        check_consistency(full, graph, extra_problems=rl_violations(full))
        return {t for t in full if t not in graph and is_meaningful(t)}
    if engine == "reasonable":
        with _no_cycle_collection():
            base = set(asserted)
            view = _reasonable_view(base)
            # reasonable makes no literal: the asserted literals are all the closure has
            check_consistency(view, TripleView(base), extra_problems=rl_violations(view, _literals_of(base)))
            return {t for t in view.triples - base if is_meaningful(t)}
    raise ValueError(f"Unknown reasoning engine {engine!r}: choose one of {', '.join(ENGINES)}.")


def reason(asserted: Graph, engine: str = DEFAULT_ENGINE) -> Graph:
    """`infer` as an rdflib Graph: what the build stores as the inferred graph."""
    inferred = Graph()
    for triple in infer(asserted, engine):
        inferred.add(triple)
    return inferred


@contextmanager
def _no_cycle_collection():
    """Python's cycle collector rescans every live tuple each time enough new ones are made: with a closure of
    a million triples alive, that was most of the time spent here (4× on 100k triples). Triples hold no cycles."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _as_graph(triples) -> Graph:
    if isinstance(triples, Graph):
        return triples
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    return graph


def _literals_of(triples) -> set:
    return {o for s, p, o in triples if type(o) is Literal}


class TripleView:
    """The few rdflib Graph lookups the completion and the checks use (`subjects`, `objects`, `subject_objects`,
    `in`), over a set of triples, each predicate indexed on first use; `update` adds triples to it."""

    def __init__(self, triples: set):
        self.triples = triples
        self._by_predicate: dict | None = None
        self._pairs: dict = {}
        self._forward: dict = {}
        self._backward: dict = {}

    def __iter__(self):
        return iter(self.triples)

    def __len__(self) -> int:
        return len(self.triples)

    def __contains__(self, triple) -> bool:
        s, p, o = triple
        if s is not None and o is not None:
            return triple in self.triples
        if s is not None:
            return s in self._index(self._forward, p, 0)
        if o is not None:
            return o in self._index(self._backward, p, 1)
        return bool(self.pairs(p))

    def pairs(self, predicate) -> list:
        """(subject, object) of every triple with `predicate`."""
        if predicate not in self._pairs:
            if self._by_predicate is None:
                # keyed by plain str: rdflib terms compare in Python, plain strings in C (3× faster here)
                self._by_predicate = defaultdict(list)
                for triple in self.triples:
                    self._by_predicate[str(triple[1])].append(triple)
            self._pairs[predicate] = [(s, o) for s, _, o in self._by_predicate.get(str(predicate), ())]
        return self._pairs[predicate]

    def _index(self, cache: dict, predicate, key: int) -> dict:
        if predicate not in cache:
            index = defaultdict(set)
            for pair in self.pairs(predicate):
                index[pair[key]].add(pair[1 - key])
            cache[predicate] = index
        return cache[predicate]

    def update(self, triples) -> None:
        """Add `triples`, keeping the indexes built so far."""
        for triple in triples:
            if triple in self.triples:
                continue
            self.triples.add(triple)
            s, p, o = triple
            if self._by_predicate is not None:
                self._by_predicate[str(p)].append(triple)
            if p in self._pairs:
                self._pairs[p].append((s, o))
            if p in self._forward:
                self._forward[p][s].add(o)
            if p in self._backward:
                self._backward[p][o].add(s)

    def subjects(self, predicate, object):  # noqa: A002 (rdflib's parameter names)
        return iter(self._index(self._backward, predicate, 1).get(object, ()))

    def objects(self, subject, predicate):
        return iter(self._index(self._forward, predicate, 0).get(subject, ()))

    def subject_objects(self, predicate):
        return iter(self.pairs(predicate))


# --- reasonable, completed -------------------------------------------------------------------------------

def reasonable_closure(asserted) -> set:
    """The closure from reasonable, completed to owlrl's (points 1–5 above), as a set of rdflib triples."""
    return _reasonable_view(asserted).triples


def _reasonable_view(asserted) -> TripleView:
    import reasonable  # a compiled extension: loaded when first used, not with the package

    terms = _Terms(asserted)
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


class _Terms:
    """Maps the terms reasonable returns back to the terms as asserted. For literals this is a correction
    (point 3 above); for IRIs and blank nodes it is memory: reasonable makes a new object for every occurrence
    of a term, and sharing one object per term halves the memory of a closure of a million triples."""

    def __init__(self, asserted):
        self.literals = {self._key(o): o for s, p, o in asserted if type(o) is Literal}
        # by plain str: rdflib terms compare in Python, str in C
        self.iris: dict[str, URIRef] = {}
        self.blanks: dict[str, BNode] = {}
        for triple in asserted:
            for term in triple:
                if type(term) is not Literal:
                    (self.blanks if type(term) is BNode else self.iris).setdefault(str(term), term)

    @staticmethod
    def _key(literal: Literal) -> tuple:
        if literal.language:
            return (str(literal), literal.language.lower(), None)
        return (str(literal), None, str(literal.datatype or XSD.string))

    def restore(self, triples: list) -> set:
        """The triples with their terms restored; empties `triples` as it goes (the fresh terms it frees are
        gigabytes at a million triples)."""
        restored = set()
        add, literals, key, iris, blanks, pop = restored.add, self.literals, self._key, self.iris, self.blanks, triples.pop
        while triples:
            s, p, o = pop()
            s = (blanks if type(s) is BNode else iris).setdefault(str(s), s)
            p = iris.setdefault(str(p), p)
            if type(o) is Literal:
                o = literals.get(key(o), o)
            else:
                o = (blanks if type(o) is BNode else iris).setdefault(str(o), o)
            add((s, p, o))
        return restored


# Kept from reasonable, whose rules on them join quadratically (point 5 above); their rules run here instead.
_WITHHELD_PREDICATES = {OWL.hasValue, OWL.disjointWith, OWL.complementOf}
_WITHHELD_TYPES = {OWL.FunctionalProperty, OWL.InverseFunctionalProperty}


def complete(view: TripleView) -> set:
    """What owlrl derives and reasonable does not (or is not given), from the triples of `view`, to the fixpoint
    of these rules alone (a duty attached by cls-hv1 makes a chain edge at once); added to `view`."""
    added, schema_changed = set(), True
    while True:
        new = _chain_edges(view) | _has_value_edges(view) | _functional_edges(view)
        if schema_changed:  # the schema rules read only schema triples: rerun when one was added
            new |= _schema_edges(view)
        new -= view.triples
        if not new:
            return added
        view.update(new)
        added |= new
        schema_changed = any(p in _SCHEMA_INPUTS or (p == TYPE and o in _SCHEMA_TYPES) for s, p, o in new)


_SCHEMA_INPUTS = {SUB_CLASS_OF, EQUIVALENT_CLASS, SUB_PROPERTY_OF, EQUIVALENT_PROPERTY, DOMAIN, RANGE, OWL.onProperty,
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
    chains = [(q, _list(view, head)) for q, head in view.pairs(OWL.propertyChainAxiom)]
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


def _list(view: TripleView, head) -> list:
    items, seen = [], set()
    while head != RDF.nil and head not in seen:
        seen.add(head)
        first = next(view.objects(head, RDF.first), None)
        if first is None:
            break
        items.append(first)
        head = next(view.objects(head, RDF.rest), RDF.nil)
    return items


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


def _schema_edges(view: TripleView) -> set:
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
        sco |= {(c, member) for member in _list(view, head)}
    for c, head in view.pairs(OWL.unionOf):  # scm-uni
        sco |= {(member, c) for member in _list(view, head)}
    before = None
    while before != (len(sco), len(eqc), len(spo), len(eqp), len(dom), len(rng)):
        before = (len(sco), len(eqc), len(spo), len(eqp), len(dom), len(rng))
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
    return ({(a, SUB_CLASS_OF, b) for a, b in sco} | {(a, EQUIVALENT_CLASS, b) for a, b in eqc}
            | {(a, SUB_PROPERTY_OF, b) for a, b in spo} | {(a, EQUIVALENT_PROPERTY, b) for a, b in eqp}
            | {(p, DOMAIN, c) for p, c in dom} | {(p, RANGE, c) for p, c in rng})


# --- the contradictions owlrl reports and reasonable does not ----------------------------------------------

def rl_violations(graph, literals=None) -> list[str]:
    """OWL 2 RL's rules that derive 'false', checked on a closure (an rdflib Graph or a TripleView), worded as
    owlrl words them. `literals`: the literals to check (dt-not-type); by default every object in `graph`."""
    found: list[str] = []
    members = lambda head: sorted(list_members(graph, head))  # noqa: E731

    def disjoint(c1, c2, message="Disjoint classes %s and %s have a common individual %s"):
        for x in graph.subjects(TYPE, c1):
            if (x, TYPE, c2) in graph:
                found.append(message % (c1, c2, x))

    for c1, c2 in graph.subject_objects(OWL.disjointWith):  # cax-dw
        disjoint(c1, c2)
    for node in graph.subjects(RDF.type, OWL.AllDisjointClasses):  # cax-adc
        for head in graph.objects(node, OWL.members):
            for c1, c2 in combinations(members(head), 2):
                disjoint(c1, c2)
    # cls-com: owlrl 7.6.2's message names the second class where it means the individual (`% (c1, c2, x)`
    # for x1, OWLRL.py); this one names the individual.
    for c1, c2 in graph.subject_objects(OWL.complementOf):
        disjoint(c1, c2, "Violation of complementarity for classes %s and %s on element %s")
    different = set(graph.subject_objects(OWL.differentFrom))  # eq-diff1 (eq-diff2/3: check_consistency)
    same = set(graph.subject_objects(OWL.sameAs)) | {(x, x) for pair in different for x in pair}  # and eq-ref
    found += [f"'sameAs' and 'differentFrom' cannot be used on the same subject-object pair: ({x}, {y})"
              for x, y in same if (x, y) in different or (y, x) in different]
    for p in graph.subjects(RDF.type, OWL.IrreflexiveProperty):  # prp-irp
        found += [f"Irreflexive property used on {x} with {p}" for x, y in graph.subject_objects(p) if x == y]
    for p in graph.subjects(RDF.type, OWL.AsymmetricProperty):  # prp-asyp
        found += [f"Erroneous usage of asymmetric property {p} on {x} and {y}"
                  for x, y in graph.subject_objects(p) if (y, p, x) in graph]
    for p1, p2 in graph.subject_objects(OWL.propertyDisjointWith):  # prp-pdw
        found += [f"Erroneous usage of disjoint properties {p1} and {p2} on {x} and {y}"
                  for x, y in graph.subject_objects(p1) if (x, p2, y) in graph]
    for node in graph.subjects(RDF.type, OWL.AllDisjointProperties):  # prp-adp
        for head in graph.objects(node, OWL.members):
            for p1, p2 in combinations(members(head), 2):
                found += [f"Disjoint properties in an 'AllDisjointProperties' are not really disjoint: "
                          f"({x}, {p1},{y}) and ({x},{p2},{y})" for x, y in graph.subject_objects(p1) if (x, p2, y) in graph]
    for restriction, limit in graph.subject_objects(OWL.maxCardinality):  # cls-maxc1
        if _is_zero(limit):
            found += [f"Erroneous usage of maximum cardinality with {restriction} and {y}"
                      for p in graph.objects(restriction, OWL.onProperty)
                      for x in graph.subjects(RDF.type, restriction) for y in graph.objects(x, p)]
    for restriction, limit in graph.subject_objects(OWL.maxQualifiedCardinality):  # cls-maxqc1, cls-maxqc2
        if _is_zero(limit):
            found += [f"Erroneous usage of maximum qualified cardinality with {restriction}, {c} and {y}"
                      for p in graph.objects(restriction, OWL.onProperty) for c in graph.objects(restriction, OWL.onClass)
                      for x in graph.subjects(RDF.type, restriction) for y in graph.objects(x, p)
                      if c == OWL.Thing or (y, RDF.type, c) in graph]
    for node in graph.subjects(RDF.type, OWL.NegativePropertyAssertion):  # prp-npa1, prp-npa2
        for i1 in graph.objects(node, OWL.sourceIndividual):
            for p in graph.objects(node, OWL.assertionProperty):
                for i2 in [*graph.objects(node, OWL.targetIndividual), *graph.objects(node, OWL.targetValue)]:
                    if (i1, p, i2) in graph:
                        kind = "datatype" if isinstance(i2, Literal) else "object"
                        found.append(f"Negative ({kind}) property assertion violated for: ({i1}, {p}, {i2})")
    if literals is None:
        literals = {o for s, p, o in graph if isinstance(o, Literal)}
    for literal in literals:  # dt-not-type
        if literal.ill_typed:
            found.append(f"Lexical value of the literal '{literal}' does not match its datatype ({literal.datatype})")
    return found


def _is_zero(literal) -> bool:
    try:
        return int(literal) == 0
    except (TypeError, ValueError):
        return False
