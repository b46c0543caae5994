"""The one knowledge graph of this server process, and views of it that never change while it runs.

st.cache_resource hands every session the same objects; they are only read, so what one visitor chooses
never changes what another sees.
"""
from __future__ import annotations

import os
from functools import lru_cache

import streamlit as st

from deepfake_kg import api
from deepfake_kg.api import KnowledgeGraph, NamedQuery, PlatformType

from .i18n import _

ENDPOINT_VARIABLE = "DEEPFAKE_KG_SPARQL_ENDPOINT"


@st.cache_resource(show_spinner=False)  # app.py shows the spinner, in the visitor's language
def knowledge_graph() -> KnowledgeGraph:
    kg = api.load_graph()
    # Materialise the lazily built views now, once, instead of in the first visitor's request.
    kg.closure, kg.dataset  # noqa: B018
    types = api.platform_types(kg=kg)
    if types:
        api.duties_for([types[0].iri], kg=kg)  # builds the classifier's indexes
    return kg


@st.cache_resource
def types_of(_kg: KnowledgeGraph) -> dict[str, PlatformType]:
    """The platform types by the short name the URLs and widgets use (the class's local name)."""
    return {type_key(t.iri): t for t in api.platform_types(kg=_kg)}


def type_key(iri) -> str:
    return str(iri).split("#")[-1]


def read_types(kg: KnowledgeGraph, texts: list[str]) -> tuple[list[str], list[str]]:
    """Platform types named in a link (local names, CURIEs, IRIs or labels), and notices for the unknown ones."""
    found, notices = [], []
    for text in texts:
        try:
            key = type_key(api.platform_type(text, kg=kg).iri)
        except api.UnknownPlatformType as error:
            notices.append(_("{error} It was left out.").format(error=error))
            continue
        if key not in found:
            found.append(key)
    return found, notices


@st.cache_resource
def named_queries() -> list[NamedQuery]:
    return api.named_queries()


@lru_cache(maxsize=12)
def exported(kg: KnowledgeGraph, fmt: str, inferred: bool) -> str:
    """The graph serialised, made when a visitor first asks (a download button's callable runs outside the
    script, where Streamlit's caches are not available) and kept for the next one."""
    return api.export(fmt, inferred, kg=kg)


def configured_endpoint() -> str:
    """The remote SPARQL endpoint the operator configured (environment variable), or ''."""
    return os.environ.get(ENDPOINT_VARIABLE, "").strip()
