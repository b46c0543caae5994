"""`deepfake-kg`: a thin command line over the package. Errors print one sentence and exit 2.

This module declares the commands and their arguments; what each does is in cli_answers.py (the questions, asked
of deepfake_kg.api) and cli_operations.py (building, checking, serving and releasing the graph)."""
from __future__ import annotations

import argparse
import sys

from . import cli_answers as answers, cli_operations as operations
from .api import DESCRIBE_FORMATS, KGError, Limits, formats
from .public_limits import PublicSettings


def main(argv: list[str] | None = None) -> int:
    # A query result may hold a lone surrogate (`BIND('\uD800' AS ?x)` is legal SPARQL): write it escaped as
    # \ud800 (which is also how JSON spells it) instead of failing to encode it as UTF-8.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except KGError as error:
        print(f"deepfake-kg: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `deepfake-kg export | head`
        return 0


def _parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(prog="deepfake-kg", description="Deepfake Platform Liability Knowledge Graph.")
    parser.add_argument("--version", action="version", version=f"deepfake-kg {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_graph_commands(commands)
    _add_answer_commands(commands)
    _add_lookup_commands(commands)
    _add_sharing_commands(commands)
    return parser


def _add_graph_commands(commands) -> None:
    """Building and checking the graph."""
    build = commands.add_parser("build", help="compute the OWL-RL closure into the build cache (reused while inputs are unchanged)")
    build.add_argument("--force", action="store_true", help="rebuild even if the inputs are unchanged")
    build.add_argument("--engine", choices=["reasonable", "owlrl", "scale"],
                       help="OWL 2 RL engine: reasonable (fast, the default; proven equal to owlrl on this graph), owlrl (the "
                            "reference) or scale (DuckDB set operations, for millions of triples; docs/reasoning.md)")
    build.set_defaults(run=operations.build)

    validate = commands.add_parser("validate", help="check consistency, SHACL shapes, SPARQL checks and (with the paper) quotations")
    validate.add_argument("--paper", metavar="FILE", help="the paper's plain text, to check every quotation, offset and section "
                          "(default: $DEEPFAKE_KG_PAPER, else ../shared/source/ beside a checkout)")
    validate.set_defaults(run=operations.validate)

    passages = commands.add_parser("passages", help="locate every passage in the paper: data/passage-selectors.ttl")
    passages.add_argument("--paper", metavar="FILE", help="the paper's plain text (default: as for validate)")
    passages.add_argument("--write", action="store_true", help="write data/passage-selectors.ttl (in a checkout) "
                          "instead of printing it")
    passages.set_defaults(run=operations.passages)


def _add_answer_commands(commands) -> None:
    """A platform's duties, why, and side by side."""
    duties = commands.add_parser("duties", help="the duties of a platform that has all the given types")
    duties.add_argument("types", nargs="+", metavar="TYPE", help="an IRI, a CURIE (dfk:VideoSharingPlatform) or an English or Chinese label")
    duties.add_argument("--format", choices=["table", "json", "csv"], default="table")
    duties.add_argument("--status", choices=["all", "in-force", "undated", "proposed"], default="all",
                        help="in-force: the law binding that day; undated: duties the paper states as law whose dates are "
                             "not recorded; proposed: the author's proposals (default all)")
    _as_of(duties)
    duties.add_argument("--jurisdiction", metavar="J",
                        help="only the duties of one jurisdiction (cn, eu, us, a CURIE or a label), or none: the author's proposals")
    duties.set_defaults(run=answers.duties)

    explain = commands.add_parser("explain", help="why a duty attaches to a platform of the given types")
    explain.add_argument("duty", help="the duty: its id as `duties` shows it, a CURIE (id:duty/…), an IRI or its label")
    explain.add_argument("types", nargs="+", metavar="TYPE", help="the platform's types, as for `duties`")
    explain.add_argument("--format", choices=["table", "json"], default="table")
    _as_of(explain)
    explain.set_defaults(run=answers.explain)

    compare = commands.add_parser("compare", help="platforms side by side; with --jurisdiction, one platform's duties in each jurisdiction")
    compare.add_argument("platforms", nargs="+", metavar="PLATFORM",
                         help="a platform: its types joined by '+' (\"video-sharing platform+large leading platform\"); "
                              "with --jurisdiction, every argument is a type of the one platform")
    compare.add_argument("--jurisdiction", action="store_true",
                         help="compare one platform across China, the EU, the US and the UK (conditional duties named with what decides them)")
    compare.add_argument("--dates", nargs="+", metavar="YYYY-MM-DD",
                         help="compare one platform on two to six days: each duty's status and the text it rests on, "
                              "day by day, what changed first (every argument is then a type of the one platform)")
    compare.add_argument("--format", choices=["table", "json", "csv"], default="table")
    _as_of(compare)
    compare.set_defaults(run=answers.compare)

    timeline = commands.add_parser("timeline", help="per platform type, its duties by date (with their provisions)")
    timeline.add_argument("types", nargs="+", metavar="TYPE")
    timeline.add_argument("--format", choices=["table", "json", "csv"], default="table")
    timeline.set_defaults(run=answers.timeline)


def _add_lookup_commands(commands) -> None:
    """What there is to ask about, SPARQL, scenarios and single resources."""
    types = commands.add_parser("types", help="list the platform types along their dimensions")
    types.add_argument("--format", choices=["table", "json"], default="table")
    types.set_defaults(run=answers.types)

    examples = commands.add_parser("examples", help="list the ready example platforms and their types")
    examples.add_argument("--format", choices=["table", "json"], default="table")
    examples.set_defaults(run=answers.examples)

    queries = commands.add_parser("queries", help="list the named queries (competency questions) with their titles")
    queries.add_argument("--format", choices=["table", "json"], default="table")
    queries.set_defaults(run=answers.queries)

    query = commands.add_parser("query", help="run SPARQL on the built graph or on a remote endpoint")
    query.add_argument("source", metavar="FILE|-|NAME", help="a .rq file, - for standard input, or the name of a query in queries/")
    query.add_argument("--format", choices=["table", "json", "csv"], default="table")
    query.add_argument("--endpoint", metavar="URL", help="a SPARQL 1.1 endpoint to query instead of the embedded graph")
    query.add_argument("--timeout", type=float, default=Limits.timeout_seconds,
                       help=f"{Limits.help('timeout_seconds')} (default {Limits.timeout_seconds:g})")
    query.add_argument("--max-rows", type=int, default=Limits.max_rows,
                       help=f"{Limits.help('max_rows')} (default {Limits.max_rows})")
    query.add_argument("--as-of", metavar="DATE", default=None,
                       help="for a query that takes a date (VALUES ?asOf { ... }): the day to ask about, YYYY-MM-DD")
    query.set_defaults(run=answers.query)

    assess = commands.add_parser("assess", help="assess a scenario under today's law and under the paper's proposals")
    assess.add_argument("scenario", metavar="FILE|NAME", help="a .yaml, .json or .ttl scenario, or the name of one in scenarios/")
    assess.add_argument("--format", choices=["table", "json"], default="table")
    _as_of(assess)
    assess.set_defaults(run=answers.assess)

    describe = commands.add_parser("describe", help="the concise bounded description of one resource (to link it)")
    describe.add_argument("iri", metavar="IRI", help="an IRI, a CURIE (dfk:Duty, id:case/qvod) or a path such as instrument/eu-gdpr")
    describe.add_argument("--format", choices=DESCRIBE_FORMATS, default="ttl")
    describe.add_argument("--inferred", action="store_true", help="include the inferred triples about it")
    describe.set_defaults(run=answers.describe)


def _add_sharing_commands(commands) -> None:
    """Taking the graph elsewhere: an RDF file, a SPARQL endpoint, a release, the app."""
    export = commands.add_parser("export", help="write the graph in an RDF format to standard output")
    export.add_argument("--format", choices=[f.name for f in formats()], default="ttl",
                        help="; ".join(f"{f.name}: {f.display}" for f in formats()))
    export.add_argument("--inferred", action="store_true", help="include the inferred triples")
    export.set_defaults(run=answers.export)

    serve = commands.add_parser("serve", help="load the graph into Oxigraph and serve SPARQL read-only on 127.0.0.1")
    serve.add_argument("--port", type=int, default=7878, help="TCP port on 127.0.0.1 (default 7878)")
    serve.add_argument("--store", metavar="DIR", help="Oxigraph store directory (default: oxigraph/ in the build cache)")
    serve.add_argument("--timeout", type=float,
                       help="per-query limit in seconds: Oxigraph's own, soft (default 30); with --public, hard "
                            f"(default {PublicSettings.timeout_seconds:g})")
    serve.add_argument("--reload", action="store_true", help="reload the store even if it holds the current build")
    public = serve.add_argument_group("public endpoint (--public)")
    public.add_argument("--public", action="store_true",
                        help="serve a guarded SPARQL 1.1 Protocol front (no SERVICE, no updates, hard limits) on --host:--port, "
                             "with Oxigraph on a loopback port behind it")
    public.add_argument("--host", default="127.0.0.1", help="address the public front listens on (default 127.0.0.1; 0.0.0.0 for every interface)")
    # The defaults are the public endpoint's own (PublicSettings, documented in SECURITY.md), declared once.
    limits = PublicSettings()
    public.add_argument("--max-rows", type=int, default=limits.max_rows,
                        help=f"rows or triples per answer at most (default {limits.max_rows})")
    public.add_argument("--rate-limit", type=float, default=limits.rate_per_minute, metavar="N",
                        help=f"requests a minute per client address (default {limits.rate_per_minute:g})")
    public.add_argument("--burst", type=int, default=limits.burst,
                        help=f"requests a client may make at once before the rate applies (default {limits.burst})")
    public.add_argument("--client-concurrency", type=int, default=limits.per_client_concurrency, metavar="N",
                        help=f"queries one client address may run at once (default {limits.per_client_concurrency})")
    public.add_argument("--access-log", metavar="FILE", help="append the access log here (default: standard error)")
    serve.set_defaults(run=operations.serve)

    publish = commands.add_parser("publish", help="PUT the asserted and inferred graphs into a SPARQL Graph Store Protocol endpoint")
    publish.add_argument("--endpoint", metavar="URL", required=True,
                         help="the Graph Store endpoint, e.g. http://127.0.0.1:7878/store (Oxigraph) or http://HOST:3030/DATASET/data (Fuseki)")
    publish.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for each request (default 30)")
    publish.set_defaults(run=operations.publish)

    release = commands.add_parser("release", help="write dist/: the graphs in four formats, VoID/DCAT, JSON-LD context, HTML docs")
    release.add_argument("--out", metavar="DIR", help="output directory (default dist/)")
    release.add_argument("--sparql-endpoint", metavar="URL", default="http://127.0.0.1:7878/query",
                         help="the SPARQL endpoint named in void.ttl (default: what `deepfake-kg serve` starts)")
    release.add_argument("--no-docs", action="store_true", help="skip the pyLODE HTML documentation")
    release.set_defaults(run=operations.release)

    app = commands.add_parser("app", help="start the Streamlit explorer on the embedded graph")
    app.add_argument("--port", type=int, default=8501)
    app.add_argument("--address", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    app.set_defaults(run=operations.app)


def _as_of(command) -> None:
    command.add_argument("--as-of", metavar="DATE", default=None,
                         help="the day to answer for, YYYY-MM-DD (default today): the law in force that day")


if __name__ == "__main__":
    sys.exit(main())
