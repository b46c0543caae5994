"""SPARQL 1.1 Protocol tests (sparql11/protocol) against `deepfake-kg serve --public`'s front.

The front runs over an Oxigraph store that holds the suite's data as the named graphs the tests name
(http://kasei.us/2009/09/sparql/data/dataN.rdf), as the suite expects. The endpoint is read-only: the update
tests, and the one query that uses FROM, are refused with 403 ("refused by design"); every query test and every
bad-request test must pass as the suite states it.
"""
from __future__ import annotations

import json
import urllib.parse
import urllib.request

import httpx
import pytest
from public_front import running_front

from deepfake_kg import server as oxigraph
from deepfake_kg.public_limits import PublicSettings
from deepfake_kg.public_request import GRAPH_FORMATS, SELECT_FORMATS

from .protocol import PROTOCOL_DIR, protocol_tests
from .suites import expect, note

pytestmark = pytest.mark.conformance  # CI runs the suites; the default run does not

SUITE = "W3C SPARQL 1.1 Protocol (public endpoint)"
TESTS = protocol_tests()
READ_ONLY = "refused by design"
_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@pytest.fixture(scope="module")
def front(tmp_path_factory):
    with oxigraph.start_server(tmp_path_factory.mktemp("protocol"), read_only=False, union_default_graph=False) as store:
        for n in (1, 2, 3):
            graph = urllib.parse.quote(f"http://kasei.us/2009/09/sparql/data/data{n}.rdf", safe="")
            request = urllib.request.Request(f"{store.store_url}?graph={graph}", method="PUT",
                                             data=(PROTOCOL_DIR / f"data{n}.nt").read_bytes(),
                                             headers={"Content-Type": "application/n-triples"})
            _DIRECT.open(request, timeout=30).close()
        with running_front(store.query_url, PublicSettings(rate_per_minute=1e6, burst=10_000)) as url:
            yield url


def send(url: str, exchange) -> httpx.Response:
    target = url + exchange.path.removeprefix("/sparql/").removeprefix("/sparql")
    with httpx.Client(trust_env=False, timeout=30) as client:
        return client.request(exchange.method, target, headers=exchange.headers,
                              content=exchange.body.encode("utf-8") if exchange.body is not None else None)


def boolean_of(response: httpx.Response) -> bool:
    media = response.headers["content-type"].split(";")[0]
    if media == SELECT_FORMATS["json"]:
        return json.loads(response.text)["boolean"]
    if media == SELECT_FORMATS["xml"]:
        return "<boolean>true</boolean>" in response.text
    return response.text.splitlines()[1] == "true"  # CSV and TSV: a header line, then the value


@pytest.mark.parametrize("test", TESTS, ids=[t.id for t in TESTS])
def test_protocol(request, front, test):
    expect(request, SUITE, test.id)
    if test.id.startswith("update_") or test.id == "query_multiple_dataset":
        response = send(front, test.exchanges[0])
        assert response.status_code == 403, response.text
        note(request, READ_ONLY)
        return
    for exchange in test.exchanges:
        response = send(front, exchange)
        assert response.status_code // 100 in exchange.statuses, f"{response.status_code}: {response.text[:200]}"
        media = response.headers.get("content-type", "").split(";")[0]
        if exchange.result in ("boolean", "tabular"):
            assert media in SELECT_FORMATS.values()
        elif exchange.result == "RDF":
            assert media in GRAPH_FORMATS.values()
        if exchange.boolean is not None:
            assert boolean_of(response) is exchange.boolean
