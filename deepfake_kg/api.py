"""The one way in: the CLI, the Streamlit app and other programs ask these functions and nothing else.

    from deepfake_kg import api

    rows = api.duties_for(["video-sharing platform", "large"], status="in force")   # DutyRow: typed fields
    why = api.explain("cl-286-1-comply-with-correction-order", ["dfk:VideoSharingPlatform"])
    result = api.query("SELECT ...")                                                   # guarded, local …
    result = api.query("SELECT ...", endpoint="http://127.0.0.1:7878/query")           # … or remote

Each answer is a small typed value (`Link(iri, label)`, `Passage(iri, section, quote)`, `DutyRow`, …) that the
CLI renders as text, JSON or CSV and the app as HTML: one structure, several views. Every function takes an
optional `kg=` (the graph of `load_graph()`); without it the process-wide graph is built or reused.
Errors a user can act on are `KGError`s carrying one sentence.

The law on a date (deepfake_kg/validity.py): every dated answer is for one day, `as_of` (a date or "YYYY-MM-DD";
default today). Status words: STATUSES = in force, not yet in force, no longer in force, proposed, proposed, since
enacted. `compare_jurisdictions(types, as_of=)` puts one platform's duties side by side per jurisdiction (with the
conditional ones and what decides them); `timeline(types)` lists every duty of each type by date.
"""
from __future__ import annotations

from pathlib import Path

from rdflib import URIRef

from . import __version__
from . import about as _about, browse as _browse, duties as _duties, named_queries as _named, resolve as _resolve
from .about import LICENCES, Citation
from .assess import NOT_ADVICE, Assessment, Conclusion
from .build import KnowledgeGraph, get_kg
from .compare import DutyMatrix
from .duties import DutyRow, Explanation, LegalBasis, Sanction, Step
from .errors import (EndpointError, InconsistentGraph, KGError, QueryError, QueryTimeout, UnknownPlatformType,
                     UnknownResource)
from .formats import DESCRIBE_FORMATS, FORMATS, Format
from .jurisdictions import ConditionalType, JurisdictionComparison, compare_jurisdictions
from .timeline import Timeline, TimelineEntry, timeline
from .validity import STATUSES, parse_day
from .i18n import LANGUAGES, collation_key, gettext, graph_label, ngettext, pgettext, sorted_for, use_language
from .named_queries import NamedQuery
from .namespaces import DFK, ID, curie, expand
from .platform_examples import PlatformExample
from .query import QueryResult
from .questions import Question, questions
from .render import duties_text
from .resolve import Dimension, PlatformType
from .scenario import FactSchema, Scenario, ScenarioError
from .sparql_guard import Limits
from .terms import Link, Passage

__all__ = [
    # answers
    "duties_for", "explain", "assess", "compare", "describe", "query", "export",
    # what there is to ask about
    "named_queries", "named_query", "platform_types", "platform_type", "dimensions", "examples", "example",
    "jurisdictions", "formats", "scenarios", "scenario", "scenario_from_form", "fact_schema",
    # browsing and naming
    "label", "link", "entity", "neighbourhood", "instrument_tree", "class_tree", "members", "provision_text",
    "resolve_entity", "short_name", "counts", "citation", "load_graph", "duties_text",
    # operations on the whole graph
    "build", "validate", "publish", "release",
    # types, errors, constants
    "Link", "Passage", "DutyRow", "LegalBasis", "Sanction", "Explanation", "Step", "Assessment", "Conclusion", "DutyMatrix",
    "NamedQuery", "PlatformType", "Dimension", "PlatformExample", "Format", "QueryResult", "Limits", "Scenario",
    "FactSchema", "Citation", "KnowledgeGraph", "KGError", "InconsistentGraph", "UnknownPlatformType",
    "UnknownResource", "QueryError", "QueryTimeout", "EndpointError", "ScenarioError",
    "NOT_ADVICE", "LICENCES", "DESCRIBE_FORMATS", "DFK", "ID", "curie", "expand", "__version__",
    # the user-facing text in English or Chinese, and sorting as a Chinese reader expects (deepfake_kg/i18n.py)
    "LANGUAGES", "gettext", "ngettext", "pgettext", "use_language", "collation_key", "sorted_for", "graph_label",
    # the guided assessment form: one question per scenario field (deepfake_kg/questions.py)
    "questions", "Question",
]


