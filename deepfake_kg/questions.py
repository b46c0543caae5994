"""The assessment form as a list of questions, read from ontology/questions.ttl and ontology/assessment.ttl.

Each question fills one scenario field (its dotted path in the scenario YAML). Its allowed answers come from the
fact classes of that field, so a question and the reasoning it feeds cannot drift apart: yes / no (a field with
true and false classes), one of a list (a choice field), or a whole number (a threshold field); "unknown" is
always allowed and leaves the field out of the scenario. A guided form asks them in group order, skipping a
question whose `asked_if` answers are all absent.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from functools import lru_cache

from rdflib import Graph, Literal

from .build import KnowledgeGraph, get_kg
from .namespaces import DFK, RDF, RDFS
from .scenario import UNKNOWN, FactSchema

YES_NO_LABELS = {True: ("yes", "是"), False: ("no", "否")}
UNKNOWN_LABELS = ("unknown", "不清楚")


@dataclass(frozen=True)
class Answer:
    value: object  # True, False, a keyword, or "unknown"; a number for a count question is typed in
    label_en: str
    label_zh: str


@dataclass(frozen=True)
class Threshold:
    """A number at which the answer to a count question changes what the tool concludes."""

    minimum: int
    meaning_en: str
    meaning_zh: str


@dataclass(frozen=True)
class Question:
    id: str  # the scenario field, e.g. "notice.received"
    iri: str
    group: str  # the group's id: platform, content, notice, consequences, compliance, people
    group_label_en: str
    group_label_zh: str
    text_en: str
    text_zh: str
    why_en: str
    why_zh: str
    basis: str  # IRI of the provision, case, proposal or principle
    passage: str  # IRI of the paper's passage
    kind: str  # "yes/no", "choice" or "number"
    answers: tuple[Answer, ...]
    thresholds: tuple[Threshold, ...] = ()
    asked_if: tuple[tuple[str, object], ...] = ()  # (field, value) pairs: asked when any one holds
    yaml_path: tuple[str, ...] = field(default=())  # where the answer goes in the scenario YAML

    def to_dict(self) -> dict:
        return asdict(self)

    def applies(self, answers: dict) -> bool:
        """Whether the question arises given the answers so far (a flat mapping field -> value)."""
        return not self.asked_if or any(answers.get(f) == v for f, v in self.asked_if)

    def moot(self, answers: dict) -> bool:
        """Answered although every answer it depends on says it does not arise ("refused to correct" beside "no
        order to correct"): a form tells the user, so that the answers are checked together."""
        return (self.id in answers and bool(self.asked_if) and all(f in answers for f, _v in self.asked_if)
                and not self.applies(answers))


def questions(kg: KnowledgeGraph | None = None) -> list[Question]:
    """Every question of the assessment form, in the order a guided form asks them."""
    return list(_questions(kg or get_kg()))


@lru_cache(maxsize=4)
def _questions(kg: KnowledgeGraph) -> tuple[Question, ...]:
    g = kg.asserted
    schema = FactSchema.from_graph(g)
    found = []
    for q in g.subjects(RDF.type, DFK.Question):
        name = str(g.value(q, DFK.asksField))
        group = g.value(q, DFK.inGroup)
        entries = [f for f in schema.classes if f.field == name]
        if not entries:
            raise ValueError(f"{q} asks for field {name!r}, which no fact class of ontology/assessment.ttl carries.")
        kind = schema.kind(name)
        found.append(((int(g.value(group, DFK.order)), int(g.value(q, DFK.order))), Question(
            id=name,
            iri=str(q),
            group=str(group).rsplit("/", 1)[-1],
            group_label_en=_text(g, group, RDFS.label, "en"),
            group_label_zh=_text(g, group, RDFS.label, "zh-Hans"),
            text_en=_text(g, q, DFK.questionText, "en"),
            text_zh=_text(g, q, DFK.questionText, "zh-Hans"),
            why_en=_text(g, q, DFK.whyAsked, "en"),
            why_zh=_text(g, q, DFK.whyAsked, "zh-Hans"),
            basis=str(g.value(q, DFK.basis) or ""),
            passage=str(g.value(q, DFK.passage) or ""),
            kind="number" if kind == "count" else "yes/no" if kind == "yes/no" else "choice",
            answers=_answers(g, kind, entries),
            thresholds=tuple(sorted((Threshold(f.minimum, _text(g, f.iri, RDFS.label, "en"), _text(g, f.iri, RDFS.label, "zh-Hans"))
                                     for f in entries if f.minimum is not None), key=lambda t: t.minimum)),
            asked_if=tuple(sorted(_condition(str(c)) for c in g.objects(q, DFK.askedIf))),
            yaml_path=tuple(name.split(".")),
        )))
    return tuple(q for _, q in sorted(found, key=lambda pair: pair[0]))


@lru_cache(maxsize=4)
def _conditions(kg: KnowledgeGraph) -> dict:
    g = kg.asserted
    return {str(g.value(q, DFK.asksField)): tuple(_condition(str(c)) for c in g.objects(q, DFK.askedIf))
            for q in g.subjects(RDF.type, DFK.Question)}


def asked(kg: KnowledgeGraph, name: str, answers: dict) -> bool:
    """Whether the question of field `name` arises on these answers (see Question.applies)."""
    conditions = _conditions(kg).get(name, ())
    return not conditions or any(answers.get(f) == v for f, v in conditions)


def _answers(g: Graph, kind: str, entries) -> tuple[Answer, ...]:
    unknown = Answer(UNKNOWN, *UNKNOWN_LABELS)
    if kind == "count":
        return (unknown,)
    if kind == "yes/no":
        return (Answer(True, *YES_NO_LABELS[True]), Answer(False, *YES_NO_LABELS[False]), unknown)
    choices = sorted(entries, key=lambda f: str(f.value))
    return tuple(Answer(f.value, _text(g, f.iri, DFK.answerLabel, "en") or str(f.value),
                        _text(g, f.iri, DFK.answerLabel, "zh-Hans") or str(f.value)) for f in choices) + (unknown,)


def _condition(text: str) -> tuple[str, object]:
    name, _, value = text.partition("=")
    return name, {"true": True, "false": False}.get(value, value)


def _text(g: Graph, node, prop, lang: str) -> str:
    return next((str(o) for o in g.objects(node, prop) if isinstance(o, Literal) and o.language == lang), "")
