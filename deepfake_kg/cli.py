"""`deepfake-kg`: a thin command line over the package. Errors print one sentence and exit 2."""
from __future__ import annotations

import argparse
import json
import sys
import time

from . import api, render
from .api import DESCRIBE_FORMATS, KGError, Limits, formats


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
    _add_sharing_commands(commands)
    return parser


def _add_graph_commands(commands) -> None:
    """Building and checking the graph."""
    build = commands.add_parser("build", help="compute the OWL-RL closure into the build cache (reused while inputs are unchanged)")
    build.add_argument("--force", action="store_true", help="rebuild even if the inputs are unchanged")
    build.add_argument("--engine", choices=["reasonable", "owlrl"],
                       help="OWL 2 RL engine: reasonable (fast, the default; proven equal to owlrl on this graph) or owlrl (the reference)")
    build.set_defaults(run=_build)

    validate = commands.add_parser("validate", help="check consistency, SHACL shapes, SPARQL checks and (with the paper) quotations")
    validate.add_argument("--paper", metavar="FILE", help="the paper's plain text, to check every quotation, offset and section "
                          "(default: $DEEPFAKE_KG_PAPER, else ../shared/source/ beside a checkout)")
    validate.set_defaults(run=_validate)

    passages = commands.add_parser("passages", help="locate every passage in the paper: data/passage-selectors.ttl")
    passages.add_argument("--paper", metavar="FILE", help="the paper's plain text (default: as for validate)")
    passages.add_argument("--write", action="store_true", help="write data/passage-selectors.ttl (in a checkout) "
                          "instead of printing it")
    passages.set_defaults(run=_passages)


def _add_answer_commands(commands) -> None:
    """The questions the graph answers."""
    duties = commands.add_parser("duties", help="the duties of a platform that has all the given types")
    duties.add_argument("types", nargs="+", metavar="TYPE", help="an IRI, a CURIE (dfk:VideoSharingPlatform) or an English or Chinese label")
    duties.add_argument("--format", choices=["table", "json", "csv"], default="table")
    duties.add_argument("--status", choices=["all", "in-force", "proposed"], default="all")
    _as_of(duties)
    duties.add_argument("--jurisdiction", metavar="J",
                        help="only the duties of one jurisdiction (cn, eu, us, a CURIE or a label), or none: the author's proposals")
    duties.set_defaults(run=_duties)

    explain = commands.add_parser("explain", help="why a duty attaches to a platform of the given types")
    explain.add_argument("duty", help="the duty: its id as `duties` shows it, a CURIE (id:duty/…), an IRI or its label")
    explain.add_argument("types", nargs="+", metavar="TYPE", help="the platform's types, as for `duties`")
    explain.add_argument("--format", choices=["table", "json"], default="table")
    _as_of(explain)
    explain.set_defaults(run=_explain)

    compare = commands.add_parser("compare", help="platforms side by side; with --jurisdiction, one platform's duties in each jurisdiction")
    compare.add_argument("platforms", nargs="+", metavar="PLATFORM",
                         help="a platform: its types joined by '+' (\"video-sharing platform+large leading platform\"); "
                              "with --jurisdiction, every argument is a type of the one platform")
    compare.add_argument("--jurisdiction", action="store_true",
                         help="compare one platform across China, the EU, the US and the UK (conditional duties named with what decides them)")
    compare.add_argument("--format", choices=["table", "json", "csv"], default="table")
    _as_of(compare)
    compare.set_defaults(run=_compare)

    timeline = commands.add_parser("timeline", help="per platform type, its duties by date (with their provisions)")
    timeline.add_argument("types", nargs="+", metavar="TYPE")
    timeline.add_argument("--format", choices=["table", "json", "csv"], default="table")
    timeline.set_defaults(run=_timeline)

    types = commands.add_parser("types", help="list the platform types along their dimensions")
    types.add_argument("--format", choices=["table", "json"], default="table")
    types.set_defaults(run=_types)

    examples = commands.add_parser("examples", help="list the ready example platforms and their types")
    examples.add_argument("--format", choices=["table", "json"], default="table")
    examples.set_defaults(run=_examples)

    queries = commands.add_parser("queries", help="list the named queries (competency questions) with their titles")
    queries.add_argument("--format", choices=["table", "json"], default="table")
    queries.set_defaults(run=_queries)

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
    query.set_defaults(run=_query)

    assess = commands.add_parser("assess", help="assess a scenario under today's law and under the paper's proposals")
    assess.add_argument("scenario", metavar="FILE|NAME", help="a .yaml, .json or .ttl scenario, or the name of one in scenarios/")
    assess.add_argument("--format", choices=["table", "json"], default="table")
    _as_of(assess)
    assess.set_defaults(run=_assess)

    describe = commands.add_parser("describe", help="the concise bounded description of one resource (to link it)")
    describe.add_argument("iri", metavar="IRI", help="an IRI, a CURIE (dfk:Duty, id:case/qvod) or a path such as instrument/eu-gdpr")
    describe.add_argument("--format", choices=DESCRIBE_FORMATS, default="ttl")
    describe.add_argument("--inferred", action="store_true", help="include the inferred triples about it")
    describe.set_defaults(run=_describe)


