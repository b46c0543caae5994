"""Answers from a pyoxigraph store holding a closure (the KG merged with millions of triples), where no rdflib
Graph could hold it: the closure's N-Quads (reasoning/at_scale.py writes them) go in by Oxigraph's loader, and
"which duties attach" on a day is answered by a few SPARQL queries over the closed schema and a table of
the duties' dates read once per store.

The same answer as duties.duties_for (the classifier over an rdflib closure): tests/test_at_scale.py checks
every platform-type combination of the KG against it, on five dates.

Why a table read once: Oxigraph's in-memory store keeps one list of quads per subject, per predicate, per
object and per graph (no composite index, unlike its on-disk store), and a pattern walks the shortest list of
its bound terms. At KG + 1M a duty is the subject of about 10,000 dfk:dutyOf quads (one per platform it
attaches to), so every lookup from a duty walks them: reading the legal bases and statuses of the few dozen
duties of one answer cost about 100 ms, most of the answer. Read for every duty at once (walking the
dfk:legalBasis list once, about 0.15 s at KG + 1M), each later answer is a lookup.
"""
from __future__ import annotations

import datetime as dt
import io
import resource
import time
from dataclasses import dataclass, field
from pathlib import Path

from .namespaces import DFK, XSD
from .sparql_guard import Limits, check_query
from .validity import ATTACHING, Period, parse_day

_PREFIXES = ("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX owl: <http://www.w3.org/2002/07/owl#> "
             "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> ")


@dataclass
class ClosureStore:
    """A pyoxigraph store holding a closure, read-only for this module's callers (query_store refuses updates),
    with what the answers read once from it. The store is private: the dates table read from it stays true for
    as long as the holder lives, since nothing here changes the store."""
    _store: object
    _dates: tuple | None = field(default=None, repr=False)  # (_DutyDates, intersections): read at the first answer

    def dates(self) -> tuple:
        if self._dates is None:
            self._dates = (_duty_dates(self._store), _intersections(self._store))
        return self._dates


def load_store(nquads: Path, location: Path | None = None) -> ClosureStore:
    """A pyoxigraph Store holding `nquads` as at_scale.py writes them: in memory, or on disk at `location` (by
    the bulk loader, which writes RocksDB's files directly). `lenient`: every distinct term of the file was
    checked once when at_scale.py read it; checking each IRI of each quad again cost a fifth of the load (7 of
    34 s of CPU for the 7.7 M quads of KG + 1 M). In memory, one transactional load is also faster than the
    bulk loader (benchmarks/scale.py)."""
    import pyoxigraph

    if location:
        store = pyoxigraph.Store(str(location))
        store.bulk_load(path=str(nquads), format=pyoxigraph.RdfFormat.N_QUADS, lenient=True)
        return ClosureStore(store)
    store = pyoxigraph.Store()
    store.load(path=str(nquads), format=pyoxigraph.RdfFormat.N_QUADS, lenient=True)
    return ClosureStore(store)


def reason_into_store(sources: list[Path], folder: Path, parts: int = 4):
    """The closure at scale of the N-Triples `sources` in a new in-memory store, with the two cores overlapping
    the stages: a child process reasons (reasoning/at_scale.py, DuckDB) while this one loads what it has written
    so far: the asserted graph as soon as it is read, then each part of the inferred graph. Oxigraph's in-memory
    load runs on one core and holds the interpreter's lock (31 of 47 s at KG + 1M on a quiet machine), so it
    cannot share a process with the reasoning. The parts are read as one stream by one load: Oxigraph names the
    blank nodes of each load afresh, and the restrictions the inferred triples name are blank nodes of the
    asserted graph. Returns (ClosureStore, the child's Stages, the seconds and CPU seconds this process spent
    loading, this process's resident MB when the child ended). The files are left in `folder`; raises what the
    reasoning raises."""
    import multiprocessing

    import pyoxigraph

    # fork: the child starts at once and needs nothing but the arguments. Forking a process that runs threads
    # of its own can deadlock the child: call this from a script (the benchmark, a loader), not from a server.
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_reason_in_child, args=(sources, folder / "closure.nq", parts, send), daemon=True)
    child.start()
    send.close()
    stream = _Parts(receive)
    store = pyoxigraph.Store()
    began, began_cpu = time.perf_counter(), _cpu_seconds()
    try:
        store.load(input=io.BufferedReader(stream, 1 << 20), format=pyoxigraph.RdfFormat.N_QUADS, lenient=True)
    except Exception:
        if stream.error:
            raise stream.error from None
        raise
    finally:
        child.join(timeout=60)
        if child.is_alive():
            child.kill()
    if stream.error:
        raise stream.error
    return (ClosureStore(store), stream.stages, stream.waited_out(time.perf_counter() - began),
            _cpu_seconds() - began_cpu, stream.resident_mb)


