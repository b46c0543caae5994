"""docs/cli.md is the command line's --help, regenerated (tests/cli_reference.py), never hand-edited."""
from cli_reference import DOC, reference


def test_the_cli_reference_is_up_to_date():
    assert DOC.read_text(encoding="utf-8") == reference(), \
        "docs/cli.md is stale: run `.venv/bin/python tests/cli_reference.py` and commit docs/cli.md"


def test_the_reference_covers_every_command():
    text = reference()
    for command in ("build", "validate", "passages", "duties", "explain", "types", "examples", "queries", "query", "export", "assess",
                    "describe", "serve", "publish", "release", "app"):
        assert f"## `deepfake-kg {command}`" in text
