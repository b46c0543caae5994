"""`deepfake-kg describe` and the Python API (`deepfake_kg.api`), including the README's linking example."""
import json
import re

import pytest
from rdflib import BNode, Graph, URIRef

from deepfake_kg import api, duties
from deepfake_kg.cli import main
from deepfake_kg.describe import describe, resource_iri
from deepfake_kg.errors import QueryError, UnknownResource
from deepfake_kg.namespaces import DFK, ID, OWL, SKOS
from deepfake_kg.paths import ROOT

GDPR = ID["instrument/eu-gdpr"]


@pytest.mark.parametrize("text", ["instrument/eu-gdpr", "id:instrument/eu-gdpr", str(GDPR), f"<{GDPR}>"])
def test_a_resource_may_be_named_by_iri_curie_or_path(text):
    assert resource_iri(text) == GDPR


def test_the_description_carries_the_link_out(kg):
    description = describe("instrument/eu-gdpr", kg)
    assert (GDPR, SKOS.exactMatch, URIRef("http://data.europa.eu/eli/reg/2016/679/oj")) in description
    assert set(description.subjects()) == {GDPR}


def test_the_description_follows_blank_nodes(kg):
    description = describe("dfk:NetworkOperator", kg)
    restrictions = [o for o in description.objects(DFK.NetworkOperator, None) if isinstance(o, BNode)]
    assert restrictions and all((r, OWL.onProperty, None) in description for r in restrictions)


def test_inferred_adds_what_reasoning_derived(kg):
    asserted, closure = describe("dfk:VideoSharingPlatform", kg), describe("dfk:VideoSharingPlatform", kg, inferred=True)
    assert len(closure) > len(asserted)


@pytest.mark.parametrize("fmt,reader", [("ttl", "turtle"), ("jsonld", "json-ld")])
def test_the_command_prints_turtle_or_self_contained_jsonld(capsys, kg, fmt, reader):
    assert main(["describe", "id:case/qvod", "--format", fmt]) == 0
    out = capsys.readouterr().out
    if fmt == "jsonld":
        assert isinstance(json.loads(out)["@context"], dict)  # inline: nothing to fetch
    assert len(Graph().parse(data=out, format=reader)) == len(describe("case/qvod", kg))


@pytest.mark.parametrize("text,message", [
    ("instrument/eu-gdrp", "Did you mean: https://w3id.org/deepfake-kg/id/instrument/eu-gdpr"),
    ("http://data.europa.eu/eli/reg/2016/679/oj", "linked from <https://w3id.org/deepfake-kg/id/instrument/eu-gdpr>"),
    ("not an iri", "is not an IRI"),
])
def test_unknown_resources_get_one_clear_sentence(capsys, kg, text, message):
    with pytest.raises(UnknownResource, match=re.escape(message)):
        describe(text, kg)
    assert main(["describe", text]) == 2
    assert message in capsys.readouterr().err


def test_the_api_is_the_functions_the_cli_uses(kg):
    assert api.load_graph().manifest["inputs"] == kg.manifest["inputs"]
    assert api.duties_for(["dfk:VideoSharingPlatform"], kg=kg) == duties.duties_for(["dfk:VideoSharingPlatform"], kg)
    result = api.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert int(result.rows()[0]["n"]) == len(kg.asserted) + len(kg.inferred)
    with pytest.raises(QueryError, match="SERVICE"):
        api.query("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")


def test_the_readme_example_links_a_eurlex_record_to_this_graph(capsys, kg):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    code, expected = re.search(r"<!-- example: link-a-dataset -->\n```python\n(.*?)```\n<!-- /example -->\n\n```text\n(.*?)```", readme, re.S).groups()
    exec(compile(code, "README.md example", "exec"), {})
    assert capsys.readouterr().out == expected
