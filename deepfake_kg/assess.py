"""Assess a scenario under today's law and under the author's proposals, side by side, with reasons.

Open-world part: OWL-RL classifies the scenario's platform (the classifier applies the OWL 2 RL rules to the
one new individual against the precomputed closure — tests check it equals a full owlrl run). Every
conclusion class the platform falls into (ontology/assessment.ttl) is a conclusion that holds.
Closed-world part: what OWL cannot say — that an element is missing, that a presumption stands unrebutted,
that no reasonable care was shown — is found by the SPARQL checks in ontology/closed-world/, which read the
absence of a fact as its falsity. Each conclusion says which part produced it.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import BNode, Graph, URIRef
from rdflib.collection import Collection
from rdflib.graph import ReadOnlyGraphAggregate

from .build import KnowledgeGraph, get_kg
from .classify import classifier_for
from .namespaces import DFK, OA, OWL, RDF, RDFS, curie
from .paths import ONTOLOGY_DIR
from .resolve import label
from .scenario import Scenario
from .validity import parse_day, validity_for

CLOSED_WORLD = ONTOLOGY_DIR / "closed-world"
FRAMEWORKS = {DFK.LexLata: "today", DFK.LexFerenda: "proposed"}
NOT_ADVICE = "For study of the paper's argument only: not legal advice."


@dataclass
class Conclusion:
    framework: str  # "today" or "proposed"
    topic: str
    statement: str
    effect: str  # establishes, aggravates, mitigates, excludes, informs, missing
    holds: bool
    method: str  # "OWL-RL" or "closed-world check <name>"
    rule: str
    facts: list[str]
    basis: dict
    passage: dict
    missing: list[str] = field(default_factory=list)


@dataclass
class Assessment:
    scenario: str
    title: str
    platform_types: list[str]
    facts: list[str]
    today: list[Conclusion]
    proposed: list[Conclusion]
    verdict_today: str
    verdict_proposed: str
    note: str = NOT_ADVICE

    @property
    def differs(self) -> bool:
        return self.verdict_today.split(":")[0] != self.verdict_proposed.split(":")[0]

    def to_dict(self) -> dict:
        return {**asdict(self), "differs": self.differs}


def assess(scenario: Scenario, kg: KnowledgeGraph | None = None, as_of=None) -> Assessment:
    """`as_of` (a date or YYYY-MM-DD; default today): "today's law" is the law of that day — a conclusion
    resting on a provision not yet (or no longer) in force that day does not hold, and an amended provision
    is cited in the version binding that day."""
    kg = kg or get_kg()
    g = kg.closure
    day = parse_day(as_of)
    platform = scenario.platform
    asserted = set(scenario.platform_types) | set(scenario.fact_classes)
    derived = {o for s, p, o in classifier_for(kg).classify(asserted, platform) if p == RDF.type and not isinstance(o, BNode)}
    types = derived | asserted
    facts_graph = Graph()
    for t in types:
        facts_graph.add((platform, RDF.type, t))
    view = ReadOnlyGraphAggregate([g, facts_graph])

    # The closed-world checks run once: their answers feed both the conclusions and the verdict.
    stands = _ask(view, "presumption-stands", platform=platform)
    no_care = _ask(view, "no-reasonable-care", platform=platform)
    conclusions = [_conclusion(kg, c, types, asserted) for c in _conclusion_classes(kg) if c in types]
    conclusions += _closed_world(kg, view, platform, types, stands, no_care)
    verdict_types = _law_of_the_day(kg, conclusions, [c for c in _conclusion_classes(kg) if c in types], types, day)
    today = [c for c in conclusions if c.framework == "today"]
    proposed = [c for c in conclusions if c.framework == "proposed"]
    order = lambda c: (c.topic, not c.holds, c.statement)
    return Assessment(
        scenario=scenario.id,
        title=scenario.title,
        platform_types=[label(g, t) for t in scenario.platform_types],
        facts=sorted(label(g, f) for f in scenario.fact_classes),
        today=sorted(today, key=order),
        proposed=sorted(proposed, key=order),
        verdict_today=_verdict_today(verdict_types),
        verdict_proposed=_verdict_proposed(types, stands, no_care),
    )


def _law_of_the_day(kg: KnowledgeGraph, conclusions: list, classes: list, types: set, day) -> set:
    """Re-date today's conclusions (the first len(classes) are OWL-RL ones, in `classes` order): a basis
    replaced by a later version is cited in that version; one not in force on `day` stops the conclusion.
    Returns the types the verdict may rely on."""
    g, validity = kg.closure, validity_for(kg)
    dropped = set()
    for cls, conclusion in zip(classes, conclusions):
        basis = conclusion.basis.get("iri")
        if conclusion.framework != "today" or not basis or not conclusion.holds:
            continue
        current = validity.binding_version(URIRef(basis), day)
        if current is None:
            period = validity.period(URIRef(basis))
            conclusion.holds, conclusion.effect = False, period.status_on(day)
            conclusion.statement += f" — not the law on {day.isoformat()} ({conclusion.basis['label']} is {period.status_on(day)})"
            dropped.add(cls)
        elif current != URIRef(basis):
            conclusion.basis = _ref(g, current)
    if not dropped:
        return types
    remaining = set(types) - dropped
    omissions = {c for c in types if (c, RDFS.subClassOf, DFK.Art2861Omission) in kg.asserted}
    if omissions and omissions <= dropped:  # the omission element rested only on duties not yet law
        remaining -= {DFK.Art2861Omission, DFK.Art2861ElementsMet}
    for cls, conclusion in zip(classes, conclusions):
        if cls not in remaining and cls not in dropped and conclusion.holds:
            conclusion.holds, conclusion.effect = False, "not in force"
            conclusion.statement += f" — not on {day.isoformat()}: it rests only on duties not then in force"
    return remaining


@lru_cache(maxsize=4)
def _conclusion_classes(kg: KnowledgeGraph) -> tuple:
    return tuple(sorted(set(kg.asserted.subjects(DFK.framework, None))))


def _conclusion(kg: KnowledgeGraph, cls: URIRef, types: set, asserted: set) -> Conclusion:
    g = kg.closure
    rule, support = _derivation(kg, cls, types, asserted)
    return Conclusion(
        framework=FRAMEWORKS[g.value(cls, DFK.framework)],
        topic=str(g.value(cls, DFK.topic) or ""),
        statement=label(g, cls),
        effect=str(g.value(cls, DFK.effect) or "informs"),
        holds=True,
        method="OWL-RL",
        rule=rule,
        facts=sorted(label(g, f) for f in support),
        basis=_ref(g, g.value(cls, DFK.basis)),
        passage=_passage(g, g.value(cls, DFK.passage)),
    )


def _derivation(kg: KnowledgeGraph, cls: URIRef, types: set, asserted: set, depth: int = 0) -> tuple[str, set]:
    """The OWL-RL rule that put the platform in `cls`, and the scenario's facts it rests on."""
    a = kg.asserted
    if cls in asserted:
        return "asserted fact", {cls}
    if depth > 8:
        return "", set()
    for definition in a.objects(cls, OWL.equivalentClass):
        members = list(Collection(a, head)) if (head := a.value(definition, OWL.intersectionOf)) else [definition]
        if all(m in types for m in members):
            support = set()
            for m in members:
                support |= _derivation(kg, m, types, asserted, depth + 1)[1]
            shown = " ⊓ ".join(curie(m) for m in members)
            return f"cls-int1: {curie(cls)} ≡ {shown}", support
    for sub in sorted(a.subjects(RDFS.subClassOf, cls)):  # sorted: the same derivation every run
        if isinstance(sub, URIRef) and sub in types:
            return f"cax-sco: {curie(sub)} ⊑ {curie(cls)}", _derivation(kg, sub, types, asserted, depth + 1)[1]
    return "", set()


