"""Serving the public SPARQL front (`deepfake-kg serve --public`): its listening socket, uvicorn, Oxigraph on
loopback behind it, and the access log. What the front answers is deepfake_kg/public_endpoint.py."""
from __future__ import annotations

import logging
import math
from dataclasses import asdict

from starlette.applications import Starlette

from .public_endpoint import access_log, create_app
from .public_limits import PublicSettings


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

