"""The concise bounded description (CBD) of one resource: every triple with it as subject, and, recursively, those
of the blank nodes they lead to (a restriction, a quotation selector, a list). What a developer needs to link it."""
from __future__ import annotations

import difflib
import json
import re

from rdflib import Graph, URIRef

from .errors import UnknownResource
from .formats import DESCRIBE_FORMATS
from .namespaces import ID, bind_prefixes, expand, jsonld_context

_IRI = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>\"{}|\\^`]+")
_SLUG = re.compile(r"[a-z0-9][a-z0-9._-]*(?:/[a-zA-Z0-9._-]+)+")


def resource_iri(text: str) -> URIRef:
    """An IRI from `text`: a full IRI (with or without <>), a CURIE (dfk:Duty, id:case/qvod) or a resource path
    relative to https://w3id.org/deepfake-kg/id/ (instrument/eu-gdpr)."""
    text = text.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    curie = expand(text)
    if curie is not None:
        return curie
    if _SLUG.fullmatch(text):
        return ID[text]
    if _IRI.fullmatch(text) and "://" in text:
        return URIRef(text)
    raise UnknownResource(f"{text!r} is not an IRI, a CURIE such as dfk:Duty, or a path such as instrument/eu-gdpr.")


def describe(text: str, kg=None, inferred: bool = False) -> Graph:
    """The CBD of the resource named by `text` in the asserted graph (with `inferred`: asserted + inferred)."""
    from .build import get_kg

    kg = kg or get_kg()
    source = kg.closure if inferred else kg.asserted
    iri = resource_iri(text)
    description = source.cbd(iri)
    if not len(description):
        linked = sorted({s for s in source.subjects(None, iri) if isinstance(s, URIRef)})
        if linked:
            raise UnknownResource(f"<{iri}> has no description of its own in the graph; it is linked from "
                                  f"{', '.join(f'<{s}>' for s in linked[:3])}: describe that instead.")
        hint = _closest(iri, source)
        raise UnknownResource(f"No resource <{iri}> in the graph.{' Did you mean: ' + ', '.join(hint) + '?' if hint else ''}")
    return bind_prefixes(description, vocabularies=True)


def describe_text(text: str, fmt: str = "ttl", kg=None, inferred: bool = False) -> str:
    from .turtle import turtle

    description = describe(text, kg, inferred)
    if fmt == "jsonld":
        context = jsonld_context()
        return json.dumps(json.loads(description.serialize(format="json-ld", context=context, auto_compact=True)),
                          indent=2, ensure_ascii=False)
    if fmt == "ttl":
        return turtle(description)
    raise ValueError(f"Unknown format {fmt!r}: choose one of {', '.join(DESCRIBE_FORMATS)}.")


def _closest(iri: URIRef, graph: Graph) -> list[str]:
    subjects = {str(s) for s in graph.subjects() if isinstance(s, URIRef)}
    return difflib.get_close_matches(str(iri), sorted(subjects), n=3, cutoff=0.8)
