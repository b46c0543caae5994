"""A SPARQL editor scholars know: YASQE (the editor of YASGUI) as a Streamlit component, served from this folder.

Syntax highlighting and error marks as one types, prefix and term completion from the knowledge graph (never
from the network), Ctrl+Enter (⌘+Enter) to run. See frontend/README.md for where the editor comes from.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import streamlit.components.v1 as components

_component = components.declare_component("dfk_sparql_editor", path=str(Path(__file__).parent / "frontend"))


@dataclass(frozen=True)
class EditorState:
    text: str  # what the editor shows now
    run: str | None  # a token new at each Ctrl+Enter: run the query when it differs from the last one run


def sparql_editor(text: str, revision: int, *, key: str, prefixes: dict[str, str], classes: list[str],
                  properties: list[str], hint: str, height: int = 300) -> EditorState:
    """Draw the editor holding `text`. Bump `revision` to put a new text into it (e.g. a named query chosen);
    edits typed since the last revision are then replaced."""
    value = _component(value=text, revision=revision, prefixes=prefixes, classes=classes, properties=properties,
                       hint=hint, height=height, key=key, default=None)
    if not value or value.get("revision") != revision:  # nothing typed yet, or typed into an older text
        return EditorState(text, None)
    return EditorState(str(value.get("text", "")), value.get("run"))
