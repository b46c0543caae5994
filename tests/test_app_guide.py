"""The guided assessment, headless: one question at a time, "I don't know" as an answer, the verdicts beside the
questions changing with the answers, and the summary with facts, verdicts, reasons and sources."""
import re

from test_app import ok, open_page, warnings


def panel(at) -> dict:
    """Each framework's verdict status as drawn in the panel beside the questions."""
    found = {}
    for m in at.markdown:
        found.update(re.findall(r'data-testid="verdict-(today|proposed)">.*?class="status [^"]*" data-status="([a-z ]+)"',
                                m.value, re.S))
    return found


def drawn(at) -> str:
    return " ".join(m.value for m in at.markdown)


def test_the_guide_starts_with_the_platform_and_asks_one_question_at_a_time():
    at = ok(open_page("guide"))
    assert "What kind of platform is it?" in drawn(at)
    assert any("appear once the kind of platform is chosen" in i.value for i in at.info)
    at.multiselect(key="guide_dim_function").set_value(["VideoSharingPlatform"])
    ok(at.run())
    assert panel(at) == {"today": "undetermined", "proposed": "undetermined"}  # nothing answered: nothing presumed
    ok(next(b for b in at.button if b.label == "Next question").click().run())
    radios = at.main.radio
    assert len(radios) == 1  # one question on the page
    assert "Why this is asked" in [e.label for e in at.expander]
    assert "Basis:" in drawn(at) and "The paper, section" in drawn(at)
    assert at.query_params["step"] != "platform-types" and at.query_params["types"] == "VideoSharingPlatform"


def test_an_answer_changes_the_verdicts_beside_the_question():
    at = ok(open_page("guide", types="VideoSharingPlatform", step="regulator.ordered_to_correct"))
    assert panel(at)["today"] == "undetermined"
    question = at.main.radio[0]
    question.set_value(question.options.index("no"))
    ok(at.run())
    assert panel(at)["today"] == "not established"  # no order to correct: an element of Art. 286-1 is missing
    answers = at.query_params.get("a")
    assert "regulator.ordered_to_correct=false" in ([answers] if isinstance(answers, str) else answers)


def test_i_dont_know_is_an_answer_and_the_verdict_says_what_would_decide_it():
    at = ok(open_page("guide", types="VideoSharingPlatform", step="regulator.ordered_to_correct",
                      a="regulator.ordered_to_correct=unknown"))
    assert at.main.radio[0].value == len(at.main.radio[0].options) - 1  # the last answer, "I don't know", is chosen
    assert at.main.radio[0].options[-1] == "I don't know"
    assert panel(at)["today"] == "undetermined"
    body = drawn(at)
    assert "What would decide it:" in body and "Did a regulatory authority order the platform" in body
    assert "What would change the outcome:" in body


def test_the_summary_lists_facts_verdicts_reasons_and_sources():
    at = ok(open_page("guide", types="VideoSharingPlatform,LargeLeadingPlatform", step="summary", date="2024-01-01",
                      a=["regulator.ordered_to_correct=true", "regulator.refused_to_correct=unknown"]))
    summary = next(m.value for m in at.markdown if 'data-testid="assessment-summary"' in m.value)
    assert "The law as it stood on 2024-01-01." in summary  # a printed assessment says which day's law it applies
    assert "video-sharing platform + large leading platform" in summary
    assert re.search(r'data-field="regulator.ordered_to_correct">yes<', summary)
    assert re.search(r'data-field="regulator.refused_to_correct">unknown<', summary)
    assert 'data-testid="verdict-today"' in summary and 'data-testid="verdict-proposed"' in summary
    assert "The paper, section" in summary and "<h3>Sources</h3>" in summary and "browse?entity=" in summary
    assert [b.label for b in at.get("download_button")] == ["Download the summary (HTML)", "Download the assessment (JSON)"]


def test_a_link_with_an_unknown_answer_is_a_notice():
    at = ok(open_page("guide", types="VideoSharingPlatform", a="regulator.ordered_to_correct=perhaps"))
    assert "regulator.ordered_to_correct=perhaps" in " ".join(warnings(at))


def test_the_summary_names_answers_that_would_change_the_outcome_as_questions():
    # No order: whether the platform refused it is not asked, yet answering it would change the outcome.
    at = ok(open_page("guide", types="VideoSharingPlatform", step="summary",
                      a=["content.kind=synthetic-pornography", "notice.received=true", "regulator.ordered_to_correct=false"]))
    summary = next(m.value for m in at.markdown if 'data-testid="assessment-summary"' in m.value)
    assert "What would change the outcome" in summary
    assert not re.findall(r"\b[a-z_]+\.[a-z_]+ →", summary), re.findall(r"\b[a-z_]+\.[a-z_]+ →", summary)


def test_a_qualification_is_named_in_the_pages_language():
    from deepfake_kg.api import assess, scenario

    library = scenario("profit-driven-tolerance")
    verdict = assess(library).verdicts["today"]
    assert verdict.qualification_names  # Art. 286-1 para. 3: the heavier provision where Art. 363(1) also applies
    answers = [f"{k}={str(v).lower() if isinstance(v, bool) else v}" for k, v in library.facts.items()]
    at = ok(open_page("guide", types="VideoSharingPlatform", step="summary", lang="zh", a=answers))
    summary = next(m.value for m in at.markdown if 'data-testid="assessment-summary"' in m.value)
    for q in verdict.qualification_names:
        assert q.zh and q.zh in summary and q.en not in summary