class _Parts(io.RawIOBase):
    """The files the child writes, read one after the other as they are announced on `receive`; at the end,
    the child's Stages (or its error, which ends the stream)."""

    def __init__(self, receive):
        self.receive, self.file, self.stages, self.error = receive, None, None, None
        self.waiting, self.resident_mb = 0.0, float("nan")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while True:
            if self.file is None:
                if self.stages or self.error:
                    return 0
                began = time.perf_counter()
                try:
                    kind, value = self.receive.recv()
                except EOFError:  # the child ended without a word: killed, or out of memory
                    kind, value = "error", RuntimeError("The reasoning process ended before it had written the closure.")
                self.waiting += time.perf_counter() - began
                if kind == "part":
                    self.file = open(value, "rb")
                elif kind == "done":
                    self.stages, self.resident_mb = value, _resident_mb()
                else:
                    self.error = value
                continue
            read = self.file.readinto(buffer)
            if read:
                return read
            self.file.close()
            self.file = None

    def waited_out(self, seconds: float) -> float:
        """The load's own seconds: `seconds` less the time spent waiting for the child's next part."""
        return seconds - self.waiting


def _reason_in_child(sources, target, parts, send) -> None:
    from .reasoning.at_scale import closure_to_nquads

    try:
        stages = closure_to_nquads(sources, target, parts=parts, written=lambda path: send.send(("part", path)))
        send.send(("done", stages))
    except Exception as error:  # noqa: BLE001 - handed to the parent, which raises it
        try:
            send.send(("error", error))
        except Exception:  # noqa: BLE001 - an error that does not pickle: its words
            send.send(("error", RuntimeError(str(error))))


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _resident_mb() -> float:
    """This process's resident memory now (Linux; elsewhere unknown: NaN)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * resource.getpagesize() / 2**20
    except OSError:
        return float("nan")


def duties_in_store(store: ClosureStore, types, as_of=None) -> set[str]:
    """The IRIs of the duties that attach to a platform of all `types` (IRIs) on the day `as_of` (a date or
    YYYY-MM-DD; default today), as duties.duties_for gives them: the law in force that day and the proposals.
    Attaching: by the closed subclass links to hasValue restrictions on dfk:hasDuty (or a subproperty), and by
    the intersection classes the types meet; in force: by validity.py's rule, read from the store."""
    dates, intersections = store.dates()
    return _on_day(dates, _attaching(store._store, types, intersections), parse_day(as_of))


def _attaching(store, types, intersections: list[tuple[set[str], set[str]]]) -> set[str]:
    """Every duty that attaches to a platform of `types` at some time."""
    known = {str(t) for t in types}
    while True:
        known |= _superclasses(store, known)
        met = set().union(*(named for members, named in intersections if members <= known)) - known
        if not met:
            break
        known |= met
    return {row[0].value for row in store.query(_PREFIXES + f"""SELECT DISTINCT ?duty WHERE {{
        VALUES ?t {{ {' '.join(f'<{t}>' for t in sorted(known))} }}
        ?t rdfs:subClassOf ?r . ?r owl:onProperty ?p ; owl:hasValue ?duty .
        ?p rdfs:subPropertyOf* <{DFK.hasDuty}> }}""", use_default_graph_as_union=True)}


