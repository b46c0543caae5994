"""Duties by platform type: choose along the three dimensions (or a ready example) and see which duties attach,
which are law in force and which only the author proposes, where each comes from, and why it attaches."""
from html import escape

import streamlit as st
from rdflib import URIRef

from dfkui import html, state
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
DIMENSIONS = [("function", "Function", "duties_function"), ("size tier", "Size tier", "duties_size"),
              ("risk rating", "Risk rating", "duties_risk")]
STATUSES = {"all": "all", "in-force": "in force", "proposed": "proposed"}
JURISDICTIONS = {node.iri.rsplit("/", 1)[-1]: node for node in members(kg, DFK.Jurisdiction, glang)}


def name_of(iri) -> str:
    return label(g, URIRef(str(iri)), glang)


def type_label(local: str) -> str:
    t = TYPES[local]
    return t.label_zh if lang == "zh" and t.label_zh else t.label


def parse(params: state.Params) -> tuple[dict, list[str]]:
    texts, notices = [], []
    for slug in params.get("example", [])[-1:]:
        found = example(slug)
        if found:
            texts += [str(t) for t in found.types]
        else:
            notices.append(f"There is no ready example {slug!r}; choose one of the examples below.")
    chosen, unknown = read_types(kg, texts + state.split_list(params.get("types", [])))
    notices += unknown
    values = {key: [t for t in chosen if TYPES[t].dimension_label == dim] for dim, _, key in DIMENSIONS}
    status = (params.get("status") or ["all"])[-1]
    if status not in STATUSES:
        notices.append(f"Unknown status filter {status!r}: showing all duties (use in-force or proposed).")
        status = "all"
    values["duties_status"] = status
    jurisdiction = (params.get("jurisdiction") or ["all"])[-1]
    if jurisdiction not in JURISDICTIONS and jurisdiction not in ("all", "none"):
        notices.append(f"Unknown jurisdiction {jurisdiction!r}: showing every jurisdiction "
                       f"(use {', '.join(JURISDICTIONS)} or none).")
        jurisdiction = "all"
    values["duties_jurisdiction"] = jurisdiction
    return values, notices


PAGE = state.PageState("duties", ("types", "example", "status", "jurisdiction"),
                       tuple(key for _, _, key in DIMENSIONS) + ("duties_status", "duties_jurisdiction"), parse)


def use_example(slug: str) -> None:
    values, _ = parse({"types": [str(t) for t in example(slug).types]})
    for _, _, key in DIMENSIONS:
        st.session_state[key] = values[key]


st.title("Duties by platform type")
st.caption("Choose what the platform does, how large it is and how risky it is rated — or start from an example. "
           "Duties attach to classes of platform; a platform receives the duties of every class it belongs to by "
           "OWL-RL reasoning.")
for notice in PAGE.load():
    st.warning(notice, icon=":material/link_off:")

st.markdown("**Ready examples**")
buttons = st.columns(4)
for i, ready in enumerate(EXAMPLES):
    buttons[i % 4].button(ready.label_zh if lang == "zh" else ready.label, key=f"example_{ready.slug}",
                          on_click=use_example, args=(ready.slug,), width="stretch")

columns = st.columns(3)
for column, (dim, title, key) in zip(columns, DIMENSIONS):
    options = [local for local, t in TYPES.items() if t.dimension_label == dim]
    column.multiselect(title, options, key=key, format_func=type_label, placeholder="any")
filters = st.columns([2, 2, 3])
filters[0].radio("Status", list(STATUSES), key="duties_status", horizontal=True,
                 format_func=lambda s: {"all": "all", "in-force": "in force", "proposed": "proposed"}[s])
filters[1].selectbox("Jurisdiction", ["all", *JURISDICTIONS, "none"], key="duties_jurisdiction",
                     format_func=lambda j: {"all": "all jurisdictions", "none": "none (the author's proposals)"}.get(
                         j, JURISDICTIONS[j].label if j in JURISDICTIONS else j))

chosen = [t for _, _, key in DIMENSIONS for t in st.session_state[key]]
PAGE.save({"types": [",".join(chosen)],
           "status": [st.session_state.duties_status] if st.session_state.duties_status != "all" else [],
           "jurisdiction": [st.session_state.duties_jurisdiction] if st.session_state.duties_jurisdiction != "all" else []})

if not chosen:
    st.info("Choose at least one platform type above, or click a ready example.")
    st.stop()

try:
    rows = duties_for([TYPES[t].iri for t in chosen], kg)
except InconsistentGraph as error:
    st.error(f"No platform can have all of these types at once. {error}", icon=":material/block:")
    st.stop()

