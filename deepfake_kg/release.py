"""`deepfake-kg release`: the files another project downloads, in dist/.

- the ontology, the data and the inferred graph, each in Turtle, JSON-LD, N-Triples and RDF/XML;
- kg.nq and kg.trig: both named graphs in one document, the file to load into a triple store;
- context.jsonld: the JSON-LD context the .jsonld files name by IRI (https://w3id.org/deepfake-kg/context.jsonld);
- void.ttl: a VoID + DCAT description (triple counts, licence, version, example resources, SPARQL endpoint,
  vocabularies, one dcat:Distribution per file with its media type and byte size);
- ontology.html: documentation of the ontology made by pyLODE, run offline (its process may open no socket).

Blank nodes are scoped to one document. The ontology's anonymous class expressions (`[ owl:onProperty dfk:hasDuty ;
owl:hasValue … ]`) are blank nodes, and the inferred graph points at them (every inherited duty is an inferred
`rdfs:subClassOf` to one). So inferred.* repeats the description of each class expression it mentions: it reads on
its own, and loaded beside ontology.* gives equivalent copies of those expressions. kg.nq / kg.trig keep the
graphs exactly (one document, shared blank nodes).
"""
from __future__ import annotations

import datetime
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Dataset, Graph, Literal, URIRef

from . import __version__
from .errors import ReleaseError
from .load import load_sources
from .formats import DATASET_FORMATS, GRAPH_FORMATS, Format, for_suffix
from .namespaces import (BASE, DATASET_IRI, DCTERMS, ID, JSONLD_CONTEXT_IRI, OWL, PREFIXES, RDF, RDFS,
                         VOCABULARY_PREFIXES, XSD, bind_prefixes)
from .namespaces import jsonld_context as namespace_context
from .paths import DATA_DIR, IN_CHECKOUT, ONTOLOGY_DIR, ROOT, SHAPES_FILE
from .turtle import turtle

DIST_DIR = ROOT / "dist" if IN_CHECKOUT else Path("dist")  # never into an installed package
DEFAULT_SPARQL_ENDPOINT = "http://127.0.0.1:7878/query"  # what `deepfake-kg serve` starts
LICENSE = URIRef("https://creativecommons.org/licenses/by/4.0/")
SPARQL_PROTOCOL = URIRef("https://www.w3.org/TR/sparql11-protocol/")
_IANA = "https://www.iana.org/assignments/media-types/"

DCAT = VOCABULARY_PREFIXES["dcat"]
VOID = VOCABULARY_PREFIXES["void"]

# Each part in every graph format of formats.py; both named graphs together in the dataset formats.
FORMATS = GRAPH_FORMATS
PARTS = {
    "ontology": ("Ontology", "The TBox: classes, properties, platform types, duty-attachment axioms and the "
                             "alignments to ELI, DPV, ODRL, PROV-O, DCTERMS, SKOS, CiTO / FaBiO, schema.org and LKIF."),
    "data": ("Data", "The ABox: instruments, provisions, duties, offences, sanctions, knowledge standards, cases, "
                     "proposals, references, and the verbatim passages of the paper each assertion is taken from."),
    "inferred": ("Inferred graph", "What OWL 2 RL reasoning (engine: {engine}) derives from the ontology and the data, "
                                   "e.g. which duties attach to which platform types. Repeats the description of each "
                                   "anonymous class expression it mentions, so that it reads on its own."),
}
EXAMPLE_RESOURCES = [ID["instrument/cn-criminal-law"], ID["duty/csl-47-stop-transmission"], ID["case/qvod"],
                     ID["instrument/eu-ai-act"], URIRef(PREFIXES["dfk"] + "VideoSharingPlatform")]


@dataclass
class ReleasedFile:
    path: Path
    part: str  # ontology | data | inferred | dataset | context | void | docs
    media_type: str
    triples: int = 0

    @property
    def bytes(self) -> int:
        return self.path.stat().st_size