def _add_sharing_commands(commands) -> None:
    """Taking the graph elsewhere: an RDF file, a SPARQL endpoint, a release, the app."""
    export = commands.add_parser("export", help="write the graph in an RDF format to standard output")
    export.add_argument("--format", choices=[f.name for f in formats()], default="ttl",
                        help="; ".join(f"{f.name}: {f.display}" for f in formats()))
    export.add_argument("--inferred", action="store_true", help="include the inferred triples")
    export.set_defaults(run=_export)

    serve = commands.add_parser("serve", help="load the graph into Oxigraph and serve SPARQL read-only on 127.0.0.1")
    serve.add_argument("--port", type=int, default=7878, help="TCP port on 127.0.0.1 (default 7878)")
    serve.add_argument("--store", metavar="DIR", help="Oxigraph store directory (default: oxigraph/ in the build cache)")
    serve.add_argument("--timeout", type=float,
                       help="per-query limit in seconds: Oxigraph's own, soft (default 30); with --public, hard (default 10)")
    serve.add_argument("--reload", action="store_true", help="reload the store even if it holds the current build")
    public = serve.add_argument_group("public endpoint (--public)")
    public.add_argument("--public", action="store_true",
                        help="serve a guarded SPARQL 1.1 Protocol front (no SERVICE, no updates, hard limits) on --host:--port, "
                             "with Oxigraph on a loopback port behind it")
    public.add_argument("--host", default="127.0.0.1", help="address the public front listens on (default 127.0.0.1; 0.0.0.0 for every interface)")
    public.add_argument("--max-rows", type=int, default=10_000, help="rows or triples per answer at most (default 10000)")
    public.add_argument("--rate-limit", type=float, default=60.0, metavar="N", help="requests a minute per client address (default 60)")
    public.add_argument("--burst", type=int, default=20, help="requests a client may make at once before the rate applies (default 20)")
    public.add_argument("--client-concurrency", type=int, default=2, metavar="N", help="queries one client address may run at once (default 2)")
    public.add_argument("--access-log", metavar="FILE", help="append the access log here (default: standard error)")
    serve.set_defaults(run=_serve)

    publish = commands.add_parser("publish", help="PUT the asserted and inferred graphs into a SPARQL Graph Store Protocol endpoint")
    publish.add_argument("--endpoint", metavar="URL", required=True,
                         help="the Graph Store endpoint, e.g. http://127.0.0.1:7878/store (Oxigraph) or http://HOST:3030/DATASET/data (Fuseki)")
    publish.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for each request (default 30)")
    publish.set_defaults(run=_publish)

    release = commands.add_parser("release", help="write dist/: the graphs in four formats, VoID/DCAT, JSON-LD context, HTML docs")
    release.add_argument("--out", metavar="DIR", help="output directory (default dist/)")
    release.add_argument("--sparql-endpoint", metavar="URL", default="http://127.0.0.1:7878/query",
                         help="the SPARQL endpoint named in void.ttl (default: what `deepfake-kg serve` starts)")
    release.add_argument("--no-docs", action="store_true", help="skip the pyLODE HTML documentation")
    release.set_defaults(run=_release)

    app = commands.add_parser("app", help="start the Streamlit explorer on the embedded graph")
    app.add_argument("--port", type=int, default=8501)
    app.add_argument("--address", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    app.set_defaults(run=_app)


def _as_of(command) -> None:
    command.add_argument("--as-of", metavar="DATE", default=None,
                         help="the day to answer for, YYYY-MM-DD (default today): the law in force that day")


def _build(args) -> int:
    from .paths import BUILD_DIR  # where this run builds (a per-user cache outside a checkout)

    started = time.perf_counter()
    kg = api.build(force=args.force, engine=args.engine)
    m = kg.manifest
    print(f"{m['asserted_triples']} asserted and {m['inferred_triples']} inferred triples "
          f"(OWL-RL with {m['engine']}: {m['reasoning_seconds']} s) in {BUILD_DIR} "
          f"[{time.perf_counter() - started:.2f} s this run]")
    return 0


def _validate(args) -> int:
    report = api.validate(paper=args.paper)
    for problem in report.problems:
        print(problem)
    for warning in report.warnings:
        print(f"warning: {warning}")
    print(report.paper_line())
    verdict = "valid" if report.ok else f"{len(report.problems)} problems"
    quotations = f"{report.quotations} quotations checked" if report.paper else "quotations not checked"
    print(f"consistent (OWL-RL); {quotations}; {verdict}")
    return 0 if report.ok else 1


def _passages(args) -> int:
    from .build import get_kg
    from .errors import KGError
    from .paper import NOT_CHECKED, read_paper
    from .passages import selectors_turtle, write_selectors
    from .paths import IN_CHECKOUT, PASSAGE_SELECTORS_FILE, paper_file

    found = paper_file(args.paper)
    if found is None:
        raise KGError("The passages cannot be located without the paper: " + NOT_CHECKED.split(": ", 1)[1])
    paper, graph = read_paper(found), get_kg().asserted
    if not args.write:
        sys.stdout.write(selectors_turtle(graph, paper))
        return 0
    if not IN_CHECKOUT:
        raise KGError("--write changes data/ of a checkout; this is an installed package (print the file instead).")
    count = write_selectors(graph, paper, PASSAGE_SELECTORS_FILE)
    print(f"{count} passages located in {paper.path}; wrote {PASSAGE_SELECTORS_FILE}")
    return 0


def _duties(args) -> int:
    rows = api.duties_for(args.types, status=args.status, jurisdiction=args.jurisdiction, as_of=args.as_of)
    print(render.duties_text(rows, args.format))
    return 0


def _explain(args) -> int:
    result = api.explain(args.duty, args.types, as_of=args.as_of)
    print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) if args.format == "json" else render.explanation_text(result))
    return 0


