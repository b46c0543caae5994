"""The explorer's text in the visitor's language: `_("…")` for every string a visitor reads.

Mark strings as in the package (see deepfake_kg/i18n.py): `_("{n} duties").format(n=n)`, `N_` for constants
translated where shown. The language is the session's (the sidebar's choice, `lang=` in the URL); it is passed
explicitly because widget callbacks run before the page sets the package's language for the run.
"""
from __future__ import annotations

from deepfake_kg import api

from . import state


def _(message: str) -> str:
    return api.gettext(message, state.lang())


def ngettext(singular: str, plural: str, n: int) -> str:
    return api.ngettext(singular, plural, n, state.lang())


def pgettext(context: str, message: str) -> str:
    return api.pgettext(context, message, state.lang())


def N_(message: str) -> str:
    return message


def sort_key(text: str):
    """Sort as a reader of the page's language expects (Chinese: by pinyin)."""
    return api.collation_key(text, state.lang())