def jsonld_context() -> dict:
    """The published @context: the project's and the external vocabularies' prefixes."""
    return {"@context": namespace_context()}


def release(kg=None, out: Path = DIST_DIR, sparql_endpoint: str = DEFAULT_SPARQL_ENDPOINT, docs: bool = True) -> list[ReleasedFile]:
    """Write the release into `out` (files are written aside first and moved in at the end)."""
    from .build import get_kg

    kg = kg or get_kg()
    out = Path(out)
    parts = {
        "ontology": load_sources(sorted(p for p in ONTOLOGY_DIR.glob("*.ttl") if p != SHAPES_FILE)),
        "data": load_sources(sorted(DATA_DIR.glob("*.ttl"))),
        "inferred": self_contained(kg.inferred, kg.asserted),
    }
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".release-", dir=out) as staging_dir:
        staging = Path(staging_dir)
        files = [_write_context(staging)]
        for part, graph in parts.items():
            for fmt in FORMATS:
                files.append(_write_graph(_bind_all(graph), staging / f"{part}{fmt.suffix}", part, fmt))
        for fmt in DATASET_FORMATS:
            path = staging / f"kg{fmt.suffix}"
            kg.dataset.serialize(path, format=fmt.rdflib, encoding="utf-8")
            files.append(ReleasedFile(path, "dataset", fmt.media_type, len(kg.asserted) + len(kg.inferred)))
        if docs:
            files.append(_write_docs(staging / "ontology.ttl", staging / "ontology.html"))
        void = void_graph(kg, parts, files, sparql_endpoint)
        void_path = staging / "void.ttl"
        void_path.write_text(turtle(void), encoding="utf-8")
        files.append(ReleasedFile(void_path, "void", "text/turtle", len(void)))
        for released_file in files:
            check_reparses(released_file, staging / "context.jsonld")
        released = []
        for released_file in files:
            target = out / released_file.path.name
            os.replace(released_file.path, target)
            released.append(ReleasedFile(target, released_file.part, released_file.media_type, released_file.triples))
    return released


def self_contained(inferred: Graph, asserted: Graph) -> Graph:
    """`inferred` plus the asserted description of every blank node it mentions (recursively)."""
    graph = Graph()
    for triple in inferred:
        graph.add(triple)
    pending = [term for triple in inferred for term in triple if isinstance(term, BNode)]
    seen = set()
    while pending:
        node = pending.pop()
        if node in seen:
            continue
        seen.add(node)
        for p, o in asserted.predicate_objects(node):
            graph.add((node, p, o))
            if isinstance(o, BNode):
                pending.append(o)
    return graph


def check_reparses(released: ReleasedFile, context_file: Path) -> None:
    """Raise ReleaseError unless `released` re-reads (in rdflib) as exactly as many triples as were written."""
    found = for_suffix(released.path.suffix)
    reader = found.rdflib if found else None
    if released.path.suffix == ".jsonld" and released.part != "context":
        graph = read_jsonld(released.path, context_file)
    elif reader in ("nquads", "trig"):
        graph = Dataset()
        graph.parse(released.path, format=reader)
        graph = list(graph.quads((None, None, None, None)))
    elif reader:
        graph = Graph().parse(released.path, format=reader)
    else:
        return
    if len(graph) != released.triples:
        raise ReleaseError(f"{released.path.name} re-reads as {len(graph)} triples, not the {released.triples} written.")


def read_jsonld(path: Path, context_file: Path) -> Graph:
    """Parse a released .jsonld file with the context read from `context_file`, never fetched from the web."""
    document = json.loads(Path(path).read_text(encoding="utf-8"))
    if document.get("@context") == str(JSONLD_CONTEXT_IRI):
        document["@context"] = json.loads(Path(context_file).read_text(encoding="utf-8"))["@context"]
    if isinstance(document.get("@context"), str):
        raise ReleaseError(f"{path}: its @context {document['@context']!r} is not the published one.")
    return Graph().parse(data=json.dumps(document), format="json-ld")