@dataclass
class _DutyDates:
    """For every duty of the store: whether it is a proposal, and for each of its legal bases the start and
    end dates stated on the basis or on what it belongs to (dfk:partOf?/dfk:inVersion?/dfk:versionOf?)."""
    proposals: set[str]
    dates: dict[str, dict[str, tuple[list, list]]]


def _duty_dates(store) -> _DutyDates:
    proposals = {row[0].value for row in store.query(
        f"SELECT ?duty WHERE {{ ?duty <{DFK.normativeStatus}> <{DFK.LexFerenda}> }}", use_default_graph_as_union=True)}
    dates: dict[str, dict[str, tuple[list, list]]] = {}
    for duty, basis, kind, value in store.query(f"""SELECT ?duty ?basis ?kind ?value WHERE {{
            ?duty <{DFK.legalBasis}> ?basis .
            OPTIONAL {{ VALUES ?kind {{ <{DFK.appliesFrom}> <{DFK.effectiveFrom}> <{DFK.noLongerInForceFrom}> }}
                       ?basis <{DFK.partOf}>?/<{DFK.inVersion}>?/<{DFK.versionOf}>? ?holder . ?holder ?kind ?value }} }}""",
                                                use_default_graph_as_union=True):
        starts, ends = dates.setdefault(duty.value, {}).setdefault(basis.value, ([], []))
        when = _day(value)
        if when:
            (ends if kind.value == str(DFK.noLongerInForceFrom) else starts).append(when)
    return _DutyDates(proposals, dates)


def _on_day(duty_dates: _DutyDates, duties: set[str], day: dt.date) -> set[str]:
    """The `duties` whose status on `day` attaches (validity.ATTACHING), by validity.Validity.timing's rule: a
    proposal always attaches; a duty in force when one of its legal bases binds that day or has no recorded date
    (or it has none). A basis binds from the latest start and until the earliest end stated on it or on what it
    belongs to."""
    proposals, dates = duty_dates.proposals, duty_dates.dates

    def binds(periods: dict) -> bool:
        return not periods or any(Period(max(s, default=None), min(e, default=None)).status_on(day) in ATTACHING
                                  for s, e in periods.values())
    return {d for d in duties if d in proposals or binds(dates.get(d, {}))}


def _day(literal) -> dt.date | None:
    """A literal typed xsd:date as a date (validity._day: other values state no date)."""
    if literal is None or getattr(literal, "datatype", None) is None or literal.datatype.value != str(XSD.date):
        return None
    try:
        return dt.date.fromisoformat(literal.value)
    except ValueError:
        return None


def _superclasses(store, classes: set[str]) -> set[str]:
    values = " ".join(f"<{c}>" for c in sorted(classes))
    rows = store.query(_PREFIXES + f"SELECT DISTINCT ?s WHERE {{ VALUES ?c {{ {values} }} ?c rdfs:subClassOf ?s "
                                   "FILTER(isIRI(?s)) }", use_default_graph_as_union=True)
    return {row[0].value for row in rows}


def _intersections(store) -> list[tuple[set[str], set[str]]]:
    """(members, named classes the intersection is a subclass of) for each intersection class: often a blank
    node equivalent to a named class, as dfk:PublicOpinionDeepSynthesisProvider."""
    import pyoxigraph

    members: dict = {}
    named: dict = {}
    rows = store.query(_PREFIXES + "SELECT ?c ?m ?n WHERE { ?c owl:intersectionOf/rdf:rest*/rdf:first ?m . "
                                   "?c rdfs:subClassOf ?n FILTER(isIRI(?n)) }", use_default_graph_as_union=True)
    for c, m, n in rows:
        members.setdefault(c, set()).add(str(m.value))
        named.setdefault(c, set()).update({n.value, c.value} if isinstance(c, pyoxigraph.NamedNode) else {n.value})
    return [(members[c], named[c]) for c in members]


def query_store(store: ClosureStore, text: str, limits: Limits = Limits()):
    """A read-only SPARQL query on the store, checked by the same guard as every public query."""
    check_query(text, limits)
    return store._store.query(text, use_default_graph_as_union=True)
