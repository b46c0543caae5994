"""Small modules named for what they do (STYLE.md): no module of the package or the app over 300 lines, no
function over 60. A module that grows past that is usually two modules; split it by what it does."""
import ast
from pathlib import Path

from deepfake_kg.paths import ROOT

MAX_MODULE_LINES = 300
MAX_FUNCTION_LINES = 60
# Modules being changed by another issue this session, each with the ceiling it may not pass until it is split.
ALLOWED: dict[str, int] = {}


def _sources() -> list[Path]:
    return sorted(p for folder in ("deepfake_kg", "ui") for p in (ROOT / folder).rglob("*.py"))


def _name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def test_no_module_is_over_the_limit():
    found = {_name(p): len(p.read_text(encoding="utf-8").splitlines()) for p in _sources()}
    assert len(found) > 50  # the walk found the package and the app
    over = {name: n for name, n in found.items() if n > ALLOWED.get(name, MAX_MODULE_LINES)}
    assert over == {}, f"split these modules by what they do: {over}"


def test_no_function_is_over_the_limit():
    over = {}
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - min([d.lineno for d in node.decorator_list] + [node.lineno]) + 1
                if length > MAX_FUNCTION_LINES:
                    over[f"{_name(path)}:{node.name}"] = length
    assert over == {}, f"split these functions: {over}"


def test_the_allowances_are_still_needed():
    """An allowance ends when its module is split: then the plain limit applies again."""
    for name in ALLOWED:
        path = ROOT / name
        assert path.is_file() and len(path.read_text(encoding="utf-8").splitlines()) > MAX_MODULE_LINES, \
            f"{name} is within {MAX_MODULE_LINES} lines now: remove it from ALLOWED"
