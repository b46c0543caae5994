"""The answers: a platform's duties and why, a scenario assessed, platforms compared, one resource described,
a SPARQL query run, the graph exported."""
from __future__ import annotations

from ..build import KnowledgeGraph
from .. import duties as _duties, named_queries as _named
from ..assess import Assessment
from ..compare import DutyMatrix
from ..dates_compare import DatesComparison
from ..duties import DutyRow
from ..explanations import Explanation
from ..query import QueryResult
from ..scenario import Scenario
from ..sparql_guard import Limits
from .graph import the_graph


def duties_for(types, status: str | None = None, jurisdiction: str | None = None, as_of=None, *,
               kg: KnowledgeGraph | None = None) -> list[DutyRow]:
    """The duties of one platform that has all of `types` (IRIs, CURIEs or labels) on the day `as_of` (a date or
    YYYY-MM-DD; default today), law in force first. `status`: "in force" (or "in-force") / "undated" (stated
    as law by the paper, dates not recorded) / "proposed" (with the proposals since enacted) / None for all.
    `jurisdiction`: an IRI, CURIE, short name (cn, eu, us) or label; "none" keeps the duties of no jurisdiction
    (the author's proposals)."""
    return _duties.duties_for(types, the_graph(kg), as_of=as_of, status=status, jurisdiction=jurisdiction)


def explain(duty, types, as_of=None, *, kg: KnowledgeGraph | None = None) -> Explanation:
    """Why `duty` (an IRI, CURIE, id such as `cl-286-1-comply-with-correction-order`, or label) attaches to a
    platform of `types`: the chain of axioms, the legal basis, its status on `as_of` (default today) with the
    dates that status rests on, and the paper's passages."""
    from ..explanations import explain as why

    return why(duty, types, the_graph(kg), as_of=as_of)


def assess(source, as_of=None, *, kg: KnowledgeGraph | None = None) -> Assessment:
    """Assess a scenario (a Scenario, a .yaml/.json/.ttl path, or the name of one in scenarios/) under the law of
    the day `as_of` (default today) and under the paper's proposals."""
    from ..assess import assess as answer
    from .catalogue import scenario

    kg = the_graph(kg)
    return answer(source if isinstance(source, Scenario) else scenario(str(source), kg=kg), kg, as_of=as_of)


def compare(platforms, lang: str = "en", as_of=None, *, kg: KnowledgeGraph | None = None) -> DutyMatrix:
    """Platforms side by side on the day `as_of` (default today): `platforms` is a list of lists of types; one
    column each, one row per duty."""
    from ..compare import duty_matrix

    kg = the_graph(kg)
    resolved = [[_duties.resolver(kg).resolve(t) if isinstance(t, str) else t for t in types] for types in platforms]
    return duty_matrix(resolved, kg, lang, as_of=as_of)


def compare_dates(types, days, lang: str = "en", *, kg: KnowledgeGraph | None = None) -> DatesComparison:
    """One platform of `types` on two to six `days` (dates or YYYY-MM-DD): each duty's status and the provisions
    it rests on, day by day, the duties that changed (in status, or in the text they rest on) first."""
    from ..dates_compare import compare_dates as _compare_dates

    return _compare_dates(types, days, the_graph(kg), lang)


def describe(resource: str, fmt: str = "ttl", inferred: bool = False, *, kg: KnowledgeGraph | None = None) -> str:
    """The concise bounded description of one resource (an IRI, CURIE or path such as instrument/eu-gdpr), in
    Turtle or JSON-LD, to link it from another dataset."""
    from ..describe import describe_text

    return describe_text(resource, fmt, the_graph(kg), inferred)


def query(text: str, endpoint: str | None = None, graph=None, limits: Limits = Limits(), as_of=None, *,
          kg: KnowledgeGraph | None = None) -> QueryResult:
    """Run a read-only SPARQL query (checked by the guard, time- and row-limited) on the embedded graph, on an
    rdflib `graph` of your own (e.g. this graph joined with another dataset's triples), or on `endpoint` through
    SPARQLWrapper; `as_of` sets the day of a query that takes one (VALUES ?asOf { ... }). Raises QueryError /
    EndpointError with one sentence saying why."""
    from ..query import run_local, run_remote

    if as_of is not None:
        text = _named.on_date(text, as_of)
    if endpoint and graph is not None:
        raise ValueError("Query either an endpoint or a graph, not both.")
    if endpoint:
        return run_remote(text, endpoint, limits)
    return run_local(text, the_graph(kg).dataset if graph is None else graph, limits)


def export(fmt: str = "ttl", inferred: bool = False, *, kg: KnowledgeGraph | None = None) -> str:
    """The asserted graph (with `inferred`: asserted + inferred) in one of `formats()`; TriG and N-Quads always
    hold both as named graphs."""
    from ..export import export as serialise

    return serialise(the_graph(kg), fmt, inferred)