status_wanted = STATUSES[st.session_state.duties_status]
jurisdiction = st.session_state.duties_jurisdiction
if status_wanted != "all":
    rows = [r for r in rows if r.status == status_wanted]
if jurisdiction == "none":
    rows = [r for r in rows if not r.jurisdiction]
elif jurisdiction != "all":
    wanted = label(g, URIRef(JURISDICTIONS[jurisdiction].iri), "en")
    rows = [r for r in rows if wanted in r.jurisdiction.split(", ")]

in_force = sum(r.status == "in force" for r in rows)
platform = " + ".join(type_label(t) for t in chosen)
st.subheader(f"{len(rows)} duties · {platform}" if lang == "zh" else f"{len(rows)} duties of a {platform}")
st.markdown(f"{html.badge('in force', lang)} **{in_force}** law in force &nbsp;&nbsp; "
            f"{html.badge('proposed', lang)} **{len(rows) - in_force}** proposed by the author, not law",
            unsafe_allow_html=True)
if not rows:
    st.info("No duty matches these filters.")
    st.stop()


def basis_cell(row) -> str:
    if row.legal_basis:
        parts = []
        for basis in row.legal_basis:
            text = html.link(basis.provision, name_of(basis.provision), lang)
            if basis.instrument:
                text += f'<br><span class="dfk-muted">{html.link(basis.instrument, name_of(basis.instrument), lang)}</span>'
            parts.append(text)
        return "<br>".join(parts)
    if row.proposals:
        return "proposed in " + ", ".join(html.link(p["iri"], name_of(p["iri"]), lang) for p in row.proposals)
    return "—"


def paper_cell(row) -> str:
    if not row.quote:
        return "—"
    quote = row.quote if len(row.quote) <= 220 else row.quote[:219] + "…"
    return f'§{escape(row.section)} <span class="dfk-quote">“{escape(quote)}”</span>'


def duty_name(row) -> str:
    return row.label_zh if lang == "zh" and row.label_zh else row.label


cells = []
for row in rows:
    sanctions = "<br>".join(html.link(s["iri"], name_of(s["iri"]), lang) for s in row.sanctions) or "—"
    via = ", ".join(html.link(c["iri"], name_of(c["iri"]), lang) for c in row.attached_via)
    cells.append([html.badge(row.status, lang), html.link(row.duty, duty_name(row), lang) + f'<br><span class="dfk-muted">{escape(row.kind)}</span>',
                  escape(row.required_action) or "—", basis_cell(row), sanctions, via, paper_cell(row)])
st.markdown(html.table(["Status", "Duty", "Required action", "Legal basis", "Sanction", "Attached via", "Paper"], cells,
                       [html.STATUS_CLASS.get(r.status, "") for r in rows], "dfk-duties"),
            unsafe_allow_html=True)

downloads = st.container(horizontal=True)
stem = "duties-" + "-".join(chosen)
downloads.download_button("Download CSV", duties_text(rows, "csv"), f"{stem}.csv", "text/csv", on_click="ignore")
downloads.download_button("Download JSON", duties_text(rows, "json"), f"{stem}.json", "application/json", on_click="ignore")

st.subheader("Why each duty attaches")
st.caption("Open a duty to see the chain of classes and axioms that brought it to this platform, the provision's "
           "text where the graph has it, and the passage of the paper.")
types = [TYPES[t].iri for t in chosen]
for row in rows:
    title = f"{html.status_text(row.status, lang)} · {duty_name(row)}"
    with st.expander(title, icon=html.STATUS_ICON.get(row.status)):
        why = explain(row.duty, types, kg)
        steps = "".join(f'<li><code>{escape(s.rule)}</code> {escape(s.statement)}</li>' for s in why.steps)
        st.markdown(f"<ol class='dfk-steps'>{steps}</ol>", unsafe_allow_html=True)
        for basis in row.legal_basis:
            text = provision_texts(kg, URIRef(basis.provision))
            if text.official or text.translation:
                st.markdown(f"**{escape(name_of(basis.provision))}**")
                if text.official:
                    st.markdown(f"> {text.official}")
                    st.caption("Official text.")
                if text.translation:
                    st.markdown(f"> {text.translation}")
                    st.caption("Unofficial English translation.")
            elif text.summary:
                st.markdown(f"**{escape(name_of(basis.provision))}** — summary (the graph does not hold its text): {text.summary}")
        for passage in why.passages:
            st.markdown(f"> “{passage.quote}”")
            st.caption(f"The paper, section {passage.section}.")
        st.markdown(f"{html.link(row.duty, 'Open this duty in Browse', lang)}", unsafe_allow_html=True)
