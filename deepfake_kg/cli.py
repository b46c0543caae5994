"""`deepfake-kg`: a thin command line over the package. Errors print one sentence and exit 2."""
from __future__ import annotations

import argparse
import json
import sys
import time

from .errors import KGError


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

    duties = commands.add_parser("duties", help="the duties of a platform that has all the given types")
    duties.add_argument("types", nargs="+", metavar="TYPE", help="an IRI, a CURIE (dfk:VideoSharingPlatform) or an English or Chinese label")
    duties.add_argument("--format", choices=["table", "json", "csv"], default="table")
    duties.add_argument("--status", choices=["all", "in-force", "proposed"], default="all")
    _as_of(duties)
    duties.set_defaults(run=_duties)

    explain = commands.add_parser("explain", help="why a duty attaches to a platform of the given types")
    explain.add_argument("duty", help="the duty's IRI")
    explain.add_argument("types", nargs="+", metavar="TYPE")
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

    types = commands.add_parser("types", help="list the platform types along their three dimensions")
    types.add_argument("--format", choices=["table", "json"], default="table")
    types.set_defaults(run=_types)

    query = commands.add_parser("query", help="run SPARQL on the built graph or on a remote endpoint")
    query.add_argument("source", metavar="FILE|-|NAME", help="a .rq file, - for standard input, or the name of a query in queries/")
    query.add_argument("--format", choices=["table", "json", "csv"], default="table")
    query.add_argument("--endpoint", metavar="URL", help="a SPARQL 1.1 endpoint to query instead of the embedded graph")
    query.add_argument("--timeout", type=float, default=10.0, help="seconds before the query is stopped (default 10)")
    query.add_argument("--max-rows", type=int, default=10_000, help="rows returned at most (default 10000)")
    query.add_argument("--as-of", metavar="DATE", default=None,
                       help="for a query that takes a date (VALUES ?asOf { ... }): the day to ask about, YYYY-MM-DD")
    query.set_defaults(run=_query)

    export = commands.add_parser("export", help="write the graph in an RDF format to standard output")
    export.add_argument("--format", choices=["ttl", "jsonld", "nt", "xml", "trig", "nq"], default="ttl")
    export.add_argument("--inferred", action="store_true", help="include the inferred triples")
    export.set_defaults(run=_export)

    assess = commands.add_parser("assess", help="assess a scenario under today's law and under the paper's proposals")
    assess.add_argument("scenario", metavar="FILE|NAME", help="a .yaml, .json or .ttl scenario, or the name of one in scenarios/")
    assess.add_argument("--format", choices=["table", "json"], default="table")
    _as_of(assess)
    assess.set_defaults(run=_assess)

    describe = commands.add_parser("describe", help="the concise bounded description of one resource (to link it)")
    describe.add_argument("iri", metavar="IRI", help="an IRI, a CURIE (dfk:Duty, id:case/qvod) or a path such as instrument/eu-gdpr")
    describe.add_argument("--format", choices=["ttl", "jsonld"], default="ttl")
    describe.add_argument("--inferred", action="store_true", help="include the inferred triples about it")
    describe.set_defaults(run=_describe)

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
    return parser


def _as_of(command) -> None:
    command.add_argument("--as-of", metavar="DATE", default=None,
                         help="the day to answer for, YYYY-MM-DD (default today): the law in force that day")


def _build(args) -> int:
    from .build import build
    from .paths import BUILD_DIR
    from .reasoning import DEFAULT_ENGINE

    started = time.perf_counter()
    kg = build(force=args.force, engine=args.engine or DEFAULT_ENGINE)
    m = kg.manifest
    print(f"{m['asserted_triples']} asserted and {m['inferred_triples']} inferred triples "
          f"(OWL-RL with {m['engine']}: {m['reasoning_seconds']} s) in {BUILD_DIR} "
          f"[{time.perf_counter() - started:.2f} s this run]")
    return 0


def _validate(args) -> int:
    from .build import get_kg
    from .paper import read_paper
    from .paths import paper_file
    from .validate import validate

    found = paper_file(args.paper)
    report = validate(get_kg(), read_paper(found) if found else None)
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
    from .duties import duties_for
    from .render import duties_text

    rows = duties_for(args.types, as_of=args.as_of)
    if args.status != "all":
        rows = [r for r in rows if (r.status == "in force") == (args.status == "in-force")]
    print(duties_text(rows, args.format))
    return 0


