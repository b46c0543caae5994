"""The day the law is read on: one date control for every page, in the URL, passed to the API as `as_of`."""
import datetime as dt

from test_app import duty_rows, ok, open_page, warnings


def bases(at) -> str:
    return " ".join(row["html"] for row in duty_rows(at))


def test_the_duties_of_a_face_swap_app_depend_on_the_day():
    before = ok(open_page("duties", types="FaceSwapService", date="2020-01-01"))
    after = ok(open_page("duties", types="FaceSwapService", date="2024-01-01"))
    # the Deep Synthesis Provisions bind from 10 January 2023
    assert "Deep Synthesis Provisions" not in bases(before)
    assert "Deep Synthesis Provisions" in bases(after)
    assert before.date_input(key="as_of").value == dt.date(2020, 1, 1)
    assert before.query_params["date"] == "2020-01-01"


def test_today_is_the_default_and_stays_out_of_the_link():
    at = ok(open_page("duties", types="FaceSwapService"))
    assert at.date_input(key="as_of").value == dt.date.today()
    assert "date" not in at.query_params


def test_changing_the_date_changes_the_answer_and_the_link():
    at = ok(open_page("duties", types="FaceSwapService"))
    assert "Deep Synthesis Provisions" in bases(at)
    at.date_input(key="as_of").set_value(dt.date(2022, 12, 31))  # the day before they bind
    ok(at.run())
    assert "Deep Synthesis Provisions" not in bases(at)
    assert at.query_params["date"] == "2022-12-31"


def test_the_date_is_shared_by_every_page():
    at = ok(open_page("compare", date="2020-01-01"))
    assert at.date_input(key="as_of").value == dt.date(2020, 1, 1)
    assert at.query_params["date"] == "2020-01-01"


def test_a_date_that_is_not_a_day_is_a_notice():
    at = ok(open_page("duties", types="FaceSwapService", date="2024-13-45"))
    assert "2024-13-45" in " ".join(warnings(at))
    assert at.date_input(key="as_of").value == dt.date.today()
