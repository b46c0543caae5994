"""Duties by platform type: choose along the three dimensions (or a ready example) and see which duties attach,
which are law in force and which only the author proposes, where each comes from, and why it attaches."""
from html import escape

import streamlit as st
from rdflib import URIRef

from dfkui import dates, html, state
from dfkui.i18n import N_, _, ngettext
from dfkui.resources import knowledge_graph, read_types, types_of
from deepfake_kg.browse import members, provision_texts
from deepfake_kg.duties import duties_for, explain
from deepfake_kg.errors import InconsistentGraph
from deepfake_kg.namespaces import DFK
from deepfake_kg.render import duties_text
from deepfake_kg.resolve import label
from deepfake_kg.platform_examples import EXAMPLES, example

kg = knowledge_graph()
g = kg.closure
lang, glang = state.lang(), state.graph_lang()
TYPES = types_of(kg)
DIMENSIONS = [("function", N_("Function"), "duties_function"), ("size tier", N_("Size tier"), "duties_size"),
              ("risk rating", N_("Risk rating"), "duties_risk")]
STATUSES = {"all": "all", "in-force": "in force", "proposed": "proposed"}
KIND = {"prohibition": N_("prohibition"), "obligation": N_("obligation")}
STATUS_FILTER = {"all": N_("all"), "in-force": N_("in force"), "proposed": N_("proposed")}
JURISDICTIONS = {node.iri.rsplit("/", 1)[-1]: node for node in members(kg, DFK.Jurisdiction, glang)}


def name_of(iri) -> str:
    return html.shown_name(*html.label_of(iri))


def type_label(local: str) -> str:
    t = TYPES[local]
    return t.label_zh if lang == "zh" and t.label_zh else html.shown_name(t.label, "en")


def parse(params: state.Params) -> tuple[dict, list[str]]:
    texts, notices = [], []
    for slug in params.get("example", [])[-1:]:
        found = example(slug)
        if found:
            texts += [str(t) for t in found.types]
        else:
            notices.append(_("There is no ready example {slug!r}; choose one of the examples below.").format(slug=slug))
    chosen, unknown = read_types(kg, texts + state.split_list(params.get("types", [])))
    notices += unknown
    values = {key: [t for t in chosen if TYPES[t].dimension_label == dim] for dim, _, key in DIMENSIONS}
    status = (params.get("status") or ["all"])[-1]
    if status not in STATUSES:
        notices.append(_("Unknown status filter {status!r}: showing all duties (use in-force or proposed).")
                       .format(status=status))
        status = "all"
    values["duties_status"] = status
    jurisdiction = (params.get("jurisdiction") or ["all"])[-1]
    if jurisdiction not in JURISDICTIONS and jurisdiction not in ("all", "none"):
        notices.append(_("Unknown jurisdiction {jurisdiction!r}: showing every jurisdiction (use {choices} or none).")
                       .format(jurisdiction=jurisdiction, choices=", ".join(JURISDICTIONS)))
        jurisdiction = "all"
    values["duties_jurisdiction"] = jurisdiction
    return values, notices


# Widgets' option names, made now: a format_func may be called where the session (and its language) is not at hand.
TYPE_NAMES = {local: type_label(local) for local in TYPES}
STATUS_NAMES = {key: _(word) for key, word in STATUS_FILTER.items()}
JURISDICTION_NAMES = {"all": _("all jurisdictions"), **{j: name_of(node.iri) for j, node in JURISDICTIONS.items()},
                      "none": _("none (the author's proposals)")}

PAGE = state.PageState("duties", ("types", "example", "status", "jurisdiction"),
                       tuple(key for _, _, key in DIMENSIONS) + ("duties_status", "duties_jurisdiction"), parse)


def use_example(slug: str) -> None:
    values, _ = parse({"types": [str(t) for t in example(slug).types]})
    for _, _, key in DIMENSIONS:
        st.session_state[key] = values[key]


st.title(_("Duties by platform type"))
st.caption(_("Choose what the platform does, how large it is and how risky it is rated — or start from an example. "
             "Duties attach to classes of platform; a platform receives the duties of every class it belongs to by "
             "OWL-RL reasoning."))
for notice in PAGE.load():
    st.warning(notice, icon=":material/link_off:")

st.markdown("**" + _("Ready examples") + "**")
buttons = st.columns(4)
for i, ready in enumerate(EXAMPLES):
    buttons[i % 4].button(ready.label_zh if lang == "zh" and ready.label_zh else html.shown_name(ready.label, "en"), key=f"example_{ready.slug}",
                          on_click=use_example, args=(ready.slug,), width="stretch")

columns = st.columns(3)
for column, (dim, title, key) in zip(columns, DIMENSIONS):
    options = [local for local, t in TYPES.items() if t.dimension_label == dim]
    column.multiselect(_(title), options, key=key, format_func=TYPE_NAMES.get, placeholder=_("any"))
filters = st.columns([2, 2, 3])
filters[0].radio(_("Status"), list(STATUSES), key="duties_status", horizontal=True,
                 format_func=STATUS_NAMES.get)
filters[1].selectbox(_("Jurisdiction"), ["all", *JURISDICTIONS, "none"], key="duties_jurisdiction",
                     format_func=JURISDICTION_NAMES.get)

chosen = [t for _, _, key in DIMENSIONS for t in st.session_state[key]]
PAGE.save({"types": [",".join(chosen)],
           "status": [st.session_state.duties_status] if st.session_state.duties_status != "all" else [],
           "jurisdiction": [st.session_state.duties_jurisdiction] if st.session_state.duties_jurisdiction != "all" else []})

