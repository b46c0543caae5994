"""The command line, end to end, as a user runs it."""
import csv
import io
import json
import subprocess
import sys

import pytest
from rdflib import Graph

from deepfake_kg import api
from deepfake_kg.cli import main


def run(*args):
    done = subprocess.run([sys.executable, "-m", "deepfake_kg", *args], capture_output=True, text=True, timeout=300)
    return done.returncode, done.stdout, done.stderr


@pytest.mark.slow  # a child process
def test_duties_of_a_video_sharing_platform_as_json(kg):
    code, out, err = run("duties", "video-sharing platform", "--format", "json")
    assert code == 0, err
    rows = json.loads(out)
    csl = [r for r in rows if any(b["provision"]["iri"].endswith("cn-cybersecurity-law/2016/art-47") for b in r["legal_basis"])]
    assert len(csl) >= 4
    for row in csl:
        assert row["inferred"] is True and row["status"] == "in force"
        assert row["legal_basis"][0]["instrument"]["iri"].endswith("instrument/cn-cybersecurity-law")
        assert row["legal_basis"][0]["provision"]["label"] and row["legal_basis"][0]["instrument"]["label"]
        assert row["attached_via"][0]["iri"].endswith("#NetworkOperator")
        assert row["jurisdictions"] == [{"iri": "https://w3id.org/deepfake-kg/id/jurisdiction/cn", "label": "People's Republic of China"}]
        assert row["passages"][0]["section"] == "2" and len(row["passages"][0]["quote"]) > 20
        assert row["duty"].endswith("/" + row["id"])
    for key in ("duty", "id", "label", "status", "legal_basis", "jurisdictions", "attached_via", "inferred", "passages"):
        assert all(key in r for r in rows)


def test_types_may_be_given_as_curie_iri_or_chinese_label(capsys, kg):
    answers = []
    for spelling in ("dfk:VideoSharingPlatform", "https://w3id.org/deepfake-kg/ontology#VideoSharingPlatform", "视频分享平台", "Video Sharing Platform"):
        assert main(["duties", spelling, "--format", "csv"]) == 0
        answers.append(capsys.readouterr().out)
    assert len(set(answers)) == 1
    rows = list(csv.DictReader(io.StringIO(answers[0])))
    assert rows and {"duty", "status", "quote"} <= set(rows[0])


@pytest.mark.slow  # a child process
def test_an_unknown_type_exits_2_with_the_closest_matches():
    code, out, err = run("duties", "video sharing platfrom")
    assert code == 2
    assert "Unknown platform type" in err and "video-sharing platform" in err


