"""`deepfake-kg serve --public`: a SPARQL 1.1 Protocol endpoint that is safe to expose, in front of Oxigraph.

Oxigraph alone executes SERVICE and its time limit is soft (it answers 200 and appends an error to a partial
body), so it only ever listens on 127.0.0.1 and this front answers the public. Every query passes the same guard
as the embedded path (`sparql_guard.check_query`: read-only forms, no SERVICE, no FROM, size and nesting limits)
before Oxigraph sees it; then a hard time limit, a row cap, a per-client rate limit and a request-size limit apply,
and each request leaves one access-log line.

Oxigraph is asked for TSV (SELECT) or N-Triples (CONSTRUCT, DESCRIBE): both have one row per line, so the front
stops reading — and Oxigraph stops computing — at the row cap, and writes the client's format itself with terms
exactly as Oxigraph wrote them.

The limits and the rate limiter are public_limits.py, reading a request and choosing its format public_request.py,
the socket, uvicorn and Oxigraph process public_server.py.
"""
from __future__ import annotations

import contextlib
import functools
import json
import logging
import time

import anyio
import httpx
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from . import result_formats
from .errors import QueryError, QueryNotAllowed, QueryTooLarge
from .result_formats import ResultFormatError
from .public_limits import PublicSettings, RateLimiter, Refusal
from .public_request import GRAPH_FORMATS, SELECT_FORMATS, QueryRequest, negotiate, read_query
from .sparql_guard import CheckedQuery, Limits, check_query

access_log = logging.getLogger("deepfake_kg.public.access")
TIMED_OUT = "The query ran longer than {:g} s (this endpoint's limit) and was stopped."
MAX_UPSTREAM_BYTES = 256 * 2**20  # one answer read from Oxigraph, whatever its row count


# --- Answering --------------------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=2048)
def _checked(text: str, limits: Limits) -> CheckedQuery | QueryError:
    # rdflib's parser takes ~0.1 s of CPU a query; the same texts come back again and again (pages, benchmarks).
    try:
        return check_query(text, limits)
    except QueryError as error:
        return error


