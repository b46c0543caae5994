"""Store the asserted and inferred graphs in any SPARQL 1.1 Graph Store Protocol endpoint (Oxigraph's /store,
Fuseki's /DATASET/data, GraphDB's /repositories/REPO/rdf-graphs/service): one PUT per named graph.

Each PUT replaces that graph, so publishing again leaves the same two graphs, not twice as many triples.
A blank node in one request can never be the same node as a blank node in another, yet the inferred graph
mentions the ontology's anonymous class expressions (`dfk:VideoSharingPlatform rdfs:subClassOf [ owl:onProperty
dfk:hasDuty ; owl:hasValue … ]`). Blank nodes are therefore sent as skolem IRIs (RDF 1.1 §3.5) under
https://w3id.org/deepfake-kg/.well-known/genid/, the same IRI in both graphs.
"""
from __future__ import annotations

import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from rdflib import BNode, Graph

from .errors import PublishError
from .namespaces import ASSERTED_GRAPH, GENID, INFERRED_GRAPH

# N-Triples is a subset of Turtle, and text/turtle is the one format every Graph Store accepts.
_CONTENT_TYPE = "text/turtle; charset=utf-8"


@dataclass
class PublishedGraph:
    graph: str
    triples: int
    status: int
    seconds: float


def publish(kg, endpoint: str, timeout: float = 30.0) -> list[PublishedGraph]:
    """PUT the asserted and the inferred graph of `kg` to `endpoint`?graph=<name>; raises PublishError."""
    if not endpoint.startswith(("http://", "https://")) or not urllib.parse.urlsplit(endpoint).hostname:
        raise PublishError(f"The Graph Store endpoint {endpoint!r} is not an http(s) URL.")
    done = []
    for name, graph in ((ASSERTED_GRAPH, kg.asserted), (INFERRED_GRAPH, kg.inferred)):
        body = skolemized_ntriples(graph).encode("utf-8")
        url = endpoint + ("&" if urllib.parse.urlsplit(endpoint).query else "?") + urllib.parse.urlencode({"graph": str(name)})
        request = urllib.request.Request(url, data=body, method="PUT", headers={"Content-Type": _CONTENT_TYPE})
        started = time.perf_counter()
        status = _put(request, endpoint, str(name), timeout)
        done.append(PublishedGraph(str(name), len(graph), status, time.perf_counter() - started))
    return done


def skolemized_ntriples(graph: Graph) -> str:
    """`graph` as N-Triples, each blank node replaced by its skolem IRI (stable within this process)."""
    out = Graph()
    for triple in graph:
        out.add(tuple(GENID[str(term)] if isinstance(term, BNode) else term for term in triple))
    return out.serialize(format="nt")


def _put(request: urllib.request.Request, endpoint: str, graph: str, timeout: float) -> int:
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read(1024)
            return response.status
    except urllib.error.HTTPError as error:
        detail = error.read(300).decode("utf-8", "replace").strip()
        hint = " (the store is read-only: publish to a server that accepts writes)" if error.code in (403, 405) else ""
        raise PublishError(f"The Graph Store {endpoint} refused graph <{graph}>: HTTP {error.code} "
                           f"{detail or error.reason}{hint}.") from None
    except (socket.timeout, TimeoutError):
        raise PublishError(f"The Graph Store {endpoint} did not answer within {timeout:g} s while storing <{graph}>.") from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, (socket.timeout, TimeoutError)):
            raise PublishError(f"The Graph Store {endpoint} did not answer within {timeout:g} s while storing <{graph}>.") from None
        reason = getattr(error.reason, "strerror", None) or str(error.reason)
        raise PublishError(f"Cannot reach the Graph Store endpoint {endpoint}: {reason}.") from None
    except (ConnectionError, OSError) as error:
        raise PublishError(f"Cannot reach the Graph Store endpoint {endpoint}: {error}.") from None
