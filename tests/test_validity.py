"""The law on a date: each entry into force, the day before and the day of; versions of an amended law; proposals
overtaken by law; the date rule in Python equal to its SPARQL statement."""
import datetime as dt

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib import namespace as rdfns  # a module: pytest would probe a closed namespace's attributes

from deepfake_kg.assess import assess
from deepfake_kg.duties import duties_for
from deepfake_kg.explanations import explain
from deepfake_kg.errors import KGError
from deepfake_kg.namespaces import DFK, ID, RDF, RDFS
from deepfake_kg.named_queries import named_query, on_date
from deepfake_kg.query import run_local
from deepfake_kg.scenario import read_scenario
from deepfake_kg.paths import ROOT
from deepfake_kg.validity import (IN_FORCE, UNDATED, NO_LONGER_IN_FORCE, NOT_YET_IN_FORCE, PROPOSED, PROPOSED_SINCE_ENACTED,
                                  Validity, parse_day, validity_for)


def duty_ids(types, kg, day, status=None):
    return {r.duty.rsplit("/", 1)[1] for r in duties_for(types, kg, as_of=day) if status is None or r.status == status}


def before(day: str) -> str:
    return (dt.date.fromisoformat(day) - dt.timedelta(days=1)).isoformat()


# (platform types, a duty that rests on the instrument, its first day)
BOUNDARIES = [
    pytest.param([DFK.FaceSwapService], "dsp-17-conspicuous-labels", "2023-01-10", id="Deep Synthesis Provisions"),
    pytest.param([DFK.GenerativeAIServiceProvider], "gaim-14-stop-generation", "2023-08-15", id="Generative AI Measures"),
    pytest.param([DFK.VideoSharingPlatform], "lm-6-check-implicit-labels", "2025-09-01", id="Labelling Measures Art. 6"),
    pytest.param([DFK.AppDistributionPlatform], "lm-7-check-apps-at-listing", "2025-09-01", id="Labelling Measures Art. 7"),
    pytest.param([DFK.CoveredPlatform], "take-it-down-remove-within-48-hours", "2026-05-19", id="TAKE IT DOWN platform duty"),
    pytest.param([DFK.AISystemProvider], "ai-act-50-2-mark-synthetic-output", "2026-08-02", id="AI Act Art. 50(2)"),
    pytest.param([DFK.DeepFakeDeployer], "ai-act-50-4-disclose-deep-fakes", "2026-08-02", id="AI Act Art. 50(4)"),
    pytest.param([DFK.VeryLargeOnlinePlatform], "dsa-34-systemic-risk-assessment", "2024-02-17", id="DSA (general date)"),
    pytest.param([DFK.RegulatedUserToUserService], "osa-10-swiftly-take-down", "2025-03-17", id="Online Safety Act s. 10"),
    pytest.param([DFK.NetworkServiceProvider], "cl-286-1-perform-security-management", "2015-11-01", id="Criminal Law Art. 286-1"),
]


@pytest.mark.parametrize("types, duty, first_day", BOUNDARIES)
def test_a_duty_attaches_from_the_day_its_basis_enters_into_force(types, duty, first_day, kg):
    assert duty not in duty_ids(types, kg, before(first_day))
    assert duty in duty_ids(types, kg, first_day, IN_FORCE)
    row = next(r for r in duties_for(types, kg, as_of=first_day) if r.duty.endswith("/" + duty))
    assert row.in_force_from == first_day and row.as_of == first_day


def test_no_deep_synthesis_duty_for_a_face_swap_app_in_2020_but_in_2024(kg):
    def deep_synthesis(day):
        return {r.duty for r in duties_for(["face-swap application"], kg, as_of=day)
                if any("cn-deep-synthesis-provisions" in b.provision.iri for b in r.legal_basis)}
    assert deep_synthesis("2020-01-01") == set()
    assert {str(ID["duty/dsp-16-implicit-marks"]), str(ID["duty/dsp-17-conspicuous-labels"])} <= deep_synthesis("2024-01-01")


def test_the_cybersecurity_law_duty_rests_on_the_version_in_force(kg):
    old, new = str(ID["provision/cn-cybersecurity-law/2016/art-47"]), str(ID["provision/cn-cybersecurity-law/2026/former-art-47"])
    for day, binding, replaced in (("2025-12-31", old, new), ("2026-01-01", new, old)):
        row = next(r for r in duties_for([DFK.VideoSharingPlatform], kg, as_of=day) if r.duty.endswith("csl-47-stop-transmission"))
        assert row.status == IN_FORCE and row.in_force_from == "2017-06-01" and row.in_force_until is None
        assert row.legal_basis[0].provision.iri == binding and row.legal_basis[0].status == IN_FORCE
        assert {b.provision.iri: b.status for b in row.legal_basis}[replaced] in (NOT_YET_IN_FORCE, NO_LONGER_IN_FORCE)


