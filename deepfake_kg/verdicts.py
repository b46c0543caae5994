"""Three-valued verdicts, read from the verdict rules of ontology/assessment.ttl, and what would change them.

A verdict rule is a class marked dfk:verdictOf: the intersection of its elements, each element (and the rule)
with a dfk:negation class. After OWL-RL has classified the scenario's platform, an element is *established* if
the platform is in it, *not established* if it is in its negation, and *undetermined* otherwise; the verdict
likewise. Nothing here decides the law: it reads the classes the reasoner derived.

What would change a verdict: the smallest sets of answers that put the platform into the verdict (or into its
negation). Candidate sets are read off the rule's class definitions (an intersection needs one way into each
member, a union one way into any member, a fact class one answer), then each is confirmed by classifying the
varied scenario; only confirmed sets are reported.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from itertools import product

from rdflib import Graph, URIRef
from rdflib.collection import Collection

from .build import KnowledgeGraph
from .errors import InconsistentGraph
from .namespaces import DFK, OWL, RDFS, curie
from .questions import asked
from .scenario import UNKNOWN, FactSchema
from .terms import Link, Passage, label
from .i18n import N_
from .wording import Listed, Name, Sentence, name

ESTABLISHED, NOT_ESTABLISHED, UNDETERMINED = "established", "not established", "undetermined"
MAX_OPTIONS = 12  # ways into one class kept while combining (smallest first)
MAX_CHANGES = 6  # confirmed sets reported per target


@dataclass
class Element:
    iri: str
    statement: str
    status: str
    basis: Link  # NO_LINK where the element names none
    passage: Passage  # NO_PASSAGE where it names none
    unanswered: list[str] = field(default_factory=list)  # scenario fields that would settle it


@dataclass
class Change:
    to: str  # the status the verdict would take
    facts: dict  # field -> answer


@dataclass
class Verdict:
    framework: str  # "today" or "proposed"
    rule: str  # CURIE of the verdict rule
    question: str  # what is decided
    status: str
    statement: str  # one line, for the table and the app
    elements: list[Element]
    missing: list[str]  # elements ruled out
    unanswered: list[str]  # scenario fields the form leaves open that bear on an undetermined element
    qualifications: list[str]  # in English; qualification_names: the same, named in each language
    changes: list[Change]
    basis: Link
    passage: Passage
    # What `statement` says after its status ("not established: …"), as a template and its values, to say in the
    # reader's language beside the status word; without the fields left open, which are in `unanswered`.
    sentence: Sentence | None = None
    qualification_names: list[Name] = field(default_factory=list)


@dataclass(frozen=True)
class Rule:
    iri: URIRef
    framework: URIRef
    members: tuple


@lru_cache(maxsize=4)
def verdict_rules(kg: KnowledgeGraph) -> tuple[Rule, ...]:
    g = kg.asserted
    rules = []
    for cls, framework in g.subject_objects(DFK.verdictOf):
        rules.append(Rule(cls, framework, tuple(_definition(g, cls)[1])))
    return tuple(sorted(rules, key=lambda r: str(r.framework)))


def status_of(g: Graph, cls, types: set) -> str:
    if cls in types:
        return ESTABLISHED
    negation = g.value(cls, DFK.negation)
    return NOT_ESTABLISHED if negation is not None and negation in types else UNDETERMINED


def verdict(kg: KnowledgeGraph, rule: Rule, framework: str, types: set, answers: dict, classify, ref, passage) -> Verdict:
    g = kg.asserted
    elements = []
    for member in rule.members:
        status = status_of(g, member, types)
        open_fields = sorted(f for f in fields_feeding(kg, member, frozenset(types))
                             if f not in answers and asked(kg, f, answers)) if status == UNDETERMINED else []
        elements.append(Element(str(member), label(kg.closure, member), status,
                                ref(g.value(member, DFK.basis)), passage(g.value(member, DFK.passage)), open_fields))
    status = status_of(g, rule.iri, types)
    missing = [e.statement for e in elements if e.status == NOT_ESTABLISHED]
    unanswered = sorted({f for e in elements for f in e.unanswered})
    qualifiers = sorted((q for q in g.subjects(DFK.qualifies, rule.iri) if q in types), key=lambda q: label(kg.closure, q))
    qualifications = [label(kg.closure, q) for q in qualifiers]
    question = label(kg.closure, rule.iri)
    said = {"question": name(kg.closure, rule.iri)}
    elements_named = lambda wanted: Listed(tuple(name(kg.closure, URIRef(e.iri)) for e in elements if e.status == wanted))
    if status == ESTABLISHED and qualifiers:
        sentence = Sentence(N_("{question}; {qualifications}"),
                            {**said, "qualifications": Listed(tuple(name(kg.closure, q) for q in qualifiers))})
    elif status == ESTABLISHED:
        sentence = Sentence(N_("{question}"), said)
    elif status == NOT_ESTABLISHED:
        sentence = Sentence(N_("{question} — missing: {missing}"), {**said, "missing": elements_named(NOT_ESTABLISHED)})
    else:
        sentence = Sentence(N_("{question} — not settled: {open}"), {**said, "open": elements_named(UNDETERMINED)})
    statement = f"{status}: {sentence.text('en')}"
    if status == UNDETERMINED:  # the command line names the scenario fields its YAML uses; the app asks them as questions
        statement += f" (the form does not answer: {', '.join(unanswered)})"
    return Verdict(framework, curie(rule.iri), question, status, statement, elements, missing, unanswered,
                   qualifications, what_would_change(kg, rule, status, answers, classify, types),
                   ref(g.value(rule.iri, DFK.basis)), passage(g.value(rule.iri, DFK.passage)), sentence,
                   [name(kg.closure, q) for q in qualifiers])


def what_would_change(kg: KnowledgeGraph, rule: Rule, status: str, answers: dict, classify, base: set) -> list[Change]:
    """The smallest confirmed sets of answers that would make the verdict established or not established."""
    g = kg.asserted
    changes = []
    for target, cls in ((ESTABLISHED, rule.iri), (NOT_ESTABLISHED, g.value(rule.iri, DFK.negation))):
        if target == status or cls is None:
            continue
        candidates = sorted({frozenset(o) for o in _ways_into(kg, cls, answers, base, frozenset())},
                            key=lambda s: (len(s), sorted(map(str, s))))
        found, size = [], None
        for candidate in candidates:
            if size is not None and len(candidate) > size or len(found) >= MAX_CHANGES:
                break
            varied = {**answers, **dict(candidate)}
            if not all(asked(kg, name, varied) for name, _ in candidate):
                continue  # a question that would not arise on these answers
            try:
                types = classify(varied)
            except InconsistentGraph:
                continue  # the new answers contradict the others
            if status_of(g, rule.iri, types) == target:
                found.append(Change(target, dict(sorted(candidate))))
                size = len(candidate)
        changes += found
    return changes


def _ways_into(kg: KnowledgeGraph, cls, answers: dict, types: set, seen: frozenset) -> list[frozenset]:
    """Sets of (field, answer) that would put the platform into `cls`, each differing from the answers given;
    the empty set if the platform is in it already. Platform types cannot be changed by an answer."""
    g = kg.asserted
    if cls in types:
        return [frozenset()]
    if cls in seen:
        return []
    seen = seen | {cls}
    direct = _fact_answer(kg, cls)
    if direct is not None:
        name, value = direct
        return [frozenset()] if _satisfies(kg, cls, answers.get(name)) else [frozenset({(name, value)})]
    kind, members = _definition(g, cls)
    options: list[frozenset] = []
    if kind == "intersection":
        parts = [_ways_into(kg, m, answers, types, seen) for m in members]
        for combo in product(*parts):
            merged = frozenset().union(*combo)
            if len({name for name, _ in merged}) == len(merged):  # one answer per field
                options.append(merged)
    else:  # a union, an equivalent named class, or the subclasses that imply cls
        for m in members:
            options += _ways_into(kg, m, answers, types, seen)
    return sorted(set(options), key=lambda s: (len(s), sorted(map(str, s))))[:MAX_OPTIONS]


def _definition(g: Graph, cls) -> tuple[str, list]:
    """("intersection", members) or ("union", members): the class's definition, or the classes that imply it."""
    for definition in g.objects(cls, OWL.equivalentClass):
        if (head := g.value(definition, OWL.intersectionOf)) is not None:
            return "intersection", list(Collection(g, head))
        if (head := g.value(definition, OWL.unionOf)) is not None:
            return "union", list(Collection(g, head))
    implied = {s for s in g.subjects(RDFS.subClassOf, cls) if isinstance(s, URIRef)}
    implied |= {o for o in g.objects(cls, OWL.equivalentClass) if isinstance(o, URIRef)}
    implied |= {s for s in g.subjects(OWL.equivalentClass, cls) if isinstance(s, URIRef)}
    return "union", sorted(implied)


