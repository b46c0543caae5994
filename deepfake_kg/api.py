"""The Python API for developers, in three calls:

    from deepfake_kg.api import load_graph, duties_for, query

    kg = load_graph()                                    # built (or reused) asserted + inferred graphs
    rows = duties_for(["video-sharing platform"])        # the duties of a platform of those types, with reasons
    result = query("SELECT ...")                         # guarded SPARQL on the embedded graph …
    result = query("SELECT ...", graph=kg.closure + other)                 # … on it joined with other data …
    result = query("SELECT ...", endpoint="http://127.0.0.1:7878/query")   # … or on any SPARQL endpoint

Each is the function the CLI and the app use, not a second implementation.

The law on a date (deepfake_kg/validity.py): every answer is for one day, `as_of` (a date or "YYYY-MM-DD"; default
today). Status words: STATUSES = in force, not yet in force, no longer in force, proposed, proposed, since enacted.

    duties_for(types, as_of="2024-01-01")        # rows: .status, .as_of, .in_force_from/.in_force_until (derived from
                                                 # the legal bases), .legal_basis[i].status/.in_force_from, .sanctions
                                                 # [{..., status}], .enacted_by, .remains_proposed, .beyond_paper
    explain(duty, types, as_of=...)              # + dated steps, .status on that day
    compare_jurisdictions(types, as_of=...)      # one platform: .columns per jurisdiction (cn, eu, us, uk), each with
                                                 # .duties (established) and .conditional [ConditionalType(type, label,
                                                 # condition, why, duties)]; .to_csv() / .to_json() / .to_text()
    timeline(types)                              # per type, every duty by date: .entries [TimelineEntry(type, duty,
                                                 # kind, start, end, provision, provision_label, ...)]; .to_csv/.to_json
    assess(scenario, as_of=...)                  # in deepfake_kg.assess: today's law read as the law of that day
"""
from __future__ import annotations

from .build import KnowledgeGraph, get_kg
from .describe import describe
from .duties import DutyRow, duties_for, explain
from .errors import EndpointError, KGError, QueryError, QueryTimeout
from .jurisdictions import ConditionalType, JurisdictionComparison, compare_jurisdictions
from .timeline import Timeline, TimelineEntry, timeline
from .validity import STATUSES, parse_day
from .i18n import LANGUAGES, collation_key, gettext, graph_label, ngettext, pgettext, sorted_for, use_language
from .query import QueryResult, run_local, run_remote
from .questions import Question, questions
from .sparql_guard import Limits

__all__ = ["load_graph", "duties_for", "explain", "describe", "query", "KnowledgeGraph", "DutyRow", "QueryResult", "Limits",
           # the user-facing text in English or Chinese, and sorting as a Chinese reader expects (deepfake_kg/i18n.py)
           "LANGUAGES", "gettext", "ngettext", "pgettext", "use_language", "collation_key", "sorted_for", "graph_label",
           "KGError", "QueryError", "QueryTimeout", "EndpointError",
           # the guided assessment form: one question per scenario field (deepfake_kg/questions.py)
           "questions", "Question",
           # the law on a date and across jurisdictions (deepfake_kg/validity.py, jurisdictions.py, timeline.py)
           "STATUSES", "parse_day", "compare_jurisdictions", "JurisdictionComparison", "ConditionalType", "timeline",
           "Timeline", "TimelineEntry"]


def load_graph() -> KnowledgeGraph:
    """The knowledge graph: `.asserted`, `.inferred`, `.closure` (both, one rdflib Graph) and `.dataset` (both as
    named graphs, their union as the default graph). Built on first use, then reused while the inputs are unchanged."""
    return get_kg()


def query(text: str, endpoint: str | None = None, graph=None, limits: Limits = Limits()) -> QueryResult:
    """Run a read-only SPARQL query (checked by the guard, time- and row-limited) on the embedded graph, on an
    rdflib `graph` of your own (e.g. this graph joined with another dataset's triples), or on `endpoint` through
    SPARQLWrapper. Raises QueryError / EndpointError with one sentence saying why."""
    if endpoint and graph is not None:
        raise ValueError("Query either an endpoint or a graph, not both.")
    if endpoint:
        return run_remote(text, endpoint, limits)
    return run_local(text, get_kg().dataset if graph is None else graph, limits)
