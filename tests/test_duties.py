"""duties.py: which duties a platform of given types has, each row's fields, the filters, and `explain`."""
import pytest
from rdflib import URIRef

from deepfake_kg.duties import duties_for
from deepfake_kg.explanations import explain
from deepfake_kg.errors import InconsistentGraph, KGError
from deepfake_kg.namespaces import DFK, ID, RDF
from deepfake_kg.validity import IN_FORCE, PROPOSED, UNDATED, law_first


def test_a_duty_carried_by_a_type_the_user_named_is_not_inferred(kg):
    rows = duties_for([DFK.NetworkOperator], kg)
    own = [r for r in rows if [c.iri for c in r.attached_via] == [str(DFK.NetworkOperator)]]
    assert own and not any(r.inferred for r in own)
    assert all(r.inferred for r in duties_for([DFK.VideoSharingPlatform], kg) if r.duty in {o.duty for o in own})


def test_rows_list_law_in_force_first_then_by_label(kg):
    rows = duties_for([DFK.SocialPlatform, DFK.LargeLeadingPlatform], kg)
    assert [(law_first(r.status), r.label) for r in rows] == sorted((law_first(r.status), r.label) for r in rows)
    assert [r.status for r in rows][:1] == [IN_FORCE] and {r.status for r in rows} >= {IN_FORCE, UNDATED, PROPOSED}


def test_legal_basis_names_the_provision_and_the_instrument_it_is_part_of(kg):
    row = next(r for r in duties_for([DFK.NetworkOperator], kg) if r.id == "csl-47-stop-transmission")
    assert row.duty == str(ID["duty/csl-47-stop-transmission"])
    basis = row.legal_basis[0]  # the version binding on the day comes first
    assert basis.provision.iri.startswith(str(ID["provision/cn-cybersecurity-law/"])) and basis.status == "in force"
    assert basis.instrument.iri == str(ID["instrument/cn-cybersecurity-law"]) and basis.instrument.label
    assert [j.iri for j in row.jurisdictions] == [str(ID["jurisdiction/cn"])]
    assert row.kind == "obligation" and row.required_action and row.passage.section == "2"


def test_a_proposed_duty_names_its_proposal_and_no_jurisdiction(kg):
    proposed = [r for r in duties_for([DFK.LargeLeadingPlatform], kg) if r.status == "proposed"]
    assert proposed and all(r.proposals and not r.jurisdictions and not r.legal_basis for r in proposed)
    for row in proposed:
        assert (URIRef(row.duty), DFK.normativeStatus, DFK.LexFerenda) in kg.closure


def test_status_and_jurisdiction_filters_split_the_answer(kg):
    types = [DFK.SocialPlatform, DFK.LargeLeadingPlatform]
    every = {r.duty for r in duties_for(types, kg)}
    in_force = {r.duty for r in duties_for(types, kg, status="in force")}
    proposed = {r.duty for r in duties_for(types, kg, status="proposed")}
    undated = {r.duty for r in duties_for(types, kg, status="undated")}  # stated as law, dates not recorded (4.3)
    assert in_force and proposed and undated and in_force | undated | proposed == every
    assert not (in_force & proposed or in_force & undated or undated & proposed)
    assert {r.duty for r in duties_for(types, kg, status="in-force")} == in_force
    china = {r.duty for r in duties_for(types, kg, jurisdiction="cn")}
    nowhere = {r.duty for r in duties_for(types, kg, jurisdiction="none")}
    assert china | nowhere == every and china == in_force | undated
    with pytest.raises(KGError, match="Unknown status 'repealed'"):
        duties_for(types, kg, status="repealed")
    with pytest.raises(KGError, match="Unknown jurisdiction 'atlantis'"):
        duties_for(types, kg, jurisdiction="atlantis")


def test_no_types_and_impossible_types_are_refused(kg):
    with pytest.raises(ValueError, match="at least one platform type"):
        duties_for([], kg)
    with pytest.raises(InconsistentGraph):
        duties_for([DFK.LargeLeadingPlatform, DFK.SmallMediumPlatform], kg)


def test_explain_ends_with_the_attachment_axiom_and_the_legal_basis(kg):
    why = explain("csl-47-stop-transmission", [DFK.VideoSharingPlatform], kg)
    rules = [s.rule for s in why.steps]
    assert rules[0] == "cax-sco" and "cls-hv1" in rules and rules.index("cls-hv1") < rules.index("legal basis")
    assert why.passages and why.passages[0].section == "2"


def test_explain_refuses_a_duty_that_does_not_attach_and_a_resource_that_is_no_duty(kg):
    proposed_for_large = next(r.duty for r in duties_for([DFK.LargeLeadingPlatform], kg) if r.status == "proposed"
                              and all(c.iri == str(DFK.LargeLeadingPlatform) for c in r.attached_via))
    with pytest.raises(KGError, match="does not attach to a platform that is small or medium-sized platform"):
        explain(URIRef(proposed_for_large), [DFK.SmallMediumPlatform], kg)
    assert (ID["instrument/eu-gdpr"], RDF.type, DFK.Duty) not in kg.closure
    with pytest.raises(KGError, match="is not a duty"):
        explain(ID["instrument/eu-gdpr"], [DFK.VideoSharingPlatform], kg)
    with pytest.raises(KGError, match="Unknown duty"):
        explain("id:instrument/eu-gdpr", [DFK.VideoSharingPlatform], kg)
