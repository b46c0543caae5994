"""Duties by platform type: choose along the three dimensions (or a ready example) and see which duties attach,
which are law in force and which only the author proposes, where each comes from, and why it attaches — each
duty opens in place to its explanation."""
from html import escape

import streamlit as st
from dfkui import dates, html, pickers, state, timeline_chart
from dfkui.i18n import N_, _, ngettext, sort_key
from dfkui.resources import knowledge_graph, read_types, types_of
from deepfake_kg.api import (DFK, InconsistentGraph, dimension_choices, duties_for, duties_per_jurisdiction, duties_text,
                             examples, explain, law_first, members, provision_text)

kg = knowledge_graph()
EXAMPLES = {e.slug: e for e in examples(kg=kg)}
example = EXAMPLES.get
lang = state.lang()
TYPES = types_of(kg)
DIMENSIONS = dimension_choices(kg=kg)
PREFIX = "duties"
STATUSES = {"all": "all", "in-force": "in force", "undated": "dates not recorded", "proposed": "proposed"}
STATUS_FILTER = {"all": N_("all"), "in-force": N_("in force"), "undated": N_("dates not recorded"), "proposed": N_("proposed")}
KIND = {"prohibition": N_("prohibition"), "obligation": N_("obligation")}
JURISDICTIONS = {node.iri.rsplit("/", 1)[-1]: node for node in members(DFK.Jurisdiction, "en", kg=kg)}


def name_of(iri) -> str:
    return html.shown_name(*html.label_of(iri))


def type_label(local: str) -> str:
    t = TYPES[local]
    return t.label_zh if lang == "zh" and t.label_zh else html.shown_name(t.label, "en")


# Widgets' option names, made now: a format_func may be called where the session (and its language) is not at hand.
TYPE_NAMES = {local: type_label(local) for local in TYPES}
STATUS_NAMES = {key: _(word) for key, word in STATUS_FILTER.items()}
JURISDICTION_NAMES = {"all": _("all jurisdictions"), **{j: name_of(node.iri) for j, node in JURISDICTIONS.items()},
                      "none": _("none (the author's proposals)")}


def parse(params: state.Params) -> tuple[dict, list[str]]:
    texts, notices = [], []
    for slug in params.get("example", [])[-1:]:
        found = example(slug)
        if found:
            texts += [str(t) for t in found.types]
        else:
            notices.append(_("There is no ready example {slug!r}; choose one of the examples below.").format(slug=slug))
    found, unknown = read_types(kg, texts + state.split_list(params.get("types", [])))
    values, excluded = pickers.values_for(PREFIX, DIMENSIONS, found, TYPE_NAMES)
    notices += unknown + excluded
    status = (params.get("status") or ["all"])[-1]
    if status not in STATUSES:
        notices.append(_("Unknown status filter {status!r}: showing all duties (use in-force, undated or proposed).")
                       .format(status=status))
        status = "all"
    values["duties_status"] = status
    jurisdiction = (params.get("jurisdiction") or ["all"])[-1]
    if jurisdiction not in JURISDICTIONS and jurisdiction not in ("all", "none"):
        notices.append(_("Unknown jurisdiction {jurisdiction!r}: showing every jurisdiction (use {choices} or none).")
                       .format(jurisdiction=jurisdiction, choices=", ".join(JURISDICTIONS)))
        jurisdiction = "all"
    values["duties_jurisdiction"] = jurisdiction
    # The timeline's toggle is in the URL: Back from a provision opened from one of its bars finds it open again.
    values["duties_timeline"] = (params.get("timeline") or [""])[-1] == "1"
    return values, notices


PAGE = state.PageState("duties", ("types", "example", "status", "jurisdiction", "timeline"),
                       tuple(pickers.key(PREFIX, d) for d in DIMENSIONS) + ("duties_status", "duties_jurisdiction"), parse)


def use_example(slug: str) -> None:
    values, _notices = pickers.values_for(PREFIX, DIMENSIONS, [pickers.local(t) for t in example(slug).types], TYPE_NAMES)
    st.session_state.update(values)


st.title(_("Duties by platform type"))
st.caption(_("Choose what the platform does, how large it is and how risky it is rated — or start from an example. "
             "Duties attach to classes of platform; a platform receives the duties of every class it belongs to by "
             "OWL-RL reasoning."))
for notice in PAGE.load():
    st.warning(notice, icon=":material/link_off:")