def _explain(args) -> int:
    from .duties import explain
    from .namespaces import expand

    duty = expand(args.duty) or args.duty
    result = explain(duty, args.types, as_of=args.as_of)
    if args.format == "json":
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return 0
    print(f"Why “{result.duty_label}” attaches ({result.status} on {result.as_of}):")
    for number, step in enumerate(result.steps, 1):
        print(f"  {number}. [{step.rule}] {step.statement}")
    for passage in result.passages:
        print(f"  Paper, section {passage.section}: “{passage.quote}”")
    return 0


def _compare(args) -> int:
    from .build import get_kg

    kg = get_kg()
    if args.jurisdiction:
        from .jurisdictions import compare_jurisdictions

        types = [t.strip() for arg in args.platforms for t in arg.split("+") if t.strip()]
        result = compare_jurisdictions(types, kg, as_of=args.as_of)
        print({"json": result.to_json, "csv": result.to_csv}.get(args.format, result.to_text)())
        return 0
    from .compare import duty_matrix
    from .duties import resolve_types
    from .render import table

    platforms = [resolve_types([t.strip() for t in arg.split("+") if t.strip()], kg) for arg in args.platforms]
    matrix = duty_matrix(platforms, kg, as_of=args.as_of)
    if args.format == "json":
        print(matrix.to_json())
    elif args.format == "csv":
        print(matrix.to_csv(), end="")
    else:
        print(table(["status", "duty", *(c.name for c in matrix.columns)],
                    [[r.status, r.label, *("yes" if p else "" for p in r.present)] for r in matrix.rows]))
    return 0


def _timeline(args) -> int:
    from .timeline import timeline

    result = timeline(args.types)
    print({"json": result.to_json, "csv": result.to_csv}.get(args.format, result.to_text)(), end="\n" if args.format == "table" else "")
    return 0


def _types(args) -> int:
    from .build import get_kg
    from .render import table
    from .resolve import platform_types

    found = platform_types(get_kg().closure)
    if args.format == "json":
        print(json.dumps([{"iri": str(t.iri), "label": t.label, "label_zh": t.label_zh, "dimension": t.dimension_label} for t in found],
                         ensure_ascii=False, indent=2))
    else:
        print(table(["dimension", "label", "中文", "iri"], [[t.dimension_label, t.label, t.label_zh, str(t.iri)] for t in found]))
    return 0


def _query(args) -> int:
    from .query import read_query, run_local, run_remote
    from .render import query_text
    from .sparql_guard import Limits

    limits = Limits(timeout_seconds=args.timeout, max_rows=args.max_rows)
    text = read_query(args.source)
    if args.as_of:
        from .named_queries import on_date

        text = on_date(text, args.as_of)
    if args.endpoint:
        result = run_remote(text, args.endpoint, limits)
    else:
        from .build import get_kg

        result = run_local(text, get_kg().dataset, limits)
    print(query_text(result, args.format))
    if result.notice:
        print(result.notice, file=sys.stderr)
    return 0


def _export(args) -> int:
    from .build import get_kg
    from .export import export

    sys.stdout.write(export(get_kg(), args.format, args.inferred))
    return 0


def _assess(args) -> int:
    from pathlib import Path

    from .assess import assess
    from .build import get_kg
    from .paths import SCENARIOS_DIR
    from .render import assessment_text
    from .scenario import ScenarioError, read_scenario

    path = Path(args.scenario)
    if not path.exists():
        named = SCENARIOS_DIR / f"{args.scenario.removesuffix('.yaml')}.yaml"
        if not named.exists():
            raise ScenarioError(f"No scenario file {args.scenario!r} (and none of that name in scenarios/).")
        path = named
    kg = get_kg()
    result = assess(read_scenario(path, kg), kg, as_of=args.as_of)
    print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) if args.format == "json" else assessment_text(result))
    return 0


def _describe(args) -> int:
    from .describe import describe_text

    print(describe_text(args.iri, args.format, inferred=args.inferred))
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
    from .build import get_kg
    from .publish import publish

    for done in publish(get_kg(), args.endpoint, args.timeout):
        print(f"PUT <{done.graph}>: {done.triples} triples, HTTP {done.status}, {done.seconds:.2f} s")
    return 0


def _release(args) -> int:
    from pathlib import Path

    from .release import DIST_DIR, release

    started = time.perf_counter()
    files = release(out=Path(args.out) if args.out else DIST_DIR, sparql_endpoint=args.sparql_endpoint, docs=not args.no_docs)
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
