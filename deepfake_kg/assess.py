"""Assess a scenario under today's law and under the author's proposals, side by side, with reasons.

OWL-RL classifies the scenario's platform (the classifier applies the OWL 2 RL rules to the one new individual
against the precomputed closure — tests check it equals a full owlrl run). Every conclusion class the platform
falls into (ontology/assessment.ttl) is a conclusion that holds. Each framework's verdict is three-valued —
established, not established (naming the missing element) or undetermined (naming the questions the form leaves
open) — and is read from the verdict rules of the ontology (deepfake_kg.verdicts), never from Python rules.
An unanswered question is unknown, never "no": the facts are three-valued too.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import BNode, Graph, URIRef
from rdflib.collection import Collection

from .build import KnowledgeGraph, get_kg
from .classify import classifier_for
from .i18n import N_
from .namespaces import DFK, OWL, RDF, RDFS, curie
from .scenario import FactSchema, Scenario
from .terms import NO_LINK, NO_PASSAGE, Link, Passage, label, passage as passage_of
from .validity import IN_FORCE, UNDATED, parse_day, validity_for
from .verdicts import NOT_ESTABLISHED, Verdict, verdict, verdict_rules
from .wording import Listed, Name, Sentence, Word, name

FRAMEWORKS = {DFK.LexLata: "today", DFK.LexFerenda: "proposed"}
NOT_ADVICE = "For study of the paper's argument only: not legal advice."
# The topic of the verdict's own conclusion, in English and Chinese as the ontology's conclusions on it say it.
THRESHOLD_TOPIC, THRESHOLD_TOPIC_ZH = "Criminal Law Art. 286-1: elements", "刑法第二百八十六条之一：构成要件"
NOT_YET_DECIDED = N_("not yet decided")  # the effect of a conclusion citing a judgment given after the day


@dataclass
class Conclusion:
    framework: str  # "today" or "proposed"
    topic: str  # the ontology's dfk:topic, in English (and topic_zh: its Chinese)
    statement: str
    effect: str  # establishes, aggravates, mitigates, excludes, informs
    holds: bool
    method: str  # "OWL-RL"
    rule: str
    facts: list[str]
    basis: Link  # the provision or proposal it rests on; NO_LINK where the class names none
    passage: Passage  # the paper's words behind it; NO_PASSAGE where it names none
    missing: list[str] = field(default_factory=list)
    iri: str = ""  # the conclusion class
    fact_names: list[Name] = field(default_factory=list)  # `facts`, named in each language
    sentence: Sentence | None = None  # `statement` as a template and its values, to say in the reader's language
    topic_zh: str = ""


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
    verdicts: dict[str, Verdict] = field(default_factory=dict)  # "today" / "proposed"
    as_of: str = ""  # the day whose law is "today's law"
    note: str = NOT_ADVICE

    @property
    def differs(self) -> bool:
        return self.verdicts["today"].status != self.verdicts["proposed"].status

    def to_dict(self) -> dict:
        return {**asdict(self), "differs": self.differs}


def assess(scenario: Scenario, kg: KnowledgeGraph | None = None, as_of=None) -> Assessment:
    """`as_of` (a date or YYYY-MM-DD; default today): "today's law" is the law of that day — a conclusion
    resting on a provision not yet (or no longer) in force that day does not hold, an amended provision is cited
    in the version binding that day, and the verdict is not established if its offence was not law that day."""
    kg = kg or get_kg()
    g = kg.closure
    day = parse_day(as_of)
    asserted = set(scenario.platform_types) | set(scenario.fact_classes)
    types = _classify(kg, scenario, asserted)
    conclusions = [_conclusion(kg, c, types, asserted) for c in _conclusion_classes(kg) if c in types]
    order = lambda c: (c.topic, c.statement)
    classify = lambda answers: _classify(kg, scenario, set(scenario.platform_types) | set(_fact_classes(kg, answers)))
    verdicts = {FRAMEWORKS[r.framework]: verdict(kg, r, FRAMEWORKS[r.framework], types, scenario.facts, classify, lambda n: _ref(g, n),
                                                 lambda n: _passage(g, n))
                for r in verdict_rules(kg)}
    _law_of_the_day(kg, conclusions, verdicts["today"], day)
    conclusions += _thresholds_of_the_day(kg, asserted, verdicts["today"], day)
    return Assessment(
        scenario=scenario.id,
        title=scenario.title,
        platform_types=[label(g, t) for t in scenario.platform_types],
        facts=sorted(label(g, f) for f in scenario.fact_classes),
        today=sorted((c for c in conclusions if c.framework == "today"), key=order),
        proposed=sorted((c for c in conclusions if c.framework == "proposed"), key=order),
        verdict_today=verdicts["today"].statement,
        verdict_proposed=verdicts["proposed"].statement,
        verdicts=verdicts,
        as_of=day.isoformat(),
    )


def _law_of_the_day(kg: KnowledgeGraph, conclusions: list, today: Verdict, day) -> None:
    """Date today's law: a conclusion whose basis has a later version binding on `day` cites that version; one
    whose basis binds on no version that day does not hold (one with no date recorded is not tested: nothing is
    presumed of it); the verdict fails if its provision was not in force."""
    g, validity = kg.closure, validity_for(kg)
    for c in conclusions:
        if c.framework != "today" or not c.basis.iri:
            continue
        basis = URIRef(c.basis.iri)
        if (decided := g.value(basis, DFK.decidedOn)) is not None:  # a judgment informs from the day it was given
            if day < decided.toPython():
                c.holds, c.effect = False, NOT_YET_DECIDED
                c.sentence = Sentence(N_("{conclusion} — not yet decided on {day} ({case} was decided on {decided})"),
                                      {"conclusion": name(g, URIRef(c.iri)), "day": day.isoformat(), "case": name(g, basis),
                                       "decided": decided.toPython().isoformat()})
                c.statement = c.sentence.text("en")
            continue
        # An offence or a knowledge standard is law when the provision that defines it is: it is dated by that
        # provision, and still cited as itself.
        dated = basis if (basis, RDF.type, DFK.Provision) in g else _defining_provision(g, basis) or basis
        current = validity.binding_version(dated, day)
        if current is None:
            status = validity.period(dated).status_on(day)
            if status == UNDATED:  # an undated provision (or a basis with no defining provision): nothing is presumed
                continue
            c.holds, c.effect = False, status
            c.sentence = Sentence(N_("{conclusion} — not the law on {day} ({provision} is {status})"),
                                  {"conclusion": name(g, URIRef(c.iri)), "day": day.isoformat(), "provision": name(g, dated),
                                   "status": Word(status)})
            c.statement = c.sentence.text("en")
        elif current != basis and dated == basis:
            c.basis = _ref(g, current)
    provision = g.value(URIRef(today.basis.iri), DFK.definedBy) if today.basis.iri else None
    if provision is not None and validity.period(provision).status_on(day) not in (IN_FORCE, UNDATED):
        status = validity.period(provision).status_on(day)
        reason = f"{label(g, provision)} was {status} on {day.isoformat()}"
        today.status, today.missing, today.changes = NOT_ESTABLISHED, [reason], []
        today.sentence = Sentence(N_("{question} — {provision} was {status} on {day}"),
                                  {"question": today.sentence.values["question"],
                                   "provision": name(g, provision), "status": Word(status), "day": day.isoformat()})
        today.statement = f"{NOT_ESTABLISHED}: {today.sentence.text('en')}"



def _thresholds_of_the_day(kg: KnowledgeGraph, facts: set, today: Verdict, day) -> list[Conclusion]:
    """A fact measured against a threshold set by a provision not in force on `day` (the thresholds of
    Interpretation 法释〔2019〕15号, from 1 November 2019): say so under today's law. Whether an interpretation governs
    conduct before it came into force is not recorded (docs/legal-model.md), so the tool neither drops the fact nor
    decides; it names the provision and its status, beside the verdict."""
    g, validity = kg.closure, validity_for(kg)
    offence = g.value(URIRef(today.basis.iri), DFK.definedBy) if today.basis.iri else None
    if offence is not None and validity.period(offence).status_on(day) not in (IN_FORCE, UNDATED):
        return []  # the offence itself was not law that day: its thresholds are beside the point
    by_provision: dict = {}
    for fact in facts:
        for provision in g.objects(fact, DFK.basis):
            if ((provision, RDF.type, DFK.Provision) in g and validity.binding_version(provision, day) is None
                    and validity.period(provision).status_on(day) != UNDATED):  # nothing is said of an undated one
                by_provision.setdefault(provision, []).append(fact)
    found = []
    for provision, measured in sorted(by_provision.items()):
        status = validity.period(provision).status_on(day)
        measured = sorted(measured, key=lambda f: label(g, f))
        sentence = Sentence(N_("the thresholds applied to {facts} are those of {provision}, {status} on {day}: whether they "
                               "govern conduct before it came into force is not recorded"),
                            {"facts": Listed(tuple(name(g, f) for f in measured)), "provision": name(g, provision),
                             "status": Word(status), "day": day.isoformat()})
        found.append(Conclusion(
            framework="today", topic=THRESHOLD_TOPIC, topic_zh=THRESHOLD_TOPIC_ZH, statement=sentence.text("en"),
            effect="informs", holds=True,
            method="date", rule=f"date: {curie(provision)} is {status} on {day.isoformat()}",
            facts=[label(g, f) for f in measured], basis=_ref(g, provision), passage=NO_PASSAGE,
            fact_names=[name(g, f) for f in measured], sentence=sentence))
    return found


def _defining_provision(g: Graph, resource: URIRef) -> URIRef | None:
    """The provision that defines `resource` (dfk:definedBy), the first in IRI order if several."""
    return next(iter(sorted(p for p in g.objects(resource, DFK.definedBy) if (p, RDF.type, DFK.Provision) in g)), None)


def _classify(kg: KnowledgeGraph, scenario: Scenario, asserted: set) -> set:
    derived = {o for s, p, o in classifier_for(kg).classify(asserted, scenario.platform) if p == RDF.type and not isinstance(o, BNode)}
    return derived | asserted


def _fact_classes(kg: KnowledgeGraph, answers: dict) -> list[URIRef]:
    schema = _schema(kg)
    return [c for name, value in answers.items() for c in schema.classes_for(name, value)]


@lru_cache(maxsize=4)
def _schema(kg: KnowledgeGraph) -> FactSchema:
    return FactSchema.from_graph(kg.closure)


@lru_cache(maxsize=4)
def _conclusion_classes(kg: KnowledgeGraph) -> tuple:
    return tuple(sorted(set(kg.asserted.subjects(DFK.framework, None))))


def _conclusion(kg: KnowledgeGraph, cls: URIRef, types: set, asserted: set) -> Conclusion:
    g = kg.closure
    rule, support = _derivation(kg, cls, types, asserted)
    facts = sorted(support, key=lambda f: label(g, f))
    return Conclusion(
        framework=FRAMEWORKS[g.value(cls, DFK.framework)],
        topic=_topic(g, cls, "en"), topic_zh=_topic(g, cls, "zh"),
        statement=label(g, cls),
        effect=str(g.value(cls, DFK.effect) or "informs"),
        holds=True,
        method="OWL-RL",
        rule=rule,
        facts=sorted(label(g, f) for f in support),
        basis=_ref(g, g.value(cls, DFK.basis)),
        passage=_passage(g, g.value(cls, DFK.passage)),
        iri=str(cls),
        fact_names=[name(g, f) for f in facts],
        sentence=Sentence(N_("{conclusion}"), {"conclusion": name(g, cls)}),
    )


def _derivation(kg: KnowledgeGraph, cls: URIRef, types: set, asserted: set, depth: int = 0) -> tuple[str, set]:
    """The OWL-RL rule that put the platform in `cls`, and the scenario's facts it rests on."""
    a = kg.asserted
    if cls in asserted:
        return "asserted fact", {cls}
    if depth > 12:
        return "", set()
    for definition in sorted(a.objects(cls, OWL.equivalentClass)):
        if (head := a.value(definition, OWL.intersectionOf)) is not None:
            members, rule = list(Collection(a, head)), "cls-int1"
        elif (head := a.value(definition, OWL.unionOf)) is not None:
            members = [m for m in Collection(a, head) if m in types][:1]
            rule = "cls-uni"
        else:
            members, rule = [definition], "cax-eqc"
        if members and all(m in types for m in members):
            support = set()
            for m in members:
                support |= _derivation(kg, m, types, asserted, depth + 1)[1]
            joiner = " ⊓ " if rule == "cls-int1" else " ⊔ … "
            return f"{rule}: {curie(cls)} ≡ {joiner.join(curie(m) for m in members)}", support
    for sub in sorted(a.subjects(RDFS.subClassOf, cls)):  # sorted: the same derivation every run
        if isinstance(sub, URIRef) and sub in types:
            return f"cax-sco: {curie(sub)} ⊑ {curie(cls)}", _derivation(kg, sub, types, asserted, depth + 1)[1]
    return "", set()


def _topic(g: Graph, cls, lang: str) -> str:
    """The conclusion class's topic in English (untagged or @en) or Chinese (@zh…), or ""."""
    for topic in g.objects(cls, DFK.topic):
        tag = (getattr(topic, "language", None) or "").lower()
        if (tag.startswith("zh") if lang == "zh" else tag in ("", "en")):
            return str(topic)
    return ""


def _ref(g: Graph, node) -> Link:
    return Link(str(node), label(g, node)) if node is not None else NO_LINK


def _passage(g: Graph, node) -> Passage:
    return passage_of(g, node) if node is not None else NO_PASSAGE


def load_library(directory: Path | None = None, kg: KnowledgeGraph | None = None) -> list[Scenario]:
    """The paper's own examples, as ready scenarios (scenarios/*.yaml)."""
    from .paths import SCENARIOS_DIR
    from .scenario import read_scenario

    kg = kg or get_kg()
    directory = directory or SCENARIOS_DIR
    return [read_scenario(path, kg) for path in sorted(directory.glob("*.yaml"))]
