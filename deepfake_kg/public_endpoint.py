"""`deepfake-kg serve --public`: a SPARQL 1.1 Protocol endpoint that is safe to expose, in front of Oxigraph.

Oxigraph alone executes SERVICE and its time limit is soft (it answers 200 and appends an error to a partial
body), so it only ever listens on 127.0.0.1 and this front answers the public. Every query passes the same guard
as the embedded path (`sparql_guard.check_query`: read-only forms, no SERVICE, no FROM, size and nesting limits)
before Oxigraph sees it; then a hard time limit, a row cap, a per-client rate limit and a request-size limit apply,
and each request leaves one access-log line.

Oxigraph is asked for TSV (SELECT) or N-Triples (CONSTRUCT, DESCRIBE): both have one row per line, so the front
stops reading — and Oxigraph stops computing — at the row cap, and writes the client's format itself with terms
exactly as Oxigraph wrote them.
"""
from __future__ import annotations

import contextlib
import functools
import json
import logging
import math
import re
import time
from dataclasses import asdict, dataclass
from urllib.parse import parse_qs

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
from .sparql_guard import CheckedQuery, Limits, check_query

access_log = logging.getLogger("deepfake_kg.public.access")
TIMED_OUT = "The query ran longer than {:g} s (this endpoint's limit) and was stopped."
MAX_UPSTREAM_BYTES = 256 * 2**20  # one answer read from Oxigraph, whatever its row count


@dataclass(frozen=True)
class PublicSettings:
    """The public endpoint's limits. Each is documented in SECURITY.md; the CLI flags can only change these."""

    timeout_seconds: float = 10.0  # hard: the answer is abandoned and Oxigraph's own limit stops the work
    max_rows: int = 10_000  # rows (or triples) returned at most; the answer says when it was cut
    max_request_bytes: int = 64 * 1024  # a POST body, and the query string of a GET
    max_query_chars: int = 20_000  # the guard's limit on the query text
    rate_per_minute: float = 60.0  # per client address (token bucket)
    burst: int = 20  # requests a client may make at once before the rate applies
    per_client_concurrency: int = 2  # queries one client may have running at once
    max_concurrency: int = 8  # queries running on Oxigraph at once, over all clients


SELECT_FORMATS = result_formats.MEDIA_TYPES  # json, xml, csv, tsv
GRAPH_FORMATS = {"turtle": "text/turtle", "ntriples": "application/n-triples", "jsonld": "application/ld+json"}
_ALIASES = {"json": "json", "srj": "json", "xml": "xml", "srx": "xml", "csv": "csv", "tsv": "tsv", "ttl": "turtle",
            "turtle": "turtle", "nt": "ntriples", "ntriples": "ntriples", "n-triples": "ntriples", "jsonld": "jsonld",
            "json-ld": "jsonld"}
_EXTRA_MEDIA = {"application/json": ("json", "jsonld"), "text/xml": ("xml", None), "application/xml": ("xml", None),
                "text/plain": (None, "ntriples"), "text/n3": (None, "turtle")}


_ABSOLUTE_IRI = re.compile(r'[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>"{}|^`\\]*')


class Refusal(Exception):
    def __init__(self, status: int, message: str, headers: dict | None = None):
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}


# --- Rate limits ----------------------------------------------------------------------------------------------

class RateLimiter:
    """A token bucket and an in-flight count per client address."""

    def __init__(self, settings: PublicSettings):
        self.settings = settings
        self.buckets: dict[str, tuple[float, float]] = {}
        self.running: dict[str, int] = {}

    def admit(self, client: str) -> None:
        rate, burst = self.settings.rate_per_minute / 60.0, self.settings.burst
        now = time.monotonic()
        tokens, last = self.buckets.get(client, (burst, now))
        tokens = min(burst, tokens + (now - last) * rate)
        if tokens < 1:
            wait = math.ceil((1 - tokens) / rate) if rate > 0 else 60
            raise Refusal(429, f"Too many requests from {client}: the limit is {self.settings.rate_per_minute:g} a "
                               f"minute (bursts of {burst}). Retry in {wait} s.", {"Retry-After": str(wait)})
        if self.running.get(client, 0) >= self.settings.per_client_concurrency:
            raise Refusal(429, f"{client} already has {self.settings.per_client_concurrency} queries running; "
                               "wait for one to finish.", {"Retry-After": "1"})
        self.buckets[client] = (tokens - 1, now)
        if len(self.buckets) > 100_000:  # forget the oldest clients rather than grow without bound
            for stale in sorted(self.buckets, key=lambda c: self.buckets[c][1])[:50_000]:
                del self.buckets[stale]

    def start(self, client: str) -> None:
        self.running[client] = self.running.get(client, 0) + 1

    def finish(self, client: str) -> None:
        left = self.running.get(client, 1) - 1
        if left:
            self.running[client] = left
        else:
            self.running.pop(client, None)


