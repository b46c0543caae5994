"""docs/api.md, generated from deepfake_kg.api itself: each public function's signature and docstring, each
answer type's fields. The reference cannot drift from the code.

    .venv/bin/python tests/api_reference.py      # rewrite docs/api.md after changing the API

tests/test_api.py fails while docs/api.md differs from what this writes.
"""
from __future__ import annotations

import dataclasses
import inspect
import sys
from pathlib import Path

DOC = Path(__file__).resolve().parent.parent / "docs" / "api.md"

HEADER = """# Python API: `deepfake_kg.api`

Generated from the module by `tests/api_reference.py`; do not edit by hand. The command line and the app ask
these functions and nothing else; every answer is a typed value (a dataclass) that serialises with
`dataclasses.asdict` or the type's `to_dict()`. Every function takes an optional keyword `kg=` (the graph of
`load_graph()`); errors a user can act on are `KGError`s carrying one sentence.

```python
from deepfake_kg import api

rows = api.duties_for(["video-sharing platform", "large"], status="in force")
print(rows[0].id, rows[0].label, [j.label for j in rows[0].jurisdictions], rows[0].passage.section)
why = api.explain(rows[0].id, ["video-sharing platform", "large"])
```
"""


def reference() -> str:
    from deepfake_kg import api

    functions, types = [], []
    for name in api.__all__:
        value = getattr(api, name)
        if inspect.isfunction(value) and value.__module__.startswith(api.__name__):
            doc = inspect.getdoc(value) or ""
            functions.append(f"### `{name}{inspect.signature(value)}`\n\n{doc}\n".replace("\n\n\n", "\n\n"))
        elif dataclasses.is_dataclass(value) and isinstance(value, type):
            fields = ", ".join(f"`{f.name}`" for f in dataclasses.fields(value))
            doc = (inspect.getdoc(value) or "").split("\n\n")[0]
            summary = " ".join(doc.split()) if not doc.startswith(value.__name__ + "(") else ""
            types.append(f"- **`{name}`** ({fields}){': ' + summary if summary else ''}")
    return "\n".join([HEADER, "## Functions\n", *functions, "## Answer types\n", *types, ""])


def main() -> int:
    DOC.write_text(reference(), encoding="utf-8")
    print(f"wrote {DOC}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
