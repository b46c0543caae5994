"""The answers of the knowledge graph as JSON, to pin them across refactorings (tests/test_snapshot.py).

    .venv/bin/python tests/snapshot.py            # rewrite tests/snapshots/*.json from the current code and data

Run it, review `git diff tests/snapshots/`, and commit it with your change ONLY when you changed answers on
purpose (new data, a corrected rule); say so in the commit message. A refactoring must leave the files as they are.

What is pinned: `duties` for every platform type alone, every ready example and a few combinations (an impossible
one included), `explain` for each duty of two platforms, `assess` for every scenario of the library, the `compare`
matrix, and every named query's answer. Each answer is reduced here to plain JSON in a fixed shape, so that a
change in the Python types that carry it (a dict becoming a dataclass) is not a change of answer; when such a
type changes, change `_duty` & co. below, not the JSON files.
"""
from __future__ import annotations

import dataclasses
import json
import re
import sys
from pathlib import Path

SNAPSHOTS = Path(__file__).parent / "snapshots"
# Combinations a student would try, beyond each type alone and the ready examples; the last one is impossible.
COMBINATIONS = [
    ["dfk:VideoSharingPlatform"],
    ["dfk:VideoSharingPlatform", "dfk:LargeLeadingPlatform"],
    ["dfk:SocialPlatform", "dfk:SmallMediumPlatform", "dfk:HighRiskPlatform"],
    ["dfk:DeepSynthesisServiceProvider", "dfk:LargeLeadingPlatform", "dfk:PublicOpinionAttributeProvider"],
    ["dfk:LargeLeadingPlatform", "dfk:SmallMediumPlatform"],
]
# Answers depend on the day asked about (the law changes): pinned for one fixed day, never "today".
AS_OF = "2026-11-30"
EXPLAINED = [["dfk:FaceSwapService", "dfk:SmallMediumPlatform"], ["dfk:VideoSharingPlatform", "dfk:LargeLeadingPlatform"]]


def _plain(value):
    """Dataclasses, dicts and lists as JSON values; anything else as its string."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def _iris(items) -> list[str]:
    return [str(item["iri"] if isinstance(item, dict) else getattr(item, "iri")) for item in items]


def _jurisdiction(row) -> str:
    """The English labels of the duty's jurisdictions, joined (the shape DutyRow.jurisdiction first had)."""
    return ", ".join(sorted(j.label for j in row.jurisdictions))


def _duty(row) -> dict:
    """One duty row in a fixed shape (the fields every version of DutyRow carries)."""
    bases = []
    for basis in row.legal_basis:
        provision = getattr(basis, "provision")
        instrument = getattr(basis, "instrument")
        bases.append({
            "provision": str(getattr(provision, "iri", provision)),
            "instrument": None if instrument is None else str(getattr(instrument, "iri", instrument)),
        })
    return {
        "duty": str(row.duty),
        "label": row.label,
        "label_zh": row.label_zh,
        "kind": row.kind,
        "status": row.status,
        "required_action": row.required_action,
        "trigger": row.trigger,
        "legal_basis": bases,
        "jurisdiction": _jurisdiction(row),
        "sanctions": _iris(row.sanctions),
        "proposals": _iris(row.proposals),
        "attached_via": _iris(row.attached_via),
        "inferred": row.inferred,
        "passages": sorted([str(p.iri), p.section, p.quote] for p in row.passages),
    }


def _platforms(kg) -> list[tuple[str, list[str]]]:
    from deepfake_kg.namespaces import curie
    from deepfake_kg.resolve import platform_types

    from_types = [[curie(t.iri)] for t in platform_types(kg.closure)]
    examples = [[curie(getattr(t, "iri", t)) for t in e.types] for e in _examples()]
    return [(" + ".join(types), types) for types in from_types + examples + COMBINATIONS]


def _examples():
    try:
        from deepfake_kg.api import examples
        return examples()
    except ImportError:
        from deepfake_kg.platform_examples import EXAMPLES
        return EXAMPLES


