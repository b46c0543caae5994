"""Adding a platform type in a new dimension, a ready example or a jurisdiction takes Turtle only: written into a
copy of ontology/ and data/, each appears through the API and the command line without a line of Python."""
import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import files_of
from deepfake_kg import api
from deepfake_kg.build import build
from deepfake_kg.paths import DATA_DIR, ONTOLOGY_DIR

pytestmark = pytest.mark.slow  # each test rebuilds a copy of the graph with a new type

# Fixture data for this test only (a throw-away copy), not a statement about any real law.
ONTOLOGY = """@prefix dfk:  <https://w3id.org/deepfake-kg/ontology#> .
@prefix owl:  <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
dfk:AudienceDimension a dfk:PlatformDimension ; rdfs:label "audience"@en , "受众"@zh-Hans ; dfk:order 50 .
dfk:ChildrenPlatform a owl:Class ; rdfs:subClassOf dfk:OnlinePlatform ; dfk:dimension dfk:AudienceDimension ;
    rdfs:label "platform for children"@en , "面向儿童的平台"@zh-Hans .
dfk:ChildrenPlatform rdfs:subClassOf [ a owl:Restriction ; owl:onProperty dfk:hasDuty ;
    owl:hasValue <https://w3id.org/deepfake-kg/id/duty/fixture-age-check> ] .
"""
DATA = """@base <https://w3id.org/deepfake-kg/id/> .
@prefix dfk:  <https://w3id.org/deepfake-kg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<jurisdiction/xx> a dfk:Jurisdiction ; rdfs:label "Fixture Land"@en , "测试国"@zh-Hans .
<duty/fixture-age-check> a dfk:Obligation ; rdfs:label "Check the age of users (fixture)"@en ;
    dfk:normativeStatus dfk:LexLata ; dfk:jurisdiction <jurisdiction/xx> .
<example/childrens-video> a dfk:PlatformExample ; dfk:order 8 ;
    rdfs:label "video-sharing platform for children"@en , "面向儿童的视频分享平台"@zh-Hans ;
    dfk:exampleType dfk:ChildrenPlatform , dfk:VideoSharingPlatform .
"""


@pytest.fixture(scope="module")
def extended(tmp_path_factory):
    root = tmp_path_factory.mktemp("extended")
    shutil.copytree(ONTOLOGY_DIR, root / "ontology")
    shutil.copytree(DATA_DIR, root / "data")
    (root / "ontology" / "fixture-audience.ttl").write_text(ONTOLOGY, encoding="utf-8")
    (root / "data" / "fixture-extension.ttl").write_text(DATA, encoding="utf-8")
    return root, build(root / "build", files_of(root))


def test_a_new_dimension_and_its_type_appear_through_the_api(extended):
    _, kg = extended
    labels = [d.label for d in api.dimensions(kg=kg)]
    assert labels[:3] == ["function", "size tier", "risk rating"] and labels[-1] == "audience"
    children = api.platform_type("面向儿童的平台", kg=kg)
    assert children.dimension_label == "audience" and api.platform_types(kg=kg)[-1] == children


def test_a_new_example_and_jurisdiction_appear_and_answer(extended):
    _, kg = extended
    ready = api.example("childrens-video", kg=kg)
    assert ready.label == "video-sharing platform for children" and [str(t) for t in ready.types] == [
        "https://w3id.org/deepfake-kg/ontology#VideoSharingPlatform", "https://w3id.org/deepfake-kg/ontology#ChildrenPlatform"]
    assert api.Link("https://w3id.org/deepfake-kg/id/jurisdiction/xx", "Fixture Land") in api.jurisdictions(kg=kg)
    rows = api.duties_for(ready.types, jurisdiction="xx", kg=kg)
    assert [r.id for r in rows] == ["fixture-age-check"] and rows[0].attached_via[0].label == "platform for children"


def test_the_command_line_lists_and_answers_them(extended):
    root, _ = extended
    env = dict(os.environ, DEEPFAKE_KG_ROOT=str(root), DEEPFAKE_KG_BUILD=str(root / "build"))

    def cli(*args):
        done = subprocess.run([sys.executable, "-m", "deepfake_kg", *args], capture_output=True, text=True, env=env, timeout=300)
        assert done.returncode == 0, done.stderr
        return done.stdout

    types = json.loads(cli("types", "--format", "json"))
    assert {"label": "platform for children", "dimension": "audience"}.items() <= types[-1].items()
    rows = json.loads(cli("duties", "platform for children", "video-sharing platform", "--jurisdiction", "Fixture Land", "--format", "json"))
    assert [r["id"] for r in rows] == ["fixture-age-check"]
