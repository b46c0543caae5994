"""The ready examples (data/examples.ttl) are real platform types, one combination each that a platform can have,
and each receives exactly the duties its types bring."""
import pytest
from rdflib import URIRef
from rdflib.collection import Collection

from deepfake_kg import api
from deepfake_kg.namespaces import DFK, OWL, RDFS


@pytest.fixture(scope="module")
def examples(kg):
    return api.examples(kg=kg)


def test_every_example_names_platform_types_of_the_graph(kg, examples):
    known = {t.iri for t in api.platform_types(kg=kg)}
    assert examples
    for ready in examples:
        assert ready.types and set(ready.types) <= known, ready.slug
        assert ready.label and ready.label_zh and ready.label != ready.label_zh


def _is_a(kg, types, cls) -> bool:
    """Whether a platform of `types` is a `cls`: a superclass of one of them, or an intersection of such."""
    g = kg.closure
    if any(t == cls or (t, RDFS.subClassOf, cls) in g for t in types):
        return True
    for definition in kg.asserted.objects(cls, OWL.equivalentClass):
        head = kg.asserted.value(definition, OWL.intersectionOf)
        if head is not None and all(_is_a(kg, types, m) for m in Collection(kg.asserted, head)):
            return True
    return False


def test_every_example_is_a_possible_platform_with_exactly_the_duties_of_its_types(kg, examples):
    g = kg.closure
    for ready in examples:
        # Possible: no two of its types are disjoint (else duties_for raises InconsistentGraph).
        assert not [(a, b) for a in ready.types for b in ready.types if (a, OWL.disjointWith, b) in g], ready.slug
        rows = api.duties_for(ready.types, kg=kg)
        duties = {r.duty for r in rows}
        # Every duty of each type alone reaches the combination (OWL reasoning is monotonic) …
        for single in ready.types:
            assert {r.duty for r in api.duties_for([single], kg=kg)} <= duties, (ready.slug, single)
        # … and every duty it receives comes through a class the platform is, by an asserted attachment axiom.
        for row in rows:
            assert row.attached_via, (ready.slug, row.duty)
            for carrier in row.attached_via:
                assert _is_a(kg, ready.types, URIRef(carrier.iri)), (ready.slug, row.duty, carrier)
                restrictions = {r for r in kg.asserted.objects(URIRef(carrier.iri), RDFS.subClassOf)
                                if (r, OWL.onProperty, DFK.hasDuty) in kg.asserted}
                assert any((r, OWL.hasValue, URIRef(row.duty)) in kg.asserted for r in restrictions)


def test_the_issue_examples_exist(kg):
    found = {e.slug: e for e in api.examples(kg=kg)}
    assert found["large-video-sharing"].types == (DFK.VideoSharingPlatform, DFK.LargeLeadingPlatform)
    assert found["small-face-swap"].label == "face-swap app run by a small company"
    assert api.example("no-such-example", kg=kg) is None
    assert len(found) == len(api.examples(kg=kg))