def _closed_world(kg: KnowledgeGraph, view, platform: URIRef, types: set, stands: bool, no_care: bool) -> list[Conclusion]:
    g = kg.closure
    found = []
    # Today's law: which elements of Art. 286-1 are missing.
    if DFK.Art2861ElementsMet not in types:
        missing = [str(r.label or curie(r.member)) for r in _run(view, "missing-elements",
                   platform=platform, conclusion=DFK.Art2861ElementsMet)]
        found.append(_check_conclusion(g, DFK.Art2861ElementsMet, "missing-elements", False,
                                       "an element of the Art. 286-1 offence is missing", missing=missing))
    # The proposals: does the presumption of knowledge stand, and was reasonable care shown?
    if stands:
        found.append(_check_conclusion(g, DFK.PresumedToKnow, "presumption-stands", True,
                                       "the presumption of knowledge stands: nothing in the facts rebuts it"))
    if no_care:
        standard = URIRef("https://w3id.org/deepfake-kg/id/knowledge-standard/presumed-willful-disregard")
        conclusion = _check_conclusion(g, DFK.ReasonableCareShown, "no-reasonable-care", True,
                                       "no reasonable care shown: the platform is presumed to have acted with willful disregard",
                                       effect="establishes")
        conclusion.basis = _ref(g, standard)
        conclusion.passage = _passage(g, URIRef("https://w3id.org/deepfake-kg/id/passage/proposals/4.1-willful-disregard"))
        found.append(conclusion)
    return found


