"""`deepfake-kg validate`: consistency (OWL-RL), SHACL shapes, SPARQL quality checks and, with the paper, provenance.

Each check returns Problems that name the resource; the command fails on any of them. Warnings (a passage added
after data/passage-selectors.ttl was generated) are printed and do not fail it, so parallel work never breaks main.
Without the paper (it is not in the repository), everything but the quotations is checked, and the report says so.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import Graph

from . import passages
from .build import KnowledgeGraph
from .load import parse_file
from .namespaces import SH, curie
from .paper import NOT_CHECKED, Paper, normalise  # noqa: F401  (normalise: re-exported for tests)
from .paths import ONTOLOGY_DIR, SHAPES_FILE

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
    warnings: list[Problem] = field(default_factory=list)
    quotations: int = 0  # passages whose quotation was found verbatim in the paper
    paper: Paper | None = None  # None: quotations were not checked
    edition: passages.Edition | None = None  # the recorded edition the paper file is, if any

    @property
    def ok(self) -> bool:
        return not self.problems

    def paper_line(self) -> str:
        """One line on what was checked against which text of the paper."""
        if self.paper is None:
            return NOT_CHECKED
        digest = f"SHA-256 {self.paper.sha256[:16]}…"
        if self.edition is not None:
            return (f"paper: {self.paper.path} ({digest}) is the edition recorded as {curie(self.edition.iri)} "
                    f"(\u201c{self.edition.label}\u201d): quotations, sections and offsets checked.")
        return (f"paper: {self.paper.path} ({digest}) matches no edition recorded in data/paper.ttl: quotations "
                "and sections checked, offsets not (they count characters of the recorded edition).")


def validate(kg: KnowledgeGraph, paper: Paper | None = None) -> Report:
    report = Report(paper=paper)
    report.problems += shacl_problems(kg.closure)
    report.problems += sparql_problems(kg.asserted)
    found = passages.check(kg.asserted, paper)
    report.problems += [Problem("quotes", r, m) for r, m in found.problems]
    report.warnings += [Problem("passages", r, m) for r, m in found.warnings]
    report.quotations, report.edition = found.quotations, found.edition
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
