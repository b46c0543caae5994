"""One platform, its duties in each jurisdiction side by side (China, the EU, the US, the UK), on a given day.

A platform's types are the paper's (Chinese) ones and, if the user names them, the statutory types of other law
(ontology/platforms-international.ttl). Duties that follow from those types are *established*. A statutory type
the platform is not known to have, but that overlaps with one it has (dfk:overlapsWith) or narrows one it has
(a very large online platform, for an online platform), is *undetermined*: its duties are listed as conditional,
with the fact that decides (dfk:membershipCondition) — never presumed from resemblance.

    compare_jurisdictions(["video-sharing platform", "large leading platform"], as_of="2026-11-30")
    -> JurisdictionComparison(platform, as_of, columns=[Column(jurisdiction, label, duties, conditional), ...])
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass, field

from rdflib import BNode, URIRef

from .build import KnowledgeGraph, get_kg
from .duties import DutyRow, _as_iris, _classified, duties_for
from .errors import InconsistentGraph
from .namespaces import DFK, ID, RDF, RDFS
from .terms import label
from .validity import parse_day

# The paper's own jurisdiction first; the others in the order the fact sheet treats them.
ORDER = [ID["jurisdiction/cn"], ID["jurisdiction/eu"], ID["jurisdiction/us"], ID["jurisdiction/uk"]]


@dataclass
class ConditionalType:
    """A statutory type the platform may have: its duties bind only if the condition holds."""
    type: str
    label: str
    condition: str
    why: str  # how it relates to the platform's types (overlap or narrower type), from the ontology's comment
    duties: list[DutyRow] = field(default_factory=list)


@dataclass
class Column:
    jurisdiction: str
    label: str
    duties: list[DutyRow] = field(default_factory=list)  # established: they follow from the platform's types
    conditional: list[ConditionalType] = field(default_factory=list)


@dataclass
class JurisdictionComparison:
    platform: list[str]
    platform_label: str
    as_of: str
    columns: list[Column]

    def to_dict(self) -> dict:
        return asdict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def to_text(self) -> str:
        """Each jurisdiction in turn: the duties that apply, then those that would if a condition holds."""
        lines = [f"Duties of a {self.platform_label} on {self.as_of}, by jurisdiction"]
        for column in self.columns:
            lines += ["", f"== {column.label}"]
            for row in column.duties:
                lines.append(f"  [{row.status}] {row.label} — {_basis(row)}" + (f" (from {row.in_force_from})" if row.in_force_from else ""))
            if not column.duties:
                lines.append("  none established by the platform's types")
            for conditional in column.conditional:
                lines.append(f"  IF it is a {conditional.label} (undetermined: {conditional.why})")
                lines.append(f"     decided by: {conditional.condition}")
                for row in conditional.duties:
                    lines.append(f"     [{row.status}] {row.label} — {_basis(row)}" + (f" (from {row.in_force_from})" if row.in_force_from else ""))
        return "\n".join(lines)

    def to_csv(self) -> str:
        """One line per duty: jurisdiction, established or the condition it depends on, status, provision."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["jurisdiction", "applies", "condition", "duty", "label", "status", "legal_basis", "from"])
        for column in self.columns:
            for row in column.duties:
                writer.writerow([column.label, "yes", "", row.duty, row.label, row.status, _basis(row), row.in_force_from or ""])
            for conditional in column.conditional:
                for row in conditional.duties:
                    writer.writerow([column.label, f"if {conditional.label}", conditional.condition, row.duty, row.label,
                                     row.status, _basis(row), row.in_force_from or ""])
        return out.getvalue()


def compare_jurisdictions(types, kg: KnowledgeGraph | None = None, as_of=None, lang: str = "en") -> JurisdictionComparison:
    """The duties of one platform of `types` on the day `as_of` (default today), one column per jurisdiction."""
    kg = kg or get_kg()
    g = kg.closure
    day = parse_day(as_of)
    types = _as_iris(types, kg)
    rows = duties_for(types, kg, as_of=day)
    derived = {o for s, p, o in _classified(kg, tuple(types)) if p == RDF.type and not isinstance(o, BNode)} | set(types)
    columns = []
    for jurisdiction in _jurisdictions(kg):
        column = Column(str(jurisdiction), label(g, jurisdiction, lang), [r for r in rows if _in(kg, r, jurisdiction)])
        known = {r.duty for r in column.duties}
        for candidate, why in _undetermined(kg, derived, jurisdiction):
            try:
                extra = [r for r in duties_for([*types, candidate], kg, as_of=day)
                         if r.duty not in known and _in(kg, r, jurisdiction)]
            except InconsistentGraph:
                continue  # the platform cannot be of that type at all (disjoint classes)
            if extra:
                condition = str(g.value(candidate, DFK.membershipCondition) or "")
                column.conditional.append(ConditionalType(str(candidate), label(g, candidate, lang), condition, why, extra))
        columns.append(column)
    name = " + ".join(label(g, t, lang) for t in types)
    return JurisdictionComparison([str(t) for t in types], name, day.isoformat(), columns)


def _jurisdictions(kg: KnowledgeGraph) -> list[URIRef]:
    found = set(kg.closure.subjects(RDF.type, DFK.Jurisdiction))
    return [j for j in ORDER if j in found] + sorted(found - set(ORDER))


def _in(kg: KnowledgeGraph, row: DutyRow, jurisdiction: URIRef) -> bool:
    """A duty belongs to the jurisdiction of its law; the paper's proposals (no jurisdiction) to China's column."""
    duty = URIRef(row.duty)
    stated = set(kg.closure.objects(duty, DFK.jurisdiction))
    if not stated and (duty, DFK.normativeStatus, DFK.LexFerenda) in kg.closure:
        stated = {ID["jurisdiction/cn"]}
    return jurisdiction in stated


def _undetermined(kg: KnowledgeGraph, derived: set, jurisdiction: URIRef) -> list[tuple[URIRef, str]]:
    """Statutory types of `jurisdiction` the platform is not known to have, that overlap with or narrow one it has."""
    g = kg.closure
    found = []
    for candidate in sorted(set(g.subjects(DFK.jurisdiction, jurisdiction)) & set(g.subjects(DFK.membershipCondition, None))):
        if candidate in derived:
            continue
        overlaps = {o for o in g.objects(candidate, DFK.overlapsWith)} | set(g.subjects(DFK.overlapsWith, candidate))
        # narrower than a statutory type the platform has (a very large online platform, of an online platform)
        parents = {p for p in kg.asserted.objects(candidate, RDFS.subClassOf)
                   if isinstance(p, URIRef) and (p, DFK.membershipCondition, None) in g}
        if overlaps & derived:
            shared = sorted(label(g, t) for t in overlaps & derived)
            found.append((candidate, f"overlaps with {', '.join(shared)}: some are, some are not"))
        elif parents & derived:
            shared = sorted(label(g, t) for t in parents & derived)
            found.append((candidate, f"a narrower kind of {', '.join(shared)}"))
    return found


def _basis(row: DutyRow) -> str:
    return "; ".join(row.resting_on)
