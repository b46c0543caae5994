"""A real Oxigraph server over the built graph: load a store, serve it read-only on 127.0.0.1, stop it by PID.

The asserted and inferred graphs go in as two named graphs from ONE N-Quads document: blank-node labels are
scoped to a document, so only then do the inferred triples keep pointing at the ontology's class expressions.
The server runs with `--union-default-graph`, so a query without GRAPH or FROM sees both graphs, as on the
embedded `Dataset(default_union=True)`. (Oxigraph also takes a per-request `union-default-graph` URL parameter;
the server flag gives every client, SPARQLWrapper included, the same default graph without asking for it.)

A store directory (default build/oxigraph/) holds `db/` (Oxigraph's RocksDB files), `store.json` (which build it
was loaded from) and `servers/<pid>` (one file per running server). `oxigraph load` adds to what a store holds,
and loading the same N-Quads twice duplicates every triple with a blank node (new labels each time), so a store
is always loaded into a fresh directory and moved into place. `serve-read-only` does not lock its directory,
so the PID files are what stops a reload under a running server.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ServerError
from .paths import BUILD_DIR

DEFAULT_STORE = BUILD_DIR / "oxigraph"
LOOPBACK = "127.0.0.1"
_LOAD_TIMEOUT_S = 300
# Requests to our own loopback server must not go through an HTTP proxy set in the environment.
_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@dataclass
class StoreInfo:
    location: Path  # the store directory (Oxigraph's files are in location / "db")
    graphs: dict[str, int]  # named graph → triples
    load_seconds: float  # time `oxigraph load` took (0 when reused)
    reused: bool

    @property
    def triples(self) -> int:
        return sum(self.graphs.values())


@dataclass
class Server:
    pid: int
    port: int
    store: Path
    read_only: bool
    process: subprocess.Popen = field(repr=False)
    log: Path = field(repr=False)

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    @property
    def query_url(self) -> str:
        return self.url + "/query"

    @property
    def store_url(self) -> str:
        """The Graph Store Protocol endpoint."""
        return self.url + "/store"

    def __enter__(self) -> "Server":
        return self

    def __exit__(self, *exc) -> None:
        stop_server(self)


def oxigraph_binary() -> str:
    """The `oxigraph` executable of the PyPI package `oxigraph` (next to this Python, else on PATH)."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    found = shutil.which("oxigraph")
    if found:
        return found
    raise ServerError("The Oxigraph server is not installed: run `pip install oxigraph` in this environment.")


def oxigraph_version() -> str:
    done = subprocess.run([oxigraph_binary(), "--version"], capture_output=True, text=True, timeout=30)
    return done.stdout.strip() or "oxigraph (version unknown)"


def load_store(kg, store: Path = DEFAULT_STORE, force: bool = False) -> StoreInfo:
    """Make `store` hold exactly the asserted and inferred graphs of `kg`, reusing it when it already does."""
    from .namespaces import ASSERTED_GRAPH, INFERRED_GRAPH

    store = Path(store)
    graphs = {str(ASSERTED_GRAPH): len(kg.asserted), str(INFERRED_GRAPH): len(kg.inferred)}
    inputs = kg.manifest.get("inputs")
    marker = store / "store.json"
    if not force and inputs and (store / "db").is_dir() and marker.is_file():
        try:
            recorded = json.loads(marker.read_text())
        except ValueError:
            recorded = {}
        if recorded.get("inputs") == inputs and recorded.get("graphs") == graphs:
            return StoreInfo(store, graphs, 0.0, reused=True)
    running = live_servers(store)
    if running:
        raise ServerError(f"The store {store} is being served by Oxigraph (PID {', '.join(map(str, running))}); "
                          "stop that server before reloading it, or pass another --store.")
    if store.exists() and not (store / "db").is_dir() and any(store.iterdir()):
        raise ServerError(f"{store} is not an Oxigraph store made by deepfake-kg (no db/ in it); choose an empty or new directory.")
    store.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".loading-", dir=store))
    try:
        quads = staging / "kg.nq"
        kg.dataset.serialize(quads, format="nquads", encoding="utf-8")
        started = time.perf_counter()
        done = subprocess.run([oxigraph_binary(), "load", "--location", str(staging / "db"), "--file", str(quads)],
                              capture_output=True, text=True, timeout=_LOAD_TIMEOUT_S)
        seconds = time.perf_counter() - started
        if done.returncode != 0:
            detail = (done.stderr or done.stdout).strip().splitlines()
            raise ServerError(f"Oxigraph could not load the graph into {store}: {detail[0] if detail else 'exit code ' + str(done.returncode)}")
        shutil.rmtree(store / "db", ignore_errors=True)
        os.replace(staging / "db", store / "db")
        marker.write_text(json.dumps({"inputs": inputs, "graphs": graphs, "load_seconds": round(seconds, 3)}, indent=2))
    except subprocess.TimeoutExpired:
        raise ServerError(f"Oxigraph took longer than {_LOAD_TIMEOUT_S} s to load the graph into {store}.") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return StoreInfo(store, graphs, seconds, reused=False)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        return probe.getsockname()[1]