def test_status_filter_keeps_only_proposed_duties(capsys, kg):
    assert main(["duties", "large", "--status", "proposed", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    # a proposal that a later provision made law (in part) is still the author's proposal
    assert rows and {r["status"] for r in rows} == {"proposed", "proposed, since enacted"}


def test_explain_names_the_axioms(capsys, kg):
    from deepfake_kg.duties import duties_for
    from deepfake_kg.namespaces import DFK

    duty = next(r.duty for r in duties_for([DFK.VideoSharingPlatform], kg) if r.attached_via[0].iri == str(DFK.NetworkOperator))
    assert main(["explain", duty, "video-sharing platform"]) == 0
    out = capsys.readouterr().out
    assert "cax-sco" in out and "cls-hv1" in out and "Paper, section" in out


@pytest.mark.parametrize("fmt,parser", [("ttl", "turtle"), ("nt", "nt"), ("xml", "xml"), ("jsonld", "json-ld")])
def test_export_reparses(capsys, kg, fmt, parser):
    assert main(["export", "--format", fmt]) == 0
    graph = Graph().parse(data=capsys.readouterr().out, format=parser)
    assert len(graph) == len(kg.asserted)


def test_export_inferred_adds_the_closure(capsys, kg):
    assert main(["export", "--format", "nt", "--inferred"]) == 0
    assert len(Graph().parse(data=capsys.readouterr().out, format="nt")) == len(kg.closure)


@pytest.mark.slow  # a child process
def test_query_from_stdin_as_sparql_json(kg):
    done = subprocess.run([sys.executable, "-m", "deepfake_kg", "query", "-", "--format", "json"],
                          input="PREFIX dfk: <https://w3id.org/deepfake-kg/ontology#>\nSELECT (COUNT(?d) AS ?n) WHERE { ?d a dfk:Duty }",
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["head"]["vars"] == ["n"]
    assert int(data["results"]["bindings"][0]["n"]["value"]) > 20


@pytest.mark.slow  # a child process
def test_malformed_sparql_exits_2_with_line_and_column():
    done = subprocess.run([sys.executable, "-m", "deepfake_kg", "query", "-"], input="SELECT * WHERE {\n ?s ?p }",
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 2
    assert "line 2" in done.stderr and "column" in done.stderr


@pytest.mark.slow  # a child process
def test_an_unreachable_endpoint_gets_a_clear_message(tmp_path):
    import socket

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    query = tmp_path / "q.rq"
    query.write_text("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    code, out, err = run("query", str(query), "--endpoint", f"http://127.0.0.1:{port}/sparql", "--timeout", "3")
    assert code == 2
    assert "Cannot reach the SPARQL endpoint" in err


@pytest.mark.slow  # a child process
@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_a_lone_surrogate_in_a_result_is_printed_escaped_in_every_format(kg, fmt):
    done = subprocess.run([sys.executable, "-m", "deepfake_kg", "query", "-", "--format", fmt],
                          input="SELECT ?x WHERE { BIND('a\\uD800b' AS ?x) }", capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "a\\ud800b" in done.stdout
    if fmt == "json":  # \ud800 is also JSON's spelling: the value reads back exactly
        assert json.loads(done.stdout)["results"]["bindings"][0]["x"]["value"] == "a\ud800b"


@pytest.mark.slow  # a child process
def test_a_lone_surrogate_in_a_constructed_graph_is_a_one_sentence_error(kg):
    done = subprocess.run([sys.executable, "-m", "deepfake_kg", "query", "-"],
                          input="CONSTRUCT { <urn:a> <urn:b> ?x } WHERE { BIND('\\uD800' AS ?x) }",
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 2
    assert "lone surrogate" in done.stderr and "Traceback" not in done.stderr


def test_duties_table_shows_the_id_that_explain_accepts(capsys, kg):
    assert main(["duties", "face-swap application", "small", "--status", "in-force"]) == 0
    table = capsys.readouterr().out
    assert table.splitlines()[0].split()[0] == "id"
    first_id = table.splitlines()[2].split()[0]
    assert main(["explain", first_id, "face-swap application", "small"]) == 0
    assert "Why “" in capsys.readouterr().out


def test_explain_accepts_an_id_a_curie_an_iri_or_a_label_alike(capsys, kg):
    from deepfake_kg.api import duties_for

    row = next(r for r in duties_for(["dfk:VideoSharingPlatform"], kg=kg) if r.status == "in force")
    answers = []
    for spelling in (row.id, f"id:duty/{row.id}", row.duty, f"<{row.duty}>", row.label, row.label.upper()):
        assert main(["explain", spelling, "video-sharing platform", "--format", "json"]) == 0, spelling
        answers.append(json.loads(capsys.readouterr().out))
    assert all(a == answers[0] for a in answers) and answers[0]["duty"]["iri"] == row.duty


@pytest.mark.slow  # a child process
def test_an_unknown_duty_gets_suggestions_and_no_rdflib_warning():
    code, out, err = run("explain", "remove ilegal content", "video-sharing platform")
    assert code == 2 and out == ""
    assert err.startswith("deepfake-kg: Unknown duty 'remove ilegal content'. Did you mean:")
    assert len(err.strip().splitlines()) == 1 and "valid URI" not in err
    code, out, err = run("explain", "not a duty at all", "video-sharing platform")
    assert code == 2 and len(err.strip().splitlines()) == 1 and "valid URI" not in err


def test_jurisdiction_filter_keeps_the_duties_of_one_jurisdiction(capsys, kg):
    everything = api.duties_for(["video-sharing platform", "large"], kg=kg)
    for spelling in ("cn", "People's Republic of China", "id:jurisdiction/cn"):
        assert main(["duties", "video-sharing platform", "large", "--jurisdiction", spelling, "--format", "json"]) == 0
        cn = json.loads(capsys.readouterr().out)
        assert {r["duty"] for r in cn} == {r.duty for r in everything if r.jurisdictions}
        assert all([j["iri"] for j in r["jurisdictions"]] == ["https://w3id.org/deepfake-kg/id/jurisdiction/cn"] for r in cn)
    assert main(["duties", "video-sharing platform", "large", "--jurisdiction", "eu"]) == 0
    assert "0 duties" in capsys.readouterr().out
    assert main(["duties", "video-sharing platform", "large", "--jurisdiction", "none", "--format", "json"]) == 0
    none = json.loads(capsys.readouterr().out)
    assert none and all(not r["jurisdictions"] and r["status"].startswith("proposed") for r in none)
    assert main(["duties", "video-sharing platform", "--jurisdiction", "mars"]) == 2
    assert "Unknown jurisdiction 'mars'" in capsys.readouterr().err


def test_queries_lists_every_named_query_with_its_title(capsys):
    from deepfake_kg.paths import QUERIES_DIR

    assert main(["queries"]) == 0
    out = capsys.readouterr().out
    for path in QUERIES_DIR.glob("*.rq"):
        assert path.stem in out
    assert "Duties by platform type" in out
    assert main(["queries", "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {q["name"] for q in listed} == {p.stem for p in QUERIES_DIR.glob("*.rq")} and all(q["title"] for q in listed)


def test_examples_lists_each_ready_platform_with_types_duties_accepts(capsys, kg):
    assert main(["examples", "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [e["slug"] for e in listed] == [e.slug for e in api.examples(kg=kg)]
    assert main(["examples"]) == 0
    line = next(l for l in capsys.readouterr().out.splitlines() if l.startswith("large-video-sharing"))
    types = line.split("  ")[-1].split()
    assert types == ["dfk:VideoSharingPlatform", "dfk:LargeLeadingPlatform"]
    assert main(["duties", *types, "--format", "json"]) == 0
    assert {r["duty"] for r in json.loads(capsys.readouterr().out)} == {r.duty for r in api.duties_for(types, kg=kg)}


@pytest.mark.parametrize("args", [("explain", "id:duty/no such", "video-sharing platform"),
                                  ("explain", "http://x y", "video-sharing platform"),
                                  ("duties", "dfk:Video Sharing"), ("duties", "<http://a b>"), ("describe", "dfk:a b")])
@pytest.mark.slow  # a child process
def test_text_that_cannot_be_an_iri_gets_one_sentence_and_no_rdflib_warning(args):
    code, out, err = run(*args)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("deepfake-kg: ") and "valid URI" not in err