st.markdown("**" + _("Ready examples") + "**")
examples = st.container(horizontal=True)
for ready in EXAMPLES.values():
    examples.button(ready.label_zh if lang == "zh" and ready.label_zh else html.shown_name(ready.label, "en"),
                    key=f"example_{ready.slug}", on_click=use_example, args=(ready.slug,))

pickers.draw(PREFIX, DIMENSIONS, TYPE_NAMES)
filters = st.columns([2, 2, 3])
filters[0].radio(_("Status"), list(STATUSES), key="duties_status", horizontal=True, format_func=STATUS_NAMES.get)
filters[1].selectbox(_("Jurisdiction"), ["all", *JURISDICTIONS, "none"], key="duties_jurisdiction",
                     format_func=JURISDICTION_NAMES.get)

chosen = pickers.chosen(PREFIX, DIMENSIONS)
PAGE.save({"types": [",".join(chosen)],
           "status": [st.session_state.duties_status] if st.session_state.duties_status != "all" else [],
           "jurisdiction": [st.session_state.duties_jurisdiction] if st.session_state.duties_jurisdiction != "all" else [],
           "timeline": ["1"] if st.session_state.get("duties_timeline") else []})

if not chosen:
    st.info(_("Choose at least one platform type above, or click a ready example."))
    st.stop()

types = [TYPES[t].iri for t in chosen]
jurisdiction = st.session_state.duties_jurisdiction
try:  # the filters are the API's, as on the command line ("proposed" keeps the proposals since enacted)
    rows = duties_for(types, st.session_state.duties_status, jurisdiction, dates.as_of(), kg=kg)
except InconsistentGraph as error:
    st.error(_("No platform can have all of these types at once. {error}").format(error=error), icon=":material/block:")
    st.stop()

# In the page's language's order (Chinese: by pinyin), the law in force first.
rows = sorted(rows, key=lambda r: (law_first(r.status), sort_key(r.label_zh if lang == "zh" and r.label_zh else r.label)))

in_force = sum(r.status == "in force" for r in rows)
undated = sum(r.status == "dates not recorded" for r in rows)
platform = " + ".join(TYPE_NAMES[t] for t in chosen)
st.subheader(ngettext("{n} duty of a {platform}", "{n} duties of a {platform}", len(rows)).format(n=len(rows), platform=platform))
counts = [f"{html.badge('in force', lang)} **{in_force}** " + _("law in force")]
if undated:  # named only where there are some: whether they bound on the day is not known
    counts.append(f"{html.badge('dates not recorded', lang)} **{undated}** " +
                  _("stated as law by the paper; whether they bound on this day is not known"))
counts.append(f"{html.badge('proposed', lang)} **{len(rows) - in_force - undated}** " + _("proposed by the author, not law"))
st.markdown(" &nbsp;&nbsp; ".join(counts), unsafe_allow_html=True)


def why_empty() -> str:
    """Why no duty is left: the graph has none of that jurisdiction at all, or none attaches to this platform, or
    the status filter removed them — asked of the graph, not assumed."""
    if jurisdiction not in ("all", "none"):
        place = JURISDICTION_NAMES[jurisdiction]
        if not duties_per_jurisdiction(kg=kg).get(JURISDICTIONS[jurisdiction].iri):
            return _("The duties of {jurisdiction} are not in this graph yet: it models none, for any platform.").format(
                jurisdiction=place)
        if not duties_for(types, jurisdiction=jurisdiction, as_of=dates.as_of(), kg=kg):
            return _("The graph holds duties of {jurisdiction}, but none attaches to this platform.").format(jurisdiction=place)
        return _("This platform's duties in {jurisdiction} are all {other}.").format(jurisdiction=place, other=others())
    if jurisdiction == "none":
        if not duties_for(types, jurisdiction="none", as_of=dates.as_of(), kg=kg):
            return _("Every duty of this platform belongs to a jurisdiction; the author proposes none for it.")
    return _("This platform's duties are all {other}.").format(other=others())


def others() -> str:
    """The statuses the platform's duties have that day, the filter's left out: what the reader can switch to."""
    found = {r.status for r in duties_for(types, jurisdiction=jurisdiction, as_of=dates.as_of(), kg=kg)}
    found = {"proposed" if s == "proposed, since enacted" else s for s in found}
    return " / ".join(_(html.STATUS_WORD[s]) for s in sorted(found, key=law_first))


if not rows:
    st.info(why_empty())
    st.stop()


