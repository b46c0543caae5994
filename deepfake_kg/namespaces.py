"""Every IRI the code refers to, in one place."""
import re

from rdflib import Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD, DCTERMS  # noqa: F401  (re-exported)

BASE = "https://w3id.org/deepfake-kg/"
DFK = Namespace(BASE + "ontology#")
ID = Namespace(BASE + "id/")
OA = Namespace("http://www.w3.org/ns/oa#")
SH = Namespace("http://www.w3.org/ns/shacl#")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
# owlrl reports inconsistencies as resources of this class (it never raises).
OWLRL_ERR = Namespace("http://www.daml.org/2002/03/agents/agent-ont#")

ONTOLOGY_IRI = URIRef(BASE + "ontology")
ASSERTED_GRAPH = URIRef(BASE + "graph/asserted")
INFERRED_GRAPH = URIRef(BASE + "graph/inferred")
# RDF 1.1 skolem IRIs (§3.5): blank nodes made into IRIs where two documents must name the same node.
GENID = Namespace(BASE + ".well-known/genid/")
# Where the release files are published (dist/ holds them, `deepfake-kg release` writes them).
JSONLD_CONTEXT_IRI = URIRef(BASE + "context.jsonld")
DATASET_IRI = URIRef(BASE + "dataset")

PREFIXES = {
    "dfk": DFK,
    "id": ID,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "oa": OA,
    "schema": SCHEMA,
    "prov": PROV,
}


def curie(iri) -> str:
    """Shorten an IRI with the project's prefixes (falls back to the IRI itself)."""
    text = str(iri)
    for prefix, ns in PREFIXES.items():
        if text.startswith(str(ns)) and len(text) > len(str(ns)):
            return f"{prefix}:{text[len(str(ns)):]}"
    return text


def expand(text: str):
    """Expand 'prefix:local' to an IRI, or return None when it is not a known CURIE (or would not be a valid IRI)."""
    prefix, sep, local = text.partition(":")
    if sep and prefix in PREFIXES and not local.startswith("//"):
        return iri(str(PREFIXES[prefix]) + local)
    return None


# Characters RFC 3987 forbids in an IRI. rdflib accepts them with a logged warning ("does not look like a valid
# URI") and fails later, on export; text a user typed with one of them names nothing.
_NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def iri(text: str):
    """`text` as a URIRef, or None when it cannot be an IRI."""
    return None if _NOT_IN_IRI.search(text) else URIRef(text)


# External vocabularies, by the prefix the release and `describe` use. Every term of these namespaces that a
# file uses must be listed in ontology/external-iris.txt (tests/test_external_iris.py).
VOCABULARY_PREFIXES = {
    "eli": Namespace("http://data.europa.eu/eli/ontology#"),
    "elidl": Namespace("http://data.europa.eu/eli/eli-draft-legislation-ontology#"),
    "dpv": Namespace("https://w3id.org/dpv#"),
    "odrl": Namespace("http://www.w3.org/ns/odrl/2/"),
    "fabio": Namespace("http://purl.org/spar/fabio/"),
    "cito": Namespace("http://purl.org/spar/cito/"),
    "lkif": Namespace("http://www.estrellaproject.org/lkif-core/norm.owl#"),
    "lkifa": Namespace("http://www.estrellaproject.org/lkif-core/legal-action.owl#"),
    "dcat": Namespace("http://www.w3.org/ns/dcat#"),
    "void": Namespace("http://rdfs.org/ns/void#"),
    "time": Namespace("http://www.w3.org/2006/time#"),
}
# Namespaces checked against that list; LKIF-Core and wrong-but-common spellings (http://schema.org/, DC
# elements) by their stem, so that any use of them has to be listed too.
EXTERNAL_NAMESPACES = [
    *(str(ns) for ns in VOCABULARY_PREFIXES.values()),
    str(OA), str(PROV), str(SCHEMA), str(DCTERMS), str(SKOS),
    "http://www.estrellaproject.org/lkif-core/",
    "http://schema.org/",
    "http://purl.org/dc/elements/1.1/",
    "http://xmlns.com/foaf/0.1/",
]


def bind_prefixes(graph, vocabularies: bool = False):
    """Bind the project's prefixes (with `vocabularies`: the external ones too) on `graph`, replacing rdflib's
    defaults; the only place prefixes are bound, so every serialisation spells IRIs the same way."""
    chosen = {**PREFIXES, **VOCABULARY_PREFIXES} if vocabularies else PREFIXES
    for prefix, ns in chosen.items():
        graph.bind(prefix, ns, override=True, replace=True)
    return graph


def jsonld_context(vocabularies: bool = True) -> dict:
    """A JSON-LD @context of the prefixes (the published one, context.jsonld, names the external ones too)."""
    chosen = {**PREFIXES, **VOCABULARY_PREFIXES} if vocabularies else PREFIXES
    return {prefix: str(ns) for prefix, ns in sorted(chosen.items())}