def test_the_amended_article_has_no_guessed_number(kg):
    new = ID["provision/cn-cybersecurity-law/2026/former-art-47"]
    assert (new, DFK.number, None) not in kg.closure
    assert any("number" in str(u) for u in kg.closure.objects(new, DFK.unknown))
    row = next(r for r in duties_for([DFK.NetworkOperator], kg, as_of="2026-11-30") if r.duty.endswith("csl-47-report"))
    assert any("not seen" in u for u in row.legal_basis[0].unknown)


def test_no_superseded_fine_is_presented_as_current(kg):
    row = next(r for r in duties_for([DFK.NetworkOperator], kg, as_of="2026-01-01") if r.duty.endswith("csl-47-remove-information"))
    current = [s for s in row.sanctions if s.status == IN_FORCE]
    old = next(s for s in row.sanctions if s.iri.endswith("cn-csl-art-68-administrative-penalty"))
    assert old.status == NO_LONGER_IN_FORCE and old.in_force_until == "2025-12-31"
    assert current and all(s.unknown for s in current)  # the amended penalty: stated as not verified
    row_2025 = next(r for r in duties_for([DFK.NetworkOperator], kg, as_of="2025-12-31") if r.duty.endswith("csl-47-remove-information"))
    assert [s.iri for s in row_2025.sanctions if s.status == IN_FORCE] == [old.iri]


def test_the_cli_today_shows_the_amended_law_and_no_old_fine(capsys, kg):
    from deepfake_kg.cli import main

    assert main(["duties", "network operator", "--as-of", "2026-11-30", "--format", "csv"]) == 0
    rows = [r for r in capsys.readouterr().out.splitlines() if "/csl-47-" in r]
    assert len(rows) == 5
    for row in rows:  # the amended law's article and date; the 2016 text and its fine nowhere
        assert "Cybersecurity Law (as amended 2025)" in row and ",2026-01-01," in row
        assert "2016 text" not in row and "100,000" not in row


@pytest.mark.parametrize("duty, provision", [
    ("detect-identification-codes", "cn-ai-content-labelling-measures/art-6"),
    ("flag-or-restrict-unmarked-content", "cn-ai-content-labelling-measures/art-6"),
    ("embed-tamper-proof-identification-codes", "cn-ai-content-labelling-measures/art-5"),
])
def test_a_proposal_is_proposed_until_enacted_and_what_remains_stays_proposed(duty, provision, kg):
    types = [DFK.DeepSynthesisServiceProvider, DFK.VideoSharingPlatform]

    def row(day):
        return next(r for r in duties_for(types, kg, as_of=day) if r.duty.endswith("/" + duty))
    assert row("2025-08-31").status == PROPOSED and not row("2025-08-31").enacted_by
    enacted = row("2025-09-01")
    assert enacted.status == PROPOSED_SINCE_ENACTED
    assert [e.provision for e in enacted.enacted_by] == [str(ID[f"provision/{provision}"])]
    assert enacted.enacted_by[0].extent == "in part" and enacted.enacted_by[0].in_force_from == "2025-09-01"
    assert enacted.enacted_by[0].duties and enacted.remains_proposed
    assert (ID[f"duty/{duty}"], DFK.normativeStatus, DFK.LexFerenda) in kg.closure  # still the author's proposal


def test_a_proposal_nothing_enacted_stays_proposed(kg):
    rows = duties_for([DFK.OnlinePlatform], kg, as_of="2026-11-30")
    assert next(r for r in rows if r.duty.endswith("/proactive-monitoring")).status == PROPOSED


def test_explain_gives_the_dates_its_status_rests_on(kg):
    duty = ID["duty/csl-47-stop-transmission"]
    result = explain(duty, [DFK.VideoSharingPlatform], kg, as_of="2026-03-01")
    dated = [s.statement for s in result.steps if s.rule == "date"]
    assert result.status == IN_FORCE and result.as_of == "2026-03-01"
    assert any("2016 text" in s and "to 2025-12-31" in s and NO_LONGER_IN_FORCE in s for s in dated)
    assert any("as amended 2025" in s and "from 2026-01-01" in s for s in dated)
    early = explain(ID["duty/lm-6-check-implicit-labels"], [DFK.VideoSharingPlatform], kg, as_of="2025-01-01")
    assert early.status == NOT_YET_IN_FORCE


