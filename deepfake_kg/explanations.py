"""Why a duty attaches to a platform: the chain of asserted axioms that brought it there (cax-sco, cls-int1,
cls-hv1), its legal basis or proposal, and the dates its status on the day rests on — each step a sentence any
reader's language can say (deepfake_kg/wording.py)."""
from __future__ import annotations

from collections import deque
from dataclasses import asdict, dataclass

from rdflib import BNode, Graph, URIRef
from rdflib.collection import Collection

from .build import KnowledgeGraph, get_kg
from .duties import _as_iris, _classified, duty_resolver
from .errors import KGError
from .i18n import N_, _
from .namespaces import DFK, OWL, RDF, RDFS, curie
from .terms import Link, Passage, label, link, sources
from .validity import UNDATED, parse_day, validity_for
from .wording import Both, Quoted, Sentence, Word, name

# What the data says of how sure a fact beyond the paper is (dfk:certainty), in the package's words.
CERTAINTY = {"high": N_("high"), "medium": N_("medium")}


@dataclass
class Step:
    """One step of an explanation: the rule applied (an OWL-RL rule's name, "legal basis", "date"…) and what it
    establishes, in English (`statement`, as the CLI and the JSON give it) and as a sentence any reader's language
    can say (`text(lang)`: the template through the catalogue, names from the graph's labels in that language)."""
    rule: str
    statement: str
    sentence: Sentence | None = None

    def text(self, lang: str = "en") -> str:
        return self.sentence.text(lang) if self.sentence else self.statement


def _step(rule: str, template: str, **values) -> Step:
    sentence = Sentence(template, values)
    return Step(rule, sentence.text("en"), sentence)


@dataclass
class Explanation:
    duty: Link
    platform_types: list[Link]
    steps: list[Step]
    passages: list[Passage]
    as_of: str = ""
    status: str = ""  # the duty's status on as_of

    def to_dict(self) -> dict:
        return asdict(self)


def explain(duty: URIRef | str, types, kg: KnowledgeGraph | None = None, as_of=None) -> Explanation:
    """The chain of axioms through which `duty` reached a platform of `types`, with the paper's passage, and
    its status on the day `as_of` (default today) with the dates that status is derived from."""
    kg = kg or get_kg()
    day = parse_day(as_of)
    types = _as_iris(types, kg)
    g = kg.closure
    duty = duty if isinstance(duty, URIRef) else duty_resolver(kg).resolve(str(duty))
    if (duty, RDF.type, DFK.Duty) not in g:
        raise KGError(_("{duty} is not a duty of this graph.").format(duty=curie(duty)))
    carriers = _carriers(kg, duty, _classified(kg, tuple(types)))
    if not carriers:
        names = ", ".join(label(g, t) for t in types)
        raise KGError(_("“{duty}” does not attach to a platform that is {types}.").format(duty=label(g, duty), types=names))
    steps: list[Step] = []
    for carrier in carriers:
        steps += _derivation(kg, types, carrier)
        steps.append(_step("cls-hv1", N_("Every {platform} has the duty “{duty}” (asserted axiom: {platform_id} "
                                         "rdfs:subClassOf [ owl:onProperty dfk:hasDuty ; owl:hasValue {duty_id} ])."),
                           platform=name(g, carrier), duty=name(g, duty), platform_id=curie(carrier), duty_id=curie(duty)))
    for trigger in sorted(g.objects(duty, DFK.trigger), key=str):  # e.g. Art. 47: only "when they discover" the content
        steps.append(_step("trigger", N_("It binds only when its trigger is met: {trigger}"),
                           trigger=Quoted(str(trigger), getattr(trigger, "language", None) or "en")))
    for provision in sorted(g.objects(duty, DFK.legalBasis)):
        steps.append(_step("legal basis", N_("The duty rests on {provision} ({provision_id})."),
                           provision=name(g, provision), provision_id=curie(provision)))
        for source in sorted(g.objects(duty, DFK.hasLegalSource)):
            if source != provision and (provision, DFK.partOf, source) in g and source not in set(g.objects(duty, DFK.legalBasis)):
                steps.append(_step("prp-spo2", N_("{provision} is part of {source}, so the duty's legal sources include "
                                                  "it (property chain dfk:legalBasis ∘ dfk:partOf)."),
                                   provision=name(g, provision), source=name(g, source)))
    for proposal in sorted(g.objects(duty, DFK.proposedIn)):
        steps.append(_step("proposal", N_("The duty is proposed by the author in “{proposal}”: not law in force."),
                           proposal=name(g, proposal)))
    if (duty, DFK.beyondThePaper, None) in g:  # no passage of the paper to quote: say where it was checked
        for source in sorted(g.objects(duty, DFK.checkedAgainst), key=str):
            certainty = sorted(map(str, g.objects(duty, DFK.certainty)))
            said = Both(tuple(Word(CERTAINTY.get(c, c)) for c in certainty)) if certainty else Word(N_("not stated"))
            steps.append(_step("source", N_("Beyond the paper: checked against {source} (certainty: {certainty})."),
                               source=Quoted(str(source), getattr(source, "language", None) or "en"), certainty=said))
    timing = validity_for(kg).timing(duty, day)
    steps += _date_steps(kg, duty, day, timing)
    return Explanation(link(g, duty), [link(g, t) for t in types], steps, sources(g, duty), day.isoformat(), timing.status)


