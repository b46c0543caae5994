"""Every competency question in queries/ returns its expected answers on the built graph.

Expectations come from the law and the paper (the text is read here where it can be), and where possible
from a second, independent path through the package (the incremental classifier)."""
import re
from collections import defaultdict

import pytest
from rdflib import URIRef

from deepfake_kg.duties import duties_for
from deepfake_kg.namespaces import DFK, ID, RDF
from deepfake_kg.api import named_query
from deepfake_kg.paths import QUERIES_DIR
from deepfake_kg.query import run_local
from deepfake_kg.resolve import platform_types

LATA, FERENDA = str(DFK.LexLata), str(DFK.LexFerenda)


@pytest.fixture(scope="module")
def ask(kg):
    cache = {}

    def rows(name):
        if name not in cache:
            cache[name] = run_local(named_query(name).text, kg.dataset).rows()
        return cache[name]
    return rows


def test_every_named_query_has_a_test():
    names = {p.stem for p in QUERIES_DIR.glob("*.rq")}
    tested = {n.removeprefix("test_").replace("_", "-") for n in globals() if n.startswith("test_")}
    assert names <= tested, f"untested queries: {sorted(names - tested)}"


def test_every_named_query_has_a_title_and_question():
    for path in QUERIES_DIR.glob("*.rq"):
        head = path.read_text().splitlines()[:3]
        assert head[0].startswith("# title: ") and head[1].startswith("# question: "), path.name


def test_duties_by_platform_type(ask, kg):
    by_type = defaultdict(set)
    for row in ask("duties-by-platform-type"):
        by_type[row["type"]].add(row["duty"])
    # SPARQL over the closure and the incremental classifier agree, type by type.
    for t in platform_types(kg.closure):
        assert by_type[str(t.iri)] == {r.duty for r in duties_for([t.iri], kg)}, t.label
    video = by_type[str(DFK.VideoSharingPlatform)]
    assert {str(ID[f"duty/csl-47-{d}"]) for d in ("stop-transmission", "report", "preserve-records")} <= video


def test_duties_in_force_legal_basis(ask, kg):
    rows = ask("duties-in-force-legal-basis")
    in_force = {str(d) for d in kg.closure.subjects(DFK.normativeStatus, DFK.LexLata) if (d, RDF.type, DFK.Duty) in kg.closure}
    assert {r["duty"] for r in rows} <= in_force
    csl = [r for r in rows if r["provision"].endswith("cn-cybersecurity-law/2016/art-47")]
    assert len(csl) >= 5 and {r["instrument"] for r in csl} == {str(ID["instrument/cn-cybersecurity-law"])}
    # The article of the Algorithmic Recommendation Provisions was not checked: the duty cites the instrument.
    assert any(r["provision"] == str(ID["instrument/cn-algorithmic-recommendation-provisions"]) for r in rows)


def test_proposed_duties(ask, kg):
    rows = ask("proposed-duties")
    assert len({r["duty"] for r in rows}) >= 20
    sections = defaultdict(set)
    for row in rows:
        assert (URIRef(row["duty"]), DFK.normativeStatus, DFK.LexFerenda) in kg.asserted
        sections[row["duty"]].add(row["section"])
    for duty, found in sections.items():
        assert any(s.startswith("4.") for s in found), f"{duty}: the author's proposals are in section 4"


def test_offence_elements(ask):
    rows = ask("offence-elements")
    kinds = {r["elementType"].split("#")[1] for r in rows}
    assert kinds == {"SubjectElement", "OmissionElement", "OrderToCorrectElement", "RefusalElement", "ConsequenceElement"}
    consequences = {r["consequence"] for r in rows if r["consequence"]}
    assert len(consequences) == 4  # Art. 286-1 para. 1 items (1)-(4)
    assert str(ID["consequence/other-serious-circumstances"]) in consequences


