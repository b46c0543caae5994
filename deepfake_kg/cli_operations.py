"""The CLI's operations on the whole graph and its processes: build, validate, locate passages, serve SPARQL
(Oxigraph, or the guarded public front), publish, release, start the app. The arguments are declared in
deepfake_kg/cli.py."""
from __future__ import annotations

import sys
import time

from . import api
from .api import KGError


def build(args) -> int:
    from .paths import BUILD_DIR  # where this run builds (a per-user cache outside a checkout)

    started = time.perf_counter()
    kg = api.build(force=args.force, engine=args.engine)
    m = kg.manifest
    print(f"{m['asserted_triples']} asserted and {m['inferred_triples']} inferred triples "
          f"(OWL-RL with {m['engine']}: {m['reasoning_seconds']} s) in {BUILD_DIR} "
          f"[{time.perf_counter() - started:.2f} s this run]")
    return 0


def validate(args) -> int:
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


def passages(args) -> int:
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


def serve(args) -> int:
    import signal
    from pathlib import Path

    from .build import get_kg
    from .server import DEFAULT_STORE, load_store, oxigraph_version, start_server, stop_server

    if args.public:
        from .public_limits import PublicSettings
        from .public_server import serve_public

        settings = PublicSettings(timeout_seconds=args.timeout or PublicSettings.timeout_seconds, max_rows=args.max_rows,
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


def publish(args) -> int:
    for done in api.publish(args.endpoint, args.timeout):
        print(f"PUT <{done.graph}>: {done.triples} triples, HTTP {done.status}, {done.seconds:.2f} s")
    return 0


def release(args) -> int:
    from pathlib import Path

    started = time.perf_counter()
    files = api.release(out=Path(args.out) if args.out else None, sparql_endpoint=args.sparql_endpoint, docs=not args.no_docs)
    for released in files:
        triples = f"{released.triples} triples" if released.triples else ""
        print(f"  {released.path.name:18} {released.bytes:>10,} bytes  {triples}")
    print(f"{len(files)} files in {files[0].path.parent} [{time.perf_counter() - started:.1f} s]")
    return 0


def app(args) -> int:
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
