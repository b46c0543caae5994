"""deepfake_kg.api is the one way in: typed answers, and the layering that keeps it the only door."""
import ast
import dataclasses
import json
from pathlib import Path

import pytest

from deepfake_kg import api
from deepfake_kg.paths import ROOT

PACKAGE = ROOT / "deepfake_kg"


def _imports(path: Path) -> set[str]:
    """Every module a Python file imports, relative imports made absolute within deepfake_kg."""
    found = set()
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parent + ([base] if base else []))
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names}
    return found


CLI = ("cli.py", "cli_answers.py", "cli_operations.py")


def test_the_core_never_imports_the_app_or_the_cli():
    for path in PACKAGE.rglob("*.py"):
        if path.name in CLI + ("__main__.py",):
            continue
        imported = _imports(path)
        assert not {m for m in imported if m in ("ui", "dfkui", "streamlit") or m.startswith(("ui.", "dfkui.", "streamlit."))}, path
        assert "deepfake_kg.cli" not in imported, path


def test_the_cli_asks_only_the_api():
    allowed = {"deepfake_kg", "deepfake_kg.api", "deepfake_kg.render", "deepfake_kg.errors"}
    # Process handling of `serve` (also --public) and `app` (starting Oxigraph / Streamlit) is the CLI's own job, and so is
    # `passages --write`, a maintainer's command that rewrites a file of data/.
    process = {"deepfake_kg.server", "deepfake_kg.public_limits", "deepfake_kg.public_server", "deepfake_kg.paths", "deepfake_kg.build",
               "deepfake_kg.paper", "deepfake_kg.passages"}
    def is_module(name: str) -> bool:
        rest = name.removeprefix("deepfake_kg.")
        return name.count(".") == 1 and ((PACKAGE / f"{rest}.py").is_file() or (PACKAGE / rest).is_dir())

    own = {f"deepfake_kg.{name.removesuffix('.py')}" for name in CLI}
    modules = {m for name in CLI for m in _imports(PACKAGE / name) if m.startswith("deepfake_kg.") and is_module(m)}
    assert "deepfake_kg.api" in modules
    assert {m for m in modules if m not in allowed | process | own} == set()


def test_the_app_imports_only_the_api():
    offending = {}
    for path in (ROOT / "ui").rglob("*.py"):
        internal = {m for m in _imports(path) if m.startswith("deepfake_kg")}
        extra = {m for m in internal if m not in ("deepfake_kg", "deepfake_kg.api") and not m.startswith("deepfake_kg.api.")}
        if extra:
            offending[str(path.relative_to(ROOT))] = sorted(extra)
    assert offending == {}


