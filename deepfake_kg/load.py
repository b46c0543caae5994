"""Read the ontology and data files into rdflib graphs, with errors that name the file and line."""
from __future__ import annotations

import re
from pathlib import Path

from rdflib import Graph

from .errors import DataFileError
from .formats import for_suffix, readable_suffixes
from .namespaces import bind_prefixes
from .paths import source_files

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_LINE_CHARS = 100_000  # rdflib's parsers go quadratic on very long lines


def read_text(path: Path, max_bytes: int, error: type[Exception] = DataFileError) -> str:
    """A file someone else wrote, as text: size-capped, UTF-8 (a byte-order mark is allowed)."""
    try:
        raw = path.read_bytes()
    except OSError as problem:
        raise error(f"{path}: cannot be read ({problem.strerror})") from None
    if len(raw) > max_bytes:
        raise error(f"{path}: {len(raw)} bytes is over the {max_bytes}-byte limit")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as problem:
        raise error(f"{path}: not valid UTF-8 at byte {problem.start}") from None


def parse_file(path: Path, graph: Graph | None = None, base: str | None = None) -> Graph:
    """Parse an RDF file someone else wrote; relative IRIs resolve against `base` (default: the file's URI)."""
    graph = Graph() if graph is None else graph
    # The format comes from the suffix, never guessed from content (formats.py; JSON-LD is not read from files).
    found = for_suffix(path.suffix)
    if found is None:
        raise DataFileError(f"{path}: unsupported file type {path.suffix!r} (use {', '.join(readable_suffixes())})")
    fmt = found.rdflib
    text = read_text(path, MAX_FILE_BYTES)
    for number, line in enumerate(text.splitlines(), 1):
        if len(line) > MAX_LINE_CHARS:
            raise DataFileError(f"{path}, line {number}: longer than {MAX_LINE_CHARS} characters")
    if fmt == "xml" and re.search(r"<!(DOCTYPE|ENTITY)", text):
        # expat expands internal entities: a "billion laughs" file costs minutes of CPU before it stops.
        raise DataFileError(f"{path}: XML document type declarations and entities are not accepted")
    try:
        graph.parse(data=text, format=fmt, publicID=base or path.resolve().as_uri())
    except RecursionError as error:
        raise DataFileError(f"{path}: nested too deeply to parse") from error
    except Exception as error:  # rdflib raises several unrelated types for syntax errors
        where, reason = _where_and_why(error, text, fmt)
        raise DataFileError(f"{path}{where}: {reason}") from error
    _reject_what_rdf_forbids(graph, path)
    return graph


# Characters RFC 3987 forbids in an IRI; rdflib parses them with a warning and fails later, on export.
_INVALID_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')
# A lone surrogate is no Unicode character: rdflib reads `"\uD800"` and then cannot write the graph as UTF-8.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _reject_what_rdf_forbids(graph: Graph, path: Path) -> None:
    """What rdflib reads without complaint but is not RDF (the W3C syntax tests' negative cases)."""
    from rdflib import BNode, URIRef

    nodes = graph.quads((None, None, None, None)) if hasattr(graph, "quads") else ((*t, None) for t in graph)
    for s, p, o, g in nodes:
        for node in (s, p, o):
            if isinstance(node, URIRef) and _INVALID_IRI.search(str(node)):
                raise DataFileError(f"{path}: invalid IRI <{_escaped(node)}>")
            if _SURROGATE.search(str(node)):
                raise DataFileError(f"{path}: {_escaped(node)!r} holds a lone surrogate, which is not a Unicode character")
        if not isinstance(s, (URIRef, BNode)):
            raise DataFileError(f"{path}: the literal {_escaped(s)!r} is used as a subject; RDF allows only IRIs and blank nodes there")
        if not isinstance(p, URIRef):
            raise DataFileError(f"{path}: {_escaped(p)!r} is used as a predicate; RDF allows only IRIs there")


def _escaped(node) -> str:
    return str(node)[:80].encode("unicode_escape").decode("ascii")


def load_sources(files: list[Path] | None = None) -> Graph:
    """The asserted graph: ontology plus data, exactly as written."""
    graph = Graph()
    for path in files if files is not None else source_files():
        parse_file(path, graph)
    bind_prefixes(graph)
    return graph


def _where_and_why(error: Exception, text: str, fmt: str) -> tuple[str, str]:
    """Where a syntax error is (", line N", 1-based) and rdflib's reason for it, whichever parser raised it."""
    from xml.sax import SAXParseException

    from rdflib.plugins.parsers.notation3 import BadSyntax

    if isinstance(error, BadSyntax):
        # Turtle and TriG: `lines` counts the newlines before the error (0-based); the reason is in `_why`,
        # while str(error) starts with "at line N of <>:" and puts the reason on a later line.
        return f", line {error.lines + 1}", error._why or "syntax error"
    if isinstance(error, SAXParseException):
        return f", line {error.getLineNumber()}, column {error.getColumnNumber()}", error.getMessage()
    reason = _first_line(error).rstrip(":")
    if fmt in ("nt", "nquads"):
        # The line-based parsers name the bad line's text but not its number: find it by parsing line by line.
        line = _first_bad_line(text, fmt)
        return (f", line {line}" if line else ""), reason
    return "", reason


def _first_bad_line(text: str, fmt: str) -> int | None:
    from rdflib import Dataset

    for number, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("#"):
            try:
                Dataset().parse(data=line, format=fmt)
            except Exception:
                return number
    return None


def _first_line(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__
