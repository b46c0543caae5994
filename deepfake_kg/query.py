"""The one query path: guarded SPARQL on the embedded graph (in a child process that can be killed) or on a
remote SPARQL 1.1 endpoint through SPARQLWrapper. Both give a QueryResult in SPARQL 1.1 JSON terms."""
from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
import resource
import socket
import sys
import urllib.error
from dataclasses import dataclass, field

from rdflib import Graph

from .errors import EndpointError, QueryError, QueryTimeout
from .namespaces import bind_prefixes
from .sparql_guard import CheckedQuery, Limits, check_query

_NETWORK_EVENTS = {"socket.connect", "socket.getaddrinfo", "urllib.Request", "socket.sendto"}


@dataclass
class QueryResult:
    form: str
    variables: list[str] = field(default_factory=list)
    bindings: list[dict] = field(default_factory=list)  # SPARQL 1.1 JSON bindings
    boolean: bool | None = None
    triples: str = ""  # N-Triples, for CONSTRUCT and DESCRIBE
    truncated: bool = False
    limit: int = 0

    def to_sparql_json(self) -> dict:
        if self.form == "ASK":
            return {"head": {}, "boolean": self.boolean}
        return {"head": {"vars": self.variables}, "results": {"bindings": self.bindings}}

    def graph(self) -> Graph:
        graph = bind_prefixes(Graph())
        return graph.parse(data=self.triples, format="nt") if self.triples else graph

    def rows(self) -> list[dict[str, str]]:
        """Bindings as plain strings (IRIs, literal values), '' where unbound."""
        return [{v: row[v]["value"] if v in row else "" for v in self.variables} for row in self.bindings]

    def to_csv(self) -> str:
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=self.variables, lineterminator="\n")
        writer.writeheader()
        writer.writerows(self.rows())
        return out.getvalue()

    @property
    def notice(self) -> str:
        return f"Results truncated to the first {self.limit} rows (setting max_rows)." if self.truncated else ""


def run_local(text: str, dataset, limits: Limits = Limits()) -> QueryResult:
    """Run a guarded query on `dataset` in a forked child with a wall-clock and a memory limit."""
    checked = check_query(text, limits)
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(checked, dataset, limits, sender), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(limits.timeout_seconds):
            raise QueryTimeout(f"The query ran longer than {limits.timeout_seconds:g} s (setting timeout_seconds) and was stopped.",
                               limits.timeout_seconds)
        try:
            status, payload = receiver.recv()
        except EOFError:
            raise QueryError(f"The query was stopped: it needed more than {limits.memory_mb} MB of memory (setting memory_mb).") from None
    finally:
        if child.is_alive():
            child.kill()
        child.join(1)
        receiver.close()
    if status == "error":
        raise QueryError(payload)
    return QueryResult(**payload)


def _child(checked: CheckedQuery, dataset, limits: Limits, sender) -> None:
    # Defence in depth: the guard already refused SERVICE and FROM, and this process can open no socket.
    sys.addaudithook(_refuse_network)
    import rdflib.plugins.sparql as sparql

    sparql.SPARQL_LOAD_GRAPHS = False
    _limit_memory(limits.memory_mb)
    try:
        result = dataset.query(checked.text)
        sender.send(("ok", _payload(checked.form, result, limits.max_rows)))
    except MemoryError:
        sender.send(("error", f"The query needed more than {limits.memory_mb} MB of memory (setting memory_mb) and was stopped."))
    except RecursionError:
        sender.send(("error", "The query nests too deeply to evaluate."))
    except UnicodeEncodeError as error:  # only a graph result is encoded here: RDF cannot hold a lone surrogate
        sender.send(("error", f"The query built a graph holding {error.object[error.start:error.end]!r}, which is not "
                              "valid Unicode (a lone surrogate) and cannot be written as RDF."))
    except Exception as error:  # evaluation errors are the user's to read, in one sentence
        sender.send(("error", f"The query failed: {error}"))
    finally:
        sender.close()
        os._exit(0)  # skip atexit handlers inherited from the parent (Streamlit, pytest)


def _refuse_network(event: str, args) -> None:
    if event in _NETWORK_EVENTS:
        raise PermissionError("network access is disabled while a query runs")


def _limit_memory(megabytes: int) -> None:
    try:
        with open("/proc/self/statm") as statm:
            current = int(statm.read().split()[0]) * resource.getpagesize()
        limit = current + megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (OSError, ValueError):  # not Linux: rely on the wall-clock limit alone
        pass


