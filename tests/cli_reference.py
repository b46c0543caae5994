"""docs/cli.md, generated from the command line's own --help, so the reference cannot drift from the code.

    .venv/bin/python tests/cli_reference.py      # rewrite docs/cli.md after changing a command or an option

tests/test_cli_reference.py fails while docs/cli.md differs from what this writes.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

DOC = Path(__file__).resolve().parent.parent / "docs" / "cli.md"
WIDTH = "100"  # argparse wraps help to the terminal: fix it, so the text does not depend on who runs this

HEADER = """# Command-line reference

Generated from `deepfake-kg --help` by `tests/cli_reference.py`; do not edit by hand
(`.venv/bin/python tests/cli_reference.py` rewrites it, `tests/test_cli_reference.py` checks it).
The README's tour shows the commands at work; every command is a thin layer over `deepfake_kg.api`.
"""


def reference() -> str:
    previous = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = WIDTH
    try:
        from deepfake_kg.cli import _parser

        parser = _parser()
        parts = [HEADER, "## `deepfake-kg`\n", _block(parser.format_help())]
        commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        for name, sub in commands.choices.items():
            parts += [f"## `deepfake-kg {name}`\n", _block(sub.format_help())]
        return "\n".join(parts)
    finally:
        if previous is None:
            os.environ.pop("COLUMNS", None)
        else:
            os.environ["COLUMNS"] = previous


def _block(text: str) -> str:
    return "```text\n" + text.rstrip() + "\n```\n"


def main() -> int:
    DOC.write_text(reference(), encoding="utf-8")
    print(f"wrote {DOC}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
