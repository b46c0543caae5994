"""Which SPARQL the public query path accepts: read-only forms, no federation, no fetching, bounded size.

Every refusal is one sentence saying why. The checks walk rdflib's parsed algebra, so SERVICE is found in any
spelling and at any depth (subqueries, FILTER EXISTS, MINUS, OPTIONAL).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, fields

from pyparsing import ParseException, ParseResults
from rdflib import Variable
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from .errors import QueryError, QueryNotAllowed, QueryTooLarge
from .sparql_messages import syntax_error

SERVICE_REFUSED = "SERVICE is not allowed: queries cannot reach other endpoints or the network."
FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT", "DescribeQuery": "DESCRIBE"}


def _setting(default, help: str):
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Limits:
    """The settings of the public query path. Each carries its help text: the CLI's flags and the app take their
    defaults and descriptions from here, and SECURITY.md documents each (tests/test_guard.py checks it)."""
    max_query_chars: int = _setting(20_000, "size of the query text, in characters")
    max_nesting: int = _setting(40, "depth of nested brackets and braces in the query")
    timeout_seconds: float = _setting(10.0, "seconds of wall-clock time before the query is stopped")
    max_rows: int = _setting(10_000, "rows (or triples) returned at most; more are cut off with a notice")
    memory_mb: int = _setting(1024, "megabytes of extra memory the query process may use")

    @classmethod
    def help(cls, name: str) -> str:
        return next(f.metadata["help"] for f in fields(cls) if f.name == name)

    @classmethod
    def settings(cls) -> list[tuple[str, object, str]]:
        """(name, default, help) of every setting."""
        return [(f.name, f.default, f.metadata["help"]) for f in fields(cls)]


@dataclass(frozen=True)
class CheckedQuery:
    text: str
    form: str


def check_query(text: str, limits: Limits = Limits()) -> CheckedQuery:
    if not text or not text.strip():
        raise QueryError("The query is empty.")
    if len(text) > limits.max_query_chars:
        raise QueryTooLarge(f"The query is {len(text)} characters long; the limit is {limits.max_query_chars}.")
    depth = _bracket_depth(text)
    if depth > limits.max_nesting:
        raise QueryTooLarge(f"The query nests {depth} levels deep; the limit is {limits.max_nesting}.")
    try:
        parsed = parseQuery(text)
    except ParseException as error:
        if _is_update(text):
            raise QueryNotAllowed("Updates (INSERT, DELETE, LOAD, CLEAR, …) are not allowed: this endpoint is read-only.") from None
        raise QueryError(syntax_error(text, error)) from None
    except RecursionError:
        # Not the max_nesting limit: rdflib's parser (pyparsing) recurses dozens of frames per bracket and per
        # "."-separated triple pattern, and runs out of Python's recursion depth first on about 25 nested
        # parentheses or 85 triple patterns in one group; it never ends on a SERVICE nested in a SERVICE.
        if re.search(r"(?<![\w:])SERVICE\b", _strip_literals(text), re.I):
            raise QueryNotAllowed(SERVICE_REFUSED) from None
        raise QueryError(f"rdflib's SPARQL parser ran out of recursion depth on this query ({depth} levels of "
                         "nested brackets): it manages about 25 nested parentheses and 85 triple patterns in one "
                         "group; nest less, or share subjects with ';'.") from None
    except Exception as error:  # rdflib raises plain Exceptions for some malformed input
        raise QueryError(f"The query could not be parsed: {error}.") from None
    body = parsed[1]  # parsed[0] is the prologue (PREFIX, BASE)
    form = FORMS.get(body.name)
    if form is None:
        raise QueryNotAllowed(f"Only SELECT, ASK, CONSTRUCT and DESCRIBE queries are allowed, not {body.name}.")
    if "datasetClause" in body:
        raise QueryNotAllowed("FROM and FROM NAMED are not allowed: queries run on this graph only and fetch nothing.")
    if _contains(body, "ServiceGraphPattern"):
        raise QueryNotAllowed(SERVICE_REFUSED)
    for node in _nodes(body):
        if node.name in ("SelectQuery", "SubSelect"):
            _check_projection(node)
        elif node.name in ("InlineData", "ValuesClause"):
            _check_values(node)
    return CheckedQuery(text, form)


def _is_update(text: str) -> bool:
    try:
        parseUpdate(text)
        return True
    except Exception:
        return bool(re.search(r"\b(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY)\b", text, re.I))


def _contains(node, name: str) -> bool:
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            if item.name == name:
                return True
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
    return False


def _nodes(root):
    """Every CompValue in a parse tree."""
    stack = [root]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            yield item
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)):
            stack.extend(item)


def _variables_outside_aggregates(expression) -> set[str]:
    # EXISTS patterns are skipped: their own variables need no grouping (only correlated ones would).
    found, stack = set(), [expression]
    while stack:
        item = stack.pop()
        if isinstance(item, Variable):
            found.add(str(item))
        elif isinstance(item, CompValue):
            if not item.name.startswith("Aggregate_") and item.name not in ("Builtin_EXISTS", "Builtin_NOTEXISTS"):
                stack.extend(item.values())
        elif isinstance(item, (list, tuple)):
            stack.extend(item)
    return found


def _check_projection(select: CompValue) -> None:
    """SPARQL 1.1 §18.2.4.1 and §18.5, which rdflib's parser does not check: with GROUP BY or an aggregate, a
    SELECT may project only grouped variables and aggregates (rdflib would answer with an arbitrary value), and
    a SELECT clause may not bind one variable twice."""
    projection = select["projection"] if "projection" in select else None
    bound: list[str] = []
    for item in projection or []:
        name = str(item["evar"]) if "evar" in item else None
        if name is not None and (name in bound or any(str(i.get("var")) == name for i in projection if "var" in i)):
            raise QueryError(f"The SELECT clause binds ?{name} twice.")
        bound.append(name or str(item["var"]))
    aggregates = any(n.name.startswith("Aggregate_") for item in projection or [] for n in _nodes(item))
    if "groupby" not in select and not aggregates and not ("having" in select):
        return
    if projection is None:
        raise QueryError("SELECT * cannot be used with GROUP BY or aggregates: name the grouped variables and aggregates.")
    grouped = set()
    for condition in select["groupby"]["condition"] if "groupby" in select else []:
        if isinstance(condition, Variable):
            grouped.add(str(condition))
        elif isinstance(condition, CompValue) and "var" in condition:
            grouped.add(str(condition["var"]))
    earlier: set[str] = set()
    for item in projection:
        used = {str(item["var"])} if "var" in item else _variables_outside_aggregates(item["expr"])
        loose = sorted(used - grouped - earlier)
        if loose:
            raise QueryError(f"?{loose[0]} is projected but neither grouped nor inside an aggregate: add it to GROUP BY "
                             f"or wrap it in SAMPLE(?{loose[0]}).")
        earlier.add(str(item["evar"]) if "evar" in item else str(item["var"]))


def _check_values(values: CompValue) -> None:
    width = len(values["var"]) if "var" in values else 0
    for row in values["value"] if "value" in values else []:
        if isinstance(row, (list, tuple, ParseResults)) and len(row) != width:
            raise QueryError(f"A VALUES row has {len(row)} value{'' if len(row) == 1 else 's'} for {width} variable{'' if width == 1 else 's'}.")


def _strip_literals(text: str) -> str:
    """The query without its strings, IRIs and comments (which may hold brackets or keywords)."""
    return re.sub(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>\s]*>|#[^\n]*', "", text)


def _bracket_depth(text: str) -> int:
    depth = deepest = 0
    for char in _strip_literals(text):
        if char in "({[":
            depth += 1
            deepest = max(deepest, depth)
        elif char in ")}]":
            depth -= 1
    return deepest