def _payload(form: str, result, max_rows: int) -> dict:
    if form == "ASK":
        return {"form": form, "boolean": bool(result.askAnswer)}
    if form in ("CONSTRUCT", "DESCRIBE"):
        graph = Graph()
        truncated = False
        for i, triple in enumerate(result):
            if i >= max_rows:
                truncated = True
                break
            graph.add(triple)
        return {"form": form, "triples": graph.serialize(format="nt"), "truncated": truncated, "limit": max_rows}
    variables = [str(v) for v in result.vars]
    # Iterate the solutions, not the result object: iterating rdflib's result skips a solution that binds
    # nothing, and `SELECT ?x WHERE { }` must still give its one (empty) row, as a SPARQL endpoint does.
    solutions = result.bindings
    truncated = len(solutions) > max_rows
    bindings = []
    for solution in solutions[:max_rows]:
        row = {}
        for variable in result.vars:
            term = _term_json(solution.get(variable))
            if term is not None:
                row[str(variable)] = term
        bindings.append(row)
    return {"form": form, "variables": variables, "bindings": bindings, "truncated": truncated, "limit": max_rows}


def _term_json(term) -> dict | None:
    """A term in SPARQL 1.1 JSON, or None when unbound. rdflib can bind a variable to a value that is no RDF
    term (COALESCE() of nothing binds a plain str): SPARQL makes such an expression an error, so it is unbound."""
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, Literal):
        out = {"type": "literal", "value": str(term)}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype:
            out["datatype"] = str(term.datatype)
        return out
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    return None


def run_remote(text: str, endpoint: str, limits: Limits = Limits()) -> QueryResult:
    """Run a guarded query on a SPARQL 1.1 endpoint, with a client-side timeout."""
    from SPARQLWrapper import JSON, TURTLE, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

    checked = check_query(text, limits)
    if not endpoint.startswith(("http://", "https://")):
        raise EndpointError(f"The endpoint {endpoint!r} is not an http(s) URL.")
    client = SPARQLWrapper(endpoint)
    client.setQuery(checked.text)
    # SPARQLWrapper guesses the form with a regex that also matches words in comments ("addresses" → ADD, an
    # update, sent to the wrong endpoint); the guard has parsed the query, so its form is known.
    client.queryType = checked.form
    client.setTimeout(int(max(1, limits.timeout_seconds)))
    client.setReturnFormat(TURTLE if checked.form in ("CONSTRUCT", "DESCRIBE") else JSON)
    try:
        response = client.query()
        body = response.response.read()
    except urllib.error.HTTPError as error:
        detail = error.read(300).decode("utf-8", "replace").strip()
        raise EndpointError(f"The endpoint {endpoint} answered HTTP {error.code}: {detail or error.reason}") from None
    except (socket.timeout, TimeoutError):
        raise EndpointError(f"The endpoint {endpoint} did not answer within {limits.timeout_seconds:g} s.") from None
    except urllib.error.URLError as error:
        reason = getattr(error.reason, "strerror", None) or str(error.reason)
        if isinstance(error.reason, (socket.timeout, TimeoutError)):
            reason = f"no answer within {limits.timeout_seconds:g} s"
        raise EndpointError(f"Cannot reach the SPARQL endpoint {endpoint}: {reason}.") from None
    except SPARQLWrapperException as error:
        raise EndpointError(f"The endpoint {endpoint} refused the query: {str(error).splitlines()[0]}") from None
    except (ConnectionError, OSError) as error:
        raise EndpointError(f"Cannot reach the SPARQL endpoint {endpoint}: {error}.") from None
    return _parse_remote(checked.form, body, endpoint, limits.max_rows)


def _parse_remote(form: str, body: bytes, endpoint: str, max_rows: int) -> QueryResult:
    text = body.decode("utf-8", "replace")
    # Oxigraph appends this to a partial body when its own timeout cancels a query after answering 200.
    if "has been cancelled" in text[-500:]:
        raise EndpointError(f"The endpoint {endpoint} cancelled the query part-way (its own time limit); the partial answer was discarded.")
    if form in ("CONSTRUCT", "DESCRIBE"):
        try:
            graph = Graph().parse(data=text, format="turtle")
        except Exception as error:
            raise EndpointError(f"The endpoint {endpoint} returned broken Turtle: {str(error)[:200]}") from None
        return QueryResult(form=form, triples=graph.serialize(format="nt"))
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        raise EndpointError(f"The endpoint {endpoint} returned something that is not SPARQL JSON results.") from None
    if form == "ASK":
        if not isinstance(data.get("boolean"), bool):
            raise EndpointError(f"The endpoint {endpoint} answered an ASK query without a boolean.")
        return QueryResult(form=form, boolean=data["boolean"])
    try:
        variables = list(data["head"]["vars"])
        bindings = list(data["results"]["bindings"])
    except (KeyError, TypeError):
        raise EndpointError(f"The endpoint {endpoint} returned JSON that is not SPARQL results.") from None
    truncated = len(bindings) > max_rows
    return QueryResult(form=form, variables=variables, bindings=bindings[:max_rows], truncated=truncated, limit=max_rows)
