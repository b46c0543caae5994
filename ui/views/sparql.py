"""SPARQL: the YASQE editor (highlighting, completion, Ctrl+Enter), prefilled from the named queries in queries/,
run read-only and time-limited on the embedded graph or, when the operator configured one, on a SPARQL endpoint.
Results as YASGUI shows them: IRIs link to Browse, numeric columns can be charted."""
import json
import time

import altair as alt
import pandas as pd
import streamlit as st

from dfkui import dates, sparql_results, state
from dfkui.i18n import _
from dfkui.resources import configured_endpoint, knowledge_graph, named_queries
from dfkui.sparql_editor import sparql_editor
from deepfake_kg.api import (EndpointError, Limits, QueryError, QueryTimeout, on_date, query, query_day, takes_date,
                             vocabulary as graph_vocabulary)


LIMITS = Limits()  # the documented defaults (deepfake_kg.sparql_guard.Limits, SECURITY.md), as on the command line
kg = knowledge_graph()
lang = state.lang()
QUERIES = {q.name: q for q in named_queries()}
DEFAULT = "duties-by-platform-type" if "duties-by-platform-type" in QUERIES else next(iter(QUERIES), None)
endpoint = configured_endpoint()
TARGETS = {"embedded": _("the embedded graph"), "endpoint": _("the configured endpoint")}


@st.cache_resource
def vocabulary(_kg) -> tuple[dict[str, str], list[str], list[str], frozenset]:
    """The graph's prefixes, its classes and properties (for completion), and every IRI it describes (for links)."""
    found = graph_vocabulary(kg=_kg)
    return found.prefixes, found.classes, found.properties, found.iris


PREFIXES, CLASSES, PROPERTIES, KNOWN = vocabulary(kg)


DAY_TEXT, DAY_ERROR = "sparql_day_text", "sparql_day_error"


def dated(text: str, day) -> str:
    """A query that takes a date, set to `day` (the package writes the typed literal); any other query unchanged."""
    return on_date(text, day) if takes_date(text) else text


def same_query(text: str, named) -> bool:
    """Whether `text` is still the named query, whatever day its ?asOf line names."""
    if named is None:
        return False
    day = query_day(text) or dates.as_of()
    return text.strip() == dated(named.text, day).strip()


def parse(params: state.Params) -> tuple[dict, list[str]]:
    notices = []
    name = (params.get("query") or [DEFAULT])[-1]
    if name not in QUERIES:
        notices.append(_("There is no named query {name!r}: showing {default!r}.").format(name=name, default=DEFAULT))
        name = DEFAULT
    day = dates.as_of()  # a dated query reads the law on the explorer's day unless the link names another
    typed = (params.get("asof") or [""])[-1]
    if typed:
        day_read, error = dates.read_day(typed, state.lang())
        if day_read is None:
            notices.append(_("The query's day in the link cannot be used: {error}").format(error=error))
        else:
            day = day_read
    text = (params.get("text") or [""])[-1] or (dated(QUERIES[name].text, day) if name else "")
    target = (params.get("target") or ["embedded"])[-1]
    if target == "endpoint" and not endpoint:
        notices.append(_("This server has no SPARQL endpoint configured: the query runs on the embedded graph."))
        target = "embedded"
    elif target not in TARGETS:
        notices.append(_("Unknown target {target!r}: the query runs on the embedded graph.").format(target=target))
        target = "embedded"
    st.session_state.sparql_revision = st.session_state.get("sparql_revision", 0) + 1  # the editor shows this text
    st.session_state.sparql_autorun = params.get("run") == ["1"]
    st.session_state.pop(DAY_ERROR, None)
    return {"sparql_query": name, "sparql_text": text, "sparql_target": target,
            DAY_TEXT: (query_day(text) or day).isoformat()}, notices


PAGE = state.PageState("sparql", ("query", "text", "target", "run", "asof"), ("sparql_query",), parse)