def _port_is_free(port: int) -> bool:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # ignore TIME_WAIT left by a stopped server
        try:
            probe.bind((LOOPBACK, port))
        except OSError:
            return False
    return True


def start_server(store: Path = DEFAULT_STORE, port: int | None = None, read_only: bool = True,
                 timeout_s: float | None = None, wait_s: float = 30.0, union_default_graph: bool = True) -> Server:
    """Start Oxigraph on 127.0.0.1 (a free port when `port` is None) and return once /query answers.

    `read_only=False` starts `oxigraph serve` (writes allowed: what `publish` needs); it may start on an empty
    directory. `timeout_s` is Oxigraph's own query time limit: soft (it answers 200 and appends an error to a
    partial body), so clients keep their own. `union_default_graph=False` keeps the default graph a graph of its
    own (as the W3C evaluation tests need)."""
    store = Path(store)
    location = store / "db"
    if read_only and not location.is_dir():
        raise ServerError(f"The store {store} holds no graph yet: load it first (`deepfake-kg serve` does).")
    port = free_port() if port is None else port
    if not 0 < port < 65536:
        raise ServerError(f"{port} is not a TCP port (use 1-65535).")
    if not _port_is_free(port):  # Oxigraph binds with SO_REUSEPORT: a second server would share the port silently
        raise ServerError(f"{LOOPBACK}:{port} is already in use: stop what listens there or choose another --port.")
    command = [oxigraph_binary(), "serve-read-only" if read_only else "serve", "--location", str(location),
               "--bind", f"{LOOPBACK}:{port}"] + (["--union-default-graph"] if union_default_graph else [])
    if timeout_s:
        command += ["--timeout-s", str(max(1, int(timeout_s)))]
    (store / "servers").mkdir(parents=True, exist_ok=True)
    log = store / "servers" / f"log-{port}.txt"
    with open(log, "wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   start_new_session=True)  # Ctrl-C in a terminal reaches us, not the server
    server = Server(process.pid, port, store, read_only, process, log)
    (store / "servers" / str(process.pid)).write_text(str(port))
    deadline = time.monotonic() + wait_s
    try:
        while True:
            if process.poll() is not None:
                _forget(server)
                reason = _last_line(log) or f"exit code {process.returncode}"
                raise ServerError(f"Oxigraph could not start on {LOOPBACK}:{port}: {reason}")
            if _answers(server.query_url):
                return server
            if time.monotonic() > deadline:
                raise ServerError(f"Oxigraph started on {LOOPBACK}:{port} but did not answer within {wait_s:g} s.")
            time.sleep(0.05)
    except BaseException:  # including Ctrl-C while waiting: never leave a server behind
        stop_server(server)
        raise


def stop_server(server: Server, grace_s: float = 5.0) -> None:
    """Stop the server by its PID (SIGTERM, then SIGKILL after `grace_s`)."""
    if server.process.poll() is None:
        os.kill(server.pid, signal.SIGTERM)
        try:
            server.process.wait(grace_s)
        except subprocess.TimeoutExpired:
            os.kill(server.pid, signal.SIGKILL)
            server.process.wait(grace_s)
    _forget(server)


def live_servers(store: Path) -> list[int]:
    """PIDs of Oxigraph servers that deepfake-kg started on `store` and that still run."""
    running = []
    for pid_file in sorted((Path(store) / "servers").glob("[0-9]*")):
        pid = int(pid_file.name)
        if _is_oxigraph(pid):
            running.append(pid)
        else:
            pid_file.unlink(missing_ok=True)
    return running


def _forget(server: Server) -> None:
    (server.store / "servers" / str(server.pid)).unlink(missing_ok=True)


def _is_oxigraph(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
            return b"oxigraph" in cmdline.read()
    except OSError:
        try:  # not Linux: fall back to "some process has this PID"
            os.kill(pid, 0)
            return not Path("/proc").is_dir()
        except OSError:
            return False


def _answers(query_url: str) -> bool:
    request = urllib.request.Request(f"{query_url}?{urllib.parse.urlencode({'query': 'ASK {}'})}",
                                     headers={"Accept": "application/sparql-results+json"})
    try:
        with _DIRECT.open(request, timeout=1) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def _last_line(log: Path) -> str:
    try:
        lines = [line.strip() for line in log.read_text(errors="replace").splitlines() if line.strip()]
    except OSError:
        return ""
    return lines[-1] if lines else ""
