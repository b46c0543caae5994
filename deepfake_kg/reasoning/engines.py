"""One interface for the OWL 2 RL closure, three engines: "owlrl" (the reference semantics), "reasonable" (fast,
the default) and "scale" (at_scale.py: the schema rules and the rules about individuals as set operations in
DuckDB, the result as N-Quads for a store; for millions of triples, where no closure should become Python objects).

`closure(asserted, engine)` is the unfiltered closure; `infer(asserted, engine)` applies to either engine's
closure the same contradiction checks (consistency.py) and the same filter (filter.py), so the inferred graph a
user sees does not depend on the engine; `reason()` gives it as an rdflib Graph, for the build.
tests/test_engine.py proves the two engines' inferred graphs equal on this project's knowledge graph, and
tests/owl2rl/ on every rule of the OWL 2 RL tables. Where the engines differ and why: docs/reasoning.md.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager

from rdflib import Graph, Literal

from .consistency import check_consistency, rl_violations
from .filter import is_meaningful
from .views import TripleView

ENGINES = ("owlrl", "reasonable", "scale")
# The default: tests/test_engine.py proves its inferred graph equal to owlrl's on this KG, and it reasons
# over the KG in about 0.2 s where owlrl takes about 5 s (benchmarks/run.py; the README's Performance table).
DEFAULT_ENGINE = "reasonable"


def closure(asserted, engine: str = DEFAULT_ENGINE) -> set:
    """The unfiltered OWL 2 RL closure (asserted triples included) of `asserted`, a Graph or triples."""
    if engine == "owlrl":
        return set(owlrl_closure(_as_graph(asserted)))
    if engine == "reasonable":
        from .reasonable_completion import reasonable_closure

        with _no_cycle_collection():
            return reasonable_closure(asserted)
    if engine == "scale":
        from .at_scale import triples_through_a_file

        return triples_through_a_file(asserted, unfiltered=True)
    raise _unknown(engine)


def infer(asserted, engine: str = DEFAULT_ENGINE) -> set:
    """The checked, filtered inferred triples of `asserted`; raises InconsistentGraph naming the resources."""
    if engine == "owlrl":
        graph = _as_graph(asserted)
        full = owlrl_closure(graph)
        check_consistency(full, graph, extra_problems=rl_violations(full))
        return {t for t in full if t not in graph and is_meaningful(t)}
    if engine == "reasonable":
        from .reasonable_completion import reasonable_view

        with _no_cycle_collection():
            base = set(asserted)
            view = reasonable_view(base)
            # reasonable makes no literal: the asserted literals are all the closure has
            check_consistency(view, TripleView(base), extra_problems=rl_violations(view, _literals_of(base)))
            return {t for t in view.triples - base if is_meaningful(t)}
    if engine == "scale":
        from .at_scale import triples_through_a_file

        return triples_through_a_file(asserted)
    raise _unknown(engine)


def reason(asserted: Graph, engine: str = DEFAULT_ENGINE) -> Graph:
    """`infer` as an rdflib Graph: what the build stores as the inferred graph."""
    inferred = Graph()
    for triple in infer(asserted, engine):
        inferred.add(triple)
    return inferred


def owlrl_closure(asserted: Graph) -> Graph:
    """Everything owlrl's OWL-RL semantics derives from `asserted`, unfiltered (errors included)."""
    import owlrl  # only a build or a test needs it: not loaded with the package

    closure = Graph()
    for triple in asserted:
        closure.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, rdfs_closure=False, axiomatic_triples=False,
                           datatype_axioms=False).expand(closure)
    return closure


def _unknown(engine: str) -> ValueError:
    return ValueError(f"Unknown reasoning engine {engine!r}: choose one of {', '.join(ENGINES)}.")


@contextmanager
def _no_cycle_collection():
    """Python's cycle collector rescans every live tuple each time enough new ones are made: with a closure of
    a million triples alive, that was most of the time spent here (4× on 100k triples). Triples hold no cycles."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _as_graph(triples) -> Graph:
    if isinstance(triples, Graph):
        return triples
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    return graph


def _literals_of(triples) -> set:
    return {o for s, p, o in triples if type(o) is Literal}
