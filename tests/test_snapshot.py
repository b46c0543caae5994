"""Every answer (duties, explain, assess, compare, named queries) equals the one pinned in tests/snapshots/.

A refactoring must not change an answer. A change of data or rules that changes answers ON PURPOSE
regenerates the files with `.venv/bin/python tests/snapshot.py` in the same commit (see tests/snapshot.py).
"""
import json

import pytest

from snapshot import KINDS, SNAPSHOTS, current


@pytest.fixture(scope="module")
def answers(kg):
    return current(kg)


@pytest.mark.parametrize("kind", KINDS)
def test_answers_equal_the_snapshot(answers, kind):
    name = f"{kind}.json"
    pinned = json.loads((SNAPSHOTS / name).read_text(encoding="utf-8"))
    now = json.loads(answers[name])
    if now != pinned:
        changed = sorted(k for k in set(now) | set(pinned) if now.get(k) != pinned.get(k)) if isinstance(now, dict) else []
        pytest.fail(f"{name}: answers differ from the snapshot for {changed[:10]}. If you changed them on purpose, "
                    f"run `.venv/bin/python tests/snapshot.py` and commit tests/snapshots/ with your change.")
