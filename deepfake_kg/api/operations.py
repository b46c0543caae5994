"""Operations on the whole graph: build the closure, validate, publish to a store, write a release."""
from __future__ import annotations

from pathlib import Path

from ..build import KnowledgeGraph
from .graph import the_graph


def build(force: bool = False, engine: str | None = None) -> KnowledgeGraph:
    """Compute the OWL-RL closure and write build/ (reused while the inputs are unchanged)."""
    from ..build import build as make
    from ..reasoning import DEFAULT_ENGINE

    return make(force=force, engine=engine or DEFAULT_ENGINE)


def validate(paper: str | Path | None = None, *, kg: KnowledgeGraph | None = None):
    """Consistency, SHACL shapes, SPARQL checks and, when the paper's text is found (`paper`, else
    $DEEPFAKE_KG_PAPER, else the team's copy beside a checkout), every quotation against it: a validate.Report."""
    from ..paper import read_paper
    from ..paths import paper_file
    from ..validate import validate as check

    found = paper_file(paper)
    return check(the_graph(kg), read_paper(found) if found else None)


def publish(endpoint: str, timeout: float = 30.0, *, kg: KnowledgeGraph | None = None):
    """PUT the asserted and inferred graphs into a SPARQL 1.1 Graph Store Protocol endpoint."""
    from ..publish import publish as put

    return put(the_graph(kg), endpoint, timeout)


def release(out: Path | None = None, sparql_endpoint: str | None = None, docs: bool = True, *,
            kg: KnowledgeGraph | None = None):
    """Write the release files (the graphs in several formats, VoID/DCAT, JSON-LD context, HTML docs)."""
    from ..release import DEFAULT_SPARQL_ENDPOINT, DIST_DIR, release as write

    return write(the_graph(kg), out or DIST_DIR, sparql_endpoint or DEFAULT_SPARQL_ENDPOINT, docs)
