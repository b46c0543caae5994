"""Incremental classification of one platform equals a full owlrl closure, on every type combination."""
from itertools import product

import pytest
from rdflib import Graph, URIRef

from deepfake_kg.classify import Classifier
from deepfake_kg.namespaces import ID, RDF
from deepfake_kg.reasoning import is_meaningful, owlrl_closure
from deepfake_kg.resolve import platform_types


def combinations(kg):
    """Every combination the app offers: one function (or none) × one size tier (or none) × any risk ratings."""
    types = platform_types(kg.closure)
    by_dimension = {}
    for t in types:
        by_dimension.setdefault(t.dimension_label, []).append(t.iri)
    functions = [None] + by_dimension["function"]
    sizes = [None] + by_dimension["size tier"]
    risks = by_dimension["risk rating"]
    risk_sets = [()] + [(r,) for r in risks] + [tuple(risks)]
    for function, size, risk in product(functions, sizes, risk_sets):
        chosen = tuple(t for t in (function, size, *risk) if t is not None)
        if chosen:
            yield chosen


def about(triples, individual):
    return {t for t in triples if individual in (t[0], t[2])}


@pytest.mark.slow
def test_incremental_classification_equals_owlrl_on_every_combination(kg):
    from deepfake_kg.assess import load_library

    scenarios = [tuple(s.platform_types) + tuple(s.fact_classes) for s in load_library(kg=kg)]
    combos = list(combinations(kg)) + scenarios  # every type combination the app offers, every library scenario
    assert len(combos) > 100 and scenarios
    graph = Graph()  # a copy: the shared graph must not change
    for triple in kg.asserted:
        graph.add(triple)
    individuals = {}
    for number, types in enumerate(combos):
        x = ID[f"test-platform/{number}"]
        individuals[x] = types
        for t in types:
            graph.add((x, RDF.type, t))
    closure = owlrl_closure(graph)
    expected_all = {t for t in closure if is_meaningful(t)}
    classifier = Classifier(kg.closure)
    disjoint_combos = 0
    for x, types in individuals.items():
        expected = about(expected_all, x)
        try:
            got = classifier.classify(types, x)
        except Exception:
            disjoint_combos += 1
            continue
        assert got | {(x, RDF.type, t) for t in types} == expected, types
    assert disjoint_combos == 0


def test_classification_does_not_touch_the_shared_closure(kg):
    before = len(kg.closure)
    Classifier(kg.closure).classify([URIRef("https://w3id.org/deepfake-kg/ontology#VideoSharingPlatform")])
    assert len(kg.closure) == before
