"""A real Oxigraph server on loopback gives the same answers as the embedded graph; broken endpoints give clear errors.

Nothing here reaches beyond 127.0.0.1: Oxigraph and the stub servers all bind to it.
"""
import http.server
import json
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

import pytest
from sparql_compare import differences, normalised

from deepfake_kg import server as oxigraph
from deepfake_kg.errors import EndpointError, PublishError, ServerError
from deepfake_kg.named_queries import load_named_queries
from deepfake_kg.namespaces import ASSERTED_GRAPH, INFERRED_GRAPH
from deepfake_kg.publish import publish
from deepfake_kg.query import run_local, run_remote
from deepfake_kg.sparql_guard import Limits

NAMED_QUERIES = load_named_queries()
_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@pytest.fixture(scope="module")
def store(kg, tmp_path_factory):
    return oxigraph.load_store(kg, tmp_path_factory.mktemp("oxigraph") / "store")


@pytest.fixture(scope="module")
def endpoint(store):
    with oxigraph.start_server(store.location, timeout_s=30) as server:
        yield server


def same_answers(text, kg, url):
    local, remote = run_local(text, kg.dataset), run_remote(text, url)
    assert remote.form == local.form
    if local.form == "ASK":
        assert remote.boolean == local.boolean
    elif local.form in ("CONSTRUCT", "DESCRIBE"):
        assert len(remote.graph()) == len(local.graph())
    else:
        assert remote.variables == local.variables
        expected, actual = normalised(local.variables, local.bindings, text), normalised(remote.variables, remote.bindings, text)
        assert actual == expected, differences(expected, actual)
    return local, remote


def test_the_store_holds_two_named_graphs_and_serves_their_union(kg, store, endpoint):
    assert store.graphs == {str(ASSERTED_GRAPH): len(kg.asserted), str(INFERRED_GRAPH): len(kg.inferred)}
    per_graph = run_remote("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g", endpoint.query_url)
    assert {row["g"]: int(row["n"]) for row in per_graph.rows()} == store.graphs
    union = run_remote("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", endpoint.query_url)
    assert int(union.rows()[0]["n"]) == len(kg.asserted) + len(kg.inferred)


@pytest.mark.parametrize("name", [q.name for q in NAMED_QUERIES])
def test_every_named_query_answers_the_same_embedded_and_on_oxigraph(kg, endpoint, name):
    query = next(q for q in NAMED_QUERIES if q.name == name)
    local, _ = same_answers(query.text, kg, endpoint.query_url)
    assert local.bindings, f"{name} answers nothing: the comparison would prove nothing"


@pytest.mark.parametrize("text", [
    "ASK { ?duty a <https://w3id.org/deepfake-kg/ontology#DutyInForce> }",
    "PREFIX dfk: <https://w3id.org/deepfake-kg/ontology#>\nCONSTRUCT { ?d a dfk:Duty } WHERE { ?d a dfk:Duty }",
    "DESCRIBE <https://w3id.org/deepfake-kg/id/instrument/eu-gdpr>",
])
def test_ask_construct_and_describe_agree(kg, endpoint, text):
    same_answers(text, kg, endpoint.query_url)


def test_a_query_whose_comment_contains_an_update_keyword_is_sent_as_a_query(kg, endpoint):
    # SPARQLWrapper used to guess the form from "addresses" in a comment (ADD) and send the query as an update.
    text = "# which proposal addresses which dilemma\nSELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert int(run_remote(text, endpoint.query_url).rows()[0]["n"]) > 0


