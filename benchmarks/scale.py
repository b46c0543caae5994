"""The scale section of benchmarks/run.py: the KG merged with 10 k … 1 M generated triples, reasoned at scale
(reasoning/at_scale.py), stage by stage, stored in Oxigraph, and asked "which duties attach" and every named
query there. Each size runs in a fresh process (its peak memory is its own), under an address-space cap.

Stages, as the issue names them: reason = read + schema (the scm-* rules as set operations), complete = the
rules about individuals as set operations (the completion's rules among them), check, filter, store = write
N-Quads + load them into an in-memory Oxigraph store. The reasoning runs in a child process while this one
loads the asserted triples, then each part of the inferred graph as it is written (store_answers.reason_into_store):
the stages overlap, so their times add up to more than the total. Peak memory is the reasoning process's peak
resident memory at the end of each stage; for the store, the larger of this process's peak and both processes
at once (the child's peak plus this process's memory when the child ended: an upper bound).
"""
from __future__ import annotations

import json
import math
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
STAGES = ("read", "schema", "rules", "check", "filter", "write", "store")
ISSUE_NAMES = {"read": "reason: read", "schema": "reason: schema rules", "rules": "complete: rules about individuals",
               "check": "check", "filter": "filter", "write": "store: write N-Quads", "store": "store: load into Oxigraph"}
TYPES = {"1 platform type": ["VideoSharingPlatform"],
         "3 platform types": ["GenerativeAIServiceProvider", "LargeLeadingPlatform", "HighRiskPlatform"],
         "deep synthesis + public opinion (an intersection)": ["DeepSynthesisServiceProvider",
                                                                "PublicOpinionAttributeProvider"]}
DFK = "https://w3id.org/deepfake-kg/ontology#"


def run_child(size: int, memory_cap_gb: float, timeout: float, answers: bool, disk: bool, digest: bool) -> dict | str:
    command = [sys.executable, str(HERE / "run.py"), "--scale-child", "scale", str(size), "--memory-cap-gb",
               str(memory_cap_gb)] + (["--answers"] if answers else []) + (["--disk"] if disk else []) + \
              (["--digest"] if digest else [])
    return measured_child(command, HERE.parent, timeout, memory_cap_gb, f"the scale run at {size} triples")


def measured_child(command: list[str], cwd: Path, timeout: float, memory_cap_gb: float, what: str,
                   timed_out: str = "stopped") -> dict | str:
    """Run a measuring child in a session of its own (killed whole on time-out): its last line of JSON, or why
    there is none."""
    child = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             start_new_session=True)
    try:
        out, err = child.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, 9)
        child.communicate()
        return f"{timed_out}: > {timeout:.0f} s"
    if child.returncode != 0:
        if "memory" in err.lower():
            return f"stopped: > {memory_cap_gb:g} GB of address space"
        raise RuntimeError(f"{what} failed (exit {child.returncode}):\n{err[-3000:]}")
    return json.loads(out.strip().splitlines()[-1])