def load_graph() -> KnowledgeGraph:
    """The knowledge graph: `.asserted`, `.inferred`, `.closure` (both, one rdflib Graph) and `.dataset` (both as
    named graphs, their union as the default graph). Built on first use, then reused while the inputs are unchanged."""
    return get_kg()


def _kg(kg: KnowledgeGraph | None) -> KnowledgeGraph:
    return kg if kg is not None else get_kg()


# ---------------------------------------------------------------- answers


def duties_for(types, status: str | None = None, jurisdiction: str | None = None, as_of=None, *,
               kg: KnowledgeGraph | None = None) -> list[DutyRow]:
    """The duties of one platform that has all of `types` (IRIs, CURIEs or labels) on the day `as_of` (a date or
    YYYY-MM-DD; default today), law in force first. `status`: "in force" (or "in-force") / "proposed" (with the
    proposals since enacted) / None for all. `jurisdiction`: an IRI, CURIE, short name (cn, eu, us) or label;
    "none" keeps the duties of no jurisdiction (the author's proposals)."""
    return _duties.duties_for(types, _kg(kg), as_of=as_of, status=status, jurisdiction=jurisdiction)


def explain(duty, types, as_of=None, *, kg: KnowledgeGraph | None = None) -> Explanation:
    """Why `duty` (an IRI, CURIE, id such as `cl-286-1-comply-with-correction-order`, or label) attaches to a
    platform of `types`: the chain of axioms, the legal basis, its status on `as_of` (default today) with the
    dates that status rests on, and the paper's passages."""
    return _duties.explain(duty, types, _kg(kg), as_of=as_of)


def assess(source, as_of=None, *, kg: KnowledgeGraph | None = None) -> Assessment:
    """Assess a scenario (a Scenario, a .yaml/.json/.ttl path, or the name of one in scenarios/) under the law of
    the day `as_of` (default today) and under the paper's proposals."""
    from .assess import assess as answer

    kg = _kg(kg)
    return answer(source if isinstance(source, Scenario) else scenario(str(source), kg=kg), kg, as_of=as_of)


def compare(platforms, lang: str = "en", as_of=None, *, kg: KnowledgeGraph | None = None) -> DutyMatrix:
    """Platforms side by side on the day `as_of` (default today): `platforms` is a list of lists of types; one
    column each, one row per duty."""
    from .compare import duty_matrix

    kg = _kg(kg)
    resolved = [[_duties.resolver(kg).resolve(t) if isinstance(t, str) else t for t in types] for types in platforms]
    return duty_matrix(resolved, kg, lang, as_of=as_of)


def describe(resource: str, fmt: str = "ttl", inferred: bool = False, *, kg: KnowledgeGraph | None = None) -> str:
    """The concise bounded description of one resource (an IRI, CURIE or path such as instrument/eu-gdpr), in
    Turtle or JSON-LD, to link it from another dataset."""
    from .describe import describe_text

    return describe_text(resource, fmt, _kg(kg), inferred)


def query(text: str, endpoint: str | None = None, graph=None, limits: Limits = Limits(), as_of=None, *,
          kg: KnowledgeGraph | None = None) -> QueryResult:
    """Run a read-only SPARQL query (checked by the guard, time- and row-limited) on the embedded graph, on an
    rdflib `graph` of your own (e.g. this graph joined with another dataset's triples), or on `endpoint` through
    SPARQLWrapper; `as_of` sets the day of a query that takes one (VALUES ?asOf { ... }). Raises QueryError /
    EndpointError with one sentence saying why."""
    from .query import run_local, run_remote

    if as_of is not None:
        text = _named.on_date(text, as_of)
    if endpoint and graph is not None:
        raise ValueError("Query either an endpoint or a graph, not both.")
    if endpoint:
        return run_remote(text, endpoint, limits)
    return run_local(text, _kg(kg).dataset if graph is None else graph, limits)