def test_assess_reads_todays_law_as_the_law_of_the_day(kg):
    scenario = read_scenario(ROOT / "scenarios" / "ai-face-swap-fraud.yaml", kg)
    before_provisions = assess(scenario, kg, as_of="2020-01-01")
    after = assess(scenario, kg, as_of="2024-01-01")
    labelling = lambda a: next(c for c in a.today if "Deep Synthesis" in c.topic)
    assert labelling(after).holds and not labelling(before_provisions).holds
    # The verdict is Art. 286-1's, in force on both days; the Deep Synthesis breach is administrative either way.
    assert before_provisions.verdict_today == after.verdict_today
    assert after.verdicts["today"].status == "not established"


def test_an_offence_not_yet_law_is_not_established_whatever_the_facts(kg):
    scenario = read_scenario(ROOT / "scenarios" / "profit-driven-tolerance.yaml", kg)
    assert assess(scenario, kg, as_of="2015-11-01").verdicts["today"].status == "established"
    before = assess(scenario, kg, as_of="2015-10-31").verdicts["today"]
    assert before.status == "not established" and "not yet in force on 2015-10-31" in before.statement


@pytest.mark.parametrize("text", ["2024-13-01", "yesterday", "01/02/2024", ""])
def test_a_bad_date_is_refused_in_one_sentence(text, kg):
    with pytest.raises(KGError, match="not a date"):
        duties_for([DFK.VideoSharingPlatform], kg, as_of=text)


def test_today_is_the_default(kg):
    assert parse_day(None) == dt.date.today()
    assert {r.as_of for r in duties_for([DFK.VideoSharingPlatform], kg)} == {dt.date.today().isoformat()}


@pytest.mark.parametrize("day", ["2015-10-31", "2019-06-01", "2023-01-10", "2025-09-01", "2025-12-31", "2026-01-01", "2026-08-02"])
def test_the_sparql_query_and_the_python_rule_agree(day, kg):
    validity = validity_for(kg)
    g = kg.closure
    python = {(str(d), str(b)) for d in g.subjects(RDF.type, DFK.DutyInForce) for b in g.objects(d, DFK.legalBasis)
              if validity.period(b).status_on(dt.date.fromisoformat(day)) == IN_FORCE}
    rows = run_local(on_date(named_query("duties-on-date").text, day), kg.dataset).rows()
    assert {(r["duty"], r["provision"]) for r in rows} == python


def test_the_latest_start_and_earliest_end_on_the_chain_decide():
    g = Graph()
    work, version, article, para = (URIRef(f"https://example.org/{n}") for n in ("work", "v2", "art", "para"))
    g.add((work, DFK.effectiveFrom, Literal("2020-01-01", datatype=rdfns.XSD.date)))
    g.add((version, DFK.versionOf, work))
    g.add((version, DFK.noLongerInForceFrom, Literal("2030-01-01", datatype=rdfns.XSD.date)))
    g.add((article, DFK.partOf, work))
    g.add((article, DFK.inVersion, version))
    g.add((article, DFK.appliesFrom, Literal("2022-06-01", datatype=rdfns.XSD.date)))
    g.add((para, DFK.partOf, article))
    g.add((para, DFK.partOf, work))
    period = Validity(g).period(para)
    assert (period.start, period.end) == (dt.date(2022, 6, 1), dt.date(2030, 1, 1))
    assert period.status_on(dt.date(2022, 5, 31)) == NOT_YET_IN_FORCE
    assert period.status_on(dt.date(2029, 12, 31)) == IN_FORCE
    assert period.status_on(dt.date(2030, 1, 1)) == NO_LONGER_IN_FORCE


