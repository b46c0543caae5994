"""`deepfake-kg app` and `deepfake-kg serve` behave like one process: a SIGTERM or SIGINT sent to the PID a
supervisor knows (systemd, a container runtime, `kill PID`) stops what they started, and the port is free again."""
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from deepfake_kg.server import free_port

pytestmark = pytest.mark.slow  # child processes stopped by signals

DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def port_is_free(port: int) -> bool:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # TIME_WAIT of a closed connection is no listener
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def answers(url: str) -> bool:
    try:
        with DIRECT.open(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def wait_until(condition, seconds: float, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if process.poll() is not None:
            raise AssertionError(f"it stopped by itself (exit code {process.returncode}): {process.stdout.read()[-2000:]}")
        assert time.monotonic() < deadline, f"not ready within {seconds} s"
        time.sleep(0.2)


def stops_on(sig, command: list[str], ready_url: str, port: int, **popen) -> None:
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **popen)
    try:
        wait_until(lambda: answers(ready_url), 120, process)
        os.kill(process.pid, sig)  # by PID, as a supervisor does: not to a process group
        process.wait(10)
        deadline = time.monotonic() + 5
        while not port_is_free(port):
            assert time.monotonic() < deadline, f"port {port} is still taken 5 s after the command stopped"
            time.sleep(0.1)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_app_stops_with_streamlit_on_a_signal_to_its_pid(sig):
    port = free_port()
    stops_on(sig, [sys.executable, "-m", "deepfake_kg", "app", "--port", str(port)],
             f"http://127.0.0.1:{port}/_stcore/health", port)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_serve_stops_oxigraph_on_a_signal_to_its_pid(sig, tmp_path, kg):
    port = free_port()
    # SIGINT from a background job arrives with SIGINT ignored by the shell; serve must still stop on it
    stops_on(sig, [sys.executable, "-m", "deepfake_kg", "serve", "--port", str(port), "--store", str(tmp_path / "store")],
             f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", port)
    from deepfake_kg.server import live_servers
    assert live_servers(tmp_path / "store") == []
