"""Duties reach platforms by OWL-RL reasoning over class axioms, never by hand-written links."""
import pytest
from rdflib import Graph

from conftest import FIXTURES
from deepfake_kg.duties import duties_for
from deepfake_kg.errors import InconsistentGraph
from deepfake_kg.namespaces import DFK, RDF
from deepfake_kg.reasoning import owlrl_closure

EX = "https://example.org/"


def test_a_duty_reaches_a_narrower_class_only_through_owlrl():
    from rdflib import URIRef

    asserted = Graph().parse(FIXTURES / "tiny.ttl")
    link = (URIRef(EX + "platform"), DFK.hasDuty, URIRef(EX + "duty"))
    assert link not in asserted
    assert link in owlrl_closure(asserted)


def test_the_data_links_no_platform_to_a_duty_by_hand(kg):
    assert list(kg.asserted.triples((None, DFK.hasDuty, None))) == []


def test_video_sharing_platform_inherits_the_cybersecurity_law_duties(kg):
    rows = duties_for([DFK.VideoSharingPlatform], kg)
    csl = [r for r in rows if any("cn-cybersecurity-law/2016/art-47" in b.provision.iri for b in r.legal_basis)]
    assert len(csl) >= 4
    for row in csl:
        assert row.status == "in force"
        assert row.inferred is True
        assert {c.iri for c in row.attached_via} == {str(DFK.NetworkOperator)}
        assert row.passage.quote and row.passage.section


def test_a_platform_of_two_types_gets_the_union_of_their_duties(kg):
    both = {r.duty for r in duties_for([DFK.VideoSharingPlatform, DFK.LargeLeadingPlatform], kg)}
    video = {r.duty for r in duties_for([DFK.VideoSharingPlatform], kg)}
    large = {r.duty for r in duties_for([DFK.LargeLeadingPlatform], kg)}
    assert both == video | large
    assert large - video, "the large-platform tier adds duties of its own"


def test_the_large_tier_adds_proposed_duties_only(kg):
    video = {r.duty for r in duties_for([DFK.VideoSharingPlatform], kg)}
    extra = [r for r in duties_for([DFK.VideoSharingPlatform, DFK.LargeLeadingPlatform], kg) if r.duty not in video]
    assert extra and all(r.status == "proposed" for r in extra)


def test_nothing_proposed_is_reported_as_in_force(kg):
    every_type = [DFK.VideoSharingPlatform, DFK.LargeLeadingPlatform, DFK.HighRiskPlatform, DFK.FaceSwapService,
                  DFK.GenerativeAIServiceProvider, DFK.AlgorithmicRecommendationProvider]
    for row in duties_for(every_type[:1], kg) + duties_for(every_type[1:3], kg) + duties_for(every_type[3:], kg):
        statuses = set(kg.asserted.objects(__import__("rdflib").URIRef(row.duty), DFK.normativeStatus))
        assert len(statuses) == 1
        if row.status in ("in force", "dates not recorded"):  # law: in force that day, or of dates not recorded
            assert statuses == {DFK.LexLata} and row.legal_basis and not row.proposals
        else:
            assert statuses == {DFK.LexFerenda} and row.proposals and not row.legal_basis


def test_every_duty_has_exactly_one_status(kg):
    duties = set(kg.closure.subjects(RDF.type, DFK.Duty))
    assert len(duties) > 20
    for duty in duties:
        assert len(set(kg.asserted.objects(duty, DFK.normativeStatus))) == 1, duty


def test_status_classes_are_derived_by_reasoning(kg):
    for duty in kg.closure.subjects(RDF.type, DFK.Duty):
        status = kg.asserted.value(duty, DFK.normativeStatus)
        expected = DFK.DutyInForce if status == DFK.LexLata else DFK.ProposedDuty
        assert (duty, RDF.type, expected) in kg.inferred


def test_large_and_small_together_are_refused(kg):
    with pytest.raises(InconsistentGraph, match="disjoint"):
        duties_for([DFK.LargeLeadingPlatform, DFK.SmallMediumPlatform], kg)


def test_legal_sources_follow_the_property_chain(kg):
    chained = [(d, i) for d, i in kg.inferred.subject_objects(DFK.hasLegalSource)
               if (i, RDF.type, DFK.LegalInstrument) in kg.closure]
    assert chained, "legalBasis ∘ partOf should give each duty in force its instrument"
    for duty, instrument in chained:
        assert (duty, DFK.hasLegalSource, instrument) not in kg.asserted
