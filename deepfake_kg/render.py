"""Text renderings of results for a terminal: tables, CSV and JSON. One shape (the dataclass), three views."""
from __future__ import annotations

import csv
import io
import json
import shutil
from collections import Counter

from .duties import DutyRow
from .namespaces import curie
from .query import QueryResult
from .validity import IN_FORCE, PROPOSED_SINCE_ENACTED, UNDATED


def table(headers: list[str], rows: list[list[str]], max_width: int | None = None, whole: tuple[str, ...] = ()) -> str:
    """A plain-text table fitted to the terminal; the columns named in `whole` (ids to copy) are never clipped."""
    max_width = max_width or max(80, shutil.get_terminal_size((120, 20)).columns)
    cells = [[" ".join(str(c).split()) for c in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    narrowable = [i for i, h in enumerate(headers) if h not in whole]
    # Narrow the widest column until the table fits: short columns (status, section) stay whole.
    while narrowable and sum(widths) + 2 * (len(widths) - 1) > max_width and max(widths[i] for i in narrowable) > 8:
        widest = max(narrowable, key=lambda i: widths[i])
        widths[widest] -= 1
    line = lambda values: "  ".join(_clip(v, w).ljust(w) for v, w in zip(values, widths)).rstrip()
    out = [line(headers), line(["-" * w for w in widths])] + [line(r) for r in cells]
    return "\n".join(out)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


DUTY_COLUMNS = ["id", "status", "label", "attached_via", "legal_basis", "from", "section", "inferred"]
CSV_COLUMNS = ["duty", "id", "label", "status", "as_of", "from", "until", "kind", "required_action", "attached_via",
               "legal_basis", "jurisdictions", "inferred", "beyond_paper", "section", "quote"]


def duty_cells(row: DutyRow) -> dict[str, str]:
    """A duty row as text cells: lists joined with "; ", the first passage of the paper."""
    passage = row.passage
    return {
        "duty": row.duty,
        "id": row.id,
        "label": row.label,
        "status": row.status,
        "kind": row.kind,
        "required_action": row.required_action,
        "attached_via": "; ".join(c.label for c in row.attached_via),
        # Only the provisions binding on the day: a replaced text is never shown as the current basis.
        "legal_basis": "; ".join(row.resting_on),
        "jurisdictions": "; ".join(j.label for j in row.jurisdictions),
        # The date of the text binding on the day (an amended law's own date), else the duty's first date.
        "from": next((b.in_force_from for b in row.current_bases if b.in_force_from), None)
                or row.in_force_from or (row.enacted_by[0].in_force_from if row.enacted_by else "") or "",
        "until": row.in_force_until or "",
        "as_of": row.as_of,
        "beyond_paper": "yes" if row.beyond_paper else "no",
        "section": passage.section if passage else ("beyond the paper" if row.beyond_paper else ""),
        "quote": passage.quote if passage else "",
        "inferred": "yes" if row.inferred else "no",
    }


def duties_text(rows: list[DutyRow], fmt: str) -> str:
    if fmt == "json":
        return json.dumps([r.to_dict() for r in rows], ensure_ascii=False, indent=2)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(duty_cells(r) for r in rows)
        return out.getvalue()
    count = Counter(r.status for r in rows)
    in_force, undated, enacted = count[IN_FORCE], count[UNDATED], count[PROPOSED_SINCE_ENACTED]
    body = table(DUTY_COLUMNS, [[duty_cells(r)[c] for c in DUTY_COLUMNS] for r in rows], whole=("id",))
    day = f" on {rows[0].as_of}" if rows and rows[0].as_of else ""
    since = f" ({enacted} of them since enacted in whole or part)" if enacted else ""
    notes = sorted({f"Not verified: {b.provision.label}: {u}" for r in rows for b in r.current_bases for u in b.unknown}
                   | {f"Not verified: {s.label}: {u}" for r in rows for s in r.sanctions if s.status in (IN_FORCE, UNDATED) for u in s.unknown})
    tail = "".join(f"\n{n}" for n in notes)
    unknown_dates = (f" {undated} stated as law by the paper on dates not recorded (whether they bound{day} is not "
                     "known)," if undated else "")
    return (f"{body}\n\n{len(rows)} duties{day}: {in_force} in force,{unknown_dates} "
            f"{len(rows) - in_force - undated} proposed by the author{since}."
            f"{tail}")


def explanation_text(result) -> str:
    when = f" ({result.status} on {result.as_of})" if result.as_of else ""
    lines = [f"Why “{result.duty.label}” attaches{when}:"]
    lines += [f"  {number}. [{step.rule}] {step.statement}" for number, step in enumerate(result.steps, 1)]
    lines += [f"  Paper, section {passage.section}: “{passage.quote}”" for passage in result.passages]
    return "\n".join(lines)


def types_text(types, fmt: str) -> str:
    """The platform types (api.platform_types()) as JSON or a table, by dimension."""
    if fmt == "json":
        return _json([{"iri": str(t.iri), "label": t.label, "label_zh": t.label_zh, "dimension": t.dimension_label,
                       "dimension_iri": str(t.dimension)} for t in types])
    return table(["dimension", "label", "中文", "iri"], [[t.dimension_label, t.label, t.label_zh, str(t.iri)] for t in types])


def examples_text(examples, fmt: str) -> str:
    """The ready examples as JSON or a table whose types column `duties` accepts as it is."""
    if fmt == "json":
        return _json([{"slug": e.slug, "iri": e.iri, "label": e.label, "label_zh": e.label_zh,
                       "types": [str(t) for t in e.types]} for e in examples])
    return table(["slug", "label", "types"], [[e.slug, e.label, " ".join(curie(t) for t in e.types)] for e in examples],
                 whole=("slug", "types"))


def queries_text(queries, fmt: str) -> str:
    """The named queries as JSON or a table, with how to run one."""
    if fmt == "json":
        return _json([{"name": q.name, "title": q.title, "question": q.question, "note": q.note} for q in queries])
    rows = [[q.name, q.title, q.question] for q in queries]
    return table(["name", "title", "question"], rows, whole=("name", "title")) + \
        f"\n\n{len(queries)} named queries: run one with `deepfake-kg query NAME`."


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


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
            if c.basis.iri:
                lines.append(f"      basis: {c.basis.label} <{c.basis.iri}>")
            if c.passage.quote:
                lines.append(f"      paper §{c.passage.section}: “{c.passage.quote}”")
        lines.append("")
    differs = "differently" if assessment.differs else "the same way"
    lines.append(f"The two frameworks come out {differs}. {assessment.note}")
    return "\n".join(lines)


def _answer(value) -> str:
    return {True: "yes", False: "no"}.get(value, str(value)) if isinstance(value, bool) else str(value)