def _date_steps(kg: KnowledgeGraph, duty: URIRef, day, timing) -> list[Step]:
    """Why the duty has its status on `day`: the dates of each legal basis, or the provision that enacted it."""
    g, validity = kg.closure, validity_for(kg)
    steps = []
    for provision in sorted(g.objects(duty, DFK.legalBasis), key=lambda p: validity.period(p).start or day):
        period = validity.period(provision)
        dates = {"provision": name(g, provision), "day": day.isoformat(), "status": Word(period.status_on(day)),
                 "start": period.start.isoformat() if period.start else Word(N_("a date not recorded"))}
        if period.status_on(day) == UNDATED:
            steps.append(_step("date", N_("No date is recorded for {provision} or for what it belongs to: whether it "
                                          "bound on {day} is not known, and is not presumed."), **dates))
        elif period.last_day:
            steps.append(_step("date", N_("{provision} binds from {start} to {end}: on {day} it is {status}."),
                               end=period.last_day.isoformat(), **dates))
        else:
            steps.append(_step("date", N_("{provision} binds from {start}: on {day} it is {status}."), **dates))
    for enactment in timing.enacted_by:
        enacted = {"start": enactment.in_force_from, "provision": name(g, URIRef(enactment.provision)),
                   "extent": Word(enactment.extent)}
        if timing.remains_proposed:
            steps.append(_step("date", N_("Since {start}, {provision} makes the proposal law {extent}; what remains "
                                          "proposed: {remains}"), remains=Quoted(timing.remains_proposed), **enacted))
        else:
            steps.append(_step("date", N_("Since {start}, {provision} makes the proposal law {extent}."), **enacted))
    if timing.status == UNDATED:
        steps.append(_step("date", N_("So the paper states the duty as law, but whether it bound on {day} is not known: "
                                      "a date for its basis would decide it."), day=day.isoformat()))
    else:
        steps.append(_step("date", N_("So on {day} the duty is {status}."), day=day.isoformat(), status=Word(timing.status)))
    return steps


def _carriers(kg: KnowledgeGraph, duty: URIRef, triples: set) -> list[URIRef]:
    """The named classes of the platform whose asserted axiom attaches `duty`."""
    platform_types = {o for s, p, o in triples if p == RDF.type and not isinstance(o, BNode)}
    carriers = []
    for restriction in kg.asserted.subjects(OWL.hasValue, duty):
        if (restriction, OWL.onProperty, DFK.hasDuty) in kg.asserted:
            carriers += [c for c in kg.asserted.subjects(RDFS.subClassOf, restriction) if c in platform_types]
    return sorted(set(carriers))


def _derivation(kg: KnowledgeGraph, types: list[URIRef], goal: URIRef, depth: int = 0) -> list[Step]:
    """How a platform of `types` comes to be a `goal`: asserted subclass steps, or an intersection (cls-int1)."""
    g, a = kg.closure, kg.asserted
    path = _subclass_path(a, types, goal)
    if path:
        return [_step("cax-sco", N_("Every {sub} is {sup} (asserted: {sub_id} rdfs:subClassOf {sup_id})."),
                      sub=name(g, sub), sup=name(g, sup, article=True), sub_id=curie(sub), sup_id=curie(sup))
                for sub, sup in zip(path, path[1:])]
    for definition in a.objects(goal, OWL.equivalentClass):
        for head in a.objects(definition, OWL.intersectionOf):
            members = list(Collection(a, head))
            if depth > 5 or not all(_subclass_path(a, types, m) or m in types for m in members):
                continue
            steps = [step for m in members for step in _derivation(kg, types, m, depth + 1)]
            return steps + [_step("cls-int1", N_("A platform that is both {types} is {goal} (asserted: {goal_id} "
                                                 "owl:equivalentClass the intersection of them)."),
                                  types=Both(tuple(name(g, m) for m in members)), goal=name(g, goal, article=True),
                                  goal_id=curie(goal))]
    return []


def _subclass_path(asserted: Graph, starts: list[URIRef], goal: URIRef) -> list[URIRef]:
    """Shortest chain of asserted rdfs:subClassOf edges to `goal` from the first of `starts` that reaches it
    (the user's order: a function type explains a duty more naturally than a size tier does); [] if none."""
    for start in starts:
        queue, seen = deque([[start]]), {start}
        while queue:
            path = queue.popleft()
            if path[-1] == goal:
                return path
            # In a fixed order, the paper's own types before types beyond the paper, so that of two equally
            # short chains the explanation always takes the paper's.
            supers = sorted(asserted.objects(path[-1], RDFS.subClassOf),
                            key=lambda c: ((c, DFK.beyondThePaper, None) in asserted, str(c)))
            for sup in supers:
                if isinstance(sup, URIRef) and sup not in seen:
                    seen.add(sup)
                    queue.append(path + [sup])
    return []

