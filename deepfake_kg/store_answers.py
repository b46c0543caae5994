"""Answers from a pyoxigraph store holding a closure (the KG merged with millions of triples), where no rdflib
Graph could hold it: the closure's N-Quads go in by Oxigraph's bulk loader (reasoning/at_scale.py writes them),
and "which duties attach" is answered by a few SPARQL queries over the closed schema.

The same answer as duties.duties_for (the classifier over an rdflib closure): tests/test_at_scale.py checks
every platform-type combination of the KG against it.
"""
from __future__ import annotations

from pathlib import Path

from .namespaces import DFK
from .sparql_guard import Limits, check_query

_PREFIXES = ("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX owl: <http://www.w3.org/2002/07/owl#> "
             "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> ")


def load_store(nquads: Path, location: Path | None = None):
    """A pyoxigraph Store holding `nquads` as at_scale.py writes them: in memory, or on disk at `location` (by
    the bulk loader, which writes RocksDB's files directly). `lenient`: every distinct term of the file was
    checked once when at_scale.py read it; checking each IRI of each quad again cost a fifth of the load (7 of
    34 s of CPU for the 7.7 M quads of KG + 1 M). In memory, one transactional load is also faster than the
    bulk loader (benchmarks/scale.py)."""
    import pyoxigraph

    if location:
        store = pyoxigraph.Store(str(location))
        store.bulk_load(path=str(nquads), format=pyoxigraph.RdfFormat.N_QUADS, lenient=True)
        return store
    store = pyoxigraph.Store()
    store.load(path=str(nquads), format=pyoxigraph.RdfFormat.N_QUADS, lenient=True)
    return store


def duties_in_store(store, types) -> set[str]:
    """The IRIs of the duties that attach to a platform of all `types` (IRIs): by the closed subclass links to
    hasValue restrictions on dfk:hasDuty (or a subproperty), and by the intersection classes the types meet."""
    known = {str(t) for t in types}
    intersections = _intersections(store)
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


def query_store(store, text: str, limits: Limits = Limits()):
    """A read-only SPARQL query on the store, checked by the same guard as every public query."""
    check_query(text, limits)
    return store.query(text, use_default_graph_as_union=True)