# --- Reading the request ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class QueryRequest:
    text: str
    dataset: tuple[tuple[str, str], ...] = ()  # ("default-graph-uri" | "named-graph-uri", IRI)


async def read_query(request: Request, settings: PublicSettings) -> QueryRequest | None:
    """The query of a SPARQL 1.1 Protocol query request (GET, form POST or direct POST); None if absent."""
    if len(request.url.query.encode()) > settings.max_request_bytes:
        raise Refusal(414, f"The request URL is over the {settings.max_request_bytes}-byte limit; POST the query.")
    try:
        params = parse_qs(request.url.query, keep_blank_values=True, errors="strict")
    except UnicodeDecodeError:
        raise Refusal(400, "The request URL is not valid UTF-8.") from None
    if request.method == "POST":
        media, _, parameters = request.headers.get("content-type", "").partition(";")
        media = media.strip().lower()
        charset = dict(p.strip().lower().partition("=")[::2] for p in parameters.split(";") if "=" in p).get("charset")
        if charset and charset.strip('"') not in ("utf-8", "utf8"):
            raise Refusal(415, f"Queries are read as UTF-8 only, not {charset}.")
        body = await _body(request, settings)
        if media == "application/x-www-form-urlencoded":
            try:
                form = parse_qs(body.decode("utf-8"), keep_blank_values=True, errors="strict")
            except UnicodeDecodeError:
                raise Refusal(400, "The form is not valid UTF-8.") from None
            for key, values in form.items():
                params.setdefault(key, []).extend(values)
        elif media == "application/sparql-query":
            if "query" in params:
                raise Refusal(400, "A direct POST carries the query in its body, not also in the URL.")
            try:
                params["query"] = [body.decode("utf-8")]
            except UnicodeDecodeError:
                raise Refusal(400, "The query is not valid UTF-8.") from None
        elif media == "application/sparql-update":
            raise Refusal(403, "Updates are not allowed: this endpoint is read-only.")
        else:
            raise Refusal(415, "POST a query as application/x-www-form-urlencoded (query=…) or as "
                               f"application/sparql-query, not {media or 'a body without Content-Type'}.")
    if "update" in params:
        raise Refusal(403, "Updates are not allowed: this endpoint is read-only.")
    queries = params.get("query", [])
    if len(queries) > 1:
        raise Refusal(400, "The request carries more than one query.")
    # The protocol's dataset parameters choose among the graphs already in the store: Oxigraph never fetches them.
    dataset = tuple((key, iri) for key in ("default-graph-uri", "named-graph-uri") for iri in params.get(key, []))
    for _, iri in dataset:
        if not _ABSOLUTE_IRI.fullmatch(iri):
            raise Refusal(400, f"{iri[:100]!r} is not an absolute IRI.")
    return QueryRequest(queries[0], dataset) if queries else None


async def _body(request: Request, settings: PublicSettings) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > settings.max_request_bytes:
        raise Refusal(413, f"The request body is over the {settings.max_request_bytes}-byte limit.")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > settings.max_request_bytes:
            raise Refusal(413, f"The request body is over the {settings.max_request_bytes}-byte limit.")
    return bytes(body)


