"""The same tests on plain rdflib and plain pyoxigraph (no guard, no child process, no HTTP): an expected
failure is only listed if the library itself fails the test this way too."""
from __future__ import annotations

from collections import Counter

from .results import dataset_for, exact_literals, key_of_term, with_base

MIME = {".ttl": "text/turtle", ".nt": "application/n-triples", ".rdf": "application/rdf+xml"}


def rdflib_answer(case):
    result = dataset_for(case.data, case.graph_data).query(with_base(case.action.read_text(encoding="utf-8"), case.action))
    return _answer(result.type, result)


def oxigraph_answer(case):
    import pyoxigraph as ox

    store = ox.Store()
    for path in case.data:
        store.load(path=str(path), format=ox.RdfFormat.from_media_type(MIME[path.suffix]),
                   base_iri=path.resolve().as_uri(), to_graph=ox.DefaultGraph())
    for path in case.graph_data:
        store.load(path=str(path), format=ox.RdfFormat.from_media_type(MIME[path.suffix]),
                   base_iri=path.resolve().as_uri(), to_graph=ox.NamedNode(path.resolve().as_uri()))
    result = store.query(case.action.read_text(encoding="utf-8"), base_iri=case.action.resolve().as_uri())
    from rdflib import BNode, Graph, Literal, URIRef

    with exact_literals():
        return _oxigraph_answer(ox, result)


def _oxigraph_answer(ox, result):
    from rdflib import BNode, Graph, Literal, URIRef

    def term(t):
        if isinstance(t, ox.BlankNode):
            return BNode(t.value)
        if isinstance(t, ox.NamedNode):
            return URIRef(t.value)
        return Literal(t.value, lang=t.language, datatype=None if t.language else URIRef(t.datatype.value))

    if isinstance(result, (bool, ox.QueryBoolean)):
        return ("ASK", bool(result))
    if isinstance(result, ox.QuerySolutions):
        variables = [v.value for v in result.variables]
        rows = Counter(tuple(sorted((v, key_of_term(term(s[v]))) for v in variables if s[v] is not None)) for s in result)
        return ("SELECT", sorted(variables), rows)
    graph = Graph()
    for triple in result:
        graph.add((term(triple.subject), term(triple.predicate), term(triple.object)))
    return ("GRAPH", graph)


def _answer(form, result):
    from rdflib import Graph

    if form == "ASK":
        return ("ASK", bool(result.askAnswer))
    if form in ("CONSTRUCT", "DESCRIBE"):
        graph = Graph()
        for triple in result:
            graph.add(triple)
        return ("GRAPH", graph)
    rows = Counter(tuple(sorted((str(v), key_of_term(t)) for v, t in solution.items()
                                if t is not None and hasattr(t, "n3"))) for solution in result.bindings)
    return ("SELECT", sorted(str(v) for v in result.vars), rows)


def same(answer, expected) -> bool:
    from rdflib.compare import isomorphic

    if answer[0] != expected[0]:
        return False
    if answer[0] == "GRAPH":
        return isomorphic(answer[1], expected[1])
    return answer[-1] == expected[-1]