def test_the_app_hard_codes_no_platform_dimension(kg):
    """The dimensions come from the ontology (api.dimensions, api.dimension_choices): a fourth one must appear in
    the app without code, so no page names one itself."""
    names = {d.label.lower() for d in api.dimensions(kg=kg)}
    found = {}
    for path in (ROOT / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.strip().lower() in names:
                found.setdefault(str(path.relative_to(ROOT)), []).append(node.value)
    assert found == {}


def test_every_public_name_exists():
    assert not [name for name in api.__all__ if not hasattr(api, name)]


def test_duty_rows_are_typed_not_dicts_or_joined_strings(kg):
    rows = api.duties_for(["video-sharing platform", "large"], kg=kg)
    assert rows
    for row in rows:
        assert all(isinstance(x, api.Link) for x in row.jurisdictions + row.proposals + row.attached_via)
        assert all(isinstance(s, api.Sanction) and s.iri and s.label for s in row.sanctions)
        assert all(isinstance(b.provision, api.Link) for b in row.legal_basis)
        assert all(isinstance(p, api.Passage) and p.quote for p in row.passages)
        assert row.passage == (row.passages[0] if row.passages else None)
    # The whole row serialises as JSON with no custom encoder.
    json.dumps([r.to_dict() for r in rows])


def test_as_of_reaches_every_dated_answer(kg):
    before = {r.duty for r in api.duties_for(["face-swap application"], as_of="2020-01-01", kg=kg)}
    after = {r.duty for r in api.duties_for(["face-swap application"], as_of="2024-01-01", kg=kg)}
    assert before < after  # the Deep Synthesis Provisions apply from 2023-01-10
    row = next(r for r in api.duties_for(["face-swap application"], as_of="2024-01-01", kg=kg) if r.duty not in before)
    assert api.explain(row.id, ["face-swap application"], as_of="2024-01-01", kg=kg).as_of == "2024-01-01"
    matrix = api.compare([["face-swap application"]], as_of="2020-01-01", kg=kg)
    assert {r.duty for r in matrix.rows} == before


def test_assessment_conclusions_and_verdicts_are_typed(kg):
    result = api.assess("ai-face-swap-fraud", as_of="2026-11-30", kg=kg)
    assert result.today
    for c in result.today + result.proposed:
        assert isinstance(c, api.Conclusion) and isinstance(c.basis, api.Link) and isinstance(c.passage, api.Passage)
    assert set(result.verdicts) == {"today", "proposed"}
    for v in result.verdicts.values():
        assert isinstance(v, api.Verdict) and isinstance(v.basis, api.Link) and isinstance(v.passage, api.Passage)
        assert v.elements and all(isinstance(e, api.Element) and isinstance(e.basis, api.Link) for e in v.elements)
        assert all(isinstance(c, api.Change) for c in v.changes)
    # A conclusion or element that names no basis has the empty Link, so the JSON keeps one shape.
    plain = json.loads(json.dumps(result.to_dict()))
    assert all(set(c["basis"]) == {"iri", "label"} and set(c["passage"]) == {"iri", "section", "quote"}
               for c in plain["today"] + plain["proposed"])


def test_explain_returns_links_steps_and_passages(kg):
    row = api.duties_for(["dfk:VideoSharingPlatform"], kg=kg)[0]
    why = api.explain(row.id, ["dfk:VideoSharingPlatform"], kg=kg)
    assert why.duty == api.Link(row.duty, row.label)
    assert why.platform_types[0].label == "video-sharing platform"
    assert why.steps and all(isinstance(s, api.Step) for s in why.steps)


def test_platform_types_come_with_their_dimensions_in_order(kg):
    dimensions = api.dimensions(kg=kg)
    assert [d.label for d in dimensions][:3] == ["function", "size tier", "risk rating"]
    assert [d.order for d in dimensions] == sorted(d.order for d in dimensions)
    order = [d.iri for d in dimensions]
    types = api.platform_types(kg=kg)
    assert [order.index(t.dimension) for t in types] == sorted(order.index(t.dimension) for t in types)
    assert api.platform_type("视频分享平台", kg=kg).label == "video-sharing platform"


def test_jurisdictions_are_links_with_labels(kg):
    found = api.jurisdictions(kg=kg)
    assert api.Link("https://w3id.org/deepfake-kg/id/jurisdiction/cn", "People's Republic of China") in found
    assert "中华人民共和国" in {j.label for j in api.jurisdictions("zh-Hans", kg=kg)}


def test_formats_declare_suffix_media_type_and_name():
    found = {f.name: f for f in api.formats()}
    assert found["ttl"].media_type == "text/turtle" and found["xml"].suffix == ".rdf"
    assert {f.name for f in api.formats() if f.dataset} == {"trig", "nq"}


def test_named_queries_and_an_unknown_name(kg):
    names = [q.name for q in api.named_queries()]
    assert api.named_query(names[0]).name == names[0]
    with pytest.raises(api.QueryError, match="No named query"):
        api.named_query("../pyproject")


def test_compare_accepts_labels_and_gives_one_column_each(kg):
    matrix = api.compare([["video-sharing platform"], ["dfk:VideoSharingPlatform", "large"]], kg=kg)
    assert [c.name for c in matrix.columns] == ["video-sharing platform", "video-sharing platform + large leading platform"]


def test_every_answer_type_is_a_dataclass():
    for name in ("DutyRow", "LegalBasis", "Sanction", "Explanation", "Step", "Assessment", "Conclusion", "Verdict",
                 "Element", "Change", "DutyMatrix", "Link",
                 "Passage", "PlatformType", "Dimension", "PlatformExample", "Format", "NamedQuery"):
        assert dataclasses.is_dataclass(getattr(api, name)), name


def test_the_api_reference_is_up_to_date():
    from api_reference import DOC, reference

    assert DOC.read_text(encoding="utf-8") == reference(), \
        "docs/api.md is stale: run `.venv/bin/python tests/api_reference.py` and commit docs/api.md"


def test_the_vocabulary_an_editor_completes_from(kg):
    found = api.vocabulary(kg=kg)
    assert found.prefixes["dfk"] == str(api.DFK)
    assert str(api.DFK.Duty) in found.classes and str(api.DFK.hasDuty) in found.properties
    assert str(api.DFK.hasDuty) not in found.classes and str(api.DFK.Duty) not in found.properties
    assert str(api.ID["instrument/cn-cybersecurity-law"]) in found.iris
    assert not any(p.startswith("ns") for p in found.prefixes)
