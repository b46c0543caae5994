"""Every contradiction check, for both engines: a graph that entails 'false' is refused, naming the resources.

owlrl never raises on an inconsistent graph: it adds error resources, and it misses some contradictions
(functional properties with two values, owl:AllDifferent members made owl:sameAs). reasonable reports none at
all. So `rl_violations` checks each OWL 2 RL rule that derives 'false', worded as owlrl words it, on either
engine's closure, and `check_consistency` adds what owlrl never checks and raises. With owlrl, its own reports
merge with these (same words); the ones it misses are added (docs/reasoning.md, point 4).
"""
from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from rdflib import BNode, Literal

from ..errors import InconsistentGraph
from ..namespaces import DFK, OWL, OWLRL_ERR, RDF, XSD, curie

TYPE = RDF.type


def check_consistency(closure, asserted=None, extra_problems: list[str] = ()) -> None:
    """Raise InconsistentGraph naming the offending resources, or return quietly. `closure`: an rdflib Graph or
    a TripleView; `extra_problems`: found by `rl_violations`, for an engine that reports no errors itself."""
    problems = [*_owlrl_errors(closure), *_nothing_members(closure), *_functional_clashes(closure),
                *_all_different_clashes(closure), *extra_problems]
    if asserted is not None:
        problems += _blank_restriction_errors(asserted)
    if problems:
        raise InconsistentGraph("The graph is inconsistent:\n- " + "\n- ".join(sorted(set(problems))))


def rl_violations(graph, literals=None) -> list[str]:
    """OWL 2 RL's rules that derive 'false', checked on a closure (an rdflib Graph or a TripleView), worded as
    owlrl words them. `literals`: the literals to check (dt-not-type); by default every object in `graph`."""
    if literals is None:
        literals = {o for s, p, o in graph if isinstance(o, Literal)}
    return [*_class_clashes(graph), *_equality_clashes(graph), *_property_clashes(graph),
            *_cardinality_clashes(graph), *_negative_assertion_clashes(graph),
            # dt-not-type
            *(f"Lexical value of the literal '{literal}' does not match its datatype ({literal.datatype})"
              for literal in literals if _ill_typed(literal))]


def _class_clashes(graph) -> list[str]:
    """cax-dw, cax-adc, cls-com: an individual in two classes that share none."""
    found: list[str] = []

    def disjoint(c1, c2, message="Disjoint classes %s and %s have a common individual %s"):
        for x in graph.subjects(TYPE, c1):
            if (x, TYPE, c2) in graph:
                found.append(message % (c1, c2, x))

    for c1, c2 in graph.subject_objects(OWL.disjointWith):  # cax-dw
        disjoint(c1, c2)
    for node in graph.subjects(TYPE, OWL.AllDisjointClasses):  # cax-adc
        for head in graph.objects(node, OWL.members):
            for c1, c2 in combinations(sorted(list_members(graph, head)), 2):
                disjoint(c1, c2)
    # cls-com: owlrl 7.6.2's message names the second class where it means the individual (`% (c1, c2, x)`
    # for x1, OWLRL.py); this one names the individual.
    for c1, c2 in graph.subject_objects(OWL.complementOf):
        disjoint(c1, c2, "Violation of complementarity for classes %s and %s on element %s")
    return found


def _equality_clashes(graph) -> list[str]:
    """eq-diff1 (eq-diff2/3: _all_different_clashes), with eq-ref: a resource different from itself."""
    different = set(graph.subject_objects(OWL.differentFrom))
    same = set(graph.subject_objects(OWL.sameAs)) | {(x, x) for pair in different for x in pair}
    return [f"'sameAs' and 'differentFrom' cannot be used on the same subject-object pair: ({x}, {y})"
            for x, y in same if (x, y) in different or (y, x) in different]


def _property_clashes(graph) -> list[str]:
    """prp-irp, prp-asyp, prp-pdw, prp-adp."""
    found = []
    for p in graph.subjects(TYPE, OWL.IrreflexiveProperty):
        found += [f"Irreflexive property used on {x} with {p}" for x, y in graph.subject_objects(p) if x == y]
    for p in graph.subjects(TYPE, OWL.AsymmetricProperty):
        found += [f"Erroneous usage of asymmetric property {p} on {x} and {y}"
                  for x, y in graph.subject_objects(p) if (y, p, x) in graph]
    for p1, p2 in graph.subject_objects(OWL.propertyDisjointWith):
        found += [f"Erroneous usage of disjoint properties {p1} and {p2} on {x} and {y}"
                  for x, y in graph.subject_objects(p1) if (x, p2, y) in graph]
    for node in graph.subjects(TYPE, OWL.AllDisjointProperties):
        for head in graph.objects(node, OWL.members):
            for p1, p2 in combinations(sorted(list_members(graph, head)), 2):
                found += [f"Disjoint properties in an 'AllDisjointProperties' are not really disjoint: "
                          f"({x}, {p1},{y}) and ({x},{p2},{y})" for x, y in graph.subject_objects(p1) if (x, p2, y) in graph]
    return found


