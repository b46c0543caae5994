"""The closure at scale (DuckDB + the fast engine on the schema, N-Quads into a pyoxigraph store) gives the
inferred graph the other engines give, and the store answers "which duties attach" as the classifier does."""
import collections
import itertools
import re

import pytest
from rdflib import URIRef

from deepfake_kg import reasoning
from deepfake_kg.duties import duties_for
from deepfake_kg.errors import InconsistentGraph
from deepfake_kg.load import load_sources
from deepfake_kg.reasoning.at_scale import closure_to_nquads, read_inferred
from deepfake_kg.resolve import platform_types
from deepfake_kg.store_answers import duties_in_store, load_store, query_store, reason_into_store

pytestmark = pytest.mark.slow  # the scale engine reasons the whole graph in DuckDB and Oxigraph


@pytest.fixture(scope="module")
def scale_build(tmp_path_factory):
    folder = tmp_path_factory.mktemp("scale")
    asserted = load_sources()
    asserted.serialize(folder / "kg.nt", format="nt", encoding="utf-8")
    stages = closure_to_nquads([folder / "kg.nt"], folder / "kg.nq")
    return asserted, stages, folder / "kg.nq"


def test_the_kg_is_reasoned_at_scale_as_by_the_fast_engine(scale_build):
    asserted, stages, nquads = scale_build
    assert stages.path == "at scale", stages.fallback  # the KG needs no rule outside the set-operation path
    assert read_inferred(nquads) == reasoning.infer(asserted, "reasonable")
    assert set(stages.seconds) == {"read", "schema", "rules", "check", "filter", "write"}


def test_the_kg_is_reasoned_at_scale_as_by_owlrl():
    asserted = load_sources()
    assert reasoning.infer(asserted, "scale") == reasoning.infer(asserted, "owlrl")


# before and after the dates the KG's provisions start and end (2023-01-10: the deep synthesis provisions)
@pytest.mark.parametrize("as_of", [None, "2019-06-01", "2023-01-10", "2024-08-01", "2027-01-01"])
def test_the_store_answers_which_duties_attach_as_the_classifier_does(scale_build, kg, as_of):
    store = load_store(scale_build[2])
    types = [t.iri for t in platform_types(kg.closure)]
    checked, sizes = 0, set()
    for combination in itertools.chain(([t] for t in types), itertools.combinations(types, 2)):
        try:
            expected = {str(row.duty) for row in duties_for(list(combination), kg, as_of=as_of)}
        except InconsistentGraph:
            continue
        assert duties_in_store(store, combination, as_of=as_of) == expected, combination
        checked += 1
        sizes.add(len(expected))
    assert checked > len(types) and len(sizes) > 1


def test_a_store_query_passes_the_guard(scale_build):
    store = load_store(scale_build[2])
    with pytest.raises(Exception, match="(?i)update|read-only|not allowed"):
        query_store(store, "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }")
    rows = list(query_store(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))
    assert int(rows[0][0].value) > 4000


def test_a_contradiction_is_refused_naming_it_as_the_fast_engine_does():
    asserted = load_sources()
    x = URIRef("https://w3id.org/deepfake-kg/id/x")
    from deepfake_kg.namespaces import DFK, RDF

    asserted.add((x, RDF.type, DFK.LargeLeadingPlatform))
    asserted.add((x, RDF.type, DFK.SmallMediumPlatform))
    messages = {}
    for engine in ("reasonable", "scale"):
        with pytest.raises(InconsistentGraph) as refusal:
            reasoning.infer(asserted, engine)
        messages[engine] = str(refusal.value)
    assert messages["scale"] == messages["reasonable"]


def test_a_malformed_term_is_refused_in_one_sentence(tmp_path):
    source = tmp_path / "bad.nt"
    source.write_text("<urn:x:a> <urn:x:p> <not an iri> .\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not an N-Triples IRI, blank node or literal: <not an iri>"):
        closure_to_nquads([source], tmp_path / "out.nq")
    assert not (tmp_path / "out.nq").exists()


def test_an_axiom_about_the_vocabulary_itself_is_reasoned_by_the_general_engine(tmp_path):
    from deepfake_kg.namespaces import RDF, RDFS

    asserted = load_sources()
    marked = URIRef("https://w3id.org/deepfake-kg/id/ClassWithASuperclass")
    asserted.add((RDFS.subClassOf, RDFS.domain, marked))  # a rule about individuals, reading schema triples
    asserted.serialize(tmp_path / "kg.nt", format="nt", encoding="utf-8")
    stages = closure_to_nquads([tmp_path / "kg.nt"], tmp_path / "kg.nq")
    assert stages.path == "general engine", stages.fallback
    inferred = read_inferred(tmp_path / "kg.nq")
    assert inferred == reasoning.infer(asserted, "reasonable")
    assert any(p == RDF.type and o == marked for s, p, o in inferred)


def _quads_with_any_blank_node(store) -> collections.Counter:
    """The store's quads, each blank node written alike: Oxigraph names them afresh at every load."""
    return collections.Counter(re.sub(r"_:\S+", "_:b", str(quad)) for quad in store._store)


def test_reasoning_while_the_store_loads_gives_the_store_of_the_whole_file(scale_build, kg, tmp_path):
    asserted, _, nquads = scale_build
    asserted.serialize(tmp_path / "kg.nt", format="nt", encoding="utf-8")
    store, stages, seconds, cpu, resident_mb = reason_into_store([tmp_path / "kg.nt"], tmp_path)
    whole = load_store(nquads)
    assert stages.path == "at scale" and stages.asserted == len(set(asserted)) and seconds > 0 and cpu > 0
    assert _quads_with_any_blank_node(store) == _quads_with_any_blank_node(whole)
    # the restrictions are blank nodes of the asserted graph that inferred triples name: one node in both parts
    types = [t.iri for t in platform_types(kg.closure)]
    answers = [duties_in_store(store, [t], as_of="2024-08-01") for t in types]
    assert answers == [duties_in_store(whole, [t], as_of="2024-08-01") for t in types] and any(answers)


def test_an_error_of_the_reasoning_is_raised_by_the_loading_process(tmp_path):
    source = tmp_path / "bad.nt"
    source.write_text("<urn:x:a> <urn:x:p> <not an iri> .\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not an N-Triples IRI, blank node or literal: <not an iri>"):
        reason_into_store([source], tmp_path)