def _compare(args) -> int:
    if args.jurisdiction:
        types = [t.strip() for arg in args.platforms for t in arg.split("+") if t.strip()]
        result = api.compare_jurisdictions(types, as_of=args.as_of)
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


def _timeline(args) -> int:
    result = api.timeline(args.types)
    print({"json": result.to_json, "csv": result.to_csv}.get(args.format, result.to_text)(), end="\n" if args.format == "table" else "")
    return 0


def _types(args) -> int:
    print(render.types_text(api.platform_types(), args.format))
    return 0


def _examples(args) -> int:
    print(render.examples_text(api.examples(), args.format))
    return 0


def _queries(args) -> int:
    print(render.queries_text(api.named_queries(), args.format))
    return 0


def _query(args) -> int:
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


def _export(args) -> int:
    sys.stdout.write(api.export(args.format, args.inferred))
    return 0


def _assess(args) -> int:
    result = api.assess(args.scenario, as_of=args.as_of)
    print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) if args.format == "json" else render.assessment_text(result))
    return 0


def _describe(args) -> int:
    print(api.describe(args.iri, args.format, inferred=args.inferred))
    return 0


def _serve(args) -> int:
    import signal
    from pathlib import Path

    from .build import get_kg
    from .server import DEFAULT_STORE, load_store, oxigraph_version, start_server, stop_server

    if args.public:
        from .public_endpoint import PublicSettings, serve_public

        settings = PublicSettings(timeout_seconds=args.timeout or 10.0, max_rows=args.max_rows,
                                  rate_per_minute=args.rate_limit, burst=args.burst,
                                  per_client_concurrency=args.client_concurrency)
        store = Path(args.store) if args.store else DEFAULT_STORE
        return serve_public(get_kg(), store, args.host, args.port, settings, args.access_log, args.reload)

    # Stop the server on Ctrl-C or a plain `kill` alike (it runs in its own session, so neither reaches it),
    # also when started in the background, where the shell leaves SIGINT ignored.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _interrupt)
    store = Path(args.store) if args.store else DEFAULT_STORE
    info = load_store(get_kg(), store, force=args.reload)
    loaded = "reused" if info.reused else f"loaded in {info.load_seconds:.2f} s"
    server = start_server(store, args.port, timeout_s=args.timeout or 30.0)
    try:
        print(f"{oxigraph_version()}: {info.triples} triples ({loaded}) in {store}, read-only\n"
              f"  SPARQL endpoint  {server.query_url}   (default graph = union of the named graphs)\n"
              f"  named graphs     {', '.join(f'<{g}> ({n})' for g, n in info.graphs.items())}\n"
              f"  PID {server.pid}; Ctrl-C stops it", flush=True)
        code = server.process.wait()
        print(f"deepfake-kg: Oxigraph stopped by itself (exit code {code}).", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        # A second Ctrl-C or SIGTERM must not interrupt the stopping itself and leave Oxigraph running.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        stop_server(server)


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def _publish(args) -> int:
    for done in api.publish(args.endpoint, args.timeout):
        print(f"PUT <{done.graph}>: {done.triples} triples, HTTP {done.status}, {done.seconds:.2f} s")
    return 0


def _release(args) -> int:
    from pathlib import Path

    started = time.perf_counter()
    files = api.release(out=Path(args.out) if args.out else None, sparql_endpoint=args.sparql_endpoint, docs=not args.no_docs)
    for released in files:
        triples = f"{released.triples} triples" if released.triples else ""
        print(f"  {released.path.name:18} {released.bytes:>10,} bytes  {triples}")
    print(f"{len(files)} files in {files[0].path.parent} [{time.perf_counter() - started:.1f} s]")
    return 0


def _app(args) -> int:
    import os

    from .paths import UI_DIR

    app = UI_DIR / "app.py"
    if not app.is_file():
        raise KGError(f"The explorer is not there ({app}): a broken checkout or installation.")
    command = [sys.executable, "-m", "streamlit", "run", str(app),
               "--server.address", args.address, "--server.port", str(args.port),
               "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    # Become Streamlit (same PID): a SIGTERM or SIGINT that a supervisor sends to this PID reaches the server
    # itself, and nothing is left holding the port. Output written so far must not be lost in the exec.
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(sys.executable, command)
    return 1  # not reached


if __name__ == "__main__":
    sys.exit(main())
