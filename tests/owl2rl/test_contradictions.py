"""Contradictions that need a rule the fast engine once lacked (cls-maxc2, cls-maxqc3/4, prp-key, cls-oo, eq-rep on
the triples withheld from reasonable): each engine refuses them, naming the same resources."""
import pytest
from rdflib import Graph, URIRef

from deepfake_kg import reasoning
from deepfake_kg.errors import InconsistentGraph

from .rules import PREFIXES

pytestmark = pytest.mark.conformance  # CI runs the suites; the default run does not

EX = "http://test.org/"

CASES = {
    "maxCardinality 1 with differentFrom":
        "ex:R owl:maxCardinality 1 ; owl:onProperty ex:p . ex:u a ex:R ; ex:p ex:a , ex:b . ex:a owl:differentFrom ex:b .",
    "maxQualifiedCardinality 1 with differentFrom":
        "ex:R owl:maxQualifiedCardinality 1 ; owl:onProperty ex:p ; owl:onClass ex:C . ex:u a ex:R ; ex:p ex:a , ex:b . "
        "ex:a a ex:C . ex:b a ex:C . [] a owl:AllDifferent ; owl:members ( ex:a ex:b ) .",
    "hasKey with differentFrom":
        "ex:C owl:hasKey ( ex:id ) . ex:a a ex:C ; ex:id \"7\" . ex:b a ex:C ; ex:id \"7\" . ex:a owl:differentFrom ex:b .",
    "oneOf with disjointWith":
        "ex:C owl:oneOf ( ex:a ex:b ) . ex:C owl:disjointWith ex:D . ex:b a ex:D .",
    "a class the same as a disjoint one":
        "ex:A owl:sameAs ex:B . ex:B owl:complementOf ex:C . ex:x a ex:A , ex:C .",
    "a property the same as a functional one":
        "ex:p owl:sameAs ex:q . ex:q a owl:FunctionalProperty . ex:x ex:p ex:a , ex:b . ex:a owl:differentFrom ex:b .",
}


@pytest.mark.parametrize("case", list(CASES))
def test_both_engines_refuse_naming_the_same_resources(case):
    graph = Graph().parse(data=PREFIXES + CASES[case], format="turtle")
    found = {}
    for engine in reasoning.ENGINES:
        with pytest.raises(InconsistentGraph) as refusal:
            reasoning.infer(graph, engine)
        found[engine] = set(str(refusal.value).splitlines()[1:])
    assert found["reasonable"] == found["owlrl"]
    assert any(EX in line for line in found["reasonable"])


def test_equality_reaches_the_triples_withheld_from_reasonable():
    graph = Graph().parse(data=PREFIXES + "ex:A owl:sameAs ex:B . ex:B owl:disjointWith ex:C . "
                                          "ex:R owl:onProperty ex:p ; owl:hasValue ex:v . ex:v owl:sameAs ex:w .",
                          format="turtle")
    fast = reasoning.infer(graph, "reasonable")
    assert fast == reasoning.infer(graph, "owlrl")
    owl = "http://www.w3.org/2002/07/owl#"
    assert (URIRef(EX + "A"), URIRef(owl + "disjointWith"), URIRef(EX + "C")) in fast
    assert (URIRef(EX + "R"), URIRef(owl + "hasValue"), URIRef(EX + "w")) in fast
