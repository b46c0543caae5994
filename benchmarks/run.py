"""The performance benchmark of the knowledge graph: one command, one table.

    .venv/bin/python benchmarks/run.py            # the README's table: every case, up to 1M generated triples
    .venv/bin/python benchmarks/run.py --quick    # a smoke run for CI: a few cases, under a minute

Every figure is the median of several runs, beside the naive way of getting the same answer measured in the
same run, with the ratio between them and, where both give an answer, a check that the answers are equal.
Progress goes to standard error; the table (Markdown) to standard output. Nothing is written under build/:
the benchmark builds into a temporary folder.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SCRATCH = Path(tempfile.gettempdir())  # main() makes the run's own folder
sys.path[:0] = [str(HERE), str(ROOT / "tests")]

VIDEO = "https://w3id.org/deepfake-kg/ontology#VideoSharingPlatform"
MEMORY_CAP_GB = 16.0  # address space (more than resident memory): keeps a scale run from exhausting the machine
THREE = [f"https://w3id.org/deepfake-kg/ontology#{name}" for name in ("GenerativeAIServiceProvider", "LargeLeadingPlatform", "HighRiskPlatform")]


@dataclass
class Row:
    benchmark: str
    ours: str
    times: list = field(default_factory=list)
    naive: str = ""
    naive_times: list | str = field(default_factory=list)  # or why there are none ("skipped: > 120 s")
    memory: str = ""
    naive_memory: str = ""
    value: str = ""  # a result that is not a time (a growth exponent)
    check: str = ""
    target: str = ""

    def cells(self) -> list[str]:
        ours = _seconds(statistics.median(self.times)) + (f", {self.memory}" if self.memory else "")
        if isinstance(self.naive_times, str):
            naive, ratio = self.naive_times, "—"
        elif self.naive_times:
            naive = _seconds(statistics.median(self.naive_times)) + (f", {self.naive_memory}" if self.naive_memory else "")
            speedup = statistics.median(self.naive_times) / statistics.median(self.times)
            ratio = f"{speedup:,.0f}×" if speedup >= 10 else f"{speedup:.1f}×"
        else:
            naive, ratio = "—", "—"
        runs = f"{len(self.times)}" + (f"/{len(self.naive_times)}" if isinstance(self.naive_times, list) and self.naive_times else "")
        return [self.benchmark, self.ours, ours, self.naive, naive, ratio, runs, self.check, self.target]


def _seconds(value: float) -> str:
    if value < 0.001:
        return f"{value * 1e6:.0f} µs"
    if value < 1:
        return f"{value * 1000:.3g} ms"
    return f"{value:.3g} s" if value < 100 else f"{value:.0f} s"


def timed(function, runs: int) -> tuple[list[float], object]:
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return times, result


def progress(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def target(value: float, limit: float, text: str) -> str:
    return f"{text}: {'met' if value <= limit else 'missed'}"


# --- the cases ----------------------------------------------------------------------------------------

def closure_of_the_kg(quick: bool) -> list[Row]:
    from deepfake_kg import reasoning as engine
    from deepfake_kg.load import load_sources

    asserted = load_sources()
    progress(f"closure of the KG ({len(asserted)} asserted triples)")
    fast_times, fast = timed(lambda: engine.infer(asserted, "reasonable"), 3 if quick else 7)
    naive_times, reference = timed(lambda: engine.infer(asserted, "owlrl"), 1 if quick else 3)
    median = statistics.median(fast_times)
    return [Row(f"full closure of the KG ({len(asserted):,} asserted → {len(fast):,} inferred triples)",
                "reasonable + completion, checked and filtered", fast_times,
                "owlrl, checked and filtered", naive_times,
                check="equal" if fast == reference else "DIFFERENT", target=target(median, 1, "≤ 1 s"))]


def cold_start(quick: bool, cached: Path) -> list[Row]:
    progress("cold start")
    answer = f"from deepfake_kg.duties import duties_for; duties_for([{VIDEO!r}]"
    warm_times = [_child(answer + ")", cached) for _ in range(3 if quick else 7)]
    scratch_owlrl = [_child(f"from deepfake_kg.build import build; {answer}, build(engine='owlrl'))", None)
                     for _ in range(1 if quick else 3)]
    rows = [Row("cold start to the first “which duties” answer, cached build",
                "new process: import, read the build, classify", warm_times,
                "new process: build from scratch with owlrl, classify", scratch_owlrl,
                target=target(statistics.median(warm_times), 3, "≤ 3 s"))]
    if not quick:
        scratch_fast = [_child(f"from deepfake_kg.build import build; {answer}, build())", None) for _ in range(3)]
        rows.append(Row("cold start to the first “which duties” answer, no cached build",
                        "new process: build with reasonable, classify", scratch_fast,
                        "new process: build from scratch with owlrl, classify", scratch_owlrl))
    return rows


def _child(code: str, build_dir: Path | None) -> float:
    """Seconds a fresh interpreter takes to run `code` (build_dir None: an empty build folder)."""
    folder = build_dir or Path(tempfile.mkdtemp(dir=SCRATCH))
    env = {**os.environ, "DEEPFAKE_KG_BUILD": str(folder)}
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def which_duties(quick: bool, kg) -> list[Row]:
    from deepfake_kg.classify import classifier_for
    from deepfake_kg.duties import duties_for
    from deepfake_kg.errors import InconsistentGraph
    from deepfake_kg.resolve import platform_types
    from rdflib import URIRef

    classifier = classifier_for(kg)  # what "warm" means: built once per KG, then shared
    every = []
    for t in platform_types(kg.closure):  # the most types one platform can have: drop those disjoint with earlier ones
        try:
            classifier.classify(every + [t.iri])
            every.append(t.iri)
        except InconsistentGraph:
            pass
    cases = [("1 platform type", [URIRef(VIDEO)]), ("3 platform types", [URIRef(t) for t in THREE]),
             (f"all {len(every)} compatible platform types", every)]
    rows = []
    for name, types in cases[:1] if quick else cases:
        progress(f"which duties attach: {name}")
        times, rows_fast = timed(lambda: duties_for(types, kg), 10 if quick else 30)
        naive_times, naive = timed(lambda: _duties_by_full_closure(kg, types), 1 if quick else 3)
        median = statistics.median(times)
        rows.append(Row(f"“which duties attach”, {name}, new combination, warm", "incremental classifier (cached per KG) + rows",
                        times, "owlrl over closure + the one platform", naive_times,
                        check="equal" if {URIRef(r.duty) for r in rows_fast} == naive else "DIFFERENT",
                        target=target(median, 0.1, "≤ 100 ms")))
    return rows


def _duties_by_full_closure(kg, types) -> set:
    from deepfake_kg.classify import HYPOTHETICAL_PLATFORM
    from deepfake_kg.namespaces import DFK, RDF
    from deepfake_kg.reasoning import owlrl_closure
    from rdflib import Graph

    graph = Graph()
    for triple in kg.closure:
        graph.add(triple)
    for t in types:
        graph.add((HYPOTHETICAL_PLATFORM, RDF.type, t))
    return set(owlrl_closure(graph).objects(HYPOTHETICAL_PLATFORM, DFK.hasDuty))


def scenario_assessment(quick: bool, kg) -> list[Row]:
    from deepfake_kg.assess import assess, load_library
    from deepfake_kg.classify import classifier_for
    from deepfake_kg.namespaces import RDF
    from deepfake_kg.reasoning import is_meaningful, owlrl_closure
    from rdflib import BNode, Graph

    library = load_library(kg=kg)
    progress(f"scenario assessment ({len(library)} library scenarios)")
    times = [t for scenario in library for t in timed(lambda: assess(scenario, kg), 1 if quick else 5)[0]]
    naive_times, same = [], True
    for scenario in library[:1] if quick else library[:3]:
        graph = Graph()
        for triple in kg.closure:
            graph.add(triple)
        stated = set(scenario.platform_types) | set(scenario.fact_classes)
        for t in stated:
            graph.add((scenario.platform, RDF.type, t))
        started = time.perf_counter()
        closure = owlrl_closure(graph)
        naive_times.append(time.perf_counter() - started)
        full = {o for o in closure.objects(scenario.platform, RDF.type) if not isinstance(o, BNode)
                and is_meaningful((scenario.platform, RDF.type, o))}
        fast = {o for s, p, o in classifier_for(kg).classify(stated, scenario.platform) if p == RDF.type and not isinstance(o, BNode)}
        same &= full == fast | stated
    return [Row(f"scenario assessment, {len(library)} library scenarios, warm", "assess(): classifier + closed-world checks", times,
                "owlrl over closure + the scenario's platform (classification alone)", naive_times,
                check="equal types" if same else "DIFFERENT")]


def named_queries(quick: bool, kg, build_dir: Path) -> list[Row]:
    import pyoxigraph as ox
    from deepfake_kg.build import read_build
    from deepfake_kg.paths import QUERIES_DIR
    from deepfake_kg.query import run_local
    from sparql_compare import normalised

    progress("named queries: loading")
    nquads = build_dir / "kg.nq"

    def load_store():
        store = ox.Store()
        store.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
        return store

    load_times, store = timed(load_store, 3 if quick else 5)
    rdflib_load, _ = timed(lambda: read_build(build_dir).dataset, 1 if quick else 3)
    rows = [Row(f"load the built graph ({len(kg.asserted) + len(kg.inferred):,} triples) for SPARQL", "pyoxigraph Store",
                load_times, "rdflib Dataset (read_build)", rdflib_load)]
    dataset = kg.dataset
    queries = sorted(QUERIES_DIR.glob("*.rq"))
    for path in queries[:3] if quick else queries:
        progress(f"query {path.stem}")
        text = path.read_text(encoding="utf-8")
        runs = 3 if quick else 7
        guarded_times, guarded = timed(lambda: run_local(text, dataset), runs)
        direct_times, _ = timed(lambda: list(dataset.query(text)), runs)
        oxi_times, _ = timed(lambda: list(store.query(text, use_default_graph_as_union=True)), runs)
        answer = json.loads(store.query(text, use_default_graph_as_union=True).serialize(format=ox.QueryResultsFormat.JSON))
        same = normalised(guarded.variables, guarded.bindings, text) == normalised(answer["head"]["vars"], answer["results"]["bindings"], text)
        check = f"{len(guarded.bindings)} rows, equal" if same else "DIFFERENT"
        rows.append(Row(f"query {path.stem}", "pyoxigraph", oxi_times, "rdflib via run_local (guarded child)", guarded_times, check=check))
        rows.append(Row(f"query {path.stem}", "rdflib directly (unguarded)", direct_times, "rdflib via run_local (guarded child)", guarded_times))
    return rows


def scale(quick: bool, sizes: list[int], owlrl_cap: float) -> list[Row]:
    rows, points, owlrl_points = [], [], []
    owlrl_over = ""
    for size in sizes:
        runs = 1 if quick or size >= 1_000_000 else 3
        progress(f"scale: KG + {size:,} generated triples, reasonable × {runs}")
        results = [_scale_child("reasonable", size, timeout=3600, digest=(i == 0)) for i in range(runs)]
        failed = next((r for r in results if isinstance(r, str)), None)
        if failed:
            rows.append(Row(f"scale: KG + {size:,} generated triples", "reasonable + completion", [], "", "", check=failed))
            break
        fast = [r["seconds"] for r in results]
        memory = max(r["maxrss_mb"] for r in results)
        first = results[0]
        points.append((first["asserted"], statistics.median(fast), memory))
        naive: list | str
        naive_memory, check = "", ""
        if quick:
            naive = "not run (--quick)"
        elif owlrl_over:
            naive = owlrl_over  # a smaller size already took longer than the cap
        else:
            progress(f"scale: KG + {size:,} generated triples, owlrl (stopped at {owlrl_cap:.0f} s)")
            reference = _scale_child("owlrl", size, timeout=owlrl_cap, digest=True)
            if isinstance(reference, str):
                naive = owlrl_over = reference
            else:
                naive, naive_memory = [reference["seconds"]], _mb(reference["maxrss_mb"])
                owlrl_points.append((reference["asserted"], reference["seconds"], reference["maxrss_mb"]))
                check = "equal" if reference["digest"] == first["digest"] else "DIFFERENT"
        goal = ""
        if size >= 1_000_000:
            goal = target(statistics.median(fast), 60, "≤ 60 s") + f", ≤ 8 GB: {'met' if memory <= 8192 else 'missed'}"
        rows.append(Row(f"scale: KG + {size:,} generated triples ({first['asserted']:,} asserted → {first['inferred']:,} inferred)",
                        "reasonable + completion, checked and filtered; peak RSS", fast, "owlrl; peak RSS", naive,
                        memory=_mb(memory), naive_memory=naive_memory, check=check, target=goal))
    if len(points) >= 2:
        owlrl_slope = (f"time ∝ n^{_slope(owlrl_points, 1):.2f}, memory ∝ n^{_slope(owlrl_points, 2):.2f}"
                       if len(owlrl_points) >= 2 else "too few sizes within the cap")
        rows.append(Row(f"scale: growth exponent, {sizes[0]:,} → {sizes[len(points) - 1]:,}", "reasonable", [], "owlrl", owlrl_slope,
                        value=f"time ∝ n^{_slope(points, 1):.2f}, memory ∝ n^{_slope(points, 2):.2f}",
                        check="log-log slope; n = asserted triples"))
    return rows


def _mb(megabytes: float) -> str:
    return f"{megabytes / 1024:.2f} GB" if megabytes >= 1024 else f"{megabytes:.0f} MB"


def _slope(points: list, column: int) -> float:
    (n0, *a), (n1, *b) = points[0], points[-1]
    return math.log(b[column - 1] / a[column - 1]) / math.log(n1 / n0)


def _scale_child(engine: str, size: int, timeout: float, digest: bool) -> dict | str:
    """The child's measurements, or why there are none."""
    command = [sys.executable, str(Path(__file__).resolve()), "--scale-child", engine, str(size),
               "--memory-cap-gb", str(MEMORY_CAP_GB)] + (["--digest"] if digest else [])
    child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        out, err = child.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, 9)
        child.communicate()
        return f"skipped: > {timeout:.0f} s"
    if child.returncode != 0:
        if "memory" in err.lower():
            return f"stopped: > {MEMORY_CAP_GB:g} GB of address space"
        raise RuntimeError(f"the {engine} scale run at {size} triples failed (exit {child.returncode}):\n{err[-2000:]}")
    return json.loads(out.strip().splitlines()[-1])


