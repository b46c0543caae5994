"""Criminal Law Art. 286-1 as a doctrinal test matrix: each element absent / present / unknown, each listed
consequence at its threshold boundary, the source of the duty, unit or natural person, para. 3, and the persons
who answer by their role. Each case names the provision or passage that decides it, and the test checks that
the tool cites exactly that source for the deciding element. Thresholds are read from the ontology and
checked against the figures of Interpretation 法释〔2019〕15号 Arts 3-4 in ../shared/research/legal-facts.md."""
import copy

import pytest

from deepfake_kg.assess import assess
from deepfake_kg.namespaces import DFK, ID
from deepfake_kg.scenario import FactSchema, scenario_from_form

# The figures of legal-facts.md (H): the ontology must carry exactly these.
INTERPRETATION_THRESHOLDS = {
    "consequences.illegal_video_files": 200, "consequences.other_illegal_items": 2000,
    "consequences.accounts_reached": 2000, "consequences.group_members": 3000,
    "consequences.account_followers": 30000, "consequences.clicks": 50000,
    "consequences.leaked_sensitive_items": 500, "consequences.leaked_personal_items": 5000,
    "consequences.leaked_other_items": 50000,
}
ORDER, REFUSAL = "ordered by the regulator to take corrective measures", "refused to correct after the order"
OMISSION = "failed to perform an information network security management obligation laid down by laws or administrative regulations"
CONSEQUENCE = "a consequence listed in Art. 286-1 para. 1"

# Every element present except the consequence, which is below every line: the consequence decides.
BASE = {
    "platform": ["video-sharing platform"], "operator": "unit",
    "content": {"kind": "synthetic-pornography", "publicly_disseminated": True, "removed_proactively": False},
    "notice": {"received": True, "removed_after_notice": False},
    "regulator": {"ordered_to_correct": True, "order_concerned": "law-or-administrative-regulation", "refused_to_correct": True},
    "consequences": {**{f.split(".")[1]: 0 for f in INTERPRETATION_THRESHOLDS},
                     "leak_caused_serious_harm": False, "evidence_lost": False, "other_serious_circumstances": False},
    "profit_from_content": False,
}


def form(**changes) -> dict:
    """BASE with dotted-path changes; a value of None removes the field (the question is unanswered)."""
    result = copy.deepcopy(BASE)
    for path, value in changes.items():
        *parents, leaf = path.split("__")
        node = result
        for part in parents:
            node = node.setdefault(part, {})
        if value is None:
            node.pop(leaf, None)
        else:
            node[leaf] = value
    return result


def today(kg, f: dict):
    result = assess(scenario_from_form(f, kg), kg)
    return result, result.verdicts["today"]


def element(v, statement):
    return next(e for e in v.elements if e.statement == statement)


def test_the_thresholds_in_the_ontology_are_those_of_the_interpretation(kg):
    minima = {f.field: f.minimum for f in FactSchema.from_graph(kg.closure).classes if f.minimum is not None}
    assert minima == INTERPRETATION_THRESHOLDS


# --- each element absent, present, unknown ---------------------------------------------------------

# (case, changes, expected status, the element that decides, the source the tool must cite for it)
ELEMENTS = [
    ("all elements present", {"consequences__clicks": 50000}, "established", CONSEQUENCE,
     "element/286-1-consequence"),
    ("no order to correct", {"regulator__ordered_to_correct": False, "regulator__refused_to_correct": None,
                             "regulator__order_concerned": None, "consequences__clicks": 50000},
     "not established", ORDER, "element/286-1-order-to-correct"),
    ("the order is not known", {"regulator__ordered_to_correct": None, "consequences__clicks": 50000},
     "undetermined", ORDER, "element/286-1-order-to-correct"),
    ("corrected after the order", {"regulator__refused_to_correct": False, "consequences__clicks": 50000},
     "not established", REFUSAL, "element/286-1-refusal-to-correct"),
    ("the refusal is not known", {"regulator__refused_to_correct": None, "consequences__clicks": 50000},
     "undetermined", REFUSAL, "element/286-1-refusal-to-correct"),
    ("the duty comes from a departmental rule only", {"regulator__order_concerned": "departmental-rule-only",
                                                      "consequences__clicks": 50000},
     "not established", OMISSION, "element/286-1-omission"),
    ("the duty's source is not known", {"regulator__order_concerned": None, "consequences__clicks": 50000},
     "undetermined", OMISSION, "element/286-1-omission"),
    ("no listed consequence", {}, "not established", CONSEQUENCE, "element/286-1-consequence"),
    ("consequences not known", {"consequences": None}, "undetermined", CONSEQUENCE, "element/286-1-consequence"),
    ("evidence lost, seriously (item 3)", {"consequences__evidence_lost": True}, "established", CONSEQUENCE,
     "element/286-1-consequence"),
    ("other serious circumstances (item 4)", {"consequences__other_serious_circumstances": True}, "established",
     CONSEQUENCE, "element/286-1-consequence"),
    ("a leak causing death or serious injury (item 2)", {"consequences__leak_caused_serious_harm": True}, "established",
     CONSEQUENCE, "element/286-1-consequence"),
]


