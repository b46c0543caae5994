"""One platform on several days: each duty's status and the provisions it rests on, day by day, and what changed.

    compare_dates(["video-sharing platform"], ["2025-12-31", "2026-01-01"])
    -> DatesComparison(days=[...], rows=[DatedRow(duty, label, label_zh, cells=[DayCell(status, bases), ...]), ...])

The question a reader of a moving law asks ("what did the amendment change for this platform?"). Each cell is
duties.all_duties_for's answer for that day, so a duty not yet (or no longer) in force shows so, and a duty whose
status stays "in force" while the text it rests on is replaced (an amended provision is a new version) counts as
changed. A duty that attaches on none of the days (not yet in force on all of them, say) is left out.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass, field

from .build import KnowledgeGraph
from .duties import _as_iris, all_duties_for
from .errors import KGError
from .i18n import collation_key
from .terms import Link, label
from .validity import ATTACHING, law_first, parse_day

MAX_DAYS = 6  # columns a reader can still compare at a glance


@dataclass
class DayCell:
    status: str  # validity.STATUSES
    bases: list[Link] = field(default_factory=list)  # the provisions the status rests on that day (for a proposal
    # made law since: the enacting provisions)


@dataclass
class DatedRow:
    duty: str
    label: str
    label_zh: str
    cells: list[DayCell]

    @property
    def changed(self) -> bool:
        """The status, or the text it rests on, differs between two of the days."""
        return len({(c.status, tuple(b.iri for b in c.bases)) for c in self.cells}) > 1


@dataclass
class DatesComparison:
    types: list[str]
    platform: str  # the types' names joined by " + "
    days: list[str]  # ISO dates, earliest first
    rows: list[DatedRow] = field(default_factory=list)

    def to_json(self) -> str:
        found = asdict(self)
        for row, plain in zip(found["rows"], self.rows):
            row["changed"] = plain.changed
        return json.dumps(found, ensure_ascii=False, indent=2)

    def to_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["duty", "label", "changed", *(f"{part} {day}" for day in self.days for part in ("status", "basis"))])
        for row in self.rows:
            writer.writerow([row.duty, row.label, "yes" if row.changed else "",
                             *(value for c in row.cells for value in (c.status, "; ".join(b.label for b in c.bases)))])
        return out.getvalue()

    def to_text(self) -> str:
        from .render import table

        rows = [["*" if r.changed else "", r.label, *(c.status for c in r.cells)] for r in self.rows]
        changed = [r for r in self.rows if r.changed]
        lines = [f"{self.platform}, on {', '.join(self.days)}", "", table(["", "duty", *self.days], rows), "",
                 f"{len(changed)} of {len(self.rows)} duties changed (*: their status or the text they rest on):"]
        for row in changed:  # each change between two successive days, with the texts on either side
            steps = [f"{day}: {c.status}" + (f" ({'; '.join(b.label for b in c.bases)})" if c.bases else "")
                     for day, c, before in zip(self.days, row.cells, [None, *row.cells])
                     if before is None or (before.status, before.bases) != (c.status, c.bases)]
            lines.append(f"  {row.label}: " + " → ".join(steps))
        return "\n".join(lines)


def _bases(row) -> list[Link]:
    return [b.provision for b in row.current_bases] or [Link(e.provision, e.provision_label) for e in row.enacted_by]


def compare_dates(types, days, kg: KnowledgeGraph, lang: str = "en") -> DatesComparison:
    """The duties of one platform of `types` on each of `days` (dates or YYYY-MM-DD; two to MAX_DAYS of them),
    those that changed first."""
    parsed = sorted({parse_day(d) for d in days})
    if not 2 <= len(parsed) <= MAX_DAYS:
        raise KGError(f"Give between two and {MAX_DAYS} different days to compare, not {len(parsed)}.")
    iris = _as_iris(types, kg)
    answers = [{r.duty: r for r in all_duties_for(iris, kg, day)} for day in parsed]
    rows = []
    for duty in set().union(*answers):
        day_rows = [answer[duty] for answer in answers]
        if not any(r.status in ATTACHING for r in day_rows):
            continue
        first = day_rows[0]
        rows.append(DatedRow(duty, first.label, first.label_zh,
                             [DayCell(r.status, _bases(r)) for r in day_rows]))
    chinese = lang.lower().startswith("zh")
    rows.sort(key=lambda r: (not r.changed, law_first(r.cells[-1].status),
                             collation_key(r.label_zh if chinese and r.label_zh else r.label, "zh" if chinese else "en")))
    platform = " + ".join(label(kg.closure, t, lang) for t in iris)
    return DatesComparison([str(t) for t in iris], platform, [d.isoformat() for d in parsed], rows)
