"""Read the W3C test manifests (rdf-tests' `mf:` vocabulary) into small test-case records.

The manifests are the suite's own Turtle files, copied unchanged into tests/w3c/ (see README.md there); they are
trusted input, so they are read with plain rdflib. Relative IRIs in a manifest resolve against its file, so every
action and result is a local file; `base` is the IRI the suite assumes a test document has (`mf:assumedTestBase`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlparse

from rdflib import RDF, Graph, Namespace, URIRef
from rdflib.collection import Collection

HERE = Path(__file__).parent
SPARQL11 = HERE / "sparql" / "sparql11"
RDF11 = HERE / "rdf" / "rdf11"

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
QT = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-query#")
RDFT = Namespace("http://www.w3.org/ns/rdftest#")


@dataclass(frozen=True)
class Case:
    id: str  # "<directory>/<name>", e.g. "aggregates/agg-empty-group-max-2"
    kind: str  # the test type's local name, e.g. "QueryEvaluationTest", "TestTurtleEval"
    name: str
    action: Path | None = None  # the query or document under test
    result: Path | None = None
    data: tuple[Path, ...] = ()  # default-graph data (SPARQL evaluation)
    graph_data: tuple[Path, ...] = ()  # named graphs, each named by its file's IRI
    base: str | None = None  # the IRI the suite assumes for `action`
    node: URIRef | None = field(default=None, compare=False)

    def __str__(self) -> str:
        return self.id


def local(iri) -> Path:
    return Path(unquote(urlparse(str(iri)).path))


@lru_cache(maxsize=None)
def read_manifest(path: Path) -> tuple[Graph, tuple[Case, ...]]:
    graph = Graph().parse(path, format="turtle", publicID=path.resolve().as_uri())
    manifest = URIRef(path.resolve().as_uri())
    assumed = graph.value(manifest, MF.assumedTestBase)
    cases = []
    for node in _entries(graph, manifest):
        kind = graph.value(node, RDF.type)
        action = graph.value(node, MF.action)
        result = graph.value(node, MF.result)
        data, graph_data, query = (), (), None
        if action is not None and (action, QT.query, None) in graph:
            query = graph.value(action, QT.query)
            data = tuple(sorted(local(d) for d in graph.objects(action, QT.data)))
            graph_data = tuple(sorted(local(d) for d in graph.objects(action, QT.graphData)))
            action = query
        action_path = local(action) if isinstance(action, URIRef) else None
        base = None
        if assumed is not None and action_path is not None:
            base = str(assumed) + action_path.relative_to(path.parent.resolve()).as_posix()
        name = str(graph.value(node, MF.name) or node.split("#")[-1])
        fragment = str(node).split("#")[-1] if "#" in str(node) else name
        cases.append(Case(id=f"{path.parent.name}/{fragment}", kind=str(kind).split("#")[-1], name=name,
                          action=action_path, result=local(result) if isinstance(result, URIRef) else None,
                          data=data, graph_data=graph_data, base=base, node=node))
    return graph, tuple(cases)


def _entries(graph: Graph, manifest: URIRef) -> list:
    entries = graph.value(manifest, MF.entries)
    return list(Collection(graph, entries)) if entries is not None else []


def cases(directories: list[Path], kinds: set[str]) -> list[Case]:
    """Every test of the given types in the manifests of `directories`, in manifest order."""
    found = []
    for directory in directories:
        found += [case for case in read_manifest(directory / "manifest.ttl")[1] if case.kind in kinds]
    return found


# The SPARQL 1.1 query suite: the directories manifest-sparql11-query.ttl includes.
QUERY_DIRS = [SPARQL11 / d for d in ("aggregates", "bind", "bindings", "cast", "construct", "exists", "functions",
                                     "grouping", "negation", "project-expression", "property-path", "subquery",
                                     "syntax-query")]
# Syntax tests that a read-only, no-federation guard must refuse even when they are valid SPARQL.
REFUSED_DIRS = [SPARQL11 / d for d in ("syntax-fed", "syntax-update-1", "syntax-update-2")]
RDF_DIRS = {fmt: RDF11 / d for fmt, d in (("Turtle", "rdf-turtle"), ("N-Triples", "rdf-n-triples"),
                                          ("N-Quads", "rdf-n-quads"), ("TriG", "rdf-trig"), ("RDF/XML", "rdf-xml"))}