def test_sanctions_by_duty(ask):
    rows = ask("sanctions-by-duty")
    kinds = {r["duty"].rsplit("/", 1)[1]: r["kind"].split("#")[1] for r in rows}
    assert kinds["csl-47-stop-transmission"] == "AdministrativePenalty"
    assert any(d.startswith("cl-286-1") and k == "CriminalPenalty" for d, k in kinds.items())
    csl = {r["provision"] for r in rows if r["kind"].endswith("AdministrativePenalty") and r["duty"].rsplit("/", 1)[1].startswith("csl-47")}
    # the 2016 Art. 68 and, from 2026, the amended law's penalty article (its number not verified)
    assert csl == {str(ID["provision/cn-cybersecurity-law/2016/art-68"]), str(ID["provision/cn-cybersecurity-law/2026/former-art-68"])}


def test_provisions_by_instrument(ask):
    counts = {r["instrument"].rsplit("/", 1)[1]: int(r["provisions"]) for r in ask("provisions-by-instrument")}
    # Art. 286-1, its 3 paragraphs and 4 items are all part of the Criminal Law through transitive part-of.
    assert counts["cn-criminal-law"] >= 8
    assert counts["cn-cybersecurity-law"] >= 2


def test_knowledge_standards(ask):
    rows = {r["standard"].rsplit("/", 1)[1]: r for r in ask("knowledge-standards")}
    assert rows["presumed-knowledge"]["status"] == FERENDA and "technical" in rows["presumed-knowledge"]["rebuttal"]
    assert rows["refusal-after-order"]["status"] == LATA
    assert rows["actual-knowledge"]["status"] == LATA


def test_proposals_and_dilemmas(ask):
    pairs = {(r["proposal"].rsplit("/", 1)[1], r["dilemma"].rsplit("/", 1)[1]) for r in ask("proposals-and-dilemmas")}
    assert ("4.1-presumed-knowledge", "3.2-knowledge-under-notice-and-takedown") in pairs
    assert ("4.3-log-retention", "3.3-evidence-control") in pairs


def test_paper_claims_checked(ask):
    rows = ask("paper-claims-checked")
    us = [r for r in rows if r["about"].endswith("us-malicious-deep-fake-prohibition-act")]
    assert us and us[0]["verdict"] == str(DFK.ClaimIncorrect)
    assert "enacted" in us[0]["claimText"]
    assert re.search(r"neither|never|none became law", us[0]["checkedFact"], re.I)


def test_references(ask):
    rows = ask("references")
    assert {int(r["number"]) for r in rows} == set(range(1, 10))
    dois = {r["number"]: r["doi"] for r in rows if r["doi"]}
    assert set(dois) == {"3", "5", "7", "9"}


def test_cases_and_incidents(ask):
    rows = {r["case"].rsplit("/", 1)[1]: r for r in ask("cases-and-incidents")}
    assert set(rows["qvod"]["sections"].split(", ")) == {"2", "4.4"}
    assert rows["qvod"]["kind"] == str(DFK.CourtCase)
    assert sum(r["kind"] == str(DFK.Incident) for r in rows.values()) >= 3


def test_statistics(ask):
    values = {float(r["value"]): r for r in ask("statistics")}
    assert set(values) == {100.0, 200_000_000.0}  # "nearly a hundred cases", "exceeding 200 million yuan"
    assert "nearly" in values[100.0]["qualifiers"] and "exceeding" in values[200_000_000.0]["qualifiers"]
    assert all(r["reporter"] == str(ID["authority/mps"]) for r in values.values())


def test_instruments_by_jurisdiction(ask):
    rows = {r["instrument"].rsplit("/", 1)[1]: r for r in ask("instruments-by-jurisdiction")}
    for bill in ("us-malicious-deep-fake-prohibition-act", "us-deep-fakes-accountability-act"):
        assert rows[bill]["kind"] == str(DFK.Bill) and rows[bill]["force"].endswith("NotInForce")
    assert rows["cn-cybersecurity-law"]["jurisdiction"].endswith("/cn")
    assert rows["eu-gdpr"]["jurisdiction"].endswith("/eu")
    assert not any(r["instrument"].startswith("http://data.europa.eu/") for r in rows.values()), "links must not duplicate instruments"