class Endpoint:
    def __init__(self, oxigraph_query_url: str, settings: PublicSettings):
        self.upstream = oxigraph_query_url
        self.settings = settings
        self.limits = Limits(max_query_chars=settings.max_query_chars, timeout_seconds=settings.timeout_seconds,
                             max_rows=settings.max_rows)
        self.rates = RateLimiter(settings)
        self.slots = anyio.Semaphore(settings.max_concurrency)
        self.parsing = anyio.CapacityLimiter(2)  # the guard parses in threads; two keep the event loop free
        self.client = httpx.AsyncClient(trust_env=False, timeout=httpx.Timeout(settings.timeout_seconds + 5),
                                        limits=httpx.Limits(max_connections=settings.max_concurrency))

    async def __call__(self, request: Request) -> Response:
        started = time.perf_counter()
        client = request.client.host if request.client else "unknown"
        entry = {"client": client, "method": request.method, "form": "-", "rows": 0, "truncated": False}
        admitted = False
        try:
            self.rates.admit(client)
            query = await read_query(request, self.settings)
            if query is None:
                response = self.description(request)
            else:
                self.rates.start(client)
                admitted = True
                response = await self.answer(query, request, entry)
        except Refusal as refusal:
            response = Response(refusal.message + "\n", refusal.status, refusal.headers, media_type="text/plain")
            entry["error"] = refusal.message[:200]
        finally:
            if admitted:
                self.rates.finish(client)
        entry.update(status=response.status_code, ms=round((time.perf_counter() - started) * 1000, 1))
        access_log.info(json.dumps(entry, ensure_ascii=False))
        return response

    async def answer(self, query: QueryRequest, request: Request, entry: dict) -> Response:
        checked = await anyio.to_thread.run_sync(_checked, query.text, self.limits, limiter=self.parsing)
        if isinstance(checked, QueryError):
            status = 403 if isinstance(checked, QueryNotAllowed) else 413 if isinstance(checked, QueryTooLarge) else 400
            raise Refusal(status, str(checked))
        entry["form"] = checked.form
        fmt = negotiate(checked.form, request.headers.get("accept", ""), request.query_params.get("format"))
        slot = False
        with anyio.move_on_after(self.settings.timeout_seconds) as deadline:
            async with self.slots:
                slot = True
                if checked.form in ("CONSTRUCT", "DESCRIBE"):
                    body, rows, truncated = await self._graph(checked.text, query.dataset, fmt)
                else:
                    body, rows, truncated = await self._solutions(checked.text, query.dataset, checked.form, fmt)
        if deadline.cancelled_caught:
            if not slot:
                raise Refusal(503, f"The endpoint is busy ({self.settings.max_concurrency} queries running); "
                                   "try again shortly.", {"Retry-After": "5"})
            raise Refusal(503, TIMED_OUT.format(self.settings.timeout_seconds))
        entry.update(rows=rows, truncated=truncated)
        media = (GRAPH_FORMATS if checked.form in ("CONSTRUCT", "DESCRIBE") else SELECT_FORMATS)[fmt]
        headers = {"X-SPARQL-Max-Rows": str(self.settings.max_rows)}
        if truncated:
            headers["X-SPARQL-Truncated"] = f"true; the first {self.settings.max_rows} of more were returned"
        return Response(body, 200, headers, media_type=f"{media}; charset=utf-8")

    async def _upstream_lines(self, text: str, dataset, accept: str, limit: int) -> list[str]:
        """Oxigraph's answer as at most `limit` lines; stopping early closes the connection, which stops Oxigraph.

        Lines are split on "\n" only: TSV and N-Triples escape it in literals, but not U+2028 and the other
        characters str.splitlines() would also split on."""
        headers = {"Content-Type": "application/sparql-query", "Accept": accept}
        lines, pending, size = [], b"", 0
        async with self.client.stream("POST", self.upstream, params=list(dataset), content=text.encode("utf-8"),
                                      headers=headers) as reply:
            if reply.status_code != 200:
                detail = (await reply.aread())[:300].decode("utf-8", "replace").strip()
                raise Refusal(400 if reply.status_code < 500 else 500, f"Oxigraph could not answer the query: {detail}")
            async for chunk in reply.aiter_bytes():
                size += len(chunk)
                if size > MAX_UPSTREAM_BYTES:
                    raise Refusal(507, f"The answer is over {MAX_UPSTREAM_BYTES // 2**20} MB; ask for fewer or shorter rows.")
                *complete, pending = (pending + chunk).split(b"\n")
                lines += [line.decode("utf-8") for line in complete]
                if len(lines) >= limit:
                    return lines[:limit]
        if pending:
            lines.append(pending.decode("utf-8"))
        return lines[:limit]

    async def _solutions(self, text: str, dataset, form: str, fmt: str):
        if form == "ASK":
            lines = await self._upstream_lines(text, dataset, "application/sparql-results+json", 100)
            try:
                boolean = json.loads("".join(lines))["boolean"]
            except (ValueError, KeyError, TypeError):
                raise Refusal(503, TIMED_OUT.format(self.settings.timeout_seconds)) from None
            return result_formats.write(fmt, [], [], boolean=boolean), 1, False
        lines = await self._upstream_lines(text, dataset, "text/tab-separated-values", self.settings.max_rows + 2)
        try:
            variables = result_formats.tsv_header(lines[0]) if lines else []
            bindings = [result_formats.tsv_row(line, variables) for line in lines[1:self.settings.max_rows + 1]]
        except ResultFormatError:  # Oxigraph's own time limit appends a message to a partial answer
            raise Refusal(503, TIMED_OUT.format(self.settings.timeout_seconds)) from None
        truncated = len(lines) > self.settings.max_rows + 1
        return result_formats.write(fmt, variables, bindings), len(bindings), truncated

    async def _graph(self, text: str, dataset, fmt: str):
        lines = await self._upstream_lines(text, dataset, "application/n-triples", self.settings.max_rows + 1)
        triples = [line for line in lines if line.strip()]
        truncated = len(triples) > self.settings.max_rows
        triples = triples[:self.settings.max_rows]
        if any(not line.rstrip().endswith(".") for line in triples):
            raise Refusal(503, TIMED_OUT.format(self.settings.timeout_seconds))
        if fmt == "jsonld":
            return json.dumps(_expanded_jsonld(triples), ensure_ascii=False), len(triples), truncated
        # N-Triples is Turtle too: the terms go out exactly as Oxigraph wrote them.
        return "".join(line + "\n" for line in triples), len(triples), truncated

    def description(self, request: Request) -> Response:
        """GET without a query: what this endpoint is and what it allows (SPARQL 1.1 Service Description)."""
        url = str(request.url.replace(query=""))
        s = self.settings
        body = f"""@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix formats: <http://www.w3.org/ns/formats/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

[] a sd:Service ;
   sd:endpoint <{url}> ;
   sd:supportedLanguage sd:SPARQL11Query ;
   sd:feature sd:UnionDefaultGraph ;
   sd:resultFormat formats:SPARQL_Results_JSON, formats:SPARQL_Results_XML, formats:SPARQL_Results_CSV,
                   formats:SPARQL_Results_TSV, formats:Turtle, formats:N-Triples, formats:JSON-LD ;
   rdfs:comment "Deepfake Platform Liability Knowledge Graph, read-only. No SERVICE, no FROM, no updates. Limits: {s.timeout_seconds:g} s a query, {s.max_rows} rows, {s.max_query_chars} characters a query, {s.max_request_bytes} bytes a request, {s.rate_per_minute:g} requests a minute per client (bursts of {s.burst}), {s.per_client_concurrency} queries at once per client." .
"""
        return Response(body, 200, media_type="text/turtle; charset=utf-8")


