"""SPARQL: an editor prefilled from the named queries in queries/, run read-only and time-limited on the
embedded graph or on the SPARQL endpoint the operator configured."""
import json

import pandas as pd
import streamlit as st

from dfkui import state
from dfkui.resources import ENDPOINT_VARIABLE, configured_endpoint, knowledge_graph, named_queries
from deepfake_kg.errors import EndpointError, QueryError
from deepfake_kg.namespaces import curie
from deepfake_kg.query import run_local, run_remote
from deepfake_kg.sparql_guard import Limits

LIMITS = Limits(timeout_seconds=10.0, max_rows=10_000)
kg = knowledge_graph()
QUERIES = {q.name: q for q in named_queries()}
DEFAULT = "duties-by-platform-type" if "duties-by-platform-type" in QUERIES else next(iter(QUERIES), None)
TARGETS = {"embedded": "the embedded graph", "endpoint": "the configured endpoint"}
endpoint = configured_endpoint()


def parse(params: state.Params) -> tuple[dict, list[str]]:
    notices = []
    name = (params.get("query") or [DEFAULT])[-1]
    if name not in QUERIES:
        notices.append(f"There is no named query {name!r}: showing {DEFAULT!r}.")
        name = DEFAULT
    text = (params.get("text") or [""])[-1] or (QUERIES[name].text if name else "")
    target = (params.get("target") or ["embedded"])[-1]
    if target not in TARGETS or (target == "endpoint" and not endpoint):
        if target == "endpoint":
            notices.append(f"No SPARQL endpoint is configured on this server (environment variable {ENDPOINT_VARIABLE}): "
                           "the query runs on the embedded graph.")
        else:
            notices.append(f"Unknown target {target!r}: the query runs on the embedded graph.")
        target = "embedded"
    if params.get("run") == ["1"]:
        st.session_state.sparql_autorun = True
    return {"sparql_query": name, "sparql_text": text, "sparql_target": target}, notices


PAGE = state.PageState("sparql", ("query", "text", "target", "run"), ("sparql_text", "sparql_target"), parse)


def load_named() -> None:
    st.session_state.sparql_text = QUERIES[st.session_state.sparql_query].text
    st.session_state.pop("sparql_result", None)


def run(text: str, target: str) -> None:
    try:
        result = run_remote(text, endpoint, LIMITS) if target == "endpoint" else run_local(text, kg.dataset, LIMITS)
        st.session_state.sparql_result = (text, target, result, "")
    except (QueryError, EndpointError) as error:
        st.session_state.sparql_result = (text, target, None, str(error))


st.title("SPARQL")
st.caption(f"Read-only: SELECT, ASK, CONSTRUCT and DESCRIBE only, no SERVICE or FROM. A query is stopped after "
           f"{LIMITS.timeout_seconds:g} s and returns at most {LIMITS.max_rows:,} rows. The embedded graph holds the "
           "asserted triples and the OWL-RL inferences as two named graphs; the default graph is their union.")
for notice in PAGE.load():
    st.warning(notice, icon=":material/link_off:")

if QUERIES:
    st.selectbox("Named query", list(QUERIES), key="sparql_query", format_func=lambda n: QUERIES[n].title,
                 on_change=load_named)
    chosen = QUERIES[st.session_state.sparql_query]
    st.markdown(f"**{chosen.title}** — {chosen.question}")
    if chosen.note:
        st.caption(f"Note: {chosen.note}")
st.text_area("Query", key="sparql_text", height=300)
row = st.columns([2, 1, 4])
row[0].radio("Run on", list(TARGETS), key="sparql_target", horizontal=True,
             format_func=lambda t: TARGETS[t] if t == "embedded" or endpoint else f"{TARGETS[t]} (none configured)")
clicked = row[1].button("Run query", type="primary", width="stretch")
if st.session_state.sparql_target == "endpoint":
    if endpoint:
        st.caption(f"Endpoint: {endpoint}")
    else:
        st.caption(f"No endpoint is configured: set the environment variable {ENDPOINT_VARIABLE} before starting the app.")

text, target = st.session_state.sparql_text, st.session_state.sparql_target
if clicked or st.session_state.pop("sparql_autorun", False):
    if target == "endpoint" and not endpoint:
        st.session_state.sparql_result = (text, target, None, "No SPARQL endpoint is configured on this server.")
    else:
        with st.spinner("Running the query…"):
            run(text, target)

shown = st.session_state.get("sparql_result")
current = shown is not None and shown[:2] == (text, target)
named = QUERIES.get(st.session_state.get("sparql_query"))
PAGE.save({"query": [named.name] if named else [],
           "text": [text] if not named or text != named.text else [],
           "target": [target] if target != "embedded" else [],
           "run": ["1"] if current else []})

if not current:
    st.stop()
_, _, result, error = shown
if error:
    st.error(error, icon=":material/block:")
    st.stop()
if result.form == "ASK":
    st.success(f"ASK: {'true' if result.boolean else 'false'}")
elif result.form in ("CONSTRUCT", "DESCRIBE"):
    turtle = result.graph().serialize(format="turtle")
    st.markdown(f"**{len(result.graph())} triples**")
    st.code(turtle, language="turtle")
    st.download_button("Download Turtle", turtle, "result.ttl", "text/turtle", on_click="ignore")
else:
    rows = result.rows()
    st.markdown(f"**{len(rows)} rows**")
    frame = pd.DataFrame([{v: curie(r[v]) for v in result.variables} for r in rows], columns=result.variables)
    st.dataframe(frame, width="stretch", hide_index=True)
    downloads = st.container(horizontal=True)
    downloads.download_button("Download CSV", result.to_csv(), "result.csv", "text/csv", on_click="ignore")
    downloads.download_button("Download JSON", json.dumps(result.to_sparql_json(), ensure_ascii=False, indent=2),
                                 "result.json", "application/sparql-results+json", on_click="ignore")
if result.notice:
    st.warning(result.notice)