def _cardinality_clashes(graph) -> list[str]:
    """cls-maxc1, cls-maxqc1, cls-maxqc2: a value where the maximum is none."""
    found = []
    for restriction, limit in graph.subject_objects(OWL.maxCardinality):
        if _is_zero(limit):
            found += [f"Erroneous usage of maximum cardinality with {restriction} and {y}"
                      for p in graph.objects(restriction, OWL.onProperty)
                      for x in graph.subjects(TYPE, restriction) for y in graph.objects(x, p)]
    for restriction, limit in graph.subject_objects(OWL.maxQualifiedCardinality):
        if _is_zero(limit):
            found += [f"Erroneous usage of maximum qualified cardinality with {restriction}, {c} and {y}"
                      for p in graph.objects(restriction, OWL.onProperty) for c in graph.objects(restriction, OWL.onClass)
                      for x in graph.subjects(TYPE, restriction) for y in graph.objects(x, p)
                      if c == OWL.Thing or (y, TYPE, c) in graph]
    return found


def _negative_assertion_clashes(graph) -> list[str]:
    """prp-npa1, prp-npa2."""
    found = []
    # the rules read no rdf:type owl:NegativePropertyAssertion: an untyped assertion is one too (as in owlrl)
    for node, i1 in graph.subject_objects(OWL.sourceIndividual):
        for p in graph.objects(node, OWL.assertionProperty):
            for i2 in [*graph.objects(node, OWL.targetIndividual), *graph.objects(node, OWL.targetValue)]:
                if (i1, p, i2) in graph:
                    kind = "datatype" if isinstance(i2, Literal) else "object"
                    found.append(f"Negative ({kind}) property assertion violated for: ({i1}, {p}, {i2})")
    return found


def _ill_typed(literal: Literal) -> bool:
    """dt-not-type. rdflib knows only for a literal it parsed: one made from a Python value (Literal(-1,
    datatype=xsd:nonNegativeInteger)) is never marked, so its lexical form is parsed again."""
    if literal.ill_typed is not None or literal.datatype is None or literal.datatype in _UNCHECKED:
        return bool(literal.ill_typed)
    return bool(Literal(str(literal), datatype=literal.datatype).ill_typed)


_UNCHECKED = {XSD.string, RDF.langString}


def _is_zero(literal) -> bool:
    try:
        return int(literal) == 0
    except (TypeError, ValueError):
        return False


# --- what owlrl never checks ------------------------------------------------------------------------------

# owlrl's own reports that a check here words better: owlrl 7.6.2's cls-com names the second class where it means
# the individual (`% (c1, c2, x)` for x1, OWLRL.py), and cls-nothing2 says "is defined of type 'Nothing'" where
# _nothing_members names the resource as a CURIE. Dropped, so that both engines report the same contradictions.
_REWORDED = ("Violation of complementarity for classes ",)
_REWORDED_SUFFIX = " is defined of type 'Nothing'"


def _owlrl_errors(closure) -> list[str]:
    messages = [str(message) for error in closure.subjects(TYPE, OWLRL_ERR.ErrorMessage)
                for message in closure.objects(error, OWLRL_ERR.error)]
    return [m for m in messages if not m.startswith(_REWORDED) and not m.endswith(_REWORDED_SUFFIX)]


def _nothing_members(closure) -> list[str]:
    return [f"{curie(s)} is typed owl:Nothing" for s in closure.subjects(TYPE, OWL.Nothing)]


def _functional_clashes(closure) -> list[str]:
    problems = []
    for prop in closure.subjects(TYPE, OWL.FunctionalProperty):
        values = defaultdict(set)
        for s, o in closure.subject_objects(prop):
            values[s].add(o)
        for s, objs in values.items():
            if len(objs) < 2:
                continue
            literals = {o for o in objs if isinstance(o, Literal)}
            if len(literals) > 1 or _known_distinct(closure, objs - literals):
                shown = ", ".join(sorted(curie(o) for o in objs))
                problems.append(f"{curie(s)} has several values for functional property {curie(prop)}: {shown}")
    return problems


def _known_distinct(closure, nodes: set) -> bool:
    """Two of `nodes` are declared different (differentFrom or AllDifferent), so they cannot be merged."""
    nodes = list(nodes)
    for i, a in enumerate(nodes):
        for b in nodes[i + 1:]:
            if (a, OWL.differentFrom, b) in closure or (b, OWL.differentFrom, a) in closure:
                return True
            if any(a in members and b in members for members in _all_different_sets(closure)):
                return True
    return False


def _all_different_sets(closure) -> list[set]:
    sets = []
    for node in closure.subjects(TYPE, OWL.AllDifferent):
        for head in list(closure.objects(node, OWL.distinctMembers)) + list(closure.objects(node, OWL.members)):
            sets.append(list_members(closure, head))
    return sets


def list_members(closure, head) -> set:
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


def _all_different_clashes(closure) -> list[str]:
    problems = []
    for members in _all_different_sets(closure):
        for a in members:
            for b in closure.objects(a, OWL.sameAs):
                if b != a and b in members:
                    problems.append(f"{curie(a)} and {curie(b)} are declared all-different but inferred owl:sameAs")
    return problems


def _blank_restriction_errors(asserted) -> list[str]:
    """A duty attachment must name its duty: a restriction on dfk:hasDuty without owl:hasValue is a typo."""
    problems = []
    for restriction in asserted.subjects(OWL.onProperty, DFK.hasDuty):
        if not isinstance(restriction, BNode):
            continue
        if (restriction, OWL.hasValue, None) not in asserted:
            problems.append("a restriction on dfk:hasDuty has no owl:hasValue")
    return problems