def _check_conclusion(g, cls, check, holds, statement, missing=(), effect=None) -> Conclusion:
    return Conclusion(
        framework=FRAMEWORKS[g.value(cls, DFK.framework)],
        topic=str(g.value(cls, DFK.topic) or ""),
        statement=statement,
        effect=effect or ("missing" if not holds else str(g.value(cls, DFK.effect))),
        holds=holds,
        method=f"closed-world check {check}",
        rule=f"ontology/closed-world/{check}.rq (reads the absence of a fact as its falsity)",
        facts=[],
        basis=_ref(g, g.value(cls, DFK.basis)),
        passage=_passage(g, g.value(cls, DFK.passage)),
        missing=list(missing),
    )


def _verdict_today(types: set) -> str:
    if DFK.Art2861ElementsMet in types:
        return "criminal liability: every element of Criminal Law Art. 286-1 is met"
    if DFK.ResemblesQvod in types:
        return "criminal liability: knowing, profit-driven tolerance as in the Qvod case (not under Art. 286-1)"
    if types & {DFK.BreachedRemovalDuties, DFK.BreachedRecordDuty, DFK.BreachedLabellingDuty}:
        return "administrative liability only: duties breached, but Art. 286-1 is not made out"
    return "no liability shown: Art. 286-1 is not made out and no duty breach is established"


def _verdict_proposed(types: set, stands: bool, disregard: bool) -> str:
    # This summary rule is the tool's reading of sections 4.1-4.4, stated here so that it can be checked.
    knowledge = stands or types & {DFK.KnowinglyTolerated, DFK.RefusedAfterOrder, DFK.AdverseInferenceFromMissingLogs}
    care = DFK.ReasonableCareShown in types
    aggravated = DFK.LargePlatformFailedHigherDuty in types
    if (knowledge or disregard) and not care:
        return "criminal liability" + (": aggravated, a large platform failed its higher duties" if aggravated else
                                       ": knowledge established or presumed, no reasonable care shown")
    if (knowledge or disregard) and care:
        return "mitigated: reasonable care shown; at most a mitigated liability"
    return "no liability shown: no knowledge established or presumed"


@lru_cache(maxsize=None)
def _check_text(check: str) -> str:
    return (CLOSED_WORLD / f"{check}.rq").read_text()


def _run(view, check: str, **bindings):
    return list(view.query(_check_text(check), initBindings=bindings))


def _ask(view, check: str, **bindings) -> bool:
    return bool(view.query(_check_text(check), initBindings=bindings).askAnswer)


def _ref(g: Graph, node) -> dict:
    return {"iri": str(node), "label": label(g, node)} if node is not None else {"iri": "", "label": ""}


def _passage(g: Graph, node) -> dict:
    if node is None:
        return {"iri": "", "section": "", "quote": ""}
    section = next((str(n) for s in g.objects(node, DFK.inSection) for n in g.objects(s, DFK.sectionNumber)), "")
    quote = next((str(q) for sel in g.objects(node, OA.hasSelector) for q in g.objects(sel, OA.exact)), "")
    return {"iri": str(node), "section": section, "quote": quote}


def load_library(directory: Path | None = None, kg: KnowledgeGraph | None = None) -> list[Scenario]:
    """The paper's own examples, as ready scenarios (scenarios/*.yaml)."""
    from .paths import SCENARIOS_DIR
    from .scenario import read_scenario

    kg = kg or get_kg()
    directory = directory or SCENARIOS_DIR
    return [read_scenario(path, kg) for path in sorted(directory.glob("*.yaml"))]
