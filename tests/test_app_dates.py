"""The day the law is read on: one date control for every page, in the URL, passed to the API as `as_of`.
Typed into the field (YYYY-MM-DD) or picked from the calendar; typing it in a real browser is
tests/test_browser_flows.py's."""
import datetime as dt

from test_app import duty_rows, ok, open_page, warnings


def bases(at) -> str:
    return " ".join(row["html"] for row in duty_rows(at))


def field(at):
    return at.text_input(key="as_of_text")


def calendar(at):
    return at.date_input(key="as_of_pick")


def sidebar_errors(at) -> list[str]:
    return [e.value for e in at.sidebar.error]


def test_the_duties_of_a_face_swap_app_depend_on_the_day():
    before = ok(open_page("duties", types="FaceSwapService", date="2020-01-01"))
    after = ok(open_page("duties", types="FaceSwapService", date="2024-01-01"))
    # the Deep Synthesis Provisions bind from 10 January 2023
    assert "Deep Synthesis Provisions" not in bases(before)
    assert "Deep Synthesis Provisions" in bases(after)
    assert field(before).value == "2020-01-01"
    assert calendar(before).value == dt.date(2020, 1, 1)
    assert before.query_params["date"] == "2020-01-01"


def test_today_is_the_default_and_stays_out_of_the_link():
    at = ok(open_page("duties", types="FaceSwapService"))
    assert field(at).value == dt.date.today().isoformat()
    assert calendar(at).value == dt.date.today()
    assert "date" not in at.query_params


def test_typing_a_day_changes_the_answer_the_calendar_and_the_link():
    at = ok(open_page("duties", types="FaceSwapService"))
    assert "Deep Synthesis Provisions" in bases(at)
    field(at).input(" 2022-12-31 ")  # the day before they bind; spaces around it are forgiven
    ok(at.run())
    assert "Deep Synthesis Provisions" not in bases(at)
    assert at.query_params["date"] == "2022-12-31"
    assert field(at).value == "2022-12-31" and calendar(at).value == dt.date(2022, 12, 31)


def test_picking_a_day_from_the_calendar_changes_the_field_and_the_link():
    at = ok(open_page("duties", types="FaceSwapService"))
    calendar(at).set_value(dt.date(2022, 12, 31))
    ok(at.run())
    assert "Deep Synthesis Provisions" not in bases(at)
    assert field(at).value == "2022-12-31"
    assert at.query_params["date"] == "2022-12-31"


def test_a_typed_text_that_is_not_a_day_is_said_and_changes_nothing():
    at = ok(open_page("duties", types="FaceSwapService", date="2024-01-01"))
    for typed, said in (("2024-13-45", "is not a day"), ("1st of May", "is not a day"), ("1850-01-01", "outside")):
        field(at).input(typed)
        ok(at.run())
        assert len(sidebar_errors(at)) == 1 and said in sidebar_errors(at)[0], sidebar_errors(at)
        assert field(at).value == typed  # left as typed, to be corrected
        assert at.query_params["date"] == "2024-01-01"
        assert "Deep Synthesis Provisions" in bases(at)
    field(at).input("2020-01-01")
    ok(at.run())
    assert not sidebar_errors(at)
    assert at.query_params["date"] == "2020-01-01"


def test_a_typing_error_is_said_again_in_the_language_switched_to():
    at = ok(open_page("duties", types="FaceSwapService", date="2024-01-01"))
    field(at).input("2024-13-45")
    ok(at.run())
    assert "is not a day" in sidebar_errors(at)[0]
    at.sidebar.radio(key="lang").set_value("zh")
    ok(at.run())
    errors = sidebar_errors(at)
    assert len(errors) == 1 and "2024-13-45" in errors[0] and "2024-01-01" in errors[0]
    assert "is not a day" not in errors[0] and any("\u4e00" <= ch <= "\u9fff" for ch in errors[0]), errors


def test_the_date_is_shared_by_every_page():
    at = ok(open_page("compare", date="2020-01-01"))
    assert field(at).value == "2020-01-01"
    assert at.query_params["date"] == "2020-01-01"


def test_a_date_in_the_link_that_is_not_a_day_is_a_notice():
    at = ok(open_page("duties", types="FaceSwapService", date="2024-13-45"))
    assert "2024-13-45" in " ".join(warnings(at))
    assert field(at).value == dt.date.today().isoformat()


# A named query that takes a date (VALUES ?asOf { ... }): the SPARQL page shows a field for its day.

def as_of_line(at) -> str:
    import re

    return re.search(r"VALUES \?asOf \{[^}]*\}", at.session_state["sparql_text"]).group(0)


def test_a_dated_named_query_is_set_to_the_explorers_day_and_keeps_its_own_in_the_link():
    at = ok(open_page("sparql", query="duties-on-date", date="2024-01-01"))
    assert as_of_line(at) == 'VALUES ?asOf { "2024-01-01"^^xsd:date }'
    day = at.text_input(key="sparql_day_text")
    assert day.value == "2024-01-01"
    assert at.query_params["asof"] == "2024-01-01" and "text" not in at.query_params
    day.input("2022-12-31")
    ok(at.run())
    assert as_of_line(at) == 'VALUES ?asOf { "2022-12-31"^^xsd:date }'
    assert at.query_params["asof"] == "2022-12-31" and "text" not in at.query_params
    assert at.markdown and any("Duties in force on a date" in m.value for m in at.markdown)  # still the named query


def test_the_querys_day_from_a_link_and_a_day_that_is_not_one():
    at = ok(open_page("sparql", query="duties-on-date", asof="2020-06-01"))
    assert as_of_line(at) == 'VALUES ?asOf { "2020-06-01"^^xsd:date }'
    bad = ok(open_page("sparql", query="duties-on-date", asof='2020-06-01" } } #', date="2024-01-01"))
    assert "cannot be used" in " ".join(warnings(bad))
    assert as_of_line(bad) == 'VALUES ?asOf { "2024-01-01"^^xsd:date }'  # the explorer's day, nothing pasted
    bad.text_input(key="sparql_day_text").input("31/12/2022")
    ok(bad.run())
    assert as_of_line(bad) == 'VALUES ?asOf { "2024-01-01"^^xsd:date }'
    assert "is not a day" in " ".join(e.value for e in bad.main.error)


def test_a_query_without_a_date_has_no_day_field():
    at = ok(open_page("sparql", query="references"))
    assert not [t for t in at.text_input if t.key == "sparql_day_text"]
    assert "asof" not in at.query_params
