"""Compare: platforms side by side, as a matrix of duties × platforms with law in force and proposals apart.
Each platform keeps its number: clearing one leaves its column empty instead of renumbering the others."""
from html import escape

import streamlit as st

from dfkui import compare_modes, dates, dates_view, html, jurisdictions_view, pickers, state
from dfkui.i18n import _
from dfkui.resources import knowledge_graph, read_types, type_key, types_of
from deepfake_kg.api import compare, dimension_choices, examples

kg = knowledge_graph()
EXAMPLES = {e.slug: e for e in examples(kg=kg)}
example = EXAMPLES.get
lang, glang = state.lang(), state.graph_lang()
TYPES = types_of(kg)
DIMENSIONS = dimension_choices(kg=kg)
DEFAULT = [["VideoSharingPlatform"], ["VideoSharingPlatform", "LargeLeadingPlatform"], ["FaceSwapService", "SmallMediumPlatform"]]
MAX_PLATFORMS = 8
EMPTY = "-"  # an emptied platform in the link, so that the ones after it keep their numbers


def type_label(local: str) -> str:
    t = TYPES[local]
    return t.label_zh if lang == "zh" and t.label_zh else html.shown_name(t.label, "en")


# Widgets' option names, made now: a format_func may be called where the session (and its language) is not at hand.
TYPE_NAMES = {local: type_label(local) for local in TYPES}
EXAMPLE_NAMES = {e.slug: e.label_zh if lang == "zh" and e.label_zh else html.shown_name(e.label, "en") for e in EXAMPLES.values()}


def prefix(i: int) -> str:
    return f"compare_{i}"


def parse(params: state.Params) -> tuple[dict, list[str]]:
    notices, platforms = [], []
    for value in params.get("platform", []):
        if value.strip() == EMPTY:
            platforms.append([])
            continue
        chosen, unknown = read_types(kg, state.split_list([value]))
        notices += unknown
        platforms.append(chosen)
    while platforms and not platforms[-1]:
        platforms.pop()
    if len(platforms) > MAX_PLATFORMS:
        notices.append(_("At most {n} platforms can be compared; the first {n} are shown.").format(n=MAX_PLATFORMS))
        platforms = platforms[:MAX_PLATFORMS]
    if not any(platforms):
        if params.get("platform"):
            notices.append(_("The link names no usable platform: showing the default comparison."))
        platforms = DEFAULT
    values = {}
    for i, types in enumerate(platforms):
        found, excluded = pickers.values_for(prefix(i), DIMENSIONS, types, TYPE_NAMES)
        values.update(found)
        notices += excluded
    values["compare_count"] = len(platforms)
    return values, notices


PAGE = state.PageState("compare", ("platform",), (pickers.key(prefix(0), DIMENSIONS[0]),), parse)


def set_platform(i: int, types: list[str]) -> None:
    st.session_state.update(pickers.values_for(prefix(i), DIMENSIONS, types, TYPE_NAMES)[0])


def add(types: list[str]) -> None:
    count = st.session_state.compare_count
    if count < MAX_PLATFORMS:
        set_platform(count, types)
        st.session_state.compare_count = count + 1


def add_example() -> None:
    slug = st.session_state.get("compare_example")
    if slug:
        add([type_key(t) for t in example(slug).types])
    st.session_state.compare_example = None


def remove_last() -> None:
    if st.session_state.compare_count > 1:
        st.session_state.compare_count -= 1
        set_platform(st.session_state.compare_count, [])


st.title(_("Compare platform types"))
mode = compare_modes.mode()
if mode != "types":  # one platform across jurisdictions, or on several days: the modules that draw them
    {"jurisdictions": jurisdictions_view, "dates": dates_view}[mode].show(kg, TYPES, TYPE_NAMES)
    st.stop()
st.caption(_("Each column is one platform, described by one or more types; each row a duty. "
             "● marks a duty in force, ◇ one the paper states as law on dates not recorded, ○ a duty only the "
             "author proposes, ◐ a proposal since made law."))
for notice in PAGE.load():
    st.warning(notice, icon=":material/link_off:")

count = st.session_state.compare_count
for i in range(count):  # slots added by a click start empty
    for dimension in DIMENSIONS:
        st.session_state.setdefault(pickers.key(prefix(i), dimension), None if dimension.single_choice else [])
platforms = [pickers.chosen(prefix(i), DIMENSIONS) for i in range(count)]

slots = st.container(horizontal=True)
for i in range(count):
    summary = " + ".join(TYPE_NAMES[t] for t in platforms[i]) or _("empty")
    with slots.popover(_("Platform {n}").format(n=i + 1) + f": {summary}", key=f"compare_pick_{i}"):
        pickers.draw(prefix(i), DIMENSIONS, TYPE_NAMES)
controls = st.columns([1, 1, 3])
controls[0].button(_("Add a platform"), on_click=add, args=([],), disabled=count >= MAX_PLATFORMS, width="stretch")
controls[1].button(_("Remove the last"), on_click=remove_last, disabled=count <= 1, width="stretch")
controls[2].selectbox(_("Add a ready example"), list(EXAMPLES), index=None, key="compare_example",
                      on_change=add_example, placeholder=_("choose an example to add as a column"),
                      format_func=EXAMPLE_NAMES.get, label_visibility="collapsed")

links = [",".join(p) if p else EMPTY for p in platforms]
while links and links[-1] == EMPTY:
    links.pop()
PAGE.save({"platform": links})
shown = [i for i, p in enumerate(platforms) if p]  # slot numbers of the platforms that have types
if not shown:
    st.info(_("Choose the types of at least one platform."))
    st.stop()

matrix = compare([[TYPES[t].iri for t in platforms[i]] for i in shown], glang, as_of=dates.as_of(), kg=kg)
headers = [_("Status"), _("Duty")] + [f"{i + 1}. " + " + ".join(TYPE_NAMES[t] for t in platforms[i]) for i in shown]
cells, classes = [], []
for row in matrix.rows:
    status_class = html.STATUS_CLASS.get(row.status, "")
    mark = f'<span class="mark {status_class}" title="{escape(html.status_text(row.status))}">{html.STATUS_MARK.get(row.status, "✓")}</span>'
    cells.append([html.badge(row.status, lang), html.link(row.duty, lang=lang)] +
                 [mark if present else "" for present in row.present])
    classes.append(status_class)
totals = ["", "<b>" + escape(_("in force / dates not recorded / proposed")) + "</b>"]
for i, column in enumerate(matrix.columns):
    if column.error:
        impossible = _("impossible combination")
        totals.append(f'<span class="dfk-badge error" title="{escape(column.error)}">{escape(impossible)}</span>')
    else:
        here = [r for r in matrix.rows if r.present[i]]
        in_force = sum(r.status == "in force" for r in here)
        undated = sum(r.status == "dates not recorded" for r in here)
        totals.append(f"<b>{in_force} / {undated} / {len(here) - in_force - undated}</b>")
table = html.table(headers, [totals] + cells, [""] + classes, "dfk-matrix")
for slot, column in zip(shown, matrix.columns):
    if column.error:
        st.error(_("“{name}”: no platform can have all of these types at once. {error}").format(
            name=headers[2 + shown.index(slot)], error=column.error), icon=":material/block:")
st.markdown(f'<div class="dfk-scroll">{table}</div>', unsafe_allow_html=True)

downloads = st.container(horizontal=True)
downloads.download_button(_("Download CSV"), matrix.to_csv(), "duty-matrix.csv", "text/csv", on_click="ignore")
downloads.download_button(_("Download JSON"), matrix.to_json(), "duty-matrix.json", "application/json", on_click="ignore")
