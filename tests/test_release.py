"""`deepfake-kg release`: every file in dist/ re-parses (in rdflib, and in Debian's rapper where installed), the
VoID/DCAT description tells the truth about the files, and the release loaded into another store answers alike."""
import json
import re
import shutil
import subprocess
import urllib.request

import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from sparql_compare import differences, normalised

from deepfake_kg.cli import main
from deepfake_kg.named_queries import load_named_queries
from deepfake_kg.namespaces import DATASET_IRI, DCTERMS, JSONLD_CONTEXT_IRI, OWL, RDF
from deepfake_kg.query import run_local
from deepfake_kg.release import DCAT, FORMATS, LICENSE, PARTS, VOID, read_jsonld, release

pytestmark = pytest.mark.slow  # a release writes every part in four formats

NUMBERS = {URIRef("http://www.w3.org/2001/XMLSchema#" + t) for t in ("integer", "decimal", "double", "float")}
RDF_READERS = {".ttl": "turtle", ".nt": "nt", ".rdf": "xml"}
RAPPER_READERS = {".ttl": "turtle", ".nt": "ntriples", ".rdf": "rdfxml", ".nq": "nquads", ".trig": "trig"}


@pytest.fixture(scope="module")
def dist(kg, tmp_path_factory):
    out = tmp_path_factory.mktemp("release") / "dist"
    files = release(kg, out)
    return out, {f.path.name: f for f in files}


@pytest.fixture(scope="module")
def void(dist):
    return Graph().parse(dist[0] / "void.ttl", format="turtle")


@pytest.fixture
def offline(monkeypatch):
    """Fail the test if anything tries to open a URL (a JSON-LD @context must never be fetched)."""
    def refuse(*args, **kwargs):
        raise AssertionError(f"tried to fetch {args[0]!r}")
    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    monkeypatch.setattr(urllib.request.OpenerDirector, "open", refuse)


def test_dist_holds_every_part_in_four_formats_and_the_extras(dist):
    names = set(dist[1])
    expected = {f"{part}{fmt.suffix}" for part in PARTS for fmt in FORMATS}
    assert expected | {"kg.nq", "kg.trig", "context.jsonld", "void.ttl", "ontology.html"} == names


@pytest.mark.parametrize("part", list(PARTS))
@pytest.mark.parametrize("suffix", ["ttl", "nt", "rdf"])
def test_each_file_reparses_in_rdflib(dist, part, suffix):
    released = dist[1][f"{part}.{suffix}"]
    graph = Graph().parse(released.path, format=RDF_READERS["." + suffix])
    assert len(graph) == released.triples > 0


@pytest.mark.parametrize("part", list(PARTS))
def test_jsonld_names_the_published_context_and_reparses_without_fetching_it(dist, part, offline):
    out, files = dist
    document = json.loads((out / f"{part}.jsonld").read_text())
    assert document["@context"] == str(JSONLD_CONTEXT_IRI) == "https://w3id.org/deepfake-kg/context.jsonld"
    graph = read_jsonld(out / f"{part}.jsonld", out / "context.jsonld")
    assert len(graph) == files[f"{part}.jsonld"].triples
    ttl = Graph().parse(out / f"{part}.ttl", format="turtle")
    # The same graph as the Turtle. Isomorphism is too slow to check here, so compare the triples without blank
    # nodes, numbers by value: Turtle writes xsd:decimal 200000000 as 200000000.0, the same literal value.
    assert ground(graph) == ground(ttl)


def ground(graph):
    def key(term):
        return (term.toPython(), term.datatype) if isinstance(term, Literal) and term.datatype in NUMBERS else term
    return {tuple(key(t) for t in triple) for triple in graph if not any(isinstance(t, BNode) for t in triple)}


def test_the_context_file_defines_every_prefix_used(dist):
    context = json.loads((dist[0] / "context.jsonld").read_text())["@context"]
    assert context["dfk"] == "https://w3id.org/deepfake-kg/ontology#" and context["eli"] == "http://data.europa.eu/eli/ontology#"
    for part in PARTS:
        text = (dist[0] / f"{part}.jsonld").read_text()
        used = set(re.findall(r'"([a-z][a-zA-Z]*):[A-Za-z_]', text))
        assert used <= set(context), used - set(context)


def test_the_dataset_files_keep_both_named_graphs_with_shared_blank_nodes(kg, dist):
    for name, fmt in (("kg.nq", "nquads"), ("kg.trig", "trig")):
        dataset = Dataset()
        dataset.parse(dist[0] / name, format=fmt)
        graphs = {}
        for s, p, o, g in dataset.quads((None, None, None, None)):
            graphs.setdefault(str(getattr(g, "identifier", g)), []).append((s, p, o))
        asserted, inferred = graphs["https://w3id.org/deepfake-kg/graph/asserted"], graphs["https://w3id.org/deepfake-kg/graph/inferred"]
        assert (len(asserted), len(inferred)) == (len(kg.asserted), len(kg.inferred))
        asserted_nodes = {x for t in asserted for x in t if isinstance(x, BNode)}
        assert {x for t in inferred for x in t if isinstance(x, BNode)} <= asserted_nodes


def test_the_inferred_files_read_on_their_own(dist):
    graph = Graph().parse(dist[0] / "inferred.ttl", format="turtle")
    dangling = {o for s, p, o in graph if isinstance(o, BNode) and (o, None, None) not in graph}
    assert not dangling, f"{len(dangling)} blank nodes the inferred file mentions but never describes"