def void_graph(kg, parts: dict[str, Graph], files: list[ReleasedFile], sparql_endpoint: str) -> Graph:
    """VoID + DCAT description of the release."""
    g = _bind_all(Graph())
    dataset = DATASET_IRI
    g.add((dataset, RDF.type, VOID.Dataset))
    g.add((dataset, RDF.type, DCAT.Dataset))
    g.add((dataset, DCTERMS.title, Literal("Deepfake Platform Liability Knowledge Graph", lang="en")))
    g.add((dataset, DCTERMS.description, Literal(
        "Platform criminal liability in deepfake governance, modelled from Xuanting Liu, 'Normative construction of "
        "platform criminal liability in the governance of deepfake technology': every norm of the paper as RDF, "
        "current law and the author's proposals kept apart, each assertion traced to a verbatim passage, and the "
        "duties OWL-RL reasoning attaches to each platform type. Not legal advice.", lang="en")))
    g.add((dataset, DCTERMS.license, LICENSE))
    g.add((dataset, OWL.versionInfo, Literal(__version__)))
    g.add((dataset, DCTERMS.modified, Literal(datetime.date.today().isoformat(), datatype=XSD.date)))
    g.add((dataset, DCTERMS.source, ID["paper/liu-platform-criminal-liability"]))
    g.add((dataset, VOID.triples, Literal(len(kg.asserted) + len(kg.inferred))))
    g.add((dataset, VOID.uriSpace, Literal(str(ID))))
    g.add((dataset, VOID.sparqlEndpoint, URIRef(sparql_endpoint)))
    closure = kg.closure
    for example in EXAMPLE_RESOURCES:
        if (example, None, None) in closure:
            g.add((dataset, VOID.exampleResource, example))
    for namespace in vocabularies_used(kg.asserted):
        g.add((dataset, VOID.vocabulary, URIRef(namespace)))

    service = URIRef(BASE + "sparql")
    g.add((service, RDF.type, DCAT.DataService))
    g.add((service, DCTERMS.title, Literal("SPARQL endpoint started by `deepfake-kg serve` (Oxigraph, read-only, on this machine)", lang="en")))
    g.add((service, DCAT.endpointURL, URIRef(sparql_endpoint)))
    g.add((service, DCAT.servesDataset, dataset))
    g.add((service, DCTERMS.conformsTo, SPARQL_PROTOCOL))

    for part, (title, description) in PARTS.items():
        subset = URIRef(f"{DATASET_IRI}/{part}")
        g.add((dataset, VOID.subset, subset))
        g.add((subset, RDF.type, VOID.Dataset))
        g.add((subset, RDF.type, DCAT.Dataset))
        g.add((subset, DCTERMS.title, Literal(title, lang="en")))
        g.add((subset, DCTERMS.description, Literal(description.format(engine=kg.manifest.get("engine", "reasonable")), lang="en")))
        g.add((subset, DCTERMS.license, LICENSE))
        g.add((subset, VOID.triples, Literal(len(parts[part]))))
        if part == "ontology" and any(f.part == "docs" for f in files):
            g.add((subset, DCAT.landingPage, URIRef(BASE + "ontology.html")))
    _add_distributions(g, dataset, files)
    return g


def _add_distributions(g: Graph, dataset: URIRef, files: list[ReleasedFile]) -> None:
    """One dcat:Distribution (and void:dataDump) per released graph file, with its media type and size."""
    for released in files:
        if released.part in ("context", "docs"):
            continue
        owner = dataset if released.part == "dataset" else URIRef(f"{DATASET_IRI}/{released.part}")
        download = URIRef(BASE + released.path.name)
        distribution = URIRef(f"{BASE}distribution/{released.path.name}")
        g.add((owner, DCAT.distribution, distribution))
        g.add((owner, VOID.dataDump, download))
        g.add((distribution, RDF.type, DCAT.Distribution))
        g.add((distribution, DCTERMS.title, Literal(released.path.name)))
        g.add((distribution, DCAT.downloadURL, download))
        g.add((distribution, DCAT.accessURL, download))
        g.add((distribution, DCAT.mediaType, URIRef(_IANA + released.media_type)))
        g.add((distribution, DCAT.byteSize, Literal(released.bytes, datatype=XSD.nonNegativeInteger)))
        g.add((distribution, DCTERMS.license, LICENSE))


