"""The CLI's answer commands: each asks deepfake_kg.api one question and prints the answer as a table, JSON or
CSV (deepfake_kg/render.py). The arguments are declared in deepfake_kg/cli.py."""
from __future__ import annotations

import json
import sys

from . import api, render
from .api import Limits


def duties(args) -> int:
    rows = api.duties_for(args.types, status=args.status, jurisdiction=args.jurisdiction, as_of=args.as_of)
    print(render.duties_text(rows, args.format))
    return 0


def explain(args) -> int:
    result = api.explain(args.duty, args.types, as_of=args.as_of)
    print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) if args.format == "json" else render.explanation_text(result))
    return 0


def compare(args) -> int:
    if args.dates or args.jurisdiction:  # one platform: every argument is one of its types
        if args.dates and (args.jurisdiction or args.as_of):
            raise api.KGError("--dates compares one platform on the days it names: it takes neither --as-of nor "
                              "--jurisdiction.")
        types = [t.strip() for arg in args.platforms for t in arg.split("+") if t.strip()]
        result = api.compare_dates(types, args.dates) if args.dates else api.compare_jurisdictions(types, as_of=args.as_of)
        print({"json": result.to_json, "csv": result.to_csv}.get(args.format, result.to_text)())
        return 0
    platforms = [[t.strip() for t in arg.split("+") if t.strip()] for arg in args.platforms]
    matrix = api.compare(platforms, as_of=args.as_of)
    if args.format == "json":
        print(matrix.to_json())
    elif args.format == "csv":
        print(matrix.to_csv(), end="")
    else:
        print(render.table(["status", "duty", *(c.name for c in matrix.columns)],
                           [[r.status, r.label, *("yes" if p else "" for p in r.present)] for r in matrix.rows]))
    return 0


def timeline(args) -> int:
    result = api.timeline(args.types)
    print({"json": result.to_json, "csv": result.to_csv}.get(args.format, result.to_text)(), end="\n" if args.format == "table" else "")
    return 0


def types(args) -> int:
    print(render.types_text(api.platform_types(), args.format))
    return 0


def examples(args) -> int:
    print(render.examples_text(api.examples(), args.format))
    return 0


def queries(args) -> int:
    print(render.queries_text(api.named_queries(), args.format))
    return 0


def query(args) -> int:
    limits = Limits(timeout_seconds=args.timeout, max_rows=args.max_rows)
    result = api.query(_query_text(args.source), endpoint=args.endpoint, limits=limits, as_of=args.as_of)
    print(render.query_text(result, args.format))
    if result.notice:
        print(result.notice, file=sys.stderr)
    return 0


def _query_text(source: str) -> str:
    """A query given as a file path, '-' for standard input, or the name of a query in queries/."""
    from pathlib import Path

    if source == "-":
        return sys.stdin.read()
    if Path(source).is_file():
        return Path(source).read_text(encoding="utf-8")
    try:
        return api.named_query(source).text
    except api.QueryError:
        raise api.QueryError(f"No query file {source!r} (and no named query of that name: `deepfake-kg queries` lists them).") from None


def export(args) -> int:
    sys.stdout.write(api.export(args.format, args.inferred))
    return 0


def assess(args) -> int:
    result = api.assess(args.scenario, as_of=args.as_of)
    print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) if args.format == "json" else render.assessment_text(result))
    return 0


def describe(args) -> int:
    print(api.describe(args.iri, args.format, inferred=args.inferred))
    return 0
