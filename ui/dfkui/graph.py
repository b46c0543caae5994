"""A resource's neighbourhood as Graphviz DOT: the resource in the middle, inferred links dashed."""
from __future__ import annotations

import textwrap

from deepfake_kg.api import Edge

from .html import entity_href


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _wrap(text: str, width: int = 28) -> str:
    text = text if len(text) <= 90 else text[:89] + "…"
    return "\n".join(textwrap.wrap(text, width)) or text


def neighbourhood_dot(center: str, edges: list[Edge], lang: str = "en") -> str:
    nodes = {center: next((e.source.label for e in edges if e.source.iri == center),
                          next((e.target.label for e in edges if e.target.iri == center), center))}
    for edge in edges:
        nodes.setdefault(edge.source.iri, edge.source.label)
        nodes.setdefault(edge.target.iri, edge.target.label)
    ids = {iri: f"n{i}" for i, iri in enumerate(nodes)}
    lines = ["digraph neighbourhood {", "  rankdir=LR;", '  graph [bgcolor="white", pad=0.2];  // readable on a dark theme too',
             '  node [shape=box, style="rounded,filled", fillcolor="#f4f6fb", color="#8895b3", fontsize=10, fontname="Helvetica"];',
             '  edge [fontsize=9, color="#667", fontname="Helvetica"];']
    for iri, name in nodes.items():
        extra = ', fillcolor="#ffe9b3", color="#b07000", penwidth=2' if iri == center else ""
        lines.append(f"  {ids[iri]} [label={_quote(_wrap(name))}, URL={_quote(entity_href(iri, lang))}, target=\"_self\", tooltip={_quote(iri)}{extra}];")
    for edge in edges:
        style = ', style=dashed, color="#2446a8", fontcolor="#2446a8"' if edge.inferred else ""
        lines.append(f"  {ids[edge.source.iri]} -> {ids[edge.target.iri]} [label={_quote(_wrap(edge.predicate.label, 20))}{style}];")
    lines.append("}")
    return "\n".join(lines)