def scale_child(engine_name: str, size: int, digest: bool, memory_cap_gb: float) -> None:
    """In a fresh process: the KG merged with `size` generated triples, checked and filtered inferred triples."""
    import hashlib

    # a run that would take the machine's memory fails here instead (the 1M run without a cap was killed by
    # the kernel at 24 GB before the hasValue rules moved out of reasonable: docs/reasoning.md, point 5)
    cap = int(memory_cap_gb * 2**30)
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    from deepfake_kg import reasoning as engine
    from deepfake_kg.load import load_sources
    from rdflib import BNode
    from synthetic import legal_triples

    asserted = list(load_sources()) + legal_triples(size)
    started = time.perf_counter()
    inferred = engine.infer(asserted, engine_name)
    seconds = time.perf_counter() - started
    result = {"seconds": seconds, "asserted": len(set(asserted)), "inferred": len(inferred),
              "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    if digest:  # blank nodes of the KG are labelled anew by every parse: compared as "a blank node"
        lines = sorted(" ".join("_:b" if isinstance(term, BNode) else term.n3() for term in triple) for triple in inferred)
        result["digest"] = hashlib.sha256("\n".join(lines).encode()).hexdigest()
    print(json.dumps(result))


# --- the table ----------------------------------------------------------------------------------------

def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    versions = ", ".join(f"{name} {metadata.version(name)}" for name in ("rdflib", "owlrl", "reasonable", "pyoxigraph"))
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return (f"{os.cpu_count()} cores ({cpu}), {_memory_gb()} GB, Python {platform.python_version()}, {versions}; "
            f"load average at start {load}; {time.strftime('%Y-%m-%d')}")


def _memory_gb() -> str:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal"):
            return f"{int(line.split()[1]) / 1024 / 1024:.0f}"
    return "?"


def table(rows: list[Row]) -> str:
    header = ["benchmark", "this project", "median", "naive approach", "median", "speed-up", "runs", "answers", "target"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in rows:
        naive = row.naive_times if isinstance(row.naive_times, str) else ""
        cells = row.cells() if row.times else [row.benchmark, row.ours, row.value, row.naive, naive, "", "", row.check, row.target]
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    global MEMORY_CAP_GB, SCRATCH
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small subset for CI (under a minute)")
    parser.add_argument("--sizes", default=None, help="generated triples to merge with the KG, comma-separated "
                        "(default 10000,100000,1000000; with --quick 10000)")
    parser.add_argument("--owlrl-cap", type=float, default=300, help="seconds after which an owlrl scale run is stopped (default 300)")
    parser.add_argument("--scale-child", nargs=2, metavar=("ENGINE", "SIZE"), help=argparse.SUPPRESS)
    parser.add_argument("--digest", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--memory-cap-gb", type=float, default=MEMORY_CAP_GB,
                        help=f"address space a scale run may use before it is stopped (default {MEMORY_CAP_GB:g})")
    args = parser.parse_args(argv)
    if args.scale_child:
        scale_child(args.scale_child[0], int(args.scale_child[1]), args.digest, args.memory_cap_gb)
        return 0
    # the benchmark's own build folder, set before the package is imported: the project's build/ stays untouched
    SCRATCH = Path(tempfile.mkdtemp(prefix="deepfake-kg-bench-"))
    os.environ["DEEPFAKE_KG_BUILD"] = str(SCRATCH / "build")
    try:
        sizes = [int(s) for s in (args.sizes or ("10000" if args.quick else "10000,100000,1000000")).split(",")]
        MEMORY_CAP_GB = args.memory_cap_gb
        header = machine()
        from deepfake_kg.build import build

        progress("building the KG into a scratch folder")
        build_dir = Path(os.environ["DEEPFAKE_KG_BUILD"])
        kg = build(build_dir)
        rows = closure_of_the_kg(args.quick)
        rows += cold_start(args.quick, build_dir)
        rows += which_duties(args.quick, kg)
        rows += scenario_assessment(args.quick, kg)
        rows += named_queries(args.quick, kg, build_dir)
        rows += scale(args.quick, sizes, args.owlrl_cap)
        print(f"Machine: {header}\n")
        print(table(rows))
        return 0
    finally:
        shutil.rmtree(SCRATCH, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
