"""What there is to ask about: named queries, platform types and their dimensions, ready examples,
jurisdictions, formats, scenarios and the facts a scenario may state."""
from __future__ import annotations

from pathlib import Path

from .. import duties as _duties, named_queries as _named, resolve as _resolve
from ..build import KnowledgeGraph
from ..choices import DimensionChoice
from ..errors import QueryError
from ..formats import FORMATS, Format
from ..named_queries import NamedQuery
from ..platform_examples import PlatformExample
from ..resolve import Dimension, PlatformType
from ..scenario import FactSchema, Scenario, ScenarioError
from ..terms import Link
from .graph import the_graph


def named_queries() -> list[NamedQuery]:
    """The competency questions of queries/, with title, question and text, ordered by title."""
    return _named.load_named_queries()


def on_date(text: str, day) -> str:
    """A query that takes a date (a line `VALUES ?asOf { "YYYY-MM-DD"^^xsd:date }`) set to `day`; KGError if it
    takes none. The day goes in as a typed literal written from a parsed date, never as the caller's text."""
    return _named.on_date(text, day)


def query_day(text: str):
    """The day a query's VALUES ?asOf line names (datetime.date), or None where it takes no date."""
    return _named.day_of(text)


def takes_date(text: str) -> bool:
    """Whether the query has a day to set (a line VALUES ?asOf { ... })."""
    return _named.takes_date(text)


def named_query(name: str) -> NamedQuery:
    """The named query `name` (its file name without .rq); never reads outside queries/."""
    found = _named.named_query(name)
    if found is None:
        raise QueryError(f"No named query {name!r}: `deepfake-kg queries` lists them.")
    return found


def platform_types(*, kg: KnowledgeGraph | None = None) -> list[PlatformType]:
    """Every platform type, in the order of its dimension (read from the ontology), then by label."""
    return _resolve.platform_types(the_graph(kg).closure)


def platform_type(text: str, *, kg: KnowledgeGraph | None = None) -> PlatformType:
    """The platform type named by `text` (IRI, CURIE, local name, English or Chinese label); raises
    UnknownPlatformType with suggestions."""
    found = _duties.resolver(the_graph(kg))
    return found.types[found.resolve(text)]


def dimensions(*, kg: KnowledgeGraph | None = None) -> list[Dimension]:
    """The dimensions platforms are typed along (function, size tier, risk rating, …), in their dfk:order."""
    return _resolve.dimensions(the_graph(kg).closure)


def dimension_choices(*, kg: KnowledgeGraph | None = None) -> list[DimensionChoice]:
    """The dimensions in their order, each with its platform types and whether the ontology makes it a single
    choice (every two of its types disjoint): what a form offers, read from the ontology."""
    from ..choices import dimension_choices as choices

    return choices(the_graph(kg))


def examples(*, kg: KnowledgeGraph | None = None) -> list[PlatformExample]:
    """Ready-made platforms to start from (data/examples.ttl): each a label and a combination of platform types."""
    from ..platform_examples import platform_examples

    return platform_examples(the_graph(kg).closure)


def example(slug: str, *, kg: KnowledgeGraph | None = None) -> PlatformExample | None:
    return next((e for e in examples(kg=kg) if e.slug == slug), None)


def jurisdictions(lang: str = "en", *, kg: KnowledgeGraph | None = None) -> list[Link]:
    """Every jurisdiction (data/jurisdictions.ttl), as Links in `lang`, by label."""
    return _resolve.jurisdictions(the_graph(kg).closure, lang)


def formats() -> list[Format]:
    """The RDF formats `export` writes (and `describe` writes Turtle and JSON-LD)."""
    return list(FORMATS)


def scenarios(*, kg: KnowledgeGraph | None = None) -> list[Scenario]:
    """The library of ready scenarios (scenarios/*.yaml): the paper's own examples."""
    from ..assess import load_library

    return load_library(kg=the_graph(kg))


def scenario(source: str, *, kg: KnowledgeGraph | None = None) -> Scenario:
    """A scenario from a .yaml, .json or .ttl file, or by its name in scenarios/."""
    from ..paths import SCENARIOS_DIR
    from ..scenario import read_scenario

    path = Path(source)
    if not path.exists():
        named = SCENARIOS_DIR / f"{source.removesuffix('.yaml')}.yaml"
        if not named.exists():
            raise ScenarioError(f"No scenario file {source!r} (and none of that name in scenarios/).")
        path = named
    return read_scenario(path, the_graph(kg))


def scenario_from_form(form: dict, *, kg: KnowledgeGraph | None = None) -> Scenario:
    from ..scenario import scenario_from_form as read

    return read(form, the_graph(kg))


def fact_schema(*, kg: KnowledgeGraph | None = None) -> FactSchema:
    """The facts a scenario may state, read from the ontology's fact classes."""
    return FactSchema.from_graph(the_graph(kg).closure)
