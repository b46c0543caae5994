"""Compare, third way: one platform on several days — each duty's status and the text it rests on, day by day,
what changed first. The answer is deepfake_kg.api.compare_dates's; the days are typed (YYYY-MM-DD, separated by
commas) and kept in the link as `days=`.

Called from the Compare page (views/compare.py) when dfkui/compare_modes.py's choice is "dates".
"""
from __future__ import annotations

import datetime as dt

import streamlit as st

from deepfake_kg import api

from . import dates, html, state
from .compare_modes import MODE_PARAM, platform_types
from .i18n import _
from .resources import type_key

DEFAULT_TYPES = ["VideoSharingPlatform"]
TYPES_KEY, DAYS_KEY, CHANGED_KEY = "compare_d_types", "compare_d_days", "compare_d_changed"


def _default_days() -> str:
    """Three years before the explorer's day, and the day itself."""
    day = dates.as_of()
    before = day.replace(year=day.year - 3) if not (day.month == 2 and day.day == 29) else day - dt.timedelta(days=3 * 365)
    return f"{before.isoformat()}, {day.isoformat()}"


@st.cache_resource(max_entries=128, show_spinner=False)
def _comparison(types: tuple[str, ...], days: tuple[str, ...], lang: str):
    return api.compare_dates(list(types), list(days), lang=lang)


def _cell_html(cell) -> str:
    lang = state.lang()
    bases = "; ".join(html.link(b.iri, lang=lang) for b in cell.bases)  # named in the page's language
    return html.badge(cell.status, lang) + (f'<br><span class="dfk-muted">{bases}</span>' if bases else "")


def show(kg, types_by_key: dict, type_names: dict[str, str]) -> None:
    """The platform and the days, then one column per day; the URL keeps the mode, the types and the days."""
    platform_types(kg, TYPES_KEY, types_by_key, DEFAULT_TYPES)
    if DAYS_KEY not in st.session_state:
        st.session_state[DAYS_KEY] = ", ".join(state.split_list(st.query_params.get_all("days"))) or _default_days()
    left, right = st.columns([3, 2])
    left.multiselect(_("The platform's types"), list(types_by_key), key=TYPES_KEY, format_func=type_names.get,
                     placeholder=_("choose types"))
    right.text_input(_("Days (YYYY-MM-DD, separated by commas)"), key=DAYS_KEY,
                     help=_("Two to six days. Each column shows every duty's status that day and the text it rests "
                            "on; a duty whose text was replaced by an amended version counts as changed."))
    chosen_types = st.session_state[TYPES_KEY]
    days = [d.strip() for d in st.session_state[DAYS_KEY].split(",") if d.strip()]
    st.query_params.from_dict({MODE_PARAM: "dates", "types": ",".join(chosen_types), "days": ",".join(days),
                               **state.shared_params()})
    if not chosen_types:
        st.info(_("Choose the types of the platform to compare."))
        return
    for text in days:  # said in the page's language, as the sidebar's date is
        day, error = dates.read_day(text, state.lang())
        if day is None:
            st.error(error, icon=":material/event_busy:")
            return
    if not 2 <= len(set(days)) <= api.MAX_COMPARED_DAYS:
        st.error(_("Give between two and six different days, separated by commas."), icon=":material/event_busy:")
        return
    try:
        result = _comparison(tuple(str(types_by_key[t].iri) for t in chosen_types), tuple(days), state.graph_lang())
    except api.KGError as error:
        st.error(str(error), icon=":material/event_busy:")
        return
    changed = [r for r in result.rows if r.changed]
    st.caption(_("The duties of one {platform} on {days}: {changed} of {total} changed in status or in the text they "
                 "rest on (marked Δ, listed first).").format(platform=" + ".join(type_names[t] for t in chosen_types),
                                                            days=", ".join(result.days), changed=len(changed),
                                                            total=len(result.rows)))
    only_changed = st.toggle(_("Only what changed"), key=CHANGED_KEY)
    rows = changed if only_changed else result.rows
    lang = state.lang()
    cells = [["Δ" if r.changed else "", html.link(r.duty, r.label_zh if lang == "zh" and r.label_zh else r.label, lang),
              *(_cell_html(c) for c in r.cells)] for r in rows]
    table = html.table(["", _("Duty"), *result.days], cells, ["changed" if r.changed else "" for r in rows], "dfk-dates")
    st.markdown(f'<div class="dfk-scroll">{table}</div>', unsafe_allow_html=True)
    downloads = st.container(horizontal=True)
    stem = "dates-" + "-".join(type_key(t) for t in chosen_types)
    downloads.download_button(_("Download CSV"), result.to_csv(), f"{stem}.csv", "text/csv", on_click="ignore")
    downloads.download_button(_("Download JSON"), result.to_json(), f"{stem}.json", "application/json", on_click="ignore")
