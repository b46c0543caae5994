"""Compare, second way: one platform, its duties in each jurisdiction side by side (China, the EU, the US, the UK)
on the explorer's day. Duties that follow from the platform's types are listed as established; a statutory type of
other law that the platform may or may not have is shown as a condition — "if it is a very large online platform"
— with the fact that decides it, never presumed. The answer is deepfake_kg.api.compare_jurisdictions's.

Called from the Compare page (views/compare.py) when dfkui/compare_modes.py's choice is "jurisdictions".
"""
from __future__ import annotations

from html import escape

import streamlit as st

from deepfake_kg import api

from . import dates, html, state
from .compare_modes import MODE_PARAM, platform_types
from .i18n import _
from .resources import type_key

DEFAULT = ["VideoSharingPlatform", "LargeLeadingPlatform"]


@st.cache_resource(max_entries=128, show_spinner=False)
def _comparison(types: tuple[str, ...], day: str, lang: str):
    return api.compare_jurisdictions(list(types), as_of=day, lang=lang)


def _row_html(row) -> str:
    lang = state.lang()
    name = row.label_zh if lang == "zh" and row.label_zh else row.label
    bases = "; ".join(html.link(b.provision, lang=lang) for b in row.legal_basis)
    since_text = _("from {day}").format(day=row.in_force_from) if row.in_force_from else ""
    since = f' <span class="dfk-muted">{escape(since_text)}</span>' if since_text else ""
    return (f'<li class="{html.STATUS_CLASS.get(row.status, "")}">{html.badge(row.status, lang)} '
            f'{html.link(row.duty, name, lang)}<br><span class="dfk-muted">{bases}</span>{since}</li>')


def _column_html(column) -> str:
    established = "".join(_row_html(r) for r in column.duties)
    if not established:
        none = _("No duty follows from the platform types chosen.")
        established = f'<li class="dfk-muted">{escape(none)}</li>'
    parts = [f'<div class="dfk-jurisdiction" data-testid="jurisdiction-column"><h4>{escape(column.label)}</h4>',
             f"<ul>{established}</ul>"]
    for conditional in column.conditional:
        heading = _("If it also counts as: {type}").format(type=conditional.label)
        decided = _("Decided by: {condition}").format(condition=conditional.condition)
        undetermined = _("undetermined")
        parts.append(f'<details class="dfk-conditional"><summary><b>{escape(heading)}</b> '
                     f'<span class="dfk-muted">({escape(undetermined)})</span></summary>'
                     f'<div class="dfk-muted">{escape(decided)}</div>'
                     f'<ul>{"".join(_row_html(r) for r in conditional.duties)}</ul></details>')
    parts.append("</div>")
    return "".join(parts)


CSS = """<style>
.dfk-jurisdiction h4 { margin: 0 0 0.3rem 0; }
.dfk-jurisdiction ul { list-style: none; padding-left: 0; margin: 0.2rem 0 0.6rem 0; }
.dfk-jurisdiction li { margin: 0.35rem 0; font-size: 0.9rem; }
.dfk-conditional { border-left: 3px dashed #d08800; padding-left: 0.5rem; margin: 0.4rem 0; }
</style>"""


def show(kg, types_by_key: dict, type_names: dict[str, str]) -> None:
    """The platform picker and one column per jurisdiction; the URL keeps the mode, the types and the day."""
    platform_types(kg, "compare_j_types", types_by_key, DEFAULT)
    st.multiselect(_("The platform's types"), list(types_by_key), key="compare_j_types", format_func=type_names.get,
                   placeholder=_("choose types"))
    chosen_types = st.session_state.compare_j_types
    st.query_params.from_dict({MODE_PARAM: "jurisdictions", "types": ",".join(chosen_types), **state.shared_params()})
    if not chosen_types:
        st.info(_("Choose the types of the platform to compare."))
        return
    day = dates.as_of()
    try:
        result = _comparison(tuple(str(types_by_key[t].iri) for t in chosen_types), day.isoformat(), state.graph_lang())
    except api.KGError as error:
        st.error(str(error), icon=":material/block:")
        return
    st.caption(_("The duties of one {platform} on {day}, by jurisdiction. Types of other law the platform may have are "
                 "conditions, each with the fact that decides it; nothing is presumed from resemblance.").format(
                     platform=" + ".join(type_names[t] for t in chosen_types), day=day.isoformat()))
    st.html(CSS)
    columns = st.columns(len(result.columns))
    for slot, column in zip(columns, result.columns):
        slot.markdown(_column_html(column), unsafe_allow_html=True)
    downloads = st.container(horizontal=True)
    stem = "jurisdictions-" + "-".join(type_key(t) for t in chosen_types)
    downloads.download_button(_("Download CSV"), result.to_csv(), f"{stem}.csv", "text/csv", on_click="ignore")
    downloads.download_button(_("Download JSON"), result.to_json(), f"{stem}.json", "application/json", on_click="ignore")
