"""The day the law is read on: one date for the whole explorer, in the sidebar of every page and in the URL.

`date=YYYY-MM-DD` in a link sets it when a session starts (like `lang=`); the sidebar's date control holds it from
then on; `as_of()` is what every page passes to the API as `as_of`. Today is the default and is left out of the
URL, so that a link without a date always means "the law today".

The control is a text field (YYYY-MM-DD) with a calendar beside it. Why not Streamlit's date_input alone: its
field (a react-aria DateField, Streamlit 1.52) sends a typed date only when the focus leaves the field and its
calendar altogether. Enter does nothing, and the first Tab moves to the field's own calendar button, so a
typed date looked accepted and changed nothing. A text field sends its value on Enter and on Tab; the calendar
(a date_input in a popover) is for those who would rather pick. Both write `as_of` through callbacks, which run
before the page is drawn, so the page of that run already answers for the new day.
"""
from __future__ import annotations

import datetime as dt

import streamlit as st

from deepfake_kg import api

DATE_KEY = "as_of"  # the day itself (a datetime.date); not a widget, so that two controls can set it
TEXT_KEY = "as_of_text"  # the typed field
PICK_KEY = "as_of_pick"  # the calendar
ERROR_KEY = "as_of_error"  # the typed text not taken: why is said under the field, in the page's language, until
# the next change (kept as the text, not the sentence, so that a switch of language translates it too)
DATE_PARAM = "date"
EARLIEST = dt.date(1990, 1, 1)  # before the oldest instrument of the graph
LATEST = dt.date(2040, 12, 31)


def as_of() -> dt.date:
    return st.session_state.get(DATE_KEY) or dt.date.today()


def url_value() -> list[str]:
    """The date as it goes into the URL: nothing for today."""
    day = as_of()
    return [] if day == dt.date.today() else [day.isoformat()]


def read_day(text: str, lang: str = "en") -> tuple[dt.date | None, str]:
    """A typed day (YYYY-MM-DD, surrounding spaces ignored) within the range the explorer covers, or None and
    one sentence saying why not."""
    text = text.strip()
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        return None, api.gettext("{text!r} is not a day: type it as YYYY-MM-DD, e.g. 2023-01-10.", lang).format(text=text)
    if not EARLIEST <= day <= LATEST:
        return None, api.gettext("The explorer covers {earliest} to {latest}: {text} is outside.", lang).format(
            earliest=EARLIEST.isoformat(), latest=LATEST.isoformat(), text=day.isoformat())
    return day, ""


def set_day(day: dt.date) -> None:
    """The one way the day changes once the session runs: the day, the field and the calendar agree."""
    st.session_state[DATE_KEY] = day
    st.session_state[TEXT_KEY] = day.isoformat()
    st.session_state[PICK_KEY] = day
    st.session_state.pop(ERROR_KEY, None)


def load_date() -> list[str]:
    """The day from the URL when a session starts; notices for a date that cannot be read."""
    if DATE_KEY in st.session_state:
        return []
    text = (st.query_params.get_all(DATE_PARAM) or [""])[-1].strip()
    set_day(dt.date.today())
    if not text:
        return []
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        return [api.gettext("The date {text!r} in the link is not a day (YYYY-MM-DD): showing the law today.",
                            st.session_state.get("lang", "en")).format(text=text)]
    set_day(min(max(day, EARLIEST), LATEST))
    return []


def _typed() -> None:
    text = st.session_state.get(TEXT_KEY) or ""
    day, _error = read_day(text)
    if day is None:  # the text stays as typed, to be corrected; the day does not change, and the message says so
        st.session_state[ERROR_KEY] = text
    else:
        set_day(day)


def _picked() -> None:
    day = st.session_state.get(PICK_KEY)
    if day is not None:
        set_day(day)


def date_control(label: str, help_text: str, calendar_button: str, calendar_label: str) -> None:
    """The sidebar's date: a field to type in, a calendar to pick from. Pages read it through `as_of()`."""
    for key, value in ((TEXT_KEY, as_of().isoformat()), (PICK_KEY, as_of())):
        st.session_state.setdefault(key, value)  # a widget Streamlit forgot (not drawn on a run) starts from the day
    row = st.container(horizontal=True, vertical_alignment="bottom", key="date_control")
    row.text_input(label, key=TEXT_KEY, on_change=_typed, help=help_text, placeholder="YYYY-MM-DD",
                   width=130)  # a date's width, so that the calendar fits beside it
    with row.popover(calendar_button, icon=":material/calendar_month:"):  # no tooltip: it would cover the field
        st.date_input(calendar_label, key=PICK_KEY, on_change=_picked, min_value=EARLIEST, max_value=LATEST,
                      format="YYYY-MM-DD")
    if ERROR_KEY in st.session_state:
        lang = st.session_state.get("lang", "en")
        _day, error = read_day(st.session_state[ERROR_KEY], lang)
        still = api.gettext("The pages still answer for {day}.", lang).format(day=as_of().isoformat())
        st.error(f"{error} {still}", icon=":material/event_busy:")
