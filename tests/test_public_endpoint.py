"""`deepfake-kg serve --public`: the guarded SPARQL 1.1 Protocol front in front of Oxigraph on loopback.

Everything binds 127.0.0.1 on free ports. The W3C Protocol tests are in tests/w3c/test_protocol.py; here: the
answers equal the embedded path's, every limit refuses with its status, a bounded load loses nothing, and the
command stops cleanly with its Oxigraph child.
"""
from __future__ import annotations

import concurrent.futures
import csv
import io
import json
import logging
import os
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

import httpx
import pytest
from hostile import Listener
from public_front import running_front
from sparql_compare import differences, normalised

from deepfake_kg import server as oxigraph
from deepfake_kg.named_queries import load_named_queries
from deepfake_kg.public_limits import PublicSettings
from deepfake_kg.query import run_local

SETTINGS = PublicSettings(timeout_seconds=2.0, max_rows=200, rate_per_minute=1e6, burst=100_000, per_client_concurrency=50)
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
NAMED_QUERIES = load_named_queries()


@pytest.fixture(scope="module")
def store(kg, tmp_path_factory):
    return oxigraph.load_store(kg, tmp_path_factory.mktemp("public") / "store")


@pytest.fixture(scope="module")
def upstream(store):
    with oxigraph.start_server(store.location, timeout_s=3) as server:
        yield server


@pytest.fixture(scope="module")
def front(upstream):
    with running_front(upstream.query_url, SETTINGS) as url:
        yield url


def get(url, query, accept="application/sparql-results+json", **params):
    with httpx.Client(trust_env=False, timeout=30) as client:
        return client.get(url, params={"query": query, **params}, headers={"Accept": accept})


def test_the_empty_pattern_has_one_row_in_every_format(front):
    text = "SELECT ?x WHERE { }"
    assert json.loads(get(front, text).text)["results"]["bindings"] == [{}]
    xml = ET.fromstring(get(front, text, "application/sparql-results+xml").text)
    assert len(xml.findall(".//{http://www.w3.org/2005/sparql-results#}result")) == 1
    assert list(csv.reader(io.StringIO(get(front, text, "text/csv").text))) == [["x"], [""]]
    assert get(front, text, "text/tab-separated-values").text == "?x\n\n"


@pytest.mark.parametrize("name", [q.name for q in NAMED_QUERIES])
def test_every_named_query_answers_as_the_embedded_path_does(kg, front, name):
    query = next(q for q in NAMED_QUERIES if q.name == name)
    local = run_local(query.text, kg.dataset)
    remote = json.loads(get(front, query.text).text)
    if local.form == "ASK":
        assert remote["boolean"] == local.boolean
        return
    assert remote["head"]["vars"] == local.variables
    rows = remote["results"]["bindings"]
    expected = normalised(local.variables, local.bindings[:SETTINGS.max_rows], query.text)
    if len(local.bindings) <= SETTINGS.max_rows:
        actual = normalised(local.variables, rows, query.text)
        assert actual == expected, differences(expected, actual)
    else:
        assert len(rows) == SETTINGS.max_rows


@pytest.mark.parametrize("accept,media", [
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml"),
    ("*/*", "application/sparql-results+json"),
])
def test_select_results_are_negotiated(front, accept, media):
    response = get(front, "SELECT ?s WHERE { ?s a <http://www.w3.org/2002/07/owl#Class> } LIMIT 3", accept)
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media


@pytest.mark.parametrize("accept,media", [
    ("text/turtle", "text/turtle"), ("application/n-triples", "application/n-triples"),
    ("application/ld+json", "application/ld+json"), ("*/*", "text/turtle"),
])
def test_graphs_are_negotiated_and_reparse_to_the_same_triples(kg, front, accept, media):
    from rdflib import Graph

    text = "CONSTRUCT { ?d a <https://w3id.org/deepfake-kg/ontology#Duty> } WHERE { ?d a <https://w3id.org/deepfake-kg/ontology#Duty> }"
    response = get(front, text, accept)
    assert response.headers["content-type"].split(";")[0] == media
    parsed = Graph().parse(data=response.text, format={"text/turtle": "turtle", "application/n-triples": "nt",
                                                        "application/ld+json": "json-ld"}[media])
    assert len(parsed) == len(run_local(text, kg.dataset).graph()) > 0