def negotiate(form: str, accept: str, explicit: str | None) -> str:
    """The answer's format: json/xml/csv/tsv for SELECT and ASK, turtle/ntriples/jsonld for graphs."""
    graph = form in ("CONSTRUCT", "DESCRIBE")
    offered = GRAPH_FORMATS if graph else SELECT_FORMATS
    if explicit:
        chosen = _ALIASES.get(explicit.lower())
        if chosen not in offered:
            raise Refusal(406, f"format={explicit} is not offered for {form}; choose one of {', '.join(offered)}.")
        return chosen
    by_media = {media: name for name, media in offered.items()}
    best, best_q = None, 0.0
    for part in (accept or "*/*").split(","):
        media, _, rest = part.strip().partition(";")
        media = media.strip().lower()
        q = 1.0
        for param in rest.split(";"):
            key, _, value = param.strip().partition("=")
            if key == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        name = by_media.get(media) or (_EXTRA_MEDIA.get(media, (None, None))[1 if graph else 0])
        if name is None and media in ("*/*", "application/*", "text/*"):
            name = {"text/*": "turtle" if graph else "tsv"}.get(media, "turtle" if graph else "json")
        if name and q > best_q:
            best, best_q = name, q
    if best is None:
        raise Refusal(406, f"None of the accepted types ({accept}) is offered for {form}; offered: "
                           f"{', '.join(offered.values())}.")
    return best


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


def settings_summary(settings: PublicSettings) -> str:
    return ", ".join(f"{key} {value:g}" if isinstance(value, float) else f"{key} {value}"
                     for key, value in asdict(settings).items())


def bind(host: str, port: int) -> "socket.socket":
    """The listening socket (port 0: a free one), made here so that the caller knows the port before serving."""
    import socket

    from .errors import ServerError

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as error:
        sock.close()
        raise ServerError(f"Cannot listen on {host}:{port}: {error.strerror}.") from None
    sock.listen(1024)
    return sock


def uvicorn_server(app: Starlette, settings: PublicSettings):
    import uvicorn

    config = uvicorn.Config(app, log_level="warning", access_log=False, server_header=False, timeout_keep_alive=5,
                            limit_concurrency=512,  # open connections at most; more get 503 from uvicorn itself
                            h11_max_incomplete_event_size=settings.max_request_bytes + 16 * 1024)
    return uvicorn.Server(config)


def serve_public(kg, store, host: str, port: int, settings: PublicSettings, access_log_file: str | None = None,
                 reload: bool = False) -> int:
    """Load the build into Oxigraph on loopback and serve the guarded front on host:port until SIGINT/SIGTERM.

    One process: uvicorn runs in it, Oxigraph is its child (own session, so a terminal's Ctrl-C reaches only us);
    whichever way this returns, Oxigraph is stopped."""
    import signal
    import sys

    from .server import load_store, oxigraph_version, start_server, stop_server

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    # uvicorn shuts down gracefully on SIGINT/SIGTERM and then re-raises the signal: make that an exception
    # here, not the default action (which would kill this process and leave Oxigraph running).
    signal.signal(signal.SIGINT, interrupt)
    signal.signal(signal.SIGTERM, interrupt)
    handler = logging.FileHandler(access_log_file, encoding="utf-8") if access_log_file else logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
    access_log.addHandler(handler)
    access_log.setLevel(logging.INFO)
    access_log.propagate = False

    info = load_store(kg, store, force=reload)
    sock = bind(host, port)
    oxigraph = start_server(store, timeout_s=math.ceil(settings.timeout_seconds) + 1)
    try:
        server = uvicorn_server(create_app(oxigraph.query_url, settings), settings)
        shown = f"[{host}]" if ":" in host else host
        print(f"{oxigraph_version()} behind the guarded SPARQL front: {info.triples} triples, read-only\n"
              f"  SPARQL endpoint  http://{shown}:{sock.getsockname()[1]}/sparql   (SPARQL 1.1 Protocol, CORS)\n"
              f"  limits           {settings_summary(settings)}\n"
              f"  access log       {access_log_file or 'standard error'} (one JSON object a request)\n"
              f"  Oxigraph         {oxigraph.query_url} (loopback only), PID {oxigraph.pid}\n"
              f"  PID {__import__('os').getpid()}; Ctrl-C or SIGTERM stops both", flush=True)
        server.run(sockets=[sock])
        return 0
    except KeyboardInterrupt:
        return 0
    finally:
        sock.close()
        stop_server(oxigraph)
