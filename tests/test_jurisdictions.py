"""One platform across China, the EU, the US and the UK; the timeline of its duties; what marks the law beyond
the paper and how foreign platform types are related to the paper's."""
import csv
import io
import json

import pytest
from rdflib import URIRef

from deepfake_kg.cli import main
from deepfake_kg.jurisdictions import compare_jurisdictions
from deepfake_kg.namespaces import DFK, ID, OWL, RDF, RDFS
from deepfake_kg.timeline import ENACTED, LAW, PROPOSED, timeline

LARGE_VIDEO = [DFK.VideoSharingPlatform, DFK.LargeLeadingPlatform]


def column(result, code):
    return next(c for c in result.columns if c.jurisdiction.endswith("/" + code))


def ids(rows):
    return {r.duty.rsplit("/", 1)[1] for r in rows}


def test_a_large_video_sharing_platform_side_by_side(kg):
    result = compare_jurisdictions(LARGE_VIDEO, kg, as_of="2026-11-30")
    assert [c.jurisdiction.rsplit("/", 1)[1] for c in result.columns] == ["cn", "eu", "us", "uk"]
    cn = column(result, "cn")
    assert {"csl-47-stop-transmission", "lm-6-check-implicit-labels", "allocate-more-reviewers"} <= ids(cn.duties)
    # Nothing in the paper's types makes it an EU, US or UK addressee: those duties are conditional, with the fact
    # that decides them, never presumed.
    for code in ("eu", "us", "uk"):
        assert column(result, code).duties == []
    eu = {c.type: c for c in column(result, "eu").conditional}
    vlop = eu[str(DFK.VeryLargeOnlinePlatform)]
    assert "45 million" in vlop.condition and "large leading platform" in vlop.why
    assert {"dsa-34-systemic-risk-assessment", "dsa-35-mitigate-systemic-risks"} <= ids(vlop.duties)
    us = {c.type: c for c in column(result, "us").conditional}
    assert ids(us[str(DFK.CoveredPlatform)].duties) == {"take-it-down-notice-and-removal-process", "take-it-down-remove-within-48-hours"}
    assert "user-generated content" in us[str(DFK.CoveredPlatform)].condition
    uk = {c.type: c for c in column(result, "uk").conditional}
    assert "osa-10-swiftly-take-down" in ids(uk[str(DFK.RegulatedUserToUserService)].duties)


def test_a_platform_named_with_foreign_types_has_those_duties_established(kg):
    result = compare_jurisdictions([*LARGE_VIDEO, DFK.VeryLargeOnlinePlatform, DFK.CoveredPlatform], kg, as_of="2026-11-30")
    assert {"dsa-16-notice-and-action", "dsa-23-suspend-repeat-infringers", "dsa-34-systemic-risk-assessment"} <= ids(column(result, "eu").duties)
    assert ids(column(result, "us").duties) == {"take-it-down-notice-and-removal-process", "take-it-down-remove-within-48-hours"}
    assert not column(result, "us").conditional


def test_the_comparison_is_for_its_day(kg):
    before = compare_jurisdictions([*LARGE_VIDEO, DFK.CoveredPlatform], kg, as_of="2026-05-18")
    on = compare_jurisdictions([*LARGE_VIDEO, DFK.CoveredPlatform], kg, as_of="2026-05-19")
    assert column(before, "us").duties == [] and len(column(on, "us").duties) == 2
    assert "csl-47-report" in ids(column(before, "cn").duties)


def test_a_face_swap_app_may_be_an_ai_act_provider_or_deployer(kg):
    eu = {c.type: c for c in column(compare_jurisdictions([DFK.FaceSwapService], kg, as_of="2026-08-02"), "eu").conditional}
    assert ids(eu[str(DFK.AISystemProvider)].duties) == {"ai-act-50-2-mark-synthetic-output"}
    assert "ai-act-50-4-disclose-deep-fakes" in ids(eu[str(DFK.DeepFakeDeployer)].duties)
    early = {c.type for c in column(compare_jurisdictions([DFK.FaceSwapService], kg, as_of="2026-08-01"), "eu").conditional}
    assert str(DFK.AISystemProvider) not in early  # no Art. 50 duty yet: nothing to show


