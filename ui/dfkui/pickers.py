"""Choosing a platform's types: one row of chips per dimension, in the ontology's order (api.dimension_choices).

A dimension whose types the ontology declares disjoint (deepfake_kg.choices) is a single choice, so the form
cannot describe an impossible platform. Chips, not a type-ahead list: nothing is chosen by typing and Enter.
State: one session key per dimension, `{prefix}_{dimension}` — a list for a multiple choice, a type or None for
a single one.
"""
from __future__ import annotations

import re

import streamlit as st

from . import html
from .i18n import _, sort_key

def dimension_slug(dimension) -> str:
    """The first word of the dimension's English label ("size" for size tier): the widget keys have always been
    these, and the ontology's dimensions differ in it."""
    return re.sub(r"\W+", "-", dimension.label.lower()).strip("-").split("-")[0]


def key(prefix: str, dimension) -> str:
    return f"{prefix}_{dimension_slug(dimension)}"


def local(iri) -> str:
    return str(iri).split("#")[-1]


def values_for(prefix: str, dimensions, chosen: list[str], names: dict[str, str]) -> tuple[dict, list[str]]:
    """Widget values for types given by local name (from a link or an example); a second type of a single-choice
    dimension is dropped with a notice that says why."""
    values, notices = {}, []
    for dimension in dimensions:
        mine = [t for t in chosen if t in {local(x.iri) for x in dimension.types}]
        if dimension.single_choice:
            if len(mine) > 1:
                notices.append(_("{first} and {others} exclude each other (the ontology declares them disjoint): "
                                 "kept {first}.").format(first=names[mine[0]], others=", ".join(names[t] for t in mine[1:])))
            values[key(prefix, dimension)] = mine[0] if mine else None
        else:
            values[key(prefix, dimension)] = mine
    return values, notices


def chosen(prefix: str, dimensions) -> list[str]:
    """The types chosen, by local name, in dimension order."""
    found = []
    for dimension in dimensions:
        value = st.session_state.get(key(prefix, dimension))
        found += ([value] if value else []) if dimension.single_choice else list(value or [])
    return found


def draw(prefix: str, dimensions, names: dict[str, str], container=None, on_change=None) -> None:
    """One row of chips per dimension; `names` gives each type's name in the page's language."""
    target = container or st
    for dimension in dimensions:
        options = sorted((local(t.iri) for t in dimension.types), key=lambda t: sort_key(names.get(t, t)))
        title = html.shown_name(*html.label_of(dimension.iri))
        title = title[:1].upper() + title[1:]  # the graph's labels are lower case, as in running text
        if dimension.single_choice:
            title += " · " + _("one at most")
        target.pills(title, options, selection_mode="single" if dimension.single_choice else "multi",
                     key=key(prefix, dimension), format_func=names.get, on_change=on_change,
                     help=_("The ontology declares these types disjoint: a platform has at most one of them.")
                     if dimension.single_choice else None)
