"""Every IRI the code refers to, in one place."""
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
    """Expand 'prefix:local' to an IRI, or return None when it is not a known CURIE."""
    prefix, sep, local = text.partition(":")
    if sep and prefix in PREFIXES and not local.startswith("//"):
        return URIRef(str(PREFIXES[prefix]) + local)
    return None
