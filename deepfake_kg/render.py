"""Text renderings of results for a terminal: tables, CSV and JSON. One shape (the dataclass), three views."""
from __future__ import annotations

import csv
import io
import json
import shutil

from .duties import DutyRow
from .query import QueryResult


def table(headers: list[str], rows: list[list[str]], max_width: int | None = None) -> str:
    max_width = max_width or max(80, shutil.get_terminal_size((120, 20)).columns)
    cells = [[" ".join(str(c).split()) for c in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    # Narrow the widest column until the table fits: short columns (status, section) stay whole.
    while sum(widths) + 2 * (len(widths) - 1) > max_width and max(widths) > 8:
        widths[widths.index(max(widths))] -= 1
    line = lambda values: "  ".join(_clip(v, w).ljust(w) for v, w in zip(values, widths)).rstrip()
    out = [line(headers), line(["-" * w for w in widths])] + [line(r) for r in cells]
    return "\n".join(out)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


DUTY_COLUMNS = ["status", "label", "attached_via", "legal_basis", "from", "section", "inferred"]


def duty_cells(row: DutyRow) -> dict[str, str]:
    return {
        "duty": row.duty,
        "label": row.label,
        "status": row.status,
        "kind": row.kind,
        "required_action": row.required_action,
        "attached_via": "; ".join(c["label"] for c in row.attached_via),
        # Only the provisions binding on the day: a replaced text is never shown as the current basis.
        "legal_basis": "; ".join(b.provision_label for b in row.legal_basis if b.status == "in force")
                       or "; ".join(e.provision_label for e in row.enacted_by)
                       or "; ".join(p["label"] for p in row.proposals),
        # The date of the text binding on the day (an amended law's own date), else the duty's first date.
        "from": next((b.in_force_from for b in row.legal_basis if b.status == "in force" and b.in_force_from), None)
                or row.in_force_from or (row.enacted_by[0].in_force_from if row.enacted_by else "") or "",
        "until": row.in_force_until or "",
        "as_of": row.as_of,
        "beyond_paper": "yes" if row.beyond_paper else "no",
        "section": row.section or ("beyond the paper" if row.beyond_paper else ""),
        "quote": row.quote,
        "inferred": "yes" if row.inferred else "no",
    }


def duties_text(rows: list[DutyRow], fmt: str) -> str:
    if fmt == "json":
        return json.dumps([r.to_dict() for r in rows], ensure_ascii=False, indent=2)
    if fmt == "csv":
        out = io.StringIO()
        fields = ["duty", "label", "status", "as_of", "from", "until", "kind", "required_action", "attached_via", "legal_basis",
                  "inferred", "beyond_paper", "section", "quote"]
        writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(duty_cells(r) for r in rows)
        return out.getvalue()
    in_force = sum(r.status == "in force" for r in rows)
    enacted = sum(r.status == "proposed, since enacted" for r in rows)
    body = table(DUTY_COLUMNS, [[duty_cells(r)[c] for c in DUTY_COLUMNS] for r in rows])
    day = f" on {rows[0].as_of}" if rows and rows[0].as_of else ""
    since = f" ({enacted} of them since enacted in whole or part)" if enacted else ""
    notes = sorted({f"Not verified: {b.provision_label}: {u}" for r in rows for b in r.legal_basis if b.status == "in force" for u in b.unknown}
                   | {f"Not verified: {s['label']}: {u}" for r in rows for s in r.sanctions if s["status"] == "in force" for u in s["unknown"]})
    tail = "".join(f"\n{n}" for n in notes)
    return (f"{body}\n\n{len(rows)} duties{day}: {in_force} in force, {len(rows) - in_force} proposed by the author{since}."
            f"{tail}")


def query_text(result: QueryResult, fmt: str) -> str:
    if result.form in ("CONSTRUCT", "DESCRIBE"):
        graph = result.graph()
        return graph.serialize(format={"json": "json-ld", "csv": "nt"}.get(fmt, "turtle"))
    if fmt == "json":
        return json.dumps(result.to_sparql_json(), ensure_ascii=False, indent=2)
    if result.form == "ASK":
        return "true" if result.boolean else "false"
    if fmt == "csv":
        return result.to_csv()
    from .namespaces import curie

    rows = [[curie(r[v]) for v in result.variables] for r in result.rows()]
    text = table(result.variables, rows) + f"\n\n{len(rows)} rows."
    return text + (f"\n{result.notice}" if result.notice else "")


def assessment_text(assessment) -> str:
    lines = [f"Scenario: {assessment.title}", f"Platform: {', '.join(assessment.platform_types)}",
             f"Facts: {'; '.join(assessment.facts) or '(none)'}", ""]
    for heading, key, conclusions in (
        ("UNDER TODAY'S LAW", "today", assessment.today),
        ("UNDER THE AUTHOR'S PROPOSALS (lex ferenda)", "proposed", assessment.proposed),
    ):
        v = assessment.verdicts[key]
        lines += [heading, f"  Verdict: {v.status.upper()} — {v.question}"]
        for e in v.elements:
            mark = {"established": "✓", "not established": "✗"}.get(e.status, "?")
            lines.append(f"    {mark} {e.statement}" + (f"  [unanswered: {', '.join(e.unanswered)}]" if e.unanswered else ""))
        lines += [f"    ⚑ {q}" for q in v.qualifications]
        for change in v.changes:
            facts = ", ".join(f"{k} = {_answer(x)}" for k, x in change.facts.items())
            lines.append(f"    would be {change.to} if: {facts}")
        for c in conclusions:
            lines.append(f"  • [{c.topic}] {c.statement} ({c.effect})")
            lines.append(f"      how: {c.method} — {c.rule}")
            if c.facts:
                lines.append(f"      facts used: {'; '.join(c.facts)}")
            if c.basis["iri"]:
                lines.append(f"      basis: {c.basis['label']} <{c.basis['iri']}>")
            if c.passage["quote"]:
                lines.append(f"      paper §{c.passage['section']}: “{c.passage['quote']}”")
        lines.append("")
    differs = "differently" if assessment.differs else "the same way"
    lines.append(f"The two frameworks come out {differs}. {assessment.note}")
    return "\n".join(lines)


def _answer(value) -> str:
    return {True: "yes", False: "no"}.get(value, str(value)) if isinstance(value, bool) else str(value)
