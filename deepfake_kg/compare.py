"""Platform types side by side: which duties each combination of types receives (a types × duties matrix).

Each column is one platform (a combination of types) answered by duties.duties_for; a combination that no
platform can have (large and small together) becomes a column with an error and no duties.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass, field

from rdflib import URIRef

from .build import KnowledgeGraph
from .duties import duties_for
from .errors import InconsistentGraph
from .i18n import collation_key
from .terms import label
from .validity import law_first


@dataclass
class Column:
    name: str
    types: list[str]
    error: str = ""


@dataclass
class MatrixRow:
    duty: str
    label: str
    label_zh: str
    status: str
    present: list[bool]


@dataclass
class DutyMatrix:
    columns: list[Column]
    rows: list[MatrixRow] = field(default_factory=list)

    def to_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["duty", "label", "status", *(c.name for c in self.columns)])
        for row in self.rows:
            writer.writerow([row.duty, row.label, row.status, *("yes" if p else "" for p in row.present)])
        return out.getvalue()

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2)


def duty_matrix(platforms: list[list[URIRef]], kg: KnowledgeGraph, lang: str = "en", as_of=None) -> DutyMatrix:
    """One column per platform (a list of type IRIs); rows are the duties any of them has on the day `as_of`
    (default today), in force first."""
    columns, answers = [], []
    for types in platforms:
        name = " + ".join(label(kg.closure, t, lang) for t in types)
        column = Column(name, [str(t) for t in types])
        try:
            answers.append({r.duty: r for r in duties_for(types, kg, as_of=as_of)})
        except InconsistentGraph as error:
            column.error = str(error)
            answers.append({})
        columns.append(column)
    every = {}
    for answer in answers:
        every.update(answer)
    rows = [MatrixRow(d.duty, d.label, d.label_zh, d.status, [d.duty in answer for answer in answers])
            for d in every.values()]
    chinese = lang.lower().startswith("zh")  # a graph language tag: "en", "zh-Hans"
    rows.sort(key=lambda r: (law_first(r.status), -sum(r.present),
                             collation_key(r.label_zh if chinese and r.label_zh else r.label, "zh" if chinese else "en")))
    return DutyMatrix(columns, rows)
