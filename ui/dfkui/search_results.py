"""Browse's full-text search: the hits for a text, best first, each with its marked snippets, and the facets
(instrument, section of the paper, status, jurisdiction) that narrow them. The widgets' state is Browse's
(`browse_facet_{name}`), so that the search is in the page's link."""
from __future__ import annotations

from html import escape

import streamlit as st

from deepfake_kg.api import FACETS, MATCH_END, MATCH_START, search

from . import html
from .i18n import N_, _, ngettext

FACET_TITLES = {"instrument": N_("Instrument"), "section": N_("Section of the paper"), "status": N_("Law or proposal"),
                "jurisdiction": N_("Jurisdiction")}
SECTION_WORDS = {"abstract": N_("abstract"), "references": N_("references")}
KIND_NAMES = {"label": N_("name"), "quote": N_("the paper"), "text": N_("provision text")}
# The status facet is the normative status (dfk:normativeStatus), not the status on a day: "law" covers a replaced
# text and a duty whose dates are not recorded, so it is not called "in force" here.
NORMATIVE_NAMES = {"in force": N_("Law (lex lata)"), "proposed": N_("Proposed (lex ferenda)")}


def facet_value_name(name: str, value: str) -> str:
    if name == "status":
        return _(NORMATIVE_NAMES[value]) if value in NORMATIVE_NAMES else value
    if name == "section":  # a numbered section ("4.1"), or the abstract, or the list of references
        return _(SECTION_WORDS[value]) if value in SECTION_WORDS else "§" + value
    return html.shown_name(*html.label_of(value))


def snippet_html(snippet) -> str:
    text = escape(snippet.text).replace(MATCH_START, "<mark>").replace(MATCH_END, "</mark>")
    return (f'<span class="dfk-badge kind">{escape(_(KIND_NAMES[snippet.kind]))}</span> '
            f'<span lang="{escape(snippet.lang or "und")}">{text}</span>')


def show(kg, query: str, filters: dict[str, set[str]], lang: str) -> None:
    """The facets in a narrow column, the hits beside them."""
    result = search(query, filters, kg=kg)
    facets_column, hits_column = st.columns([1, 3], gap="large")
    with facets_column:
        for name in FACETS:
            counted = dict(result.facets[name])
            chosen = [v for v in st.session_state[f"browse_facet_{name}"] if v in counted] or []
            st.session_state[f"browse_facet_{name}"] = chosen
            if not counted:
                continue
            names = {v: f"{facet_value_name(name, v)} ({n})" for v, n in counted.items()}
            st.pills(_(FACET_TITLES[name]), list(counted), selection_mode="multi", key=f"browse_facet_{name}",
                     format_func=names.get)
    with hits_column:
        st.markdown("**" + ngettext("{n} resource found for “{query}”", "{n} resources found for “{query}”",
                                    result.total).format(n=result.total, query=query) + "**")
        if not result.hits:
            st.caption(_("Nothing in the names, the paper's passages or the provisions' texts contains this; "
                         "try fewer characters or another spelling."))
        items = []
        for hit in result.hits:
            snippets = "".join(f"<div>{snippet_html(s)}</div>" for s in hit.snippets)
            items.append(f"<li>{html.link(hit.iri, lang=lang)}<div class='dfk-muted'>{snippets}</div></li>")
        st.markdown(f'<ol class="dfk-hits">{"".join(items)}</ol>', unsafe_allow_html=True)
        if result.total > len(result.hits):
            st.caption(_("The first {shown} are shown; choose a facet to narrow the search.").format(shown=len(result.hits)))
        if result.hits:
            downloads = st.container(horizontal=True)
            downloads.download_button(_("Download CSV"), result.to_csv(), "search.csv", "text/csv", on_click="ignore")
            downloads.download_button(_("Download JSON"), result.to_json(), "search.json", "application/json",
                                      on_click="ignore")