def export(fmt: str = "ttl", inferred: bool = False, *, kg: KnowledgeGraph | None = None) -> str:
    """The asserted graph (with `inferred`: asserted + inferred) in one of `formats()`; TriG and N-Quads always
    hold both as named graphs."""
    from .export import export as serialise

    return serialise(_kg(kg), fmt, inferred)


# ---------------------------------------------------------------- what there is to ask about


def named_queries() -> list[NamedQuery]:
    """The competency questions of queries/, with title, question and text, ordered by title."""
    return _named.load_named_queries()


def named_query(name: str) -> NamedQuery:
    """The named query `name` (its file name without .rq); never reads outside queries/."""
    found = _named.named_query(name)
    if found is None:
        raise QueryError(f"No named query {name!r}: `deepfake-kg queries` lists them.")
    return found


def platform_types(*, kg: KnowledgeGraph | None = None) -> list[PlatformType]:
    """Every platform type, in the order of its dimension (read from the ontology), then by label."""
    return _resolve.platform_types(_kg(kg).closure)


def platform_type(text: str, *, kg: KnowledgeGraph | None = None) -> PlatformType:
    """The platform type named by `text` (IRI, CURIE, local name, English or Chinese label); raises
    UnknownPlatformType with suggestions."""
    found = _duties.resolver(_kg(kg))
    return found.types[found.resolve(text)]


def dimensions(*, kg: KnowledgeGraph | None = None) -> list[Dimension]:
    """The dimensions platforms are typed along (function, size tier, risk rating, …), in their dfk:order."""
    return _resolve.dimensions(_kg(kg).closure)


def examples(*, kg: KnowledgeGraph | None = None) -> list[PlatformExample]:
    """Ready-made platforms to start from (data/examples.ttl): each a label and a combination of platform types."""
    from .platform_examples import platform_examples

    return platform_examples(_kg(kg).closure)


def example(slug: str, *, kg: KnowledgeGraph | None = None) -> PlatformExample | None:
    return next((e for e in examples(kg=kg) if e.slug == slug), None)


def jurisdictions(lang: str = "en", *, kg: KnowledgeGraph | None = None) -> list[Link]:
    """Every jurisdiction (data/jurisdictions.ttl), as Links in `lang`, by label."""
    return _resolve.jurisdictions(_kg(kg).closure, lang)


def formats() -> list[Format]:
    """The RDF formats `export` writes (and `describe` writes Turtle and JSON-LD)."""
    return list(FORMATS)


def scenarios(*, kg: KnowledgeGraph | None = None) -> list[Scenario]:
    """The library of ready scenarios (scenarios/*.yaml): the paper's own examples."""
    from .assess import load_library

    return load_library(kg=_kg(kg))


def scenario(source: str, *, kg: KnowledgeGraph | None = None) -> Scenario:
    """A scenario from a .yaml, .json or .ttl file, or by its name in scenarios/."""
    from .paths import SCENARIOS_DIR
    from .scenario import read_scenario

    path = Path(source)
    if not path.exists():
        named = SCENARIOS_DIR / f"{source.removesuffix('.yaml')}.yaml"
        if not named.exists():
            raise ScenarioError(f"No scenario file {source!r} (and none of that name in scenarios/).")
        path = named
    return read_scenario(path, _kg(kg))


def scenario_from_form(form: dict, *, kg: KnowledgeGraph | None = None) -> Scenario:
    from .scenario import scenario_from_form as read

    return read(form, _kg(kg))


def fact_schema(*, kg: KnowledgeGraph | None = None) -> FactSchema:
    """The facts a scenario may state, read from the ontology's fact classes."""
    return FactSchema.from_graph(_kg(kg).closure)


# ---------------------------------------------------------------- browsing and naming


def label(iri, lang: str = "en", *, kg: KnowledgeGraph | None = None) -> str:
    from .terms import label as find

    return find(_kg(kg).closure, URIRef(str(iri)), lang)