def test_large_vs_small_platform_duties(ask):
    rows = ask("large-vs-small-platform-duties")
    names = {r["duty"].rsplit("/", 1)[1] for r in rows}
    assert {"allocate-more-reviewers", "establish-risk-warning-team"} <= names
    assert {r["status"] for r in rows} == {FERENDA}, "the size tiers are the author's proposal (4.2)"


def test_liability_of_persons(ask):
    rows = ask("liability-of-persons")
    roles = {r["role"].split("#")[1] for r in rows}
    assert {"DirectlyResponsibleSupervisor", "OtherDirectlyResponsiblePerson"} <= roles
    assert all(r["provision"].endswith("art-286-1/para-2") for r in rows if r["role"].endswith("DirectlyResponsibleSupervisor"))


def test_passages_per_section(ask, kg):
    counts = {r["section"]: int(r["passages"]) for r in ask("passages-per-section")}
    assert {"1", "2", "3.1", "3.2", "3.3", "4.1", "4.2", "4.3", "4.4"} <= set(counts)
    assert sum(counts.values()) == len(set(kg.asserted.subjects(RDF.type, DFK.Passage)))


# What the answers above take from the paper, checked against its text (skipped without the paper).

def test_paper_claims_checked_quote_the_paper(ask, paper):
    assert paper.contains("has successively enacted")  # the claim is the paper's own


def test_references_print_the_papers_dois(ask, paper):
    dois = {r["number"]: r["doi"] for r in ask("references") if r["doi"]}
    for number, doi in dois.items():
        assert doi.replace("\\", "") in paper.text.replace("\\", ""), f"DOI of [{number}] as printed"


def test_statistics_quote_the_paper(ask, paper):
    assert paper.contains("nearly a hundred cases") and paper.contains("exceeding 200 million yuan")


def test_duties_on_date(kg):
    from deepfake_kg.named_queries import named_query, on_date

    text = named_query("duties-on-date").text
    def rows(day):
        return run_local(on_date(text, day), kg.dataset).rows()
    stop = str(ID["duty/csl-47-stop-transmission"])
    bases = lambda day: {r["provision"] for r in rows(day) if r["duty"] == stop}
    assert bases("2017-05-31") == set()
    assert bases("2025-12-31") == {str(ID["provision/cn-cybersecurity-law/2016/art-47"])}
    assert bases("2026-01-01") == {str(ID["provision/cn-cybersecurity-law/2026/former-art-47"])}
    labelled = {r["duty"] for r in rows("2025-09-01") if r["beyondThePaper"] == "true"}
    assert str(ID["duty/lm-6-check-implicit-labels"]) in labelled
    assert str(ID["duty/lm-6-check-implicit-labels"]) not in {r["duty"] for r in rows("2025-08-31")}


def test_duty_timeline(ask):
    rows = ask("duty-timeline")
    face_swap = {(r["duty"].rsplit("/", 1)[1], r["from"]) for r in rows if r["type"] == str(DFK.FaceSwapService)}
    assert ("dsp-17-conspicuous-labels", "2023-01-10") in face_swap and ("lm-5-implicit-labels", "2025-09-01") in face_swap
    covered = {(r["duty"].rsplit("/", 1)[1], r["from"]) for r in rows if r["type"] == str(DFK.CoveredPlatform)}
    assert ("take-it-down-remove-within-48-hours", "2026-05-19") in covered
    ended = {r["provision"]: r["noLongerInForceFrom"] for r in rows if r["noLongerInForceFrom"]}
    assert ended == {str(ID["provision/cn-cybersecurity-law/2016/art-47"]): "2026-01-01"}


def test_proposals_since_enacted(ask, kg):
    rows = ask("proposals-since-enacted")
    enacted = {r["duty"].rsplit("/", 1)[1]: (r["extent"], r["from"]) for r in rows}
    assert enacted == {d: ("in part", "2025-09-01") for d in
                       ("detect-identification-codes", "flag-or-restrict-unmarked-content", "embed-tamper-proof-identification-codes")}
    for row in rows:
        assert row["remainsProposed"] and (URIRef(row["duty"]), DFK.normativeStatus, DFK.LexFerenda) in kg.closure