@pytest.mark.parametrize("name", sorted(n for n in [f"{p}.{s}" for p in PARTS for s in ("ttl", "nt", "rdf")] + ["kg.nq", "kg.trig", "void.ttl"]))
def test_each_file_reparses_in_rapper(dist, name):
    rapper = shutil.which("rapper")
    if rapper is None:
        pytest.skip("Debian's rapper (raptor2-utils) is not installed: apt-get install raptor2-utils")
    released = dist[1][name]
    suffix = released.path.suffix
    done = subprocess.run([rapper, "-i", RAPPER_READERS[suffix], "-c", str(released.path)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-500:]
    count = int(re.search(r"returned (\d+) triples", done.stderr).group(1))
    assert count == released.triples
    # rapper has no JSON-LD parser; the .jsonld files are checked against the Turtle in rdflib above


def test_void_counts_and_describes_every_file(kg, dist, void):
    out, files = dist
    assert (DATASET_IRI, RDF.type, VOID.Dataset) in void and (DATASET_IRI, RDF.type, DCAT.Dataset) in void
    assert void.value(DATASET_IRI, VOID.triples).toPython() == len(kg.asserted) + len(kg.inferred)
    assert void.value(DATASET_IRI, DCTERMS.license) == LICENSE == URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert str(void.value(DATASET_IRI, OWL.versionInfo)) == "0.1.0"
    assert str(void.value(DATASET_IRI, VOID.sparqlEndpoint)) == "http://127.0.0.1:7878/query"
    for part in PARTS:
        subset = URIRef(f"{DATASET_IRI}/{part}")
        assert (DATASET_IRI, VOID.subset, subset) in void
        assert void.value(subset, VOID.triples).toPython() == files[f"{part}.ttl"].triples
    distributions = set(void.subjects(RDF.type, DCAT.Distribution))
    assert len(distributions) == len(PARTS) * len(FORMATS) + 2
    for distribution in distributions:
        name = str(void.value(distribution, DCAT.downloadURL)).rsplit("/", 1)[1]
        assert void.value(distribution, DCAT.byteSize).toPython() == (out / name).stat().st_size
        assert str(void.value(distribution, DCAT.mediaType)).startswith("https://www.iana.org/assignments/media-types/")
        assert void.value(distribution, DCTERMS.license) == LICENSE


def test_void_example_resources_and_vocabularies_are_real(kg, void):
    examples = list(void.objects(DATASET_IRI, VOID.exampleResource))
    assert len(examples) >= 3 and all((e, None, None) in kg.asserted for e in examples)
    vocabularies = {str(v) for v in void.objects(DATASET_IRI, VOID.vocabulary)}
    assert {"http://data.europa.eu/eli/ontology#", "https://w3id.org/dpv#", "http://www.w3.org/ns/odrl/2/", "http://www.w3.org/ns/prov#",
            "http://purl.org/dc/terms/", "http://www.w3.org/2004/02/skos/core#", "http://purl.org/spar/cito/",
            "http://purl.org/spar/fabio/", "https://schema.org/", "http://www.w3.org/ns/oa#"} <= vocabularies
    for vocabulary in vocabularies:
        assert any(str(t).startswith(vocabulary) for triple in kg.asserted for t in triple if isinstance(t, URIRef))
    service = void.value(predicate=DCAT.servesDataset, object=DATASET_IRI)
    assert str(void.value(service, DCAT.endpointURL)) == "http://127.0.0.1:7878/query"


def test_the_html_documentation_was_made_offline_and_stands_alone(dist):
    html = (dist[0] / "ontology.html").read_text(encoding="utf-8")
    assert "Deepfake Platform Liability Ontology" in html and "video-sharing platform" in html.lower()
    # CSS is inlined and icons are data: URIs: nothing to fetch to read it
    assert not re.search(r'<(?:script|link|img)[^>]+(?:src|href)="https?://', html)


def test_the_release_loaded_into_another_store_answers_like_the_embedded_graph(kg, dist):
    pyoxigraph = pytest.importorskip("pyoxigraph")
    three_files, one_file = pyoxigraph.Store(), pyoxigraph.Store()
    for part in PARTS:  # what a user who downloads the .nt files does
        three_files.load(path=str(dist[0] / f"{part}.nt"), format=pyoxigraph.RdfFormat.N_TRIPLES)
    one_file.load(path=str(dist[0] / "kg.nq"), format=pyoxigraph.RdfFormat.N_QUADS)
    assert len(one_file) == len(kg.asserted) + len(kg.inferred)
    for query in load_named_queries():
        local = run_local(query.text, kg.dataset)
        expected = normalised(local.variables, local.bindings, query.text)
        for store in (three_files, one_file):
            answer = json.loads(store.query(query.text, use_default_graph_as_union=True).serialize(format=pyoxigraph.QueryResultsFormat.JSON))
            actual = normalised(answer["head"]["vars"], answer["results"]["bindings"], query.text)
            assert actual == expected, f"{query.name}: {differences(expected, actual)}"


def test_release_from_the_command_line(tmp_path, capsys, kg):
    assert main(["release", "--out", str(tmp_path / "d"), "--no-docs"]) == 0
    out = capsys.readouterr().out
    assert "void.ttl" in out and "ontology.html" not in out
    assert Graph().parse(tmp_path / "d" / "void.ttl", format="turtle").value(DATASET_IRI, VOID.triples) == Literal(len(kg.asserted) + len(kg.inferred))