def duties(kg) -> dict:
    from deepfake_kg.duties import duties_for
    from deepfake_kg.errors import KGError

    # A duty's description is the same whichever platform has it: stored once, under "duties".
    platforms, described = {}, {}
    for name, types in _platforms(kg):
        try:
            rows = [_duty(row) for row in duties_for(types, kg, as_of=AS_OF)]
        except KGError as error:
            platforms[name] = {"error": str(error)}
            continue
        platforms[name] = [{k: row.pop(k) for k in ("duty", "attached_via", "inferred")} for row in rows]
        for entry, row in zip(platforms[name], rows):
            if described.setdefault(entry["duty"], row) != row:
                platforms[name] = {"differs": entry["duty"], "row": row}
    return {"platforms": platforms, "duties": described}


def explanations(kg) -> dict:
    from deepfake_kg.duties import duties_for
    from deepfake_kg.explanations import explain

    answers = {}
    for types in EXPLAINED:
        for row in duties_for(types, kg, as_of=AS_OF):
            result = _plain(explain(row.duty, types, kg, as_of=AS_OF))
            # Each step's English statement: its sentence (template and values, for other languages) is how it is said.
            steps = [{"rule": s["rule"], "statement": s["statement"]} for s in result["steps"]]
            answers[f"{row.duty} for {' + '.join(types)}"] = {"steps": steps, "passages": result["passages"]}
    return answers


# How a conclusion is said in other languages (its class, its facts named, its sentence): the English is pinned.
_SAID = ("iri", "fact_names", "sentence")
_NO_LINK = {"basis": {"iri": "", "label": ""}, "passage": {"iri": "", "section": "", "quote": ""}}


def assessments(kg) -> dict:
    from deepfake_kg.assess import assess, load_library

    answers = {}
    for scenario in load_library(kg=kg):
        result = assess(scenario, kg, as_of=AS_OF)
        answers[scenario.id] = {**_plain(result), "differs": result.differs}
        for framework in ("today", "proposed"):
            for conclusion in answers[scenario.id][framework]:
                for key, empty in _NO_LINK.items():  # a conclusion without basis or passage: None, once ""
                    conclusion[key] = conclusion[key] or empty
                for key in _SAID:
                    conclusion.pop(key, None)
            for verdict in answers[scenario.id]["verdicts"].values():
                verdict.pop("sentence", None)
    return answers


def comparison(kg) -> dict:
    from deepfake_kg.compare import duty_matrix
    from deepfake_kg.namespaces import expand

    platforms = [[expand(t) for t in types] for types in COMBINATIONS]
    return _plain(duty_matrix(platforms, kg, as_of=AS_OF))


def queries(kg) -> dict:
    """Every named query's answer; rows sorted (ties under ORDER BY may come in any order), blank nodes as _:b."""
    from deepfake_kg.named_queries import load_named_queries
    from deepfake_kg.query import run_local

    answers = {}
    for named in load_named_queries():
        result = run_local(named.text, kg.dataset)
        # GROUP_CONCAT joins in no defined order (SPARQL 1.1, 18.5.1.7): compare its parts as a sorted list.
        for separator, variable in _GROUP_CONCAT.findall(named.text):
            for row in result.bindings:
                if variable in row:
                    row[variable]["value"] = separator.join(sorted(row[variable]["value"].split(separator)))
        if result.form == "ASK":
            answers[named.name] = result.boolean
        elif result.form in ("CONSTRUCT", "DESCRIBE"):
            answers[named.name] = sorted(line for line in result.triples.splitlines() if "_:" not in line)
        else:
            rows = [{v: ("_:b" if b["type"] == "bnode" else b) for v, b in sorted(row.items())} for row in result.bindings]
            answers[named.name] = {"variables": result.variables,
                                   "rows": sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, ensure_ascii=False))}
    return answers


_GROUP_CONCAT = re.compile(r'GROUP_CONCAT\s*\((?:[^()"]|"[^"]*")*?separator\s*=\s*"([^"]*)"\s*\)\s+AS\s+\?(\w+)', re.I)
KINDS = {"duties": duties, "explain": explanations, "assess": assessments, "compare": comparison, "queries": queries}


def current(kg) -> dict[str, str]:
    """File name → the JSON text the code and data give now."""
    return {f"{kind}.json": json.dumps(collect(kg), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
            for kind, collect in KINDS.items()}


def main() -> int:
    from deepfake_kg.build import get_kg

    SNAPSHOTS.mkdir(exist_ok=True)
    for name, text in current(get_kg()).items():
        path = SNAPSHOTS / name
        changed = not path.exists() or path.read_text(encoding="utf-8") != text
        path.write_text(text, encoding="utf-8")
        print(f"{'rewrote' if changed else 'unchanged'}  {path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
