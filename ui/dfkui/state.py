"""The state of a view lives in the URL, so that a link reproduces it.

Each page names the URL parameters it owns and gives a `parse` function that turns them into widget values
(and notices for values it could not use). On every run the page:

1. `load()`s: when the page is entered (its widgets do not exist yet: a link was opened, or the visitor comes
   back from another page), the widgets get their values from the URL's parameters or, when the URL has none
   (navigation between pages drops them), from what the page last showed in this session;
2. draws its widgets, which hold the state from then on;
3. `save()`s the widgets' values into the URL.

The URL is read only on entry: a rerun that was interrupted before its URL reached the browser must not
bring an older URL back over what the visitor has just typed. Unusable parameters fall back to the defaults,
and the page shows the notices `load()` returns.
"""
from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from deepfake_kg import api

Params = dict[str, list[str]]
Parser = Callable[[Params], tuple[dict, list[str]]]

LANG_KEY = "lang"
LANGUAGES = api.LANGUAGES
GRAPH_LANG = {"en": "en", "zh": "zh-Hans"}


def _clean(params: Params) -> Params:
    return {k: [v for v in values if v != ""] for k, values in params.items() if any(v != "" for v in values)}


def url_params(keys) -> Params:
    return _clean({k: st.query_params.get_all(k) for k in keys if k in st.query_params})


class PageState:
    def __init__(self, page: str, keys: tuple[str, ...], widget_keys: tuple[str, ...], parse: Parser):
        self.page, self.keys, self.widget_keys, self.parse = page, keys, widget_keys, parse

    def load(self) -> list[str]:
        if all(k in st.session_state for k in self.widget_keys):
            return []
        url = url_params(self.keys)
        values, notices = self.parse(url or st.session_state.get(f"_kept:{self.page}", {}))
        for key, value in values.items():
            st.session_state[key] = value
        return notices

    def save(self, params: Params) -> None:
        params = _clean(params)
        st.session_state[f"_kept:{self.page}"] = params
        st.query_params.from_dict({**params, **shared_params()})


def save_lang_only() -> None:
    st.query_params.from_dict(shared_params())


def shared_params() -> Params:
    """What every page's URL carries: the language and, unless it is today, the day the law is read on."""
    from .dates import DATE_PARAM, url_value

    day = url_value()
    return {LANG_KEY: lang(), **({DATE_PARAM: day} if day else {})}


def lang() -> str:
    """'en' or 'zh': the language of the explorer, chosen in the sidebar (or by `lang=` in the link)."""
    return st.session_state.get(LANG_KEY, "en")


def graph_lang() -> str:
    return GRAPH_LANG[lang()]


def load_lang() -> list[str]:
    """The language from the URL (`lang=en|zh`) when a session starts; the sidebar's choice after that."""
    if LANG_KEY in st.session_state:
        return []
    value = (url_params([LANG_KEY]).get(LANG_KEY) or ["en"])[-1]
    if value in LANGUAGES:
        st.session_state[LANG_KEY] = value
        return []
    st.session_state[LANG_KEY] = "en"
    return [api.gettext("Unknown language {value!r} in the link: showing English (use lang=en or lang=zh).", "en")
            .format(value=value)]


def split_list(values: list[str]) -> list[str]:
    """`a,b` and repeated parameters alike, as one list of non-empty items."""
    return [item.strip() for value in values for item in value.split(",") if item.strip()]
