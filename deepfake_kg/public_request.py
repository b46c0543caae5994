"""Reading a SPARQL 1.1 Protocol query request (GET, form POST or direct POST) within the public endpoint's
limits, and choosing the answer's format from `format=` or the Accept header."""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs

from starlette.requests import Request

from . import result_formats
from .public_limits import PublicSettings, Refusal

SELECT_FORMATS = result_formats.MEDIA_TYPES  # json, xml, csv, tsv
GRAPH_FORMATS = {"turtle": "text/turtle", "ntriples": "application/n-triples", "jsonld": "application/ld+json"}
_ALIASES = {"json": "json", "srj": "json", "xml": "xml", "srx": "xml", "csv": "csv", "tsv": "tsv", "ttl": "turtle",
            "turtle": "turtle", "nt": "ntriples", "ntriples": "ntriples", "n-triples": "ntriples", "jsonld": "jsonld",
            "json-ld": "jsonld"}
_EXTRA_MEDIA = {"application/json": ("json", "jsonld"), "text/xml": ("xml", None), "application/xml": ("xml", None),
                "text/plain": (None, "ntriples"), "text/n3": (None, "turtle")}


_ABSOLUTE_IRI = re.compile(r'[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>"{}|^`\\]*')


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

