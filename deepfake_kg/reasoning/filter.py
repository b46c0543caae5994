"""What a user of this graph never sees: the reasoning artefacts both engines' closures contain."""
from __future__ import annotations

from rdflib import Graph, Literal, URIRef

from ..namespaces import OWL, RDF, RDFS

# Vocabularies whose own terms owlrl describes axiomatically ("rdf:type a rdf:Property"): noise to a user.
_META = (str(RDF), str(RDFS), str(OWL), "http://www.w3.org/2001/XMLSchema#")
_TRIVIAL_TYPES = {OWL.Thing, RDFS.Resource}
_REFLEXIVE = {OWL.sameAs, OWL.equivalentClass, OWL.equivalentProperty, RDFS.subClassOf, RDFS.subPropertyOf}
# is_meaningful runs on millions of triples: set membership hashes first and compares only on a match, where
# `==` on rdflib terms always runs Python code (and a namespace attribute lookup costs a microsecond)
_TYPE, _SUB_CLASS_OF, _THING = frozenset({RDF.type}), frozenset({RDFS.subClassOf}), frozenset({OWL.Thing})


def is_meaningful(triple) -> bool:
    """False for reasoning artefacts that mean nothing to a user of this graph."""
    s, p, o = triple
    if isinstance(s, Literal):
        return False
    if isinstance(s, URIRef) and str.startswith(s, _META):  # not URIRef.startswith: it takes no tuple
        return False
    if p in _TYPE and o in _TRIVIAL_TYPES:
        return False
    if p in _REFLEXIVE and s == o:
        return False
    if p in _SUB_CLASS_OF and o in _THING:
        return False
    return True


def inferred_part(asserted: Graph, closure: Graph) -> Graph:
    """The meaningful triples of `closure` that `asserted` does not hold."""
    inferred = Graph()
    for triple in closure:
        if triple not in asserted and is_meaningful(triple):
            inferred.add(triple)
    return inferred
