"""An independent check: the ontology and data, as RDF/XML, are consistent for HermiT (OWL 2 DL) too.

xsd:date, xsd:gYear and xsd:duration (dates of instruments, years of references) are not in the OWL 2
datatype map, so HermiT is told to ignore them; every class and property axiom is still checked."""
import shutil

import pytest

from deepfake_kg.export import export

pytestmark = pytest.mark.slow  # HermiT runs in Java


@pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs Java; .ci/run installs it")
def test_hermit_finds_the_graph_consistent(kg, tmp_path):
    owlready2 = pytest.importorskip("owlready2")
    path = tmp_path / "kg.owl"
    path.write_text(export(kg, "xml"), encoding="utf-8")
    world = owlready2.World()
    onto = world.get_ontology(path.as_uri()).load()
    with onto:
        owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0, ignore_unsupported_datatypes=True)
    assert list(world.inconsistent_classes()) == []


@pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs Java; .ci/run installs it")
def test_hermit_detects_an_inconsistency(kg, tmp_path):
    owlready2 = pytest.importorskip("owlready2")
    from rdflib import Graph, URIRef
    from deepfake_kg.namespaces import DFK, RDF

    graph = Graph()
    for triple in kg.asserted:
        graph.add(triple)
    x = URIRef("https://w3id.org/deepfake-kg/id/test/both-sizes")
    graph.add((x, RDF.type, DFK.LargeLeadingPlatform))
    graph.add((x, RDF.type, DFK.SmallMediumPlatform))
    path = tmp_path / "bad.owl"
    graph.serialize(path, format="xml")
    world = owlready2.World()
    onto = world.get_ontology(path.as_uri()).load()
    with onto, pytest.raises(owlready2.OwlReadyInconsistentOntologyError):
        owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0, ignore_unsupported_datatypes=True)