def child(size: int, answers: bool, disk: bool, digest: bool) -> dict:
    """In a fresh process: the KG + `size` generated triples as N-Triples files (not timed: the input), then
    the closure at scale, the store, and (with `answers`) the answers over it."""
    from rdflib.plugins.serializers.nt import _nt_row
    from synthetic import legal_triples

    from deepfake_kg.load import load_sources
    from deepfake_kg.reasoning.at_scale import read_inferred
    from deepfake_kg.store_answers import reason_into_store

    folder = Path(tempfile.mkdtemp(prefix="deepfake-kg-scale-"))
    kg = load_sources()
    kg.serialize(folder / "kg.nt", format="nt", encoding="utf-8")
    with open(folder / "generated.nt", "w", encoding="utf-8") as out:
        out.writelines(_nt_row(t) for t in legal_triples(size))
    sources = [folder / "kg.nt", folder / "generated.nt"]
    started = time.perf_counter()
    store, stages, loading, loading_cpu, resident_mb = reason_into_store(sources, folder)
    seconds = time.perf_counter() - started
    # the stages overlap: the reasoning's (in the child) and the load's (here) are each their own wall-clock time
    stages.seconds["store"], stages.cpu_seconds["store"] = loading, loading_cpu
    own_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # both processes at once: the child's peak beside this process's memory when the child ended (an upper bound)
    stages.peak_mb["store"] = max(own_peak, max(stages.peak_mb.values()) + resident_mb)
    parts = sorted(folder.glob("closure.*.nq"))  # the asserted graph and the parts of the inferred graph
    result = {"seconds": seconds, "asserted": stages.asserted, "inferred": stages.inferred,
              "path": stages.path, "fallback": stages.fallback, "stages": stages.seconds, "cpu": stages.cpu_seconds,
              "peak_mb": stages.peak_mb, "maxrss_mb": max(stages.peak_mb.values()), "own_peak_mb": own_peak,
              "nquads_mb": sum(f.stat().st_size for f in parts) / 2**20}
    if answers:
        result["answers"] = _answers(store)
    del store
    if disk:
        import pyoxigraph

        began = time.perf_counter()
        on_disk = pyoxigraph.Store(str(folder / "oxigraph"))
        for part in parts:  # a blank node of one part is the same node in another: loaded with their labels
            on_disk.bulk_extend(pyoxigraph.parse(path=str(part), format=pyoxigraph.RdfFormat.N_QUADS, lenient=True))
        result["disk_seconds"] = time.perf_counter() - began
        result["disk_mb"] = sum(f.stat().st_size for f in (folder / "oxigraph").rglob("*") if f.is_file()) / 2**20
        result["disk_peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        del on_disk
    if digest:
        result["digest"] = _digest(set().union(*(read_inferred(part) for part in parts)))
    shutil.rmtree(folder, ignore_errors=True)  # the 1M closure is 1.5 GB of N-Quads
    return result


def _digest(inferred: set) -> str:
    """Blank nodes of the KG are labelled anew by every parse: compared as "a blank node"."""
    import hashlib

    from rdflib import BNode

    lines = sorted(" ".join("_:b" if isinstance(t, BNode) else t.n3() for t in triple) for triple in inferred)
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def _answers(store) -> dict:
    from deepfake_kg.paths import QUERIES_DIR
    from deepfake_kg.store_answers import duties_in_store, query_store

    found = {}
    began, began_cpu = time.perf_counter(), _cpu_seconds()
    store.dates()  # what the first answer reads once per store (store_answers.ClosureStore)
    found["which duties attach: the dates table, read once per store at the first answer"] = {
        "times": [time.perf_counter() - began], "cpu": [_cpu_seconds() - began_cpu], "rows": len(store.dates()[0].dates),
        "once": True}
    for name, types in TYPES.items():
        iris = [DFK + t for t in types]
        times, cpu = [], []
        for _ in range(15):
            began, began_cpu = time.perf_counter(), _cpu_seconds()
            duties = duties_in_store(store, iris, as_of="2026-11-30")
            times.append(time.perf_counter() - began)
            cpu.append(_cpu_seconds() - began_cpu)
        found[f"which duties attach: {name}"] = {"times": times, "cpu": cpu, "rows": len(duties)}
    for path in sorted(QUERIES_DIR.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        times, cpu, rows = [], [], 0
        for _ in range(5):
            began, began_cpu = time.perf_counter(), _cpu_seconds()
            rows = len(list(query_store(store, text)))
            times.append(time.perf_counter() - began)
            cpu.append(_cpu_seconds() - began_cpu)
        found[f"query {path.stem}"] = {"times": times, "cpu": cpu, "rows": rows}
    return found


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def slope(points: list[tuple[float, float]]) -> float:
    (n0, a), (n1, b) = points[0], points[-1]
    return math.log(max(b, 1e-6) / max(a, 1e-6)) / math.log(n1 / n0)


def stage_table(results: list[dict]) -> str:
    """Stage by stage: seconds (CPU seconds) and peak memory per size, and each stage's growth exponent."""
    sizes = [r["asserted"] for r in results]
    header = ["stage"] + [f"{n:,} asserted" for n in sizes] + ["time ∝ n^k (wall / CPU)", "memory ∝ n^k"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for stage in STAGES:
        cells = [ISSUE_NAMES[stage]]
        for r in results:
            cells.append(f"{r['stages'][stage]:.2f} s (CPU {r['cpu'][stage]:.2f} s), {_mb(r['peak_mb'][stage])}")
        time_k = slope([(r["asserted"], r["stages"][stage]) for r in results]) if len(results) > 1 else float("nan")
        cpu_k = slope([(r["asserted"], r["cpu"][stage]) for r in results]) if len(results) > 1 else float("nan")
        memory_k = slope([(r["asserted"], r["peak_mb"][stage]) for r in results]) if len(results) > 1 else float("nan")
        lines.append("| " + " | ".join(cells + [f"{time_k:.2f} / {cpu_k:.2f}", f"{memory_k:.2f}"]) + " |")
    totals = ["total"] + [f"{r['seconds']:.1f} s (CPU {sum(r['cpu'].values()):.1f} s), {_mb(r['maxrss_mb'])}" for r in results]
    totals += [f"{slope([(r['asserted'], r['seconds']) for r in results]):.2f} / "
               f"{slope([(r['asserted'], sum(r['cpu'].values())) for r in results]):.2f}" if len(results) > 1 else "",
               f"{slope([(r['asserted'], r['maxrss_mb']) for r in results]):.2f}" if len(results) > 1 else ""]
    lines.append("| " + " | ".join(totals) + " |")
    return "\n".join(lines)


def projection(results: list[dict]) -> str:
    """Time and memory for 10 M and 100 M triples, extrapolated from the measured exponent (a projection)."""
    if len(results) < 2:
        return ""
    last = results[-1]
    k_time = slope([(r["asserted"], r["seconds"]) for r in results])
    k_memory = slope([(r["asserted"], r["maxrss_mb"]) for r in results])
    k_cpu = slope([(r["asserted"], sum(r["cpu"].values())) for r in results])
    cpu = sum(last["cpu"].values())
    lines = [f"Projection (not measured): from the measured exponents (wall-clock time ∝ n^{k_time:.2f}, CPU time ∝ "
             f"n^{k_cpu:.2f}, memory ∝ n^{k_memory:.2f}) and the {last['asserted']:,}-triple run ({last['seconds']:.0f} s, "
             f"CPU {cpu:.0f} s, {_mb(last['maxrss_mb'])}):"]
    for n in (10_000_000, 100_000_000):
        factor = n / last["asserted"]
        lines.append(f"- {n:,} asserted triples: about {last['seconds'] * factor ** k_time / 60:.0f} min wall-clock at this "
                     f"load ({cpu * factor ** k_cpu / 60:.0f} min of CPU) and {_mb(last['maxrss_mb'] * factor ** k_memory)} peak")
    if "disk_seconds" in last:
        factor_disk = 10_000_000 / last["asserted"]
        lines.append(f"- measured: the closure's {last['nquads_mb']:.0f} MB of N-Quads into an "
                     f"on-disk Oxigraph store (RocksDB) by its bulk loader: {last['disk_seconds']:.0f} s, {last['disk_mb']:.0f} MB on disk; about "
                     f"{last['disk_seconds'] * factor_disk / 60:.0f} min for 10 M asserted if it grew linearly")
    return "\n".join(lines)


def _mb(megabytes: float) -> str:
    return f"{megabytes / 1024:.2f} GB" if megabytes >= 1024 else f"{megabytes:.0f} MB"


def median(times: list[float]) -> float:
    return statistics.median(times)
