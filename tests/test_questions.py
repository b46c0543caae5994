"""The assessment form as questions (deepfake_kg.questions, ontology/questions.ttl): every scenario field is asked,
in English and Chinese, with its reason and source, and every answer a question allows is one the scenario
reader accepts."""
import json

import pytest
from rdflib import URIRef

from deepfake_kg.assess import assess
from deepfake_kg.namespaces import OA
from deepfake_kg.questions import questions
from deepfake_kg.scenario import FactSchema, ScenarioError, scenario_from_form

GROUPS = ["platform", "content", "notice", "consequences", "compliance", "people"]


@pytest.fixture(scope="module")
def form(kg):
    return questions(kg)


def test_every_scenario_field_has_exactly_one_question(kg, form):
    fields = FactSchema.from_graph(kg.closure).fields
    asked = [q.id for q in form]
    assert sorted(asked) == sorted(set(asked)) == fields


def test_questions_come_in_group_order_and_speak_both_languages(form):
    assert [g for g in GROUPS if g in {q.group for q in form}] == GROUPS
    assert [q.group for q in form] == sorted((q.group for q in form), key=GROUPS.index)
    for q in form:
        assert q.text_en.endswith("?") and q.text_zh.endswith("？"), q.id
        assert q.why_en and q.why_zh and q.group_label_en and q.group_label_zh, q.id
        assert all(a.label_en and a.label_zh for a in q.answers), q.id


def test_why_a_question_is_asked_cites_a_source_and_a_verbatim_passage(kg, form, paper):
    g = kg.closure
    for q in form:
        assert q.basis.startswith("https://w3id.org/deepfake-kg/id/"), q.id
        assert (URIRef(q.basis), None, None) in g, f"{q.id}: basis {q.basis} is not in the graph"
        quote = next((t for sel in g.objects(URIRef(q.passage), OA.hasSelector) for t in g.objects(sel, OA.exact)), None)
        assert quote is not None and paper.contains(str(quote)), q.id


def test_every_allowed_answer_is_accepted_and_unknown_is_always_allowed(kg, form):
    for q in form:
        assert "unknown" in [a.value for a in q.answers], q.id
        values = [a.value for a in q.answers] + ([t.minimum for t in q.thresholds] + [0] if q.kind == "number" else [])
        for value in values:
            node: dict = {"platform": ["social platform"]}
            target = node
            for part in q.yaml_path[:-1]:
                target = target.setdefault(part, {})
            target[q.yaml_path[-1]] = value
            scenario_from_form(node, kg)  # raises on a value the reader refuses


def test_yes_no_questions_offer_yes_no_unknown(form):
    for q in form:
        if q.kind == "yes/no":
            assert [a.value for a in q.answers] == [True, False, "unknown"], q.id


def test_the_interpretation_thresholds_are_fields_including_groups_and_followers(form):
    by_id = {q.id: q for q in form}
    expected = {"consequences.illegal_video_files": 200, "consequences.other_illegal_items": 2000,
                "consequences.accounts_reached": 2000, "consequences.group_members": 3000,
                "consequences.account_followers": 30000, "consequences.clicks": 50000,
                "consequences.leaked_sensitive_items": 500, "consequences.leaked_personal_items": 5000,
                "consequences.leaked_other_items": 50000}
    for field, minimum in expected.items():
        assert by_id[field].kind == "number" and [t.minimum for t in by_id[field].thresholds] == [minimum], field


def test_follow_up_questions_name_the_answer_they_depend_on(form):
    by_id = {q.id: q for q in form}
    refused = by_id["regulator.refused_to_correct"]
    assert refused.asked_if == (("regulator.ordered_to_correct", True),)
    assert not refused.applies({"regulator.ordered_to_correct": False})
    assert refused.applies({"regulator.ordered_to_correct": True})
    for q in form:
        for field, _ in q.asked_if:
            assert field in by_id, (q.id, field)


def test_an_unknown_answer_is_never_read_as_no(kg):
    base = {"platform": ["social platform"], "content": {"kind": "synthetic-pornography"}}
    unknown = assess(scenario_from_form({**base, "notice": {"received": "unknown"}}, kg), kg)
    silent = assess(scenario_from_form(base, kg), kg)
    no = assess(scenario_from_form({**base, "notice": {"received": False}}, kg), kg)
    assert unknown.to_dict() == silent.to_dict()
    assert "notice.received" in silent.verdicts["proposed"].unanswered
    assert "notice.received" not in no.verdicts["proposed"].unanswered


def test_a_wrong_answer_names_unknown_as_allowed(kg):
    with pytest.raises(ScenarioError, match="true, false or unknown"):
        scenario_from_form({"platform": ["social platform"], "notice": {"received": "maybe"}}, kg)


def test_questions_are_exported_as_json_ready_data(form):
    data = json.loads(json.dumps([q.to_dict() for q in form], ensure_ascii=False))
    assert data[0]["id"] == "operator" and data[0]["kind"] == "choice"
    assert {"id", "group", "text_en", "text_zh", "why_en", "why_zh", "basis", "passage", "answers", "yaml_path"} <= set(data[0])


def test_a_question_answered_where_it_does_not_arise_is_moot(kg):
    refused = next(q for q in questions(kg) if q.id == "regulator.refused_to_correct")
    assert refused.asked_if == (("regulator.ordered_to_correct", True),)
    assert refused.moot({"regulator.ordered_to_correct": False, "regulator.refused_to_correct": True})
    assert not refused.moot({"regulator.ordered_to_correct": True, "regulator.refused_to_correct": True})
    assert not refused.moot({"regulator.refused_to_correct": True})  # the order left open: nothing contradicts it
    assert not refused.moot({"regulator.ordered_to_correct": False})  # not answered: nothing to point out
