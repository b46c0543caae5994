"""The SPARQL 1.1 Protocol tests (sparql11/protocol/manifest.ttl) as plain records: each test is a list of HTTP
requests with the response expected for each."""
from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import RDF, Namespace
from rdflib.collection import Collection

from .manifest import MF, SPARQL11, read_manifest

HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
PROTOCOL_DIR = SPARQL11 / "protocol"


@dataclass
class Exchange:
    method: str
    path: str  # starts with /sparql/ in the suite
    headers: dict[str, str] = field(default_factory=dict)
    body: str | None = None
    statuses: tuple[int, ...] = ()  # acceptable status classes: 2, 3, 4, 5
    result: str | None = None  # "boolean", "tabular", "RDF"
    boolean: bool | None = None


@dataclass
class ProtocolTest:
    id: str
    name: str
    exchanges: list[Exchange]


def protocol_tests() -> list[ProtocolTest]:
    graph, _ = read_manifest(PROTOCOL_DIR / "manifest.ttl")
    manifest = next(graph.subjects(RDF.type, MF.Manifest))
    tests = []
    for node in Collection(graph, graph.value(manifest, MF.entries)):
        action = graph.value(node, MF.action)
        exchanges = []
        for request in Collection(graph, graph.value(action, HT.requests)):
            headers = {}
            header_list = graph.value(request, HT.headers)
            if header_list is not None:
                for header in Collection(graph, header_list):
                    headers[str(graph.value(header, HT.fieldName)).lower()] = str(graph.value(header, HT.fieldValue))
            body = graph.value(request, HT.body)
            response = graph.value(request, HT.resp)
            statuses = tuple(sorted(int(str(s).rsplit("StatusCode", 1)[1][0]) for s in graph.objects(response, MF.expectedStatus)))
            boolean = graph.value(response, MF.expectedBoolean)
            result = graph.value(response, MF.expectedFormat)
            exchanges.append(Exchange(
                method=str(graph.value(request, HT.methodName)), path=str(graph.value(request, HT.absolutePath)),
                headers=headers, body=str(graph.value(body, CNT.chars)) if body is not None else None,
                statuses=statuses, result=str(result) if result is not None else None,
                boolean=boolean.toPython() if boolean is not None else None))
        tests.append(ProtocolTest(id=str(node).split("#")[-1], name=str(graph.value(node, MF.name)), exchanges=exchanges))
    return tests
