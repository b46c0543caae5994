"""Load on `deepfake-kg serve --public`: N clients on loopback for S seconds, every answer checked.

    .venv/bin/python benchmarks/public_endpoint.py                       # 50 clients, 30 s (the README's table)
    .venv/bin/python benchmarks/public_endpoint.py --clients 10 --seconds 5

It starts the real command (its own Oxigraph on loopback, the guarded front on a free port) with the per-client
rate limits lifted — all clients share 127.0.0.1, so the defaults would turn most of them away, which is the
point of them — and the other limits (10 s, 10,000 rows, 8 queries on Oxigraph at once) as shipped. The clients
cycle through the named queries in queries/. The first answer to each query is checked against the embedded
path (`run_local`, rdflib), and every later answer must be byte-identical to it or equal after normalising
(blank-node labels, number spellings, GROUP_CONCAT order). Prints one Markdown table on standard output.
"""
from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import httpx  # noqa: E402
from sparql_compare import normalised  # noqa: E402

from deepfake_kg.build import get_kg  # noqa: E402
from deepfake_kg.named_queries import load_named_queries  # noqa: E402
from deepfake_kg.query import run_local  # noqa: E402


def start(store: Path):
    command = [sys.executable, "-m", "deepfake_kg", "serve", "--public", "--port", "0", "--store", str(store),
               "--rate-limit", "1000000", "--burst", "1000000", "--client-concurrency", "1000",
               "--access-log", str(store.parent / "access.log")]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    lines = [process.stdout.readline() for _ in range(6)]
    url = next(line.split()[2] for line in lines if "SPARQL endpoint" in line)
    return process, url


async def client(http, url, queries, expected, deadline, offset, latencies, failures, sent):
    n = offset
    while time.monotonic() < deadline:
        query = queries[n % len(queries)]
        n += 1
        sent.append(1)
        started = time.perf_counter()
        try:
            response = await http.get(url, params={"query": query.text}, headers={"Accept": "application/sparql-results+json"})
        except httpx.HTTPError as error:
            failures.append((query.name, type(error).__name__))
            continue
        latencies.append(time.perf_counter() - started)
        if response.status_code != 200:
            failures.append((query.name, response.status_code))
        elif hashlib.sha256(response.content).digest() != expected[query.name][0]:
            data = json.loads(response.content)
            if normalised(data["head"]["vars"], data["results"]["bindings"], query.text) != expected[query.name][1]:
                failures.append((query.name, "wrong answer"))


async def load(url, queries, expected, clients, seconds):
    latencies, failures, sent = [], [], []
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(trust_env=False, timeout=60, limits=limits) as http:
        deadline = time.monotonic() + seconds
        started = time.monotonic()
        await asyncio.gather(*(client(http, url, queries, expected, deadline, i, latencies, failures, sent) for i in range(clients)))
        elapsed = time.monotonic() - started
    return latencies, failures, len(sent), elapsed


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    args = parser.parse_args()

    kg = get_kg()
    queries = [q for q in load_named_queries() if run_local(q.text, kg.dataset).form == "SELECT"]
    with tempfile.TemporaryDirectory() as scratch:
        process, url = start(Path(scratch) / "store")
        try:
            expected = {}
            with httpx.Client(trust_env=False, timeout=60) as http:
                for query in queries:  # the reference answer, checked once against the embedded path
                    body = http.get(url, params={"query": query.text}, headers={"Accept": "application/sparql-results+json"}).content
                    data, local = json.loads(body), run_local(query.text, kg.dataset)
                    rows = normalised(data["head"]["vars"], data["results"]["bindings"], query.text)
                    if rows != normalised(local.variables, local.bindings, query.text):
                        raise SystemExit(f"{query.name}: the endpoint and the embedded path disagree")
                    expected[query.name] = (hashlib.sha256(body).digest(), rows)
            load_before = os.getloadavg()
            latencies, failures, sent, elapsed = asyncio.run(load(url, queries, expected, args.clients, args.seconds))
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(30)
    ms = [1000 * x for x in latencies]
    print(f"{args.clients} clients for {args.seconds:g} s on loopback; {platform.python_version()}, {os.cpu_count()} cores, "
          f"load average at start {', '.join(f'{x:.1f}' for x in load_before)}; {time.strftime('%Y-%m-%d')}\n")
    print("| clients | seconds | requests | answered 200, correct | failed | requests/s | p50 | p90 | p99 | max |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    print(f"| {args.clients} | {elapsed:.1f} | {sent} | {sent - len(failures)} | {len(failures)} | {len(latencies) / elapsed:.1f} "
          f"| {percentile(ms, 50):.0f} ms | {percentile(ms, 90):.0f} ms | {percentile(ms, 99):.0f} ms | {max(ms):.0f} ms |")
    if failures:
        print(f"\nfailures (first 10): {failures[:10]}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
