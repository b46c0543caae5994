"""Read a scenario — facts about one platform and one incident — from YAML, JSON or Turtle.

The form's fields are not listed here: they come from the ontology's fact classes (ontology/assessment.ttl),
each annotated with the field it answers (dfk:factField) and the value (dfk:factValue) or threshold
(dfk:factMinimum) that makes a platform a member. Anything the ontology does not know is an error naming it.
"""
from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from .build import KnowledgeGraph
from .errors import KGError, UnknownPlatformType
from .load import parse_file, read_text
from .namespaces import DFK, ID, RDF, RDFS
from .resolve import TypeResolver
from .terms import label

MAX_SCENARIO_BYTES = 200_000
UNKNOWN = "unknown"
META_FIELDS = {"id", "title", "description", "title_zh", "description_zh", "source", "platform"}


class ScenarioError(KGError):
    """A scenario names a field or value the ontology does not know, or is not well-formed."""


@dataclass(frozen=True)
class FactClass:
    iri: URIRef
    field: str
    value: object = None  # True / False / a keyword, or None for a threshold
    minimum: int | None = None
    maximum: int | None = None


@dataclass
class Scenario:
    id: str
    title: str
    platform_types: list[URIRef]
    facts: dict[str, object]
    fact_classes: list[URIRef]
    description: str = ""
    source: URIRef | None = None
    title_zh: str = ""  # the project's own Chinese wording of its study scenarios (not the paper's)
    description_zh: str = ""

    @property
    def platform(self) -> URIRef:
        return ID[f"scenario/{self.id}/platform"]

    def to_rdf(self) -> Graph:
        graph = Graph()
        scenario = ID[f"scenario/{self.id}"]
        graph.add((scenario, RDF.type, DFK.Scenario))
        graph.add((scenario, RDFS.label, Literal(self.title, lang="en")))
        if self.title_zh:
            graph.add((scenario, RDFS.label, Literal(self.title_zh, lang="zh-Hans")))
        graph.add((scenario, DFK.concernsPlatform, self.platform))
        for cls in [*self.platform_types, *self.fact_classes]:
            graph.add((self.platform, RDF.type, cls))
        return graph


@dataclass
class FactSchema:
    """The fields a scenario may have, read from the ontology."""

    classes: list[FactClass] = field(default_factory=list)

    @classmethod
    def from_graph(cls, graph: Graph) -> "FactSchema":
        facts = []
        for iri, name in graph.subject_objects(DFK.factField):
            value = graph.value(iri, DFK.factValue)
            minimum = graph.value(iri, DFK.factMinimum)
            maximum = graph.value(iri, DFK.factMaximum)
            facts.append(FactClass(iri, str(name), value.toPython() if value is not None else None,
                                   int(minimum) if minimum is not None else None,
                                   int(maximum) if maximum is not None else None))
        return cls(sorted(facts, key=lambda f: (f.field, str(f.value))))

    @property
    def fields(self) -> list[str]:
        return sorted({f.field for f in self.classes})

    def kind(self, name: str) -> str:
        entries = [f for f in self.classes if f.field == name]
        if any(f.minimum is not None or f.maximum is not None for f in entries):
            return "count"
        if all(isinstance(f.value, bool) for f in entries):
            return "yes/no"
        return "one of " + ", ".join(sorted(str(f.value) for f in entries))

    def classes_for(self, name: str, value) -> list[URIRef]:
        entries = [f for f in self.classes if f.field == name]
        if not entries:
            close = difflib.get_close_matches(name, self.fields, n=3)
            hint = f" Did you mean {', '.join(close)}?" if close else ""
            raise ScenarioError(f"Unknown field {name!r}.{hint} Known fields: {', '.join(self.fields)}.")
        if is_unknown(value):
            return []
        kind = self.kind(name)
        if kind == "count":
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ScenarioError(f"Field {name!r} takes a whole number of 0 or more, or unknown, not {value!r}.")
            return [f.iri for f in entries if (f.minimum is not None and value >= f.minimum)
                    or (f.maximum is not None and value <= f.maximum)]
        if kind == "yes/no":
            if not isinstance(value, bool):
                raise ScenarioError(f"Field {name!r} takes true, false or unknown, not {value!r}.")
        elif value not in {f.value for f in entries}:
            raise ScenarioError(f"Field {name!r} takes {kind} or unknown, not {value!r}.")
        return [f.iri for f in entries if f.value == value]