def load_named() -> None:
    """A named query chosen: its text, a dated one on the explorer's day."""
    st.session_state.sparql_text = dated(QUERIES[st.session_state.sparql_query].text, dates.as_of())
    st.session_state[DAY_TEXT] = dates.as_of().isoformat()
    st.session_state.pop(DAY_ERROR, None)
    st.session_state.sparql_revision = st.session_state.get("sparql_revision", 0) + 1


def set_query_day() -> None:
    """The query's day typed: checked, then written into its VALUES ?asOf line by the package, as a typed literal."""
    day, error = dates.read_day(st.session_state.get(DAY_TEXT) or "", state.lang())
    if day is None:
        st.session_state[DAY_ERROR] = error
        return
    st.session_state.pop(DAY_ERROR, None)
    st.session_state[DAY_TEXT] = day.isoformat()
    st.session_state.sparql_text = dated(st.session_state.sparql_text, day)
    st.session_state.sparql_revision = st.session_state.get("sparql_revision", 0) + 1


def error_in_words(error: Exception) -> str:
    if isinstance(error, QueryTimeout):
        return _("The query took longer than {seconds:g} seconds and was stopped. Narrow it down — more specific "
                 "patterns, fewer OPTIONAL parts, a LIMIT — and run it again.").format(seconds=error.seconds)
    return str(error)


def run(text: str, target: str) -> None:
    """Run the query and keep its result, or its error in words, with the time it took (wall-clock, as the user
    waited for it: the guarded child process and, for an endpoint, the network included)."""
    started = time.monotonic()
    try:
        result = query(text, endpoint=endpoint, limits=LIMITS) if target == "endpoint" else query(text, limits=LIMITS)
        st.session_state.sparql_result = (text, target, result, "")
    except (QueryError, EndpointError) as error:
        st.session_state.sparql_result = (text, target, None, error_in_words(error))
    st.session_state.sparql_seconds = time.monotonic() - started


def took() -> str:
    """How long the last run took, for the line above its result."""
    seconds = st.session_state.get("sparql_seconds")
    return "" if seconds is None else " · " + _("{seconds} s").format(seconds=f"{seconds:.2f}")


st.title(_("SPARQL"))
st.caption(_("Read-only: SELECT, ASK, CONSTRUCT and DESCRIBE only, no SERVICE or FROM. A query is stopped after "
             "{seconds:g} seconds and returns at most {rows:,} rows. The embedded graph holds the asserted triples and "
             "the OWL-RL inferences as two named graphs; the default graph is their union.").format(
                 seconds=LIMITS.timeout_seconds, rows=LIMITS.max_rows))
for notice in PAGE.load():
    st.warning(notice, icon=":material/link_off:")
st.session_state.setdefault("sparql_revision", 0)
st.session_state.setdefault("sparql_target", "embedded")

if QUERIES:
    st.selectbox(_("Start from a named query"), list(QUERIES), key="sparql_query", format_func=lambda n: QUERIES[n].said(state.lang())[0],
                 on_change=load_named)
title = st.container()  # filled once the editor says whether the text is still the named query's
edited = sparql_editor(st.session_state.sparql_text, st.session_state.sparql_revision, key="sparql_editor",
                       prefixes=PREFIXES, classes=CLASSES, properties=PROPERTIES,
                       hint=_("Ctrl+Enter (⌘+Enter) runs the query · Ctrl+Space completes prefixes and terms"))
st.session_state.sparql_text = text = edited.text
named = QUERIES.get(st.session_state.get("sparql_query"))
unchanged = same_query(text, named)
if unchanged:
    named_title, question, note = named.said(state.lang())
    title.markdown(f"**{named_title}** — {question}")
    if note:
        title.caption(_("Note: {note}").format(note=note))
day = None
if takes_date(text):
    # The field follows the text (a day edited by hand in the VALUES line shows here) and the text follows the field.
    in_text = query_day(text)
    if in_text and not st.session_state.get(DAY_ERROR) and st.session_state.get(DAY_TEXT) != in_text.isoformat():
        st.session_state[DAY_TEXT] = in_text.isoformat()
    st.text_input(_("The query's day (?asOf)"), key=DAY_TEXT, on_change=set_query_day, placeholder="YYYY-MM-DD",
                  width=220, help=_("This query asks about one day: type it as YYYY-MM-DD and press Enter. It goes "
                                    "into the VALUES ?asOf line as an xsd:date; by default the day the explorer "
                                    "reads the law on."))
    if st.session_state.get(DAY_ERROR):
        st.error(st.session_state[DAY_ERROR], icon=":material/event_busy:")
    day = in_text

