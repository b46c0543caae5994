"""The public SPARQL front (deepfake_kg.public_endpoint) served by uvicorn in a thread, on a free loopback port."""
from __future__ import annotations

import threading
import time
from contextlib import contextmanager

from deepfake_kg.public_endpoint import create_app
from deepfake_kg.public_limits import PublicSettings
from deepfake_kg.public_server import bind, uvicorn_server


@contextmanager
def running_front(oxigraph_query_url: str, settings: PublicSettings):
    """Yield the front's /sparql URL; stop the server (and its thread) on exit."""
    sock = bind("127.0.0.1", 0)
    server = uvicorn_server(create_app(oxigraph_query_url, settings), settings)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the public front did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}/sparql"
    finally:
        server.should_exit = True
        thread.join(15)
        sock.close()