def _expanded_jsonld(lines: list[str]) -> list[dict]:
    """Triples as expanded JSON-LD (one node object per subject), built from the N-Triples terms directly."""
    nodes: dict[str, dict] = {}
    for line in lines:
        subject, predicate, obj = _nt_terms(line)
        node = nodes.setdefault(subject["value"], {"@id": _jsonld_id(subject)})
        if obj["type"] == "literal":
            value = {"@value": obj["value"]}
            if "xml:lang" in obj:
                value["@language"] = obj["xml:lang"]
            elif "datatype" in obj:
                value["@type"] = obj["datatype"]
        else:
            value = {"@id": _jsonld_id(obj)}
        node.setdefault(predicate["value"], []).append(value)
    return list(nodes.values())


def _jsonld_id(term: dict) -> str:
    return "_:" + term["value"] if term["type"] == "bnode" else term["value"]


def _nt_terms(line: str) -> list[dict]:
    terms, rest = [], line.strip()
    for _ in range(3):
        match = result_formats._TERM.match(rest)
        if match is None:
            raise Refusal(502, "Oxigraph answered with a line that is not N-Triples.")
        terms.append(result_formats.tsv_term(match.group(0)))
        rest = rest[match.end():].lstrip()
    return terms


def create_app(oxigraph_query_url: str, settings: PublicSettings = PublicSettings()) -> Starlette:
    endpoint = Endpoint(oxigraph_query_url, settings)

    async def not_allowed(request: Request) -> Response:
        return Response("Use GET or POST.\n", 405, {"Allow": "GET, POST, OPTIONS"}, media_type="text/plain")

    async def sparql(request: Request) -> Response:
        return await endpoint(request)

    routes = [Route(path, sparql, methods=["GET", "POST"]) for path in ("/sparql", "/query")]
    routes += [Route(path, not_allowed, methods=["PUT", "DELETE", "PATCH"]) for path in ("/sparql", "/query")]
    middleware = [Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"],
                             allow_headers=["Content-Type", "Accept"],
                             expose_headers=["X-SPARQL-Max-Rows", "X-SPARQL-Truncated", "Retry-After"], max_age=3600)]

    @contextlib.asynccontextmanager
    async def lifespan(app):
        yield
        await endpoint.client.aclose()

    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
    app.state.endpoint = endpoint
    return app