def test_the_undated_basis_check_finds_a_duty_whose_date_cannot_be_derived_and_is_not_said_to_be_unknown():
    from deepfake_kg.validate import CHECKS_DIR

    g = Graph()  # as the data states it: a duty in force is typed so only by the reasoner
    dated, undated, gap = ID["provision/example/dated"], ID["provision/example/undated"], ID["programme/example"]
    instrument = ID["instrument/example"]
    g.add((dated, DFK.partOf, instrument))
    g.add((instrument, DFK.effectiveFrom, Literal("2020-01-01", datatype=rdfns.XSD.date)))
    g.add((gap, DFK.unknown, Literal("When it began: the source gives no date.", lang="en")))
    for name, basis in (("ok", dated), ("bad", undated), ("recorded-gap", gap)):
        g.add((ID[f"duty/{name}"], DFK.normativeStatus, DFK.LexLata))
        g.add((ID[f"duty/{name}"], DFK.legalBasis, basis))
    rows = list(g.query((CHECKS_DIR / "undated-legal-basis-violation.rq").read_text()))
    assert [str(r.resource) for r in rows] == [str(ID["duty/bad"])]


def test_a_duty_on_an_undated_basis_is_never_shown_binding_on_a_day(kg):
    """The practice the paper describes in 4.3 has no recorded date: its duties are listed as 'dates not
    recorded' on any day (in 2015 as today), never counted in force, and the reason is given."""
    validity, g = validity_for(kg), kg.closure
    undated = {d for d in g.subjects(RDF.type, DFK.DutyInForce)
               if all(validity.period(b).start is None for b in g.objects(d, DFK.legalBasis))}
    assert undated, "the data has such duties (4.3); the test would pass vacuously"
    for day in ("2015-01-01", dt.date.today().isoformat()):
        rows = {r.duty: r for r in duties_for([DFK.SocialPlatform], kg, as_of=day)}
        for duty in undated:
            assert rows[str(duty)].status == UNDATED
        in_force = {r.duty for r in duties_for([DFK.SocialPlatform], kg, as_of=day, status="in force")}
        assert not in_force & {str(d) for d in undated}
        assert {r.duty for r in duties_for([DFK.SocialPlatform], kg, as_of=day, status="undated")} == {str(d) for d in undated}
    why = explain(str(sorted(undated)[0]), [DFK.SocialPlatform], kg=kg, as_of="2015-01-01")
    assert why.status == UNDATED and "not known" in why.steps[-1].statement


def test_an_undated_basis_does_not_outrank_one_in_force_but_outranks_one_not_yet_in_force():
    g = Graph()
    duty, dated, undated = ID["duty/example"], ID["provision/example/dated"], ID["programme/example"]
    g.add((duty, DFK.legalBasis, dated))
    g.add((duty, DFK.legalBasis, undated))
    g.add((dated, DFK.effectiveFrom, Literal("2020-01-01", datatype=rdfns.XSD.date)))
    assert Validity(g).timing(duty, dt.date(2019, 12, 31)).status == UNDATED
    assert Validity(g).timing(duty, dt.date(2020, 1, 1)).status == IN_FORCE


def test_shapes_require_a_passage_or_a_checked_source_beyond_the_paper():
    from deepfake_kg.validate import shacl_problems

    def duty_graph(*extra):
        g = Graph()
        duty = ID["duty/example"]
        for p, o in ((RDF.type, DFK.Duty), (RDFS.label, Literal("Example", lang="en")), (RDFS.label, Literal("例", lang="zh-Hans")),
                     (DFK.normativeStatus, DFK.LexFerenda), (DFK.requiredAction, Literal("Do it.", lang="en")), *extra):
            g.add((duty, p, o))
        return g
    complaint = lambda g: [p for p in shacl_problems(g) if "traceable" in p.message]
    assert complaint(duty_graph())
    assert complaint(duty_graph((DFK.beyondThePaper, Literal(True)), (DFK.certainty, Literal("high"))))  # no source named
    assert complaint(duty_graph((DFK.beyondThePaper, Literal(True)), (DFK.checkedAgainst, Literal("x")), (DFK.certainty, Literal("low"))))
    assert not complaint(duty_graph((DFK.beyondThePaper, Literal(True)), (DFK.checkedAgainst, Literal("x")), (DFK.certainty, Literal("medium"))))


def test_explain_names_the_checked_source_of_a_duty_beyond_the_paper(kg):
    result = explain(ID["duty/take-it-down-remove-within-48-hours"], [DFK.CoveredPlatform], kg, as_of="2026-05-18")
    assert result.status == NOT_YET_IN_FORCE and not result.passages
    assert any(s.rule == "source" and "223a" in s.statement and "high" in s.statement for s in result.steps)
    paper = explain(ID["duty/csl-47-report"], [DFK.NetworkOperator], kg, as_of="2026-05-18")
    assert paper.passages and not any(s.rule == "source" for s in paper.steps)