def test_cli_compare_across_jurisdictions(capsys, kg):
    assert main(["compare", "--jurisdiction", "video-sharing platform+large leading platform", "--as-of", "2026-11-30", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    vlop = [r for r in rows if r["applies"].startswith("if very large online platform")]
    assert vlop and all(r["jurisdiction"] == "European Union" and "45 million" in r["condition"] for r in vlop)
    assert any(r["jurisdiction"] == "People's Republic of China" and r["applies"] == "yes" for r in rows)
    assert main(["compare", "--jurisdiction", "video-sharing platform", "--as-of", "2026-11-30"]) == 0
    text = capsys.readouterr().out
    assert "== United States" in text and "IF it is a covered platform" in text


def test_cli_compare_platforms_on_a_date(capsys, kg):
    assert main(["compare", "face-swap application", "video-sharing platform+large", "--as-of", "2022-01-01", "--format", "json"]) == 0
    matrix = json.loads(capsys.readouterr().out)
    assert len(matrix["columns"]) == 2
    assert not any(r["duty"].endswith("dsp-17-conspicuous-labels") for r in matrix["rows"])


def test_the_timeline_of_a_face_swap_app(kg):
    result = timeline([DFK.FaceSwapService], kg)
    by_duty = {}
    for entry in result.entries:
        by_duty.setdefault(entry.duty.rsplit("/", 1)[1], []).append(entry)
    assert [(e.kind, e.start) for e in by_duty["dsp-17-conspicuous-labels"]] == [(LAW, "2023-01-10")]
    segments = sorted((e.start, e.end, e.provision.rsplit("/", 2)[1]) for e in by_duty["csl-47-stop-transmission"])
    assert segments == [("2017-06-01", "2025-12-31", "2016"), ("2026-01-01", None, "2026")]
    enacted = by_duty["embed-tamper-proof-identification-codes"]
    assert [(e.kind, e.start, e.extent) for e in enacted] == [(ENACTED, "2025-09-01", "in part")]
    assert all(e.kind == PROPOSED and e.start is None for e in by_duty["restrict-high-risk-functions"])
    starts = [e.start for e in result.entries if e.start]
    assert starts == sorted(starts)  # by date within the type


def test_the_timeline_exports(capsys, kg):
    assert main(["timeline", "covered platform", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {r["start"] for r in rows if "take-it-down" in r["duty"]} == {"2026-05-19"}
    assert main(["timeline", "covered platform", "face-swap application", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {e["type_label"] for e in data["entries"]} == {"covered platform (US TAKE IT DOWN Act)", "face-swap application"}


def beyond_the_paper(kg):
    return set(kg.asserted.subjects(DFK.beyondThePaper, None))


def test_every_resource_beyond_the_paper_carries_its_source_and_certainty(kg):
    g = kg.asserted
    for resource in beyond_the_paper(kg):
        if (resource, RDF.type, DFK.Authority) in g:
            continue  # an authority's name needs no source
        assert (resource, DFK.checkedAgainst, None) in g, resource
        assert {str(c) for c in g.objects(resource, DFK.certainty)} <= {"high", "medium"}, resource
        assert (resource, DFK.certainty, None) in g or (resource, DFK.source, None) in g, resource
    for duty in beyond_the_paper(kg) & set(g.subjects(RDF.type, DFK.Obligation)) | beyond_the_paper(kg) & set(g.subjects(RDF.type, DFK.Prohibition)):
        assert (duty, DFK.source, None) not in g, f"{duty}: a duty beyond the paper cites no passage of the paper"


def test_foreign_types_are_never_made_equivalent_to_the_papers(kg):
    g = kg.asserted
    foreign = {c for c in g.subjects(DFK.membershipCondition, None)}
    assert {DFK.HostingService, DFK.DSAOnlinePlatform, DFK.VeryLargeOnlinePlatform, DFK.AISystemProvider,
            DFK.DeepFakeDeployer, DFK.CoveredPlatform, DFK.RegulatedUserToUserService} <= foreign
    for cls in foreign:
        assert (cls, OWL.equivalentClass, None) not in g and (None, OWL.equivalentClass, cls) not in g, cls
        assert (cls, DFK.checkedAgainst, None) in g and (cls, RDFS.comment, None) in g, cls
    # A paper type put under a foreign one only where the definition says so, with the reason in the comment.
    for sub, sup in g.subject_objects(RDFS.subClassOf):
        if sup in foreign and isinstance(sub, URIRef) and sub not in foreign:
            assert any("subclass" in str(c).lower() or "are subclasses" in str(c) for c in g.objects(sup, RDFS.comment)), (sub, sup)


@pytest.mark.parametrize("iri", ["provision/cn-cybersecurity-law/2016/art-47", "duty/lm-6-check-implicit-labels",
                                 "duty/take-it-down-remove-within-48-hours", "instrument/uk-online-safety-act"])
def test_new_resources_have_labels_in_both_languages(iri, kg):
    labels = {getattr(o, "language", None) for o in kg.closure.objects(ID[iri], RDFS.label)}
    assert {"en", "zh-Hans"} <= labels
