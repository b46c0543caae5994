"""Single choices from the ontology's disjointness; what the graph holds per jurisdiction."""
from rdflib import BNode, Graph, Namespace
from rdflib.collection import Collection

from deepfake_kg.choices import dimension_choices, mutually_exclusive
from deepfake_kg.coverage import duties_per_jurisdiction
from deepfake_kg.namespaces import DFK, OWL, RDF

EX = Namespace("http://example.org/")


def test_disjoint_with_and_all_disjoint_classes_make_a_single_choice():
    g = Graph()
    g.add((EX.A, OWL.disjointWith, EX.B))
    assert mutually_exclusive(g, [EX.A, EX.B]) and mutually_exclusive(g, [EX.B, EX.A])
    assert not mutually_exclusive(g, [EX.A, EX.B, EX.C]) and not mutually_exclusive(g, [EX.A])
    axiom, head = BNode(), BNode()
    Collection(g, head, [EX.C, EX.D, EX.E])
    g.add((axiom, RDF.type, OWL.AllDisjointClasses))
    g.add((axiom, OWL.members, head))
    assert mutually_exclusive(g, [EX.C, EX.D, EX.E])


def test_the_size_tier_is_a_single_choice_and_the_function_is_not(kg):
    found = {d.iri: d for d in dimension_choices(kg)}
    size = next(d for d in found.values() if DFK.LargeLeadingPlatform in [t.iri for t in d.types])
    function = next(d for d in found.values() if DFK.VideoSharingPlatform in [t.iri for t in d.types])
    assert size.single_choice and not function.single_choice
    assert {DFK.SmallMediumPlatform} <= {t.iri for t in size.types}


def test_duties_are_counted_per_jurisdiction(kg):
    counts = duties_per_jurisdiction(kg)
    g = kg.closure
    china = next(j for j in g.subjects(RDF.type, DFK.Jurisdiction) if str(j).endswith("/cn"))
    assert counts[str(china)] == len({d for d in g.subjects(DFK.jurisdiction, china) if (d, RDF.type, DFK.Duty) in g}) > 0
