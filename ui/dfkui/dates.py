"""The day the law is read on: one date for the whole explorer, in the sidebar of every page and in the URL.

`date=YYYY-MM-DD` in a link sets it when a session starts (like `lang=`); the sidebar's date control holds it from
then on; `as_of()` is what every page passes to the API as `as_of`. Today is the default and is left out of the
URL, so that a link without a date always means "the law today".
"""
from __future__ import annotations

import datetime as dt

import streamlit as st

from deepfake_kg import api

DATE_KEY = "as_of"
DATE_PARAM = "date"
EARLIEST = dt.date(1990, 1, 1)  # before the oldest instrument of the graph
LATEST = dt.date(2040, 12, 31)


def as_of() -> dt.date:
    return st.session_state.get(DATE_KEY) or dt.date.today()


def url_value() -> list[str]:
    """The date as it goes into the URL: nothing for today."""
    day = as_of()
    return [] if day == dt.date.today() else [day.isoformat()]


def load_date() -> list[str]:
    """The day from the URL when a session starts; notices for a date that cannot be read."""
    if DATE_KEY in st.session_state:
        return []
    text = (st.query_params.get_all(DATE_PARAM) or [""])[-1].strip()
    st.session_state[DATE_KEY] = dt.date.today()
    if not text:
        return []
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        return [api.gettext("The date {text!r} in the link is not a day (YYYY-MM-DD): showing the law today.",
                            st.session_state.get("lang", "en")).format(text=text)]
    st.session_state[DATE_KEY] = min(max(day, EARLIEST), LATEST)
    return []


def date_control(label: str, help_text: str) -> None:
    """The sidebar's date picker. Streamlit keeps the value in the session; pages read it through `as_of()`."""
    st.date_input(label, key=DATE_KEY, min_value=EARLIEST, max_value=LATEST, format="YYYY-MM-DD", help=help_text)