if not chosen:
    st.info(_("Choose at least one platform type above, or click a ready example."))
    st.stop()

try:
    rows = duties_for([TYPES[t].iri for t in chosen], kg, as_of=dates.as_of())
except InconsistentGraph as error:
    st.error(_("No platform can have all of these types at once. {error}").format(error=error), icon=":material/block:")
    st.stop()

status_wanted = STATUSES[st.session_state.duties_status]
jurisdiction = st.session_state.duties_jurisdiction
if status_wanted != "all":  # "proposed" includes "proposed, since enacted": still the author's proposal
    rows = [r for r in rows if (r.status == "in force") == (status_wanted == "in force")]
if jurisdiction == "none":
    rows = [r for r in rows if not r.jurisdiction]
elif jurisdiction != "all":
    wanted = label(g, URIRef(JURISDICTIONS[jurisdiction].iri), "en")
    rows = [r for r in rows if wanted in r.jurisdiction.split(", ")]

in_force = sum(r.status == "in force" for r in rows)
platform = " + ".join(type_label(t) for t in chosen)
st.subheader(ngettext("{n} duty of a {platform}", "{n} duties of a {platform}", len(rows)).format(n=len(rows), platform=platform))
st.markdown(f"{html.badge('in force', lang)} **{in_force}** " + _("law in force") + " &nbsp;&nbsp; "
            f"{html.badge('proposed', lang)} **{len(rows) - in_force}** " + _("proposed by the author, not law"),
            unsafe_allow_html=True)
if not rows:
    st.info(_("No duty matches these filters."))
    st.stop()


def basis_cell(row) -> str:
    if row.legal_basis:
        parts = []
        for basis in row.legal_basis:
            text = html.link(basis.provision, lang=lang)
            if basis.instrument:
                text += f'<br><span class="dfk-muted">{html.link(basis.instrument, lang=lang)}</span>'
            parts.append(text)
        return "<br>".join(parts)
    if row.proposals:
        return _("proposed in") + " " + ", ".join(html.link(p["iri"], lang=lang) for p in row.proposals)
    return "—"


def paper_cell(row) -> str:
    if not row.quote:
        return "—"
    quote = row.quote if len(row.quote) <= 220 else row.quote[:219] + "…"
    return f'§{escape(row.section)} <span class="dfk-quote" lang="en">“{escape(quote)}”</span>'


cells = []
for row in rows:
    sanctions = "<br>".join(html.link(s["iri"], lang=lang) for s in row.sanctions) or "—"
    via = ", ".join(html.link(c["iri"], lang=lang) for c in row.attached_via)
    cells.append([html.badge(row.status, lang), html.link(row.duty, lang=lang) + f'<br><span class="dfk-muted">{escape(_(KIND.get(row.kind, row.kind)))}</span>',
                  html.name_html(row.required_action, "en") if row.required_action else "—", basis_cell(row), sanctions, via, paper_cell(row)])
st.markdown(html.table([_("Status"), _("Duty"), _("Required action"), _("Legal basis"), _("Sanction"), _("Attached via"),
                        _("Paper")], cells,
                       [html.STATUS_CLASS.get(r.status, "") for r in rows], "dfk-duties"),
            unsafe_allow_html=True)

downloads = st.container(horizontal=True)
stem = "duties-" + "-".join(chosen)
downloads.download_button(_("Download CSV"), duties_text(rows, "csv"), f"{stem}.csv", "text/csv", on_click="ignore")
downloads.download_button(_("Download JSON"), duties_text(rows, "json"), f"{stem}.json", "application/json", on_click="ignore")

st.subheader(_("Why each duty attaches"))
st.caption(_("Open a duty to see the chain of classes and axioms that brought it to this platform, the provision's "
             "text where the graph has it, and the passage of the paper."))
types = [TYPES[t].iri for t in chosen]
for row in rows:
    title = f"{html.status_text(row.status, lang)} · {name_of(row.duty)}"
    with st.expander(title, icon=html.STATUS_ICON.get(row.status)):
        why = explain(row.duty, types, kg, as_of=dates.as_of())
        steps = "".join(f'<li><code>{escape(s.rule)}</code> <span lang="en">{escape(s.statement)}</span></li>' for s in why.steps)
        st.markdown(f"<ol class='dfk-steps'>{steps}</ol>", unsafe_allow_html=True)
        for basis in row.legal_basis:
            text = provision_texts(kg, URIRef(basis.provision))
            if text.official or text.translation:
                st.markdown(f"**{html.link(basis.provision, lang=lang)}**", unsafe_allow_html=True)
                if text.official:
                    st.markdown(html.quote(text.official, text.official_lang), unsafe_allow_html=True)
                    st.caption(_("Official text."))
                if text.translation:
                    st.markdown(html.quote(text.translation, "en"), unsafe_allow_html=True)
                    st.caption(_("Unofficial English translation."))
            elif text.summary:
                st.markdown(f"**{html.link(basis.provision, lang=lang)}** — " + escape(_("summary (the graph does not hold its text):"))
                            + f' <span lang="en">{escape(text.summary)}</span>', unsafe_allow_html=True)
        for passage in why.passages:
            st.markdown(html.quote(f"“{passage.quote}”", "en"), unsafe_allow_html=True)
            st.caption(_("The paper, section {section}.").format(section=passage.section))
        st.markdown(html.link(row.duty, _("Open this duty in Browse"), lang), unsafe_allow_html=True)