row = st.columns([1, 3]) if endpoint else [st.container()]
clicked = row[0].button(_("Run query"), type="primary", help=_("or press Ctrl+Enter in the editor"))
if endpoint:  # the choice exists only where there is something to choose
    row[1].radio(_("Run on"), list(TARGETS), key="sparql_target", horizontal=True, format_func=TARGETS.get)
    if st.session_state.sparql_target == "endpoint":
        st.caption(_("Endpoint: {endpoint}").format(endpoint=endpoint))
else:
    st.session_state.sparql_target = "embedded"
target = st.session_state.sparql_target

pressed = edited.run is not None and edited.run != st.session_state.get("sparql_run_seen")
if pressed:
    st.session_state.sparql_run_seen = edited.run
if clicked or pressed or st.session_state.pop("sparql_autorun", False):
    with st.spinner(_("Running the query…")):
        run(text, target)

shown = st.session_state.get("sparql_result")
current = shown is not None and shown[:2] == (text, target)
PAGE.save({"query": [named.name] if named else [],
           "text": [text] if not unchanged else [],
           "asof": [day.isoformat()] if unchanged and day else [],
           "target": [target] if target != "embedded" else [],
           "run": ["1"] if current else []})

if shown is None:
    st.stop()
_text, _target, result, error = shown
if not current:
    st.caption(_("The results below are those of the query as it was when last run."))
if error:
    st.error(error, icon=":material/block:")
    st.stop()
if result.form == "ASK":
    st.success(_("ASK: {answer}").format(answer=_("true") if result.boolean else _("false")) + took())
elif result.form in ("CONSTRUCT", "DESCRIBE"):
    turtle = result.graph().serialize(format="turtle")
    st.markdown(_("**{count} triples**").format(count=len(result.graph())) + took())
    st.code(turtle, language="turtle")
    st.download_button(_("Download Turtle"), turtle, "result.ttl", "text/turtle", on_click="ignore")
else:
    bindings = result.bindings
    shown_rows = min(len(bindings), sparql_results.MAX_SHOWN)
    st.markdown(_("**{count} rows**").format(count=len(bindings)) + took() +
                (" · " + _("the first {shown} are shown; the downloads hold all").format(shown=shown_rows)
                 if shown_rows < len(bindings) else ""))
    table, chart = st.tabs([_("Table"), _("Chart")])
    with table:
        st.markdown(sparql_results.table_html(result.variables, bindings, PREFIXES, set(KNOWN), lang),
                    unsafe_allow_html=True)
    with chart:
        measures = sparql_results.numeric_columns(result.variables, bindings)
        if not measures:
            st.info(_("No column of this result holds numbers only, so there is nothing to chart. Counting "
                      "queries (COUNT, SUM) give such columns."))
        else:
            measure = st.selectbox(_("Number to chart"), measures, format_func=lambda v: f"?{v}") if len(measures) > 1 else measures[0]
            frame = pd.DataFrame(sparql_results.chart_rows(result.variables, bindings, measure, PREFIXES))
            bars = alt.Chart(frame).mark_bar().encode(
                x=alt.X("value:Q", title=f"?{measure}"),
                y=alt.Y("label:N", sort="-x", title=None, axis=alt.Axis(labelLimit=320)),
                tooltip=["label", "value"])
            st.altair_chart(bars.properties(height=max(120, 22 * len(frame))), width="stretch")
    downloads = st.container(horizontal=True)
    downloads.download_button(_("Download CSV"), result.to_csv(), "result.csv", "text/csv", on_click="ignore")
    downloads.download_button(_("Download JSON"), json.dumps(result.to_sparql_json(), ensure_ascii=False, indent=2),
                              "result.json", "application/sparql-results+json", on_click="ignore")
if result.notice:
    st.warning(result.notice)