@lru_cache(maxsize=512)
def _fact_index(kg: KnowledgeGraph) -> dict:
    return {f.iri: f for f in FactSchema.from_graph(kg.asserted).classes}


def _fact_answer(kg: KnowledgeGraph, cls):
    f = _fact_index(kg).get(cls)
    if f is None:
        return None
    if f.minimum is not None:
        return f.field, f.minimum
    if f.maximum is not None:
        return f.field, f.maximum
    return f.field, f.value


def _satisfies(kg: KnowledgeGraph, cls, value) -> bool:
    f = _fact_index(kg)[cls]
    if value is None or value == UNKNOWN:
        return False
    if f.minimum is not None:
        return isinstance(value, int) and value >= f.minimum
    if f.maximum is not None:
        return isinstance(value, int) and value <= f.maximum
    return value == f.value


@lru_cache(maxsize=2048)
def fields_feeding(kg: KnowledgeGraph, cls, types: frozenset = frozenset(), seen: frozenset = frozenset()) -> frozenset:
    """The scenario fields whose answers can put a platform of `types` into `cls` or into its negation. An
    intersection with a member no answer can reach (a platform type the platform is not) is passed over."""
    if cls in seen or cls in types:  # a class the platform is in already needs no answer
        return frozenset()
    seen = seen | {cls}
    if (f := _fact_index(kg).get(cls)) is not None:
        clash = any(o in types for o in kg.closure.objects(cls, OWL.disjointWith))
        return frozenset() if clash else frozenset({f.field})  # an answer contradicting the others settles nothing
    g = kg.asserted
    kind, members = _definition(g, cls)
    parts = [fields_feeding(kg, m, types, seen) for m in members]
    if kind == "intersection" and any(not p and m not in types and _fact_index(kg).get(m) is None
                                      for m, p in zip(members, parts)):
        parts = []
    found = frozenset().union(*parts)
    if (negation := g.value(cls, DFK.negation)) is not None:
        found |= fields_feeding(kg, negation, types, seen)
    return found