def test_format_parameter_and_unacceptable_types(front):
    assert get(front, "ASK {}", "image/png").status_code == 406
    response = get(front, "ASK {}", "image/png", format="csv")
    assert response.status_code == 200 and response.text == "boolean\r\ntrue\r\n"


def test_the_dataset_parameters_choose_among_the_stored_graphs(kg, front):
    from deepfake_kg.namespaces import ASSERTED_GRAPH

    response = get(front, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", **{"default-graph-uri": str(ASSERTED_GRAPH)})
    assert int(json.loads(response.text)["results"]["bindings"][0]["n"]["value"]) == len(kg.asserted)
    assert get(front, "ASK {}", **{"default-graph-uri": "not an iri"}).status_code == 400


@pytest.mark.parametrize("query,status,words", [
    ("SELECT * WHERE { SERVICE <{url}> { ?s ?p ?o } }", 403, "SERVICE is not allowed"),
    ("SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE SILENT <{url}> { ?s ?p ?o } } }", 403, "SERVICE is not allowed"),
    ("SELECT * FROM <{url}> WHERE { ?s ?p ?o }", 403, "FROM and FROM NAMED are not allowed"),
    ("LOAD <{url}>", 403, "read-only"),
    ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", 403, "read-only"),
    ("SELECT * WHERE { ?s ?p ", 400, "syntax error"),
    ("SELECT * WHERE { ?s ?p ?o " + "{ " * 60 + "}" * 60 + " }", 413, "nests"),
])
def test_refused_queries_get_their_status_and_reach_nothing(front, query, status, words):
    listener = Listener()
    try:
        response = get(front, query.replace("{url}", listener.url))
    finally:
        listener.close()
    assert response.status_code == status and words in response.text
    assert listener.connections == 0


def test_updates_by_protocol_are_refused(front):
    with httpx.Client(trust_env=False, timeout=30) as client:
        assert client.get(front, params={"update": "CLEAR ALL"}).status_code == 403
        assert client.post(front, content="CLEAR ALL", headers={"Content-Type": "application/sparql-update"}).status_code == 403
        assert client.post(front, data={"update": "DROP ALL"}).status_code == 403
    assert get(front, "ASK { ?s ?p ?o }").text.count("true") == 1  # the graph is still there


def test_a_huge_request_is_refused_before_it_is_read(front):
    with httpx.Client(trust_env=False, timeout=30) as client:
        body = "SELECT * WHERE { ?s ?p ?o } #" + "x" * SETTINGS.max_request_bytes
        response = client.post(front, content=body, headers={"Content-Type": "application/sparql-query"})
        assert response.status_code == 413
        long_query = "SELECT * WHERE { ?s ?p ?o } #" + "x" * SETTINGS.max_query_chars
        response = client.post(front, content=long_query, headers={"Content-Type": "application/sparql-query"})
        assert response.status_code == 413 and "characters long" in response.text


def test_a_slow_query_is_stopped_at_the_hard_limit_and_the_next_is_answered(front):
    started = time.monotonic()
    response = get(front, SLOW)
    assert response.status_code == 503 and "ran longer than 2 s" in response.text
    assert time.monotonic() - started < SETTINGS.timeout_seconds + 3
    assert get(front, "ASK { ?s ?p ?o }").status_code == 200


def test_rows_are_capped_and_the_answer_says_so(front):
    response = get(front, "SELECT * WHERE { ?s ?p ?o }")
    assert len(json.loads(response.text)["results"]["bindings"]) == SETTINGS.max_rows
    assert response.headers["x-sparql-truncated"].startswith("true")
    small = get(front, "SELECT * WHERE { ?s ?p ?o } LIMIT 3")
    assert "x-sparql-truncated" not in small.headers and small.headers["x-sparql-max-rows"] == str(SETTINGS.max_rows)


def test_a_client_over_its_rate_gets_429_with_retry_after(upstream):
    with running_front(upstream.query_url, PublicSettings(rate_per_minute=6, burst=3)) as url:
        statuses = [get(url, "ASK {}").status_code for _ in range(5)]
        limited = get(url, "ASK {}")
    assert statuses[:3] == [200, 200, 200] and 429 in statuses[3:]
    assert limited.status_code == 429 and int(limited.headers["retry-after"]) >= 1


def test_a_client_may_run_only_so_many_queries_at_once(upstream):
    settings = PublicSettings(timeout_seconds=2, rate_per_minute=1e6, burst=1000, per_client_concurrency=2)
    with running_front(upstream.query_url, settings) as url:
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            statuses = sorted(pool.map(lambda _: get(url, SLOW).status_code, range(4)))
    assert statuses.count(429) >= 1 and 503 in statuses  # two ran to the limit, the others were turned away


def test_cors_lets_browser_clients_read_answers(front):
    with httpx.Client(trust_env=False, timeout=30) as client:
        preflight = client.options(front, headers={"Origin": "https://example.org", "Access-Control-Request-Method": "POST",
                                                   "Access-Control-Request-Headers": "content-type"})
        assert preflight.status_code == 200 and preflight.headers["access-control-allow-origin"] == "*"
        answer = client.get(front, params={"query": "ASK {}"}, headers={"Origin": "https://example.org"})
        assert answer.headers["access-control-allow-origin"] == "*"
        assert "x-sparql-truncated" in answer.headers["access-control-expose-headers"].lower()


def test_every_request_leaves_one_access_log_line(front, caplog):
    with caplog.at_level(logging.INFO, logger="deepfake_kg.public.access"):
        get(front, "ASK {}")
        get(front, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
    entries = [json.loads(r.getMessage()) for r in caplog.records if r.name == "deepfake_kg.public.access"]
    assert [(e["form"], e["status"]) for e in entries] == [("ASK", 200), ("-", 403)]
    assert entries[0]["client"] == "127.0.0.1" and entries[0]["ms"] >= 0 and "SERVICE" in entries[1]["error"]


@pytest.mark.slow  # a load test: many queries at once
def test_a_short_load_on_loopback_loses_nothing_and_answers_correctly(kg, front):
    """16 clients for 4 s, a mix of queries; every answer is checked (the timed run is benchmarks/public_endpoint.py)."""
    mix = [q for q in NAMED_QUERIES if len(run_local(q.text, kg.dataset).bindings) <= SETTINGS.max_rows][:5]
    expected = {q.name: normalised(r.variables, r.bindings, q.text) for q in mix for r in [run_local(q.text, kg.dataset)]}
    deadline = time.monotonic() + 4

    def client(index):
        done, wrong = 0, []
        with httpx.Client(trust_env=False, timeout=30) as http:
            while time.monotonic() < deadline:
                query = mix[(index + done) % len(mix)]
                response = http.get(front, params={"query": query.text}, headers={"Accept": "application/sparql-results+json"})
                data = json.loads(response.text) if response.status_code == 200 else {}
                rows = data.get("results", {}).get("bindings")
                if rows is None or normalised(data["head"]["vars"], rows, query.text) != expected[query.name]:
                    wrong.append((query.name, response.status_code))
                done += 1
        return done, wrong

    with concurrent.futures.ThreadPoolExecutor(16) as pool:
        results = list(pool.map(client, range(16)))
    assert sum(done for done, _ in results) > 16
    assert [w for _, wrong in results for w in wrong] == []


@pytest.mark.slow  # a child process
def test_the_command_serves_and_stops_with_its_oxigraph_on_sigterm(kg, tmp_path):
    command = [sys.executable, "-m", "deepfake_kg", "serve", "--public", "--port", "0", "--store", str(tmp_path / "store"),
               "--access-log", str(tmp_path / "access.log")]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        lines = [process.stdout.readline() for _ in range(6)]
        url = next(line.split()[2] for line in lines if "SPARQL endpoint" in line)
        child = int(next(line for line in lines if "Oxigraph" in line and "PID" in line).rsplit("PID", 1)[1])
        assert json.loads(get(url, "ASK { ?s ?p ?o }").text)["boolean"] is True
        process.send_signal(signal.SIGTERM)
        assert process.wait(20) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(5)
    assert not os.path.exists(f"/proc/{child}") or b"oxigraph" not in open(f"/proc/{child}/cmdline", "rb").read()
    assert '"status": 200' in (tmp_path / "access.log").read_text()
