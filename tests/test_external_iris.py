"""Every external IRI the project writes is in ontology/external-iris.txt, checked, and not marked NO: no typos, no
namespaces copied from documentation URLs, no links nobody checked."""
import re
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib import namespace as rdfns  # a module, not its closed namespaces: pytest would probe those

from deepfake_kg.namespaces import BASE, EXTERNAL_NAMESPACES
from deepfake_kg.paths import DATA_DIR, ONTOLOGY_DIR
from deepfake_kg.release import release

LIST = ONTOLOGY_DIR / "external-iris.txt"
SHARED_LIST = ONTOLOGY_DIR.parent.parent / "shared" / "research" / "vocabulary-iris.txt"
# W3C's own vocabularies are checked term by term against rdflib's closed namespace definitions instead.
CORE = [rdfns.RDF, rdfns.RDFS, rdfns.OWL, rdfns.XSD, rdfns.SH]
# What an RDFLIB line may claim: rdflib 7.6 declares the term in one of these closed namespaces.
RDFLIB_NAMESPACES = [rdfns.DCTERMS, rdfns.SKOS, rdfns.PROV, rdfns.SDO, rdfns.DCAT, rdfns.VOID, rdfns.TIME]
_LINE = re.compile(r"(OK|RDFLIB|\?\?|NO)\s+(\S+)\s+\|\s+(\S.*)")


def read_list(path: Path = LIST) -> tuple[dict, dict]:
    """({IRI: (status, where)} for vocabulary terms, the same for linked resources)."""
    terms, links = {}, {}
    section = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("# == vocabulary terms"):
            section = terms
        elif line.startswith("# == linked resources"):
            section = links
        elif line.strip() and not line.startswith("#"):
            match = _LINE.fullmatch(line.strip())
            assert match and section is not None, f"{path.name}, line {number}: not 'STATUS IRI | where' in a section: {line!r}"
            status, iri, where = match.groups()
            assert iri not in terms and iri not in links, f"{path.name}, line {number}: {iri} listed twice"
            section[iri] = (status, where)
    return terms, links


TERMS, LINKS = read_list()


RELEASES = pytest.mark.slow  # the VoID file is read from a whole release


@pytest.fixture(scope="module")
def void(kg, tmp_path_factory):
    out = tmp_path_factory.mktemp("void")
    release(kg, out, docs=False)
    return Graph().parse(out / "void.ttl", format="turtle")


def iris_in(graph: Graph, skip_predicates=()):
    for s, p, o in graph:
        for position, term in enumerate((s, p, o)):
            if position == 2 and p in skip_predicates:
                continue
            if isinstance(term, URIRef):
                yield str(term)
            elif isinstance(term, Literal) and term.datatype:
                yield str(term.datatype)


def sources():
    files = sorted(ONTOLOGY_DIR.glob("*.ttl")) + sorted(DATA_DIR.glob("*.ttl"))
    return [pytest.param(path, id=f"{path.parent.name}/{path.name}") for path in files] + [pytest.param(None, id="dist/void.ttl", marks=RELEASES)]


def problems(iris) -> list[str]:
    found = []
    for iri in sorted(set(iris)):
        if iri.startswith(BASE):
            continue
        core = next((ns for ns in CORE if iri.startswith(str(ns))), None)
        if core is not None:
            if URIRef(iri) not in core:
                found.append(f"{iri}: not a term of {core} (rdflib's definition of it)")
        elif iri in TERMS:
            if TERMS[iri][0] == "NO":
                found.append(f"{iri}: marked NO in external-iris.txt (it does not exist: {TERMS[iri][1]})")
        elif iri in LINKS:
            if LINKS[iri][0] == "NO":
                found.append(f"{iri}: a linked resource marked NO in external-iris.txt")
        elif any(iri.startswith(ns) for ns in EXTERNAL_NAMESPACES):
            found.append(f"{iri}: a vocabulary term not in ontology/external-iris.txt (copy its line from "
                         "../shared/research/vocabulary-iris.txt after checking it, or mark it RDFLIB if rdflib declares it)")
        else:
            found.append(f"{iri}: a linked resource not in the second section of ontology/external-iris.txt (add it with its source)")
    return found


@pytest.mark.parametrize("path", sources())
def test_every_external_iri_is_listed_and_checked(path, request):
    if path is None:
        # void:vocabulary names namespaces, not terms: checked on their own below
        graph, skip = request.getfixturevalue("void"), (rdfns.VOID.vocabulary,)
    else:
        graph, skip = Graph().parse(path, format="turtle"), ()
    assert problems(iris_in(graph, skip)) == []


@RELEASES
def test_void_vocabularies_are_namespaces_of_listed_terms(void):
    listed = [*TERMS, *(str(ns) for ns in CORE)]
    for namespace in map(str, void.objects(None, rdfns.VOID.vocabulary)):
        assert namespace.startswith(BASE) or any(term.startswith(namespace) for term in listed), namespace


def test_rdflib_lines_are_declared_by_rdflib():
    for iri, (status, where) in TERMS.items():
        if status == "RDFLIB":
            assert any(URIRef(iri) in ns for ns in RDFLIB_NAMESPACES if iri.startswith(str(ns))), f"{iri} is not in rdflib's namespaces"


def test_vocabulary_lines_are_copied_from_the_checked_research_list():
    if not SHARED_LIST.is_file():
        pytest.skip(f"{SHARED_LIST} is not beside the repository here (it is in the project workspace)")
    shared, _ = read_list_lines(SHARED_LIST)
    for iri, (status, where) in TERMS.items():
        if status != "RDFLIB" and iri not in shared:
            # a term the research list lacks: checked here, never OK without saying where it was seen
            assert status in ("??", "NO") and where.startswith("checked for this project: "), f"{iri}: not in {SHARED_LIST.name}"
        elif status != "RDFLIB":
            assert shared.get(iri) == (status, where), f"{iri}: not as in {SHARED_LIST.name}"


def read_list_lines(path):
    terms = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _LINE.fullmatch(line.strip())
        if match:
            terms[match.group(2)] = (match.group(1), match.group(3))
    return terms, {}


def test_the_checker_catches_what_it_is_for():
    assert problems(["http://schema.org/Legislation"])  # http: instead of https: — the namespace copied wrong
    assert problems(["http://purl.org/dc/terms/LegalDocument"])  # marked NO: does not exist
    assert problems(["http://www.w3.org/2002/07/owl#sameAS"])  # typo in a core term
    assert problems(["https://w3id.org/dpv#hasObligatoin"])  # typo in a listed vocabulary
    assert problems(["http://www.wikidata.org/entity/Q1"])  # a link nobody checked
    assert problems(["https://w3id.org/dpv#hasRule", "http://data.europa.eu/eli/reg/2016/679/oj", str(rdfns.OWL.sameAs)]) == []
