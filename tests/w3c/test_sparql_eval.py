"""SPARQL 1.1 query evaluation tests, through the embedded guarded path and through an Oxigraph endpoint.

Embedded: `deepfake_kg.query.run_local` (the guard, then rdflib in a child process) on an rdflib Dataset built
from the test's data. Endpoint: `deepfake_kg.query.run_remote` (the guard, then SPARQLWrapper) on the Oxigraph
server `deepfake-kg serve` runs, loaded with the test's files over the Graph Store Protocol. Queries the guard
refuses by design (FROM, SERVICE) count as "refused by design".
"""
from __future__ import annotations

import urllib.parse
import urllib.request

import pytest
from .suites import expect, note
from .manifest import QUERY_DIRS, cases
from rdflib import Graph
from rdflib.compare import isomorphic
from .results import dataset_for, expected_answer, rows_from_json, with_base

from deepfake_kg import server as oxigraph
from deepfake_kg.errors import QueryError
from deepfake_kg.query import QueryResult, run_local, run_remote
from deepfake_kg.sparql_guard import Limits

pytestmark = pytest.mark.conformance  # CI runs the suites; the default run does not

EMBEDDED = "W3C SPARQL 1.1 query evaluation (embedded, guarded)"
ENDPOINT = "W3C SPARQL 1.1 query evaluation (Oxigraph endpoint, guarded)"
CASES = cases(QUERY_DIRS, {"QueryEvaluationTest"})
LIMITS = Limits(timeout_seconds=20)
MEDIA = {".ttl": "text/turtle", ".nt": "application/n-triples", ".rdf": "application/rdf+xml"}
_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def check(result: QueryResult, expected) -> None:
    if expected[0] == "ASK":
        assert result.form == "ASK" and result.boolean == expected[1]
    elif expected[0] == "GRAPH":
        assert isomorphic(result.graph(), expected[1]), "the constructed graph differs from the expected one"
    else:
        _, variables, rows = expected
        actual = rows_from_json(result.bindings)
        assert actual == rows, f"missing {list((rows - actual).elements())[:3]}; unexpected {list((actual - rows).elements())[:3]}"


def run_or_refuse(request, run, case):
    text = with_base(case.action.read_text(encoding="utf-8"), case.action)
    try:
        return run(text)
    except QueryError as error:
        if "FROM and FROM NAMED are not allowed" in str(error) or "SERVICE is not allowed" in str(error):
            note(request, "refused by design")
            return None
        raise


@pytest.mark.parametrize("case", CASES, ids=str)
def test_embedded(request, case):
    expect(request, EMBEDDED, case.id)
    dataset = dataset_for(case.data, case.graph_data)
    result = run_or_refuse(request, lambda text: run_local(text, dataset, LIMITS), case)
    if result is not None:
        check(result, expected_answer(case.result))


@pytest.fixture(scope="module")
def oxigraph_server(tmp_path_factory):
    with oxigraph.start_server(tmp_path_factory.mktemp("w3c-oxigraph"), read_only=False, union_default_graph=False) as server:
        yield server


def _send(url: str, method: str, body: bytes, media: str) -> None:
    request = urllib.request.Request(url, data=body, method=method, headers={"Content-Type": media})
    with _DIRECT.open(request, timeout=30) as response:
        assert response.status in (200, 201, 204)


def as_ntriples(path) -> bytes:
    """The file as N-Triples, read by Oxigraph's own parser with the file's IRI as base: the Graph Store Protocol
    gives an upload no base for its relative IRIs, and rdflib would rewrite literals into canonical form."""
    import pyoxigraph

    triples = pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.from_media_type(MEDIA[path.suffix]),
                               base_iri=path.resolve().as_uri())
    return pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES) or b""


def load_into(server, case) -> None:
    _send(server.url + "/update", "POST", b"DROP ALL", "application/sparql-update")
    for path in case.data:
        _send(server.store_url + "?default", "POST", as_ntriples(path), "application/n-triples")
    for path in case.graph_data:
        graph = urllib.parse.quote(path.resolve().as_uri(), safe="")
        _send(f"{server.store_url}?graph={graph}", "PUT", as_ntriples(path), "application/n-triples")


@pytest.mark.parametrize("case", CASES, ids=str)
def test_oxigraph_endpoint(request, oxigraph_server, case):
    expect(request, ENDPOINT, case.id)
    load_into(oxigraph_server, case)
    result = run_or_refuse(request, lambda text: run_remote(text, oxigraph_server.query_url, LIMITS), case)
    if result is not None:
        check(result, expected_answer(case.result))
