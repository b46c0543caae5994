"""The Compare page's three comparisons and the control that chooses one (`by=` in a link): platform types side by
side (views/compare.py), one platform across jurisdictions (dfkui/jurisdictions_view.py), one platform on several
days (dfkui/dates_view.py)."""
from __future__ import annotations

import streamlit as st

from . import state
from .i18n import N_, _
from .resources import read_types

MODE_KEY, MODE_PARAM = "compare_by", "by"
MODES = {"types": N_("Platform types side by side"), "jurisdictions": N_("One platform across jurisdictions"),
         "dates": N_("One platform on several days")}


def mode() -> str:
    """Draw the choice of comparison; the one chosen (from the link when the session starts)."""
    if MODE_KEY not in st.session_state:
        wanted = (st.query_params.get_all(MODE_PARAM) or ["types"])[-1]
        st.session_state[MODE_KEY] = wanted if wanted in MODES else "types"
    names = {k: _(v) for k, v in MODES.items()}
    st.segmented_control(_("Compare"), list(MODES), key=MODE_KEY, format_func=names.get, label_visibility="collapsed")
    if not st.session_state.get(MODE_KEY):  # a segmented control can be unselected: keep a mode
        st.session_state[MODE_KEY] = "types"
    return st.session_state[MODE_KEY]


def platform_types(kg, key: str, types_by_key: dict, default: list[str]) -> None:
    """The one platform's types of the jurisdictions and dates comparisons: from the link (`types=`) when the
    session starts, else `default`, into the widget `key`; a type the link names wrongly is a notice."""
    if key in st.session_state:
        return
    found, notices = read_types(kg, state.split_list(st.query_params.get_all("types")) or default)
    st.session_state[key] = [t for t in found if t in types_by_key]
    for notice in notices:
        st.warning(notice, icon=":material/link_off:")
