"""OWL 2 RL closure with owlrl (the reference semantics), its filtering, and consistency checks.

owlrl never raises on an inconsistent graph: it adds error resources, and it misses some contradictions
(functional properties with two values, owl:AllDifferent members made owl:sameAs). Both are checked here.
"""
from __future__ import annotations

from collections import defaultdict

from rdflib import BNode, Graph, Literal, URIRef

from .errors import InconsistentGraph
from .namespaces import DFK, OWL, OWLRL_ERR, RDF, RDFS, curie

# Vocabularies whose own terms owlrl describes axiomatically ("rdf:type a rdf:Property"): noise to a user.
_META = (str(RDF), str(RDFS), str(OWL), "http://www.w3.org/2001/XMLSchema#")
_TRIVIAL_TYPES = {OWL.Thing, RDFS.Resource}
_REFLEXIVE = {OWL.sameAs, OWL.equivalentClass, OWL.equivalentProperty, RDFS.subClassOf, RDFS.subPropertyOf}
# is_meaningful runs on millions of triples: set membership hashes first and compares only on a match, where
# `==` on rdflib terms always runs Python code (and a namespace attribute lookup costs a microsecond)
_TYPE, _SUB_CLASS_OF, _THING = frozenset({RDF.type}), frozenset({RDFS.subClassOf}), frozenset({OWL.Thing})


def owlrl_closure(asserted: Graph) -> Graph:
    """Everything owlrl's OWL-RL semantics derives from `asserted`, unfiltered (errors included)."""
    import owlrl  # only a build or a test needs it: not loaded with the package

    closure = Graph()
    for triple in asserted:
        closure.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, rdfs_closure=False, axiomatic_triples=False,
                           datatype_axioms=False).expand(closure)
    return closure


def is_meaningful(triple) -> bool:
    """False for reasoning artefacts that mean nothing to a user of this graph."""
    s, p, o = triple
    if isinstance(s, Literal):
        return False
    if isinstance(s, URIRef) and str.startswith(s, _META):  # not URIRef.startswith: it takes no tuple
        return False
    if p in _TYPE and o in _TRIVIAL_TYPES:
        return False
    if p in _REFLEXIVE and s == o:
        return False
    if p in _SUB_CLASS_OF and o in _THING:
        return False
    return True


def inferred_part(asserted: Graph, closure: Graph) -> Graph:
    inferred = Graph()
    for triple in closure:
        if triple not in asserted and is_meaningful(triple):
            inferred.add(triple)
    return inferred


def check_consistency(closure: Graph, asserted: Graph | None = None, extra_problems: list[str] = ()) -> None:
    """Raise InconsistentGraph naming the offending resources, or return quietly. `extra_problems`: found by
    checks an engine needs beyond these (engine.rl_violations, for an engine that reports no errors itself)."""
    problems = [*_owlrl_errors(closure), *_nothing_members(closure), *_functional_clashes(closure),
                *_all_different_clashes(closure), *extra_problems]
    if asserted is not None:
        problems += _blank_restriction_errors(asserted)
    if problems:
        raise InconsistentGraph("The graph is inconsistent:\n- " + "\n- ".join(sorted(set(problems))))


def _owlrl_errors(closure: Graph) -> list[str]:
    return [str(message) for error in closure.subjects(RDF.type, OWLRL_ERR.ErrorMessage)
            for message in closure.objects(error, OWLRL_ERR.error)]


def _nothing_members(closure: Graph) -> list[str]:
    return [f"{curie(s)} is typed owl:Nothing" for s in closure.subjects(RDF.type, OWL.Nothing)]


def _functional_clashes(closure: Graph) -> list[str]:
    problems = []
    for prop in closure.subjects(RDF.type, OWL.FunctionalProperty):
        values = defaultdict(set)
        for s, o in closure.subject_objects(prop):
            values[s].add(o)
        for s, objs in values.items():
            if len(objs) < 2:
                continue
            literals = {o for o in objs if isinstance(o, Literal)}
            iris = objs - literals
            distinct = _known_distinct(closure, iris)
            if len(literals) > 1 or distinct:
                shown = ", ".join(sorted(curie(o) for o in objs))
                problems.append(f"{curie(s)} has several values for functional property {curie(prop)}: {shown}")
    return problems


def _known_distinct(closure: Graph, nodes: set) -> bool:
    """Two of `nodes` are declared different (differentFrom or AllDifferent), so they cannot be merged."""
    nodes = list(nodes)
    for i, a in enumerate(nodes):
        for b in nodes[i + 1:]:
            if (a, OWL.differentFrom, b) in closure or (b, OWL.differentFrom, a) in closure:
                return True
            if any(a in members and b in members for members in _all_different_sets(closure)):
                return True
    return False


def _all_different_sets(closure: Graph) -> list[set]:
    sets = []
    for node in closure.subjects(RDF.type, OWL.AllDifferent):
        for head in list(closure.objects(node, OWL.distinctMembers)) + list(closure.objects(node, OWL.members)):
            sets.append(list_members(closure, head))
    return sets


def list_members(closure: Graph, head) -> set:
    """Every member of an RDF list in a closure. Not rdflib's Collection: once two members are inferred
    owl:sameAs, eq-rep-o gives list nodes two rdf:first values, and Collection would pick one at random."""
    members, seen, frontier = set(), set(), {head}
    while frontier:
        node = frontier.pop()
        if node in seen or node == RDF.nil:
            continue
        seen.add(node)
        members.update(closure.objects(node, RDF.first))
        frontier.update(closure.objects(node, RDF.rest))
    return members


def _all_different_clashes(closure: Graph) -> list[str]:
    problems = []
    for members in _all_different_sets(closure):
        for a in members:
            for b in closure.objects(a, OWL.sameAs):
                if b != a and b in members:
                    problems.append(f"{curie(a)} and {curie(b)} are declared all-different but inferred owl:sameAs")
    return problems


def _blank_restriction_errors(asserted: Graph) -> list[str]:
    """A duty attachment must name its duty: a restriction on dfk:hasDuty without owl:hasValue is a typo."""
    problems = []
    for restriction in asserted.subjects(OWL.onProperty, DFK.hasDuty):
        if not isinstance(restriction, BNode):
            continue
        if (restriction, OWL.hasValue, None) not in asserted:
            problems.append("a restriction on dfk:hasDuty has no owl:hasValue")
    return problems
