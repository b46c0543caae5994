"""The timeline of a platform's duties: per platform type, each duty as a bar from the day it began to bind (to the
day it stopped, if it did), coloured by kind, each bar a link to the provision that dates it; a rule marks the
day the explorer reads the law on. The data is deepfake_kg.api.timeline's; the same as CSV and JSON.

Drawn with Altair (Vega-Lite), which Streamlit bundles: nothing is fetched to draw it.
"""
from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd
import streamlit as st

from deepfake_kg import api

from . import state
from .html import entity_href
from .i18n import N_, _

KINDS = {"in force": N_("law (from the day it binds)"), "proposed, since enacted": N_("a proposal of the paper, since enacted")}
EXTENTS = {"in whole": N_("in whole"), "in part": N_("in part")}
COLOURS = {"in force": "#1b7f3b", "proposed, since enacted": "#c07f00"}


@st.cache_resource(max_entries=64, show_spinner=False)
def _timeline(types: tuple[str, ...], lang: str):
    return api.timeline(list(types), lang=lang)


def _frame(entries, day: dt.date) -> pd.DataFrame:
    horizon = max([day, dt.date.today()] + [dt.date.fromisoformat(e.start) for e in entries if e.start]) + dt.timedelta(days=400)
    rows = []
    for e in entries:
        if not e.start:
            continue
        rows.append({
            "duty": e.duty_label, "kind": _(KINDS.get(e.kind, e.kind)), "kind_key": e.kind,
            "start": e.start, "end": e.end or horizon.isoformat(), "ends": e.end or "",
            "provision": e.provision_label + (f" ({_(EXTENTS[e.extent])})" if e.extent in EXTENTS else ""),
            "instrument": e.instrument_label, "href": entity_href(e.provision, state.lang()),
        })
    return pd.DataFrame(rows)


def _chart(frame: pd.DataFrame, day: dt.date) -> alt.LayerChart:
    kinds = [k for k in KINDS if k in set(frame["kind_key"])]
    colour = alt.Color("kind:N", title=None, legend=alt.Legend(orient="top", labelLimit=400),
                       scale=alt.Scale(domain=[_(KINDS[k]) for k in kinds], range=[COLOURS[k] for k in kinds]))
    order = frame.sort_values(["start", "duty"])["duty"].drop_duplicates().tolist()
    y = alt.Y("duty:N", sort=order, title=None, axis=alt.Axis(labelLimit=360))
    tooltip = [alt.Tooltip("duty:N", title=_("Duty")), alt.Tooltip("provision:N", title=_("Provision")),
               alt.Tooltip("instrument:N", title=_("Instrument")), alt.Tooltip("start:T", title=_("Binds from"), format="%Y-%m-%d"),
               alt.Tooltip("ends:N", title=_("Until"))]
    bars = alt.Chart(frame).mark_bar(height=10, cornerRadius=2, cursor="pointer").encode(
        x=alt.X("start:T", title=None, axis=alt.Axis(format="%Y")), x2="end:T", y=y, color=colour, href="href:N",
        tooltip=tooltip)
    starts = alt.Chart(frame).mark_point(filled=True, size=45, cursor="pointer").encode(
        x="start:T", y=y, color=colour, href="href:N", tooltip=tooltip)
    today = alt.Chart(pd.DataFrame({"day": [day.isoformat()], "label": [_("the law on {day}").format(day=day.isoformat())]}))
    rule = today.mark_rule(color="#2446a8", strokeDash=[4, 3]).encode(x="day:T", tooltip=alt.Tooltip("label:N", title=None))
    return alt.layer(bars, starts, rule).properties(height=alt.Step(22))  # a row per duty, every label readable


def show_timeline(types: list[str], type_names: dict[str, str], day: dt.date, stem: str) -> None:
    """The timeline of each of `types` (IRIs), a tab per type, with CSV and JSON downloads of all of them."""
    timeline = _timeline(tuple(types), state.graph_lang())
    tabs = st.tabs([type_names.get(t, t) for t in types]) if len(types) > 1 else [st.container()]
    for tab, platform_type in zip(tabs, types):
        entries = [e for e in timeline.entries if e.type == platform_type]
        frame = _frame(entries, day)
        with tab:
            if frame.empty:
                st.info(_("No duty of this platform type has a date in the graph."))
            else:
                st.altair_chart(_chart(frame, day), width="stretch")
            law = sorted({e.duty_label for e in entries if not e.start and e.kind == "in force"})
            if law:  # e.g. the practice the paper describes in 4.3: law by its account, on no recorded date
                st.caption(_("Stated as law by the paper, but no date is recorded for their basis, so they are not "
                             "drawn: {duties}.").format(duties="; ".join(law)))
            proposals = sorted({e.duty_label for e in entries if not e.start and e.kind != "in force"})
            if proposals:
                st.caption(_("Proposed by the author and not enacted, so without a date: {duties}.").format(
                    duties="; ".join(proposals)))
    st.caption(_("Each bar runs from the day the duty began to bind to the day it stopped (open-ended if it still "
                 "binds); click a bar to open the provision that dates it."))
    downloads = st.container(horizontal=True)
    downloads.download_button(_("Download the timeline (CSV)"), timeline.to_csv(), f"{stem}-timeline.csv", "text/csv",
                              on_click="ignore")
    downloads.download_button(_("Download the timeline (JSON)"), timeline.to_json(), f"{stem}-timeline.json",
                              "application/json", on_click="ignore")