def read_scenario(path: Path, kg: KnowledgeGraph) -> Scenario:
    """A scenario from a .yaml/.yml, .json or .ttl file."""
    suffix = path.suffix.lower()
    if suffix == ".ttl":
        return scenario_from_rdf(path, kg)
    text = read_text(path, MAX_SCENARIO_BYTES, ScenarioError)
    try:
        if suffix == ".json":
            form = json.loads(text)
        elif suffix in (".yaml", ".yml"):
            import yaml

            form = yaml.safe_load(text)
        else:
            raise ScenarioError(f"{path}: a scenario is a .yaml, .json or .ttl file, not {suffix or 'no suffix'}.")
    except (ValueError, RecursionError) as error:
        raise ScenarioError(f"{path}: not well-formed {suffix[1:].upper()}: {str(error).splitlines()[0]}") from None
    except Exception as error:  # yaml.YAMLError and its kin
        if isinstance(error, ScenarioError):
            raise
        raise ScenarioError(f"{path}: not well-formed YAML: {str(error).splitlines()[0]}") from None
    try:
        return scenario_from_form(form, kg, default_id=path.stem)
    except ScenarioError as error:
        raise ScenarioError(f"{path}: {error}") from None


def scenario_from_form(form, kg: KnowledgeGraph, default_id: str = "scenario") -> Scenario:
    if not isinstance(form, dict):
        raise ScenarioError("A scenario is a mapping of fields (title, platform, content, notice, …).")
    schema = FactSchema.from_graph(kg.closure)
    facts = dict(_flatten(form))
    for name in facts:
        if name.split(".")[0] in META_FIELDS and name not in META_FIELDS:
            raise ScenarioError(f"Field {name.split('.')[0]!r} takes a single value, not a mapping.")
    platform = form.get("platform")
    if isinstance(platform, str):
        platform = [platform]
    if not platform or not isinstance(platform, list) or not all(isinstance(t, str) for t in platform):
        raise ScenarioError("Field 'platform' must name at least one platform type (a list of labels or IRIs).")
    resolver = TypeResolver(kg.closure)
    try:
        types = [resolver.resolve(t) for t in platform]
    except UnknownPlatformType as error:
        raise ScenarioError(f"Field 'platform': {error}") from None
    classes: list[URIRef] = []
    for name, value in facts.items():
        if name in META_FIELDS:
            continue
        classes += schema.classes_for(name, value)
    scenario_id = str(form.get("id") or default_id)
    if not all(c.isalnum() or c in "-_" for c in scenario_id):
        raise ScenarioError(f"Field 'id' may hold letters, digits, '-' and '_' only, not {scenario_id!r}.")
    source = form.get("source")
    return Scenario(
        id=scenario_id,
        title=str(form.get("title") or scenario_id),
        description=str(form.get("description") or ""),
        title_zh=str(form.get("title_zh") or ""),
        description_zh=str(form.get("description_zh") or ""),
        source=ID[source] if isinstance(source, str) else None,
        platform_types=types,
        facts={k: v for k, v in facts.items() if k not in META_FIELDS and not is_unknown(v)},
        fact_classes=sorted(set(classes)),
    )


def scenario_from_rdf(path: Path, kg: KnowledgeGraph) -> Scenario:
    graph = parse_file(path)
    scenarios = list(graph.subjects(RDF.type, DFK.Scenario))
    if len(scenarios) != 1:
        raise ScenarioError(f"{path}: a Turtle scenario describes exactly one dfk:Scenario, not {len(scenarios)}.")
    platforms = list(graph.objects(scenarios[0], DFK.concernsPlatform))
    if len(platforms) != 1:
        raise ScenarioError(f"{path}: the scenario names exactly one platform with dfk:concernsPlatform.")
    schema = FactSchema.from_graph(kg.closure)
    known_facts = {f.iri for f in schema.classes}
    known_types = set(TypeResolver(kg.closure).types)
    types, facts = [], []
    for cls in graph.objects(platforms[0], RDF.type):
        if cls in known_types:
            types.append(cls)
        elif cls in known_facts:
            facts.append(cls)
        else:
            raise ScenarioError(f"{path}: the platform is typed {cls}, which is neither a platform type nor a scenario fact.")
    if not types:
        raise ScenarioError(f"{path}: the platform needs at least one platform type.")
    title = graph.value(scenarios[0], RDFS.label)
    local = str(scenarios[0]).rstrip("/").rsplit("/", 1)[-1]
    by_iri = {f.iri: f for f in schema.classes}
    answers = {}
    for cls in facts:  # the answer each fact class stands for: its value, or its threshold
        f = by_iri[cls]
        answers[f.field] = f.value if f.value is not None else f.minimum if f.minimum is not None else f.maximum
    return Scenario(id=local, title=str(title or local), platform_types=types, facts=answers, fact_classes=sorted(facts))


def is_unknown(value) -> bool:
    """An answer that leaves the fact open: null, or the word "unknown"."""
    return value is None or (isinstance(value, str) and value.strip().lower() == UNKNOWN)


def _flatten(form: dict, prefix: str = ""):
    for key, value in form.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            yield from _flatten(value, f"{name}.")
        else:
            yield name, value