def vocabularies_used(graph: Graph) -> list[str]:
    """The namespaces (core W3C and external) whose terms `graph` uses as predicate, class or value."""
    candidates = {str(ns) for ns in (*VOCABULARY_PREFIXES.values(), *PREFIXES.values())} - {str(PREFIXES["id"])}
    candidates.add("http://www.estrellaproject.org/lkif-core/legal-role.owl#")
    used = set()
    for s, p, o in graph:
        for term in (p, o) if p != RDFS.seeAlso else (p,):
            if isinstance(term, URIRef):
                used.update(ns for ns in candidates if str(term).startswith(ns) and len(str(term)) > len(ns))
    return sorted(used)


def _bind_all(graph: Graph) -> Graph:
    return bind_prefixes(graph, vocabularies=True)


def _write_context(staging: Path) -> ReleasedFile:
    path = staging / "context.jsonld"
    path.write_text(json.dumps(jsonld_context(), indent=2) + "\n", encoding="utf-8")
    return ReleasedFile(path, "context", "application/ld+json")


def _write_graph(graph: Graph, path: Path, part: str, fmt: Format) -> ReleasedFile:
    media_type = fmt.media_type
    if fmt.name == "jsonld":
        # Compact with the context, then name the published context by IRI instead of inlining it.
        document = json.loads(graph.serialize(format="json-ld", context=jsonld_context()["@context"], auto_compact=True))
        document["@context"] = str(JSONLD_CONTEXT_IRI)
        path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    elif fmt.name == "ttl":
        path.write_text(turtle(graph), encoding="utf-8")
    else:
        try:
            graph.serialize(path, format=fmt.rdflib, encoding="utf-8")
        except Exception as error:  # rdflib's RDF/XML writer refuses predicates it cannot split into a QName
            raise ReleaseError(f"Could not write {path.name}: {error}") from None
    return ReleasedFile(path, part, media_type, len(graph))


# pyLODE runs in its own process, in isolated mode (no script directory or user site on sys.path), and may
# open no socket: if it ever tried to fetch anything, the release would fail instead of quietly going online.
_PYLODE = """
import logging, sys
def refuse(event, args):
    if event in ("socket.connect", "socket.getaddrinfo", "socket.sendto", "urllib.Request"):
        raise PermissionError("pyLODE tried to reach the network (" + event + ")")
sys.addaudithook(refuse)
logging.disable(logging.CRITICAL)
from pathlib import Path
from pylode import OntPub
OntPub(sys.argv[1]).make_html(destination=Path(sys.argv[2]))
"""


def _write_docs(ontology_ttl: Path, html: Path) -> ReleasedFile:
    try:
        import pylode  # noqa: F401
    except ImportError:
        raise ReleaseError("pyLODE is not installed: run `pip install -e '.[release]'` (it pins pylode 3.3.4), or pass --no-docs.") from None
    try:
        done = subprocess.run([sys.executable, "-I", "-c", _PYLODE, str(ontology_ttl), str(html)],
                              capture_output=True, text=True, timeout=300, cwd=html.parent)
    except subprocess.TimeoutExpired:
        raise ReleaseError("pyLODE took longer than 300 s to document the ontology.") from None
    # pyLODE prints its own errors and exits 0 (utils.load_ontology calls exit()): check the file, not the code.
    if done.returncode != 0 or not html.is_file() or html.stat().st_size == 0:
        detail = [line for line in (done.stderr + done.stdout).splitlines() if line.strip()]
        raise ReleaseError(f"pyLODE could not document the ontology: {detail[-1] if detail else 'no output'}")
    return ReleasedFile(html, "docs", "text/html")
