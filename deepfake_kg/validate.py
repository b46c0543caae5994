"""`deepfake-kg validate`: consistency (OWL-RL), SHACL shapes, SPARQL quality checks and quotations.

Each check returns Problems that name the resource; the command fails on any of them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import Graph, Literal

from .build import KnowledgeGraph
from .load import parse_file
from .namespaces import OA, SH, curie
from .paths import ONTOLOGY_DIR, PAPER_FILE, SHAPES_FILE

CHECKS_DIR = ONTOLOGY_DIR / "checks"


@dataclass
class Problem:
    check: str
    resource: str
    message: str

    def __str__(self) -> str:
        return f"[{self.check}] {self.resource}: {self.message}"


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)
    quotations: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def validate(kg: KnowledgeGraph, paper: Path = PAPER_FILE) -> Report:
    report = Report()
    report.problems += shacl_problems(kg.closure)
    report.problems += sparql_problems(kg.asserted)
    quoted, missing = quotation_problems(kg.asserted, paper)
    report.quotations = quoted
    report.problems += missing
    return report


def shacl_problems(data: Graph, shapes_file: Path = SHAPES_FILE) -> list[Problem]:
    shapes = parse_file(shapes_file)
    conforms, results, _ = shacl_validate(data, shacl_graph=shapes, inference="none", advanced=False)
    if conforms:
        return []
    problems = []
    for result in results.subjects(predicate=SH.resultSeverity):
        focus = results.value(result, SH.focusNode)
        message = results.value(result, SH.resultMessage)
        problems.append(Problem("shacl", curie(focus), str(message)))
    return sorted(problems, key=lambda p: (p.resource, p.message))


def sparql_problems(graph: Graph, checks_dir: Path = CHECKS_DIR) -> list[Problem]:
    problems = []
    for check in sorted(checks_dir.glob("*-violation.rq")):
        name = check.stem.removesuffix("-violation")
        for row in graph.query(check.read_text()):
            problems.append(Problem(name, curie(row.resource), str(row.message)))
    return problems


def normalise(text: str) -> str:
    """The comparison ../shared/tools/check_quotes.py makes: white space and quote-mark style only."""
    text = re.sub(r"[\u201c\u201d\u201e\u2033]", '"', text)
    text = re.sub(r"[\u2018\u2019\u2032]", "'", text)
    return re.sub(r"\s+", " ", text).strip()


def quotation_problems(graph: Graph, paper: Path = PAPER_FILE) -> tuple[int, list[Problem]]:
    if not paper.is_file():
        return 0, [Problem("quotes", str(paper), "the source paper is not there, so quotations cannot be checked")]
    source = normalise(paper.read_text(encoding="utf-8"))
    quoted, problems = 0, []
    for selector, quote in graph.subject_objects(OA.exact):
        if not isinstance(quote, Literal):
            continue
        quoted += 1
        if normalise(str(quote)) not in source:
            owner = next(graph.subjects(OA.hasSelector, selector), selector)
            problems.append(Problem("quotes", curie(owner), f"quotation not found verbatim in the paper: {str(quote)[:120]!r}"))
    return quoted, problems