@pytest.mark.parametrize("case,changes,status,decisive,source", ELEMENTS, ids=[c[0] for c in ELEMENTS])
def test_each_element(kg, case, changes, status, decisive, source):
    _, v = today(kg, form(**changes))
    assert v.status == status, v.statement
    e = element(v, decisive)
    assert e.status == status, (case, e)
    assert e.basis.iri == str(ID[source]), (case, e.basis)
    if status == "not established":
        assert decisive in v.missing
    if status == "undetermined":
        assert e.unanswered, f"{case}: which question would settle it?"


# --- each threshold at its boundary ----------------------------------------------------------------

@pytest.mark.parametrize("field,minimum", sorted(INTERPRETATION_THRESHOLDS.items()))
def test_threshold_boundaries(kg, field, minimum):
    group, name = field.split(".")
    below, v_below = today(kg, form(**{f"{group}__{name}": minimum - 1}))
    assert v_below.status == "not established" and CONSEQUENCE in v_below.missing, (field, minimum - 1)
    at, v_at = today(kg, form(**{f"{group}__{name}": minimum}))
    assert v_at.status == "established", (field, minimum)
    item = "art-4" if name.startswith("leaked_") else "art-3"  # leakage of user information, or dissemination
    cited = {c.basis.iri for c in at.today} | {e.basis.iri for e in v_at.elements}
    assert str(ID["element/286-1-consequence"]) in cited
    # the threshold's own source: the listed consequence it belongs to, defined by the Interpretation
    consequence = "large-scale-dissemination-of-illegal-information" if item == "art-3" else "leakage-of-user-information"
    defined_by = {str(o) for o in kg.closure.objects(ID[f"consequence/{consequence}"], DFK.definedBy)}
    assert str(ID[f"provision/cn-spc-spp-interpretation-2019-15/{item}"]) in defined_by


def test_the_change_that_crosses_a_threshold_is_found_by_the_reasoner(kg):
    _, v = today(kg, form(**{"consequences__clicks": 49999}))
    flips = [c.facts for c in v.changes if c.to == "established"]
    assert {"consequences.clicks": 50000} in flips and {"consequences.illegal_video_files": 200} in flips


# --- unit or natural person; the persons who answer ------------------------------------------------

def test_a_unit_is_fined_and_its_directly_responsible_persons_punished(kg):
    result, v = today(kg, form(consequences__clicks=50000))
    liable = [c for c in result.today if c.topic == "Who is liable"]
    assert [c.basis.iri for c in liable] == [str(ID["provision/cn-criminal-law/art-286-1/para-2"])]
    assert "unit is fined" in liable[0].statement


def test_a_natural_person_provider_is_punished_under_para_1(kg):
    result, v = today(kg, form(operator="natural-person", consequences__clicks=50000))
    liable = [c for c in result.today if c.topic == "Who is liable"]
    assert [c.basis.iri for c in liable] == [str(ID["provision/cn-criminal-law/art-286-1/para-1"])]
    assert "three years" in liable[0].statement


def test_an_executive_answers_by_role_not_by_title(kg):
    directed, _ = today(kg, form(consequences__clicks=50000, executives={"instructed_staff_not_to_act": True}))
    assert any("by role in the offence, not by title" in c.statement for c in directed.today)
    title_only, _ = today(kg, form(consequences__clicks=50000, executives={"instructed_staff_not_to_act": False}))
    assert not any("answers as a directly responsible supervisor" in c.statement for c in title_only.today)
    # only one of the two executive questions answered: whether any executive directed it is not settled
    assert not any("by title alone" in c.statement for c in title_only.today)
    no_role, _ = today(kg, form(consequences__clicks=50000, executives={"instructed_staff_not_to_act": False,
                                                                        "allowed_for_traffic_gains": False}))
    assert any("none answers as a directly responsible supervisor by title alone" in c.statement for c in no_role.today)
    staff, _ = today(kg, form(consequences__clicks=50000, staff_carried_out_inaction=True))
    assert any("answer as other directly responsible persons" in c.statement for c in staff.today)
    reviewer, _ = today(kg, form(consequences__clicks=50000, front_line_objective_difficulty=True))
    assert not any("front-line" in c.statement for c in reviewer.today)
    assert any("front-line reviewers' liability may be mitigated" in c.statement for c in reviewer.proposed)


def test_no_offence_no_responsible_persons(kg):
    result, v = today(kg, form(executives={"instructed_staff_not_to_act": True}))
    assert v.status == "not established"
    assert not any(c.topic == "Who is liable" for c in result.today)


# --- para. 3: the heavier provision ----------------------------------------------------------------

def test_para_3_when_the_conduct_may_also_be_another_crime(kg):
    _, v = today(kg, form(consequences__clicks=50000, profit_from_content=True))
    assert v.status == "established"
    assert len(v.qualifications) == 1 and "heavier punishment" in v.qualifications[0]
    para3 = [c for c in today(kg, form(consequences__clicks=50000, profit_from_content=True))[0].today
             if c.topic == "Concurrence of crimes"]
    assert para3[0].basis.iri == str(ID["provision/cn-criminal-law/art-286-1/para-3"])


def test_no_para_3_without_another_crime_in_view(kg):
    _, v = today(kg, form(consequences__clicks=50000, profit_from_content=False))
    assert v.status == "established" and v.qualifications == []