def link(iri, lang: str = "en", *, kg: KnowledgeGraph | None = None) -> Link:
    return Link(str(iri), label(iri, lang, kg=kg))


def entity(iri, lang: str = "en", incoming_limit: int = 300, *, kg: KnowledgeGraph | None = None):
    """Every statement about one resource, asserted and inferred kept apart (browse.Entity)."""
    return _browse.describe(_kg(kg), URIRef(str(iri)), lang, incoming_limit)


def neighbourhood(iri, lang: str = "en", limit: int = 40, *, kg: KnowledgeGraph | None = None):
    """Links between one resource and named resources (browse.Edge), asserted first, at most `limit`."""
    return _browse.neighbourhood(_kg(kg), URIRef(str(iri)), lang, limit)


def instrument_tree(lang: str = "en", *, kg: KnowledgeGraph | None = None):
    """Jurisdictions → instruments → provisions, as TreeNodes."""
    return _browse.instrument_tree(_kg(kg), lang)


def class_tree(root, lang: str = "en", members: bool = True, *, kg: KnowledgeGraph | None = None):
    """`root` and its named subclasses (with their individuals when `members`), as a TreeNode."""
    return _browse.class_tree(_kg(kg), URIRef(str(root)), lang, members)


def members(cls, lang: str = "en", *, kg: KnowledgeGraph | None = None):
    """The resources of class `cls` (members of subclasses too), as TreeNodes with their number or kind."""
    return _browse.members(_kg(kg), URIRef(str(cls)), lang)


def provision_text(provision, *, kg: KnowledgeGraph | None = None):
    """The wording of a provision where the data has it: official text, unofficial translation, summary."""
    return _browse.provision_texts(_kg(kg), URIRef(str(provision)))


def resolve_entity(text: str, *, kg: KnowledgeGraph | None = None):
    """The IRI named by `text` (IRI or CURIE) if the graph mentions it, else None."""
    return _browse.resolve_entity(text, _kg(kg))


def short_name(iri) -> str:
    """The compact name the app's URLs use: dfk:Term, id:kind/slug, else the IRI."""
    return _browse.short_name(iri)


def counts(*, kg: KnowledgeGraph | None = None) -> list[tuple[str, int]]:
    """Triples, platform types, and the resources of each main kind."""
    return _about.counts(_kg(kg))


def citation(*, kg: KnowledgeGraph | None = None) -> Citation:
    return _about.citation(_kg(kg))


# ---------------------------------------------------------------- operations on the whole graph


def build(force: bool = False, engine: str | None = None) -> KnowledgeGraph:
    """Compute the OWL-RL closure and write build/ (reused while the inputs are unchanged)."""
    from .build import build as make
    from .reasoning import DEFAULT_ENGINE

    return make(force=force, engine=engine or DEFAULT_ENGINE)


def validate(paper: str | Path | None = None, *, kg: KnowledgeGraph | None = None):
    """Consistency, SHACL shapes, SPARQL checks and, when the paper's text is found (`paper`, else
    $DEEPFAKE_KG_PAPER, else the team's copy beside a checkout), every quotation against it: a validate.Report."""
    from .paper import read_paper
    from .paths import paper_file
    from .validate import validate as check

    found = paper_file(paper)
    return check(_kg(kg), read_paper(found) if found else None)


def publish(endpoint: str, timeout: float = 30.0, *, kg: KnowledgeGraph | None = None):
    """PUT the asserted and inferred graphs into a SPARQL 1.1 Graph Store Protocol endpoint."""
    from .publish import publish as put

    return put(_kg(kg), endpoint, timeout)


def release(out: Path | None = None, sparql_endpoint: str | None = None, docs: bool = True, *,
            kg: KnowledgeGraph | None = None):
    """Write the release files (the graphs in several formats, VoID/DCAT, JSON-LD context, HTML docs)."""
    from .release import DEFAULT_SPARQL_ENDPOINT, DIST_DIR, release as write

    return write(_kg(kg), out or DIST_DIR, sparql_endpoint or DEFAULT_SPARQL_ENDPOINT, docs)
