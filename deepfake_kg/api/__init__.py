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
default today). Status words: STATUSES = in force, dates not recorded (a duty stated as law whose
legal basis carries no date: never counted as binding on a day), not yet in force, no longer in force, proposed,
proposed, since enacted. `compare_jurisdictions(types, as_of=)` puts one platform's duties side by side per jurisdiction (with the
conditional ones and what decides them); `timeline(types)` lists every duty of each type by date.

The functions live by what they do — answers.py (duties, explanations, assessments, comparisons, queries),
catalogue.py (what there is to ask about), browsing.py (resources, trees, search), operations.py (build,
validate, publish, release) — and are imported from here: `deepfake_kg.api` is the name to use.
"""
from __future__ import annotations

from .. import __version__
from ..about import LICENCES, Citation
from ..assess import NOT_ADVICE, Assessment, Conclusion
from ..verdicts import Change, Element, Verdict
from ..build import KnowledgeGraph
from ..compare import DutyMatrix
from ..dates_compare import MAX_DAYS as MAX_COMPARED_DAYS, DatedRow, DatesComparison, DayCell
from ..duties import DutyRow, LegalBasis, Sanction
from ..explanations import Explanation, Step
from ..errors import (EndpointError, InconsistentGraph, KGError, QueryError, QueryTimeout, UnknownPlatformType,
                     UnknownResource)
from ..formats import DESCRIBE_FORMATS, FORMATS, Format
from ..jurisdictions import ConditionalType, JurisdictionComparison, compare_jurisdictions
from ..timeline import Timeline, TimelineEntry, timeline
from ..validity import STATUSES, law_first, parse_day
from ..i18n import LANGUAGES, collation_key, gettext, graph_label, ngettext, pgettext, sorted_for, use_language
from ..named_queries import NamedQuery
from ..namespaces import DFK, ID, curie, expand
from ..platform_examples import PlatformExample
from ..query import QueryResult
from ..questions import Question, questions
from ..render import duties_text
from ..resolve import Dimension, PlatformType
from ..scenario import FactSchema, Scenario, ScenarioError
from ..sparql_guard import Limits
from ..terms import Link, Passage
from ..browse import TreeNode
from ..entities import Edge, Entity, ProvisionText, Statement
from ..choices import DimensionChoice
from ..reading import PropertyRow
from ..search import FACETS, MATCH_END, MATCH_START, SearchResult
from ..vocabulary import Vocabulary
from .answers import assess, compare, compare_dates, describe, duties_for, explain, export, query
from .browsing import (citation, class_tree, counts, described_resources, duties_per_jurisdiction, entity,
                       instrument_tree, label, link, members, neighbourhood, passage, property_rows, provision_parts,
                       provision_text, reader_types, resolve_entity, search, short_name, vocabulary)
from .catalogue import (dimension_choices, dimensions, example, examples, fact_schema, formats, jurisdictions,
                        named_queries, named_query, on_date, platform_type, platform_types, query_day, scenario,
                        scenario_from_form, scenarios, takes_date)
from .graph import load_graph
from .operations import build, publish, release, validate

__all__ = [
    # answers
    "duties_for", "explain", "assess", "compare", "compare_dates", "describe", "query", "export",
    # what there is to ask about
    "named_queries", "named_query", "on_date", "query_day", "takes_date", "platform_types", "platform_type", "dimensions", "dimension_choices", "examples",
    "example",
    "jurisdictions", "formats", "scenarios", "scenario", "scenario_from_form", "fact_schema",
    # browsing and naming
    "label", "link", "passage", "entity", "neighbourhood", "instrument_tree", "class_tree", "members", "provision_text",
    "provision_parts", "resolve_entity", "short_name", "described_resources", "property_rows", "reader_types",
    "search", "vocabulary", "duties_per_jurisdiction", "counts", "citation", "load_graph", "duties_text",
    # operations on the whole graph
    "build", "validate", "publish", "release",
    # types, errors, constants
    "Link", "Passage", "DutyRow", "LegalBasis", "Sanction", "Explanation", "Step", "Assessment", "Conclusion", "Verdict", "Element",
    "Change", "DutyMatrix", "DatesComparison", "DatedRow", "DayCell",
    "NamedQuery", "PlatformType", "Dimension", "PlatformExample", "Format", "QueryResult", "Limits", "Scenario",
    "FactSchema", "Citation", "DimensionChoice", "TreeNode", "Entity", "Statement", "Edge", "ProvisionText",
    "PropertyRow", "SearchResult", "Vocabulary", "KnowledgeGraph", "KGError", "InconsistentGraph", "UnknownPlatformType",
    "UnknownResource", "QueryError", "QueryTimeout", "EndpointError", "ScenarioError",
    "NOT_ADVICE", "LICENCES", "DESCRIBE_FORMATS", "FACETS", "MATCH_START", "MATCH_END", "DFK", "ID", "curie", "expand", "__version__",
    "STATUSES", "law_first", "MAX_COMPARED_DAYS",
    # the user-facing text in English or Chinese, and sorting as a Chinese reader expects (deepfake_kg/i18n.py)
    "LANGUAGES", "gettext", "ngettext", "pgettext", "use_language", "collation_key", "sorted_for", "graph_label",
    # the guided assessment form: one question per scenario field (deepfake_kg/questions.py)
    "questions", "Question",
]