def basis_cell(row) -> str:
    if row.legal_basis:
        parts = []
        for basis in row.legal_basis:
            text = html.link(basis.provision.iri, lang=lang)
            if basis.instrument:
                text += f'<br><span class="dfk-muted">{html.link(basis.instrument.iri, lang=lang)}</span>'
            parts.append(text)
        return "<br>".join(parts)
    if row.status.startswith("proposed"):  # a proposal is no legal basis: say so; where it is proposed goes with it
        return html.muted(_("none: not law"))
    return html.muted(_("not recorded"))


def duty_cell(row) -> str:
    kind = _(KIND.get(row.kind, row.kind))
    if row.passage:
        kind += " · " + _("the paper, §{section}").format(section=row.passage.section)
    text = html.link(row.duty, lang=lang) + f'<br><span class="dfk-muted">{escape(kind)}</span>'
    if row.proposals:
        proposed_in = _("proposed in {proposal}").format(proposal="{proposal}")
        before, _sep, after = proposed_in.partition("{proposal}")
        links = ", ".join(html.link(p.iri, lang=lang) for p in row.proposals)
        text += f'<br><span class="dfk-muted">{escape(before)}{links}{escape(after)}</span>'
    return text


def explanation(row, types) -> str:
    why = explain(row.duty, types, as_of=dates.as_of(), kg=kg)
    parts = [html.muted(_("Why this duty attaches"), "p", "dfk-why-title"),
             "<ol class='dfk-steps'>" + "".join(f'<li><code>{escape(s.rule)}</code> {html.sentence_html(s.sentence)}</li>'
                                               for s in why.steps) + "</ol>"]
    for basis in row.legal_basis:
        text = provision_text(basis.provision.iri, kg=kg)
        if text.official or text.translation:
            parts.append(f"<p><b>{html.link(basis.provision.iri, lang=lang)}</b></p>")
            if text.official:
                parts.append(html.quote(text.official, text.official_lang) + html.muted(_("Official text."), "p"))
            if text.translation:
                parts.append(html.quote(text.translation, "en") + html.muted(_("Unofficial English translation."), "p"))
        elif text.summary:
            summary = _("summary (the graph does not hold its text):")
            parts.append(f"<p><b>{html.link(basis.provision.iri, lang=lang)}</b> — {escape(summary)} "
                         f'<span lang="en">{escape(text.summary)}</span></p>')
    for passage in why.passages:
        parts.append(html.quote(f"“{passage.quote}”", "en") +
                     html.muted(_("The paper, section {section}.").format(section=passage.section), "p"))
    parts.append("<p>" + html.link(row.duty, _("Open this duty in Browse"), lang) + "</p>")
    return "".join(parts)


columns = [("status", _("Status")), ("duty", _("Duty")), ("action", _("Required action")), ("basis", _("Legal basis")),
           ("sanction", _("Sanction")), ("via", _("Attached via"))]
cards = []
for row in rows:
    sanctions = "<br>".join(html.link(s.iri, lang=lang) for s in row.sanctions) or \
        html.muted(_("not recorded"))
    cells = {"status": html.badge(row.status, lang), "duty": duty_cell(row),
             "action": html.name_html(row.required_action, "en") if row.required_action else
             html.muted(_("not recorded")),
             "basis": basis_cell(row), "sanction": sanctions,
             "via": ", ".join(html.link(c.iri, lang=lang) for c in row.attached_via)}
    cards.append(html.duty_card(row.duty, row.status, [(name, title, cells[name]) for name, title in columns],
                                explanation(row, types)))
st.caption(_("Click a duty's row to open its explanation in place: the chain of classes and axioms that brought "
             "it to this platform, the provision's text where the graph has it, and the passage of the paper."))
st.markdown(html.duty_cards([title for _name, title in columns], cards), unsafe_allow_html=True)

downloads = st.container(horizontal=True)
stem = "duties-" + "-".join(chosen)
downloads.download_button(_("Download CSV"), duties_text(rows, "csv"), f"{stem}.csv", "text/csv", on_click="ignore")
downloads.download_button(_("Download JSON"), duties_text(rows, "json"), f"{stem}.json", "application/json", on_click="ignore")

if st.toggle(_("Timeline: when each duty began to bind, per platform type"), key="duties_timeline"):
    timeline_chart.show_timeline([str(TYPES[t].iri) for t in chosen], {str(TYPES[t].iri): type_label(t) for t in chosen},
                                 dates.as_of(), stem)
