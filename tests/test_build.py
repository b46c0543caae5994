"""The build: consistent or refused with the resources named; cached; a failed build keeps the last good one."""
import json

import pytest

from conftest import files_of
from deepfake_kg.build import build
from deepfake_kg.errors import DataFileError, InconsistentGraph

pytestmark = pytest.mark.slow  # each test rebuilds the graph


def test_build_writes_asserted_and_inferred_as_named_graphs(kg, tmp_path):
    fresh = build(tmp_path / "b")
    assert (tmp_path / "b" / "kg.nq").exists()
    manifest = json.loads((tmp_path / "b" / "manifest.json").read_text())
    assert manifest["asserted_triples"] == len(fresh.asserted) > 1000
    assert manifest["inferred_triples"] == len(fresh.inferred) > 100
    assert not set(fresh.asserted) & set(fresh.inferred)


def test_the_build_is_reused_while_inputs_are_unchanged(tmp_path):
    first = build(tmp_path / "b")
    stamp = (tmp_path / "b" / "kg.nq").stat().st_mtime_ns
    second = build(tmp_path / "b")
    assert (tmp_path / "b" / "kg.nq").stat().st_mtime_ns == stamp
    assert len(second.asserted) == len(first.asserted)


def test_no_reasoning_artefacts_reach_users(kg):
    from rdflib import Literal
    from deepfake_kg.namespaces import OWL, RDF, RDFS

    for s, p, o in kg.inferred:
        assert not isinstance(s, Literal)
        assert not str(s).startswith((str(RDF), str(RDFS), str(OWL)))
        assert not (p == OWL.sameAs and s == o)
        assert not (p == RDF.type and o == OWL.Thing)


def test_a_duty_with_two_statuses_fails_the_build_naming_it(project_copy, tmp_path):
    duties = project_copy / "data" / "duties.ttl"
    text = duties.read_text()
    marker = "dfk:normativeStatus dfk:LexLata"
    assert marker in text
    duties.write_text(text.replace(marker, "dfk:normativeStatus dfk:LexLata , dfk:LexFerenda", 1))
    with pytest.raises(InconsistentGraph) as error:
        build(tmp_path / "b", files_of(project_copy))
    assert "duty/" in str(error.value)


def test_a_failed_build_keeps_the_last_good_one(project_copy, tmp_path):
    good = build(tmp_path / "b", files_of(project_copy))
    before = (tmp_path / "b" / "kg.nq").read_bytes()
    (project_copy / "data" / "broken.ttl").write_text(
        "@prefix dfk: <https://w3id.org/deepfake-kg/ontology#> .\n"
        "<https://w3id.org/deepfake-kg/id/x> a dfk:LargeLeadingPlatform , dfk:SmallMediumPlatform .\n")
    with pytest.raises(InconsistentGraph, match="id/x"):
        build(tmp_path / "b", files_of(project_copy))
    assert (tmp_path / "b" / "kg.nq").read_bytes() == before
    assert len(good.asserted) > 0


def test_a_syntax_error_names_the_file_and_line(project_copy, tmp_path):
    (project_copy / "data" / "broken.ttl").write_text("@prefix dfk: <https://w3id.org/deepfake-kg/ontology#> .\n\n<a> dfk:x \"unterminated .\n")
    with pytest.raises(DataFileError, match=r"broken\.ttl.*line 3"):
        build(tmp_path / "b", files_of(project_copy))