def test_the_server_refuses_writes(endpoint):
    request = urllib.request.Request(endpoint.store_url + "?default", data=b"<urn:a> <urn:b> <urn:c> .", method="POST",
                                     headers={"Content-Type": "application/n-triples"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        _DIRECT.open(request, timeout=5)
    assert refused.value.code == 403


def test_a_fresh_store_is_reused_and_a_served_one_is_never_reloaded(kg, store, endpoint):
    assert oxigraph.load_store(kg, store.location).reused
    with pytest.raises(ServerError, match="being served by Oxigraph"):
        oxigraph.load_store(kg, store.location, force=True)


def test_a_busy_port_is_refused_with_the_port_named(endpoint):
    with pytest.raises(ServerError, match=f"{endpoint.port} is already in use"):
        oxigraph.start_server(endpoint.store, port=endpoint.port)


@pytest.mark.slow  # a child process
def test_publish_puts_both_graphs_and_the_published_store_answers_the_same(kg, tmp_path):
    with oxigraph.start_server(tmp_path / "writable", read_only=False) as server:
        first = publish(kg, server.store_url)
        again = publish(kg, server.store_url)  # PUT replaces: publishing twice must not double anything
        assert [p.status for p in first] == [201, 201] and [p.status for p in again] == [204, 204]
        counts = run_remote("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g", server.query_url)
        assert {row["g"]: int(row["n"]) for row in counts.rows()} == {str(ASSERTED_GRAPH): len(kg.asserted), str(INFERRED_GRAPH): len(kg.inferred)}
        for query in NAMED_QUERIES:  # blank nodes went over as skolem IRIs: inherited duties still join
            same_answers(query.text, kg, server.query_url)


def test_publish_to_a_read_only_store_says_so(kg, endpoint):
    with pytest.raises(PublishError, match="HTTP 403.*read-only"):
        publish(kg, endpoint.store_url)


def test_publish_to_nowhere_says_it_cannot_reach_it(kg):
    with pytest.raises(PublishError, match="Cannot reach the Graph Store endpoint"):
        publish(kg, f"http://127.0.0.1:{unused_port()}/store", timeout=3)


@pytest.mark.slow  # a child process
def test_serve_from_the_command_line_answers_and_stops_on_ctrl_c(tmp_path):
    port = oxigraph.free_port()
    serve = subprocess.Popen([sys.executable, "-m", "deepfake_kg", "serve", "--port", str(port), "--store", str(tmp_path / "store")],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        banner = serve.stdout.readline() + serve.stdout.readline()
        assert "read-only" in banner and f"http://127.0.0.1:{port}/query" in banner, serve.stderr.read() if serve.poll() is not None else banner
        assert run_remote("ASK { ?s ?p ?o }", f"http://127.0.0.1:{port}/query").boolean is True
        serve.send_signal(signal.SIGINT)
        assert serve.wait(15) == 0
        assert oxigraph.live_servers(tmp_path / "store") == []
    finally:
        if serve.poll() is None:
            serve.kill()
            serve.wait()


# --- endpoints that are down, slow, or answer something broken ------------------------------------------------

def unused_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Stub(http.server.ThreadingHTTPServer):
    daemon_threads = True


@pytest.fixture
def stub():
    """A tiny HTTP server on 127.0.0.1; a test sets .status, .content_type, .body and .delay before querying it."""
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            time.sleep(server.delay)
            try:
                self.send_response(server.status)
                self.send_header("Content-Type", server.content_type)
                self.end_headers()
                self.wfile.write(server.body)
            except (BrokenPipeError, ConnectionResetError):  # the client gave up first (the "slow" case)
                pass

        do_POST = do_GET

        def log_message(self, *args):
            pass

    server = Stub(("127.0.0.1", 0), Handler)
    server.status, server.content_type, server.body, server.delay = 200, "application/sparql-results+json", b"", 0.0
    server.url = f"http://127.0.0.1:{server.server_address[1]}/sparql"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


SELECT = "SELECT ?s WHERE { ?s ?p ?o } LIMIT 3"


def test_an_endpoint_that_is_down():
    with pytest.raises(EndpointError, match="Cannot reach the SPARQL endpoint .*refused"):
        run_remote(SELECT, f"http://127.0.0.1:{unused_port()}/sparql", Limits(timeout_seconds=3))


def test_an_endpoint_that_is_too_slow(stub):
    stub.delay = 3  # it would answer, late: the time limit, not a failure, is what ends the wait
    with pytest.raises(EndpointError, match="did not answer within 1 s|no answer within 1 s"):
        run_remote(SELECT, stub.url, Limits(timeout_seconds=1))


def test_an_endpoint_that_answers_garbage(stub):
    stub.body = b"<html>Service Temporarily Unavailable</html>"
    with pytest.raises(EndpointError, match="not SPARQL JSON results"):
        run_remote(SELECT, stub.url)


def test_an_endpoint_that_answers_json_that_is_not_results(stub):
    stub.body = json.dumps({"error": "quota"}).encode()
    with pytest.raises(EndpointError, match="JSON that is not SPARQL results"):
        run_remote(SELECT, stub.url)


def test_an_endpoint_that_cancels_part_way(stub):
    # What `oxigraph serve --timeout-s` sends: HTTP 200, a partial body, then its error message.
    stub.body = (b'{"head":{"vars":["s"]},"results":{"bindings":[{"s":{"type":"uri","value":"urn:a"}},'
                 b"The SPARQL operation has been cancelled")
    with pytest.raises(EndpointError, match="cancelled the query part-way"):
        run_remote(SELECT, stub.url)


def test_an_endpoint_error_status_is_reported_with_its_code(stub):
    stub.status, stub.content_type, stub.body = 500, "text/plain", b"internal error"
    with pytest.raises(EndpointError, match="HTTP status code 500"):
        run_remote(SELECT, stub.url)


def test_broken_turtle_for_a_construct(stub):
    stub.content_type, stub.body = "text/turtle", b"<urn:a> <urn:b> "
    with pytest.raises(EndpointError, match="broken Turtle"):
        run_remote("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", stub.url)


@pytest.mark.parametrize("text", [
    "SELECT ?x WHERE { }",
    "SELECT ?note WHERE { ?c a <http://www.w3.org/2002/07/owl#Class> OPTIONAL { ?c <urn:x:none> ?note } }",
])
def test_rows_that_bind_nothing_agree_embedded_and_on_oxigraph(kg, endpoint, text):
    local, remote = same_answers(text, kg, endpoint.query_url)
    assert local.bindings and all(row == {} for row in local.bindings)
