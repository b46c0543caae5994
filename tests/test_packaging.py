"""Packaging hygiene and where things are: one version, an SPDX licence, a build cache per user and per source folder."""
import os
import subprocess
import sys
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest

import deepfake_kg
from deepfake_kg.errors import KGError
from deepfake_kg.paths import source_files

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.slow  # a child process
def test_the_version_is_written_in_one_place_and_printed_by_the_command():
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    assert "version" not in project and "version" in project["dynamic"]
    assert version("deepfake-kg") == deepfake_kg.__version__
    done = subprocess.run([sys.executable, "-m", "deepfake_kg", "--version"], capture_output=True, text=True)
    assert done.stdout.strip() == f"deepfake-kg {deepfake_kg.__version__}"


def test_the_licence_is_an_spdx_expression():
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    assert project["license"] == "MIT AND CC-BY-4.0" and project["license-files"] == ["LICENSE"]


def _where(env: dict) -> list[str]:
    code = "from deepfake_kg import paths; print(paths.ROOT); print(paths.BUILD_DIR)"
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DEEPFAKE_KG_")}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={**clean, **env}, check=True)
    return done.stdout.splitlines()


@pytest.mark.slow  # a child process
def test_each_source_folder_has_its_own_build_cache_in_the_users_cache_folder(tmp_path):
    cache = tmp_path / "cache"
    root, here = _where({"XDG_CACHE_HOME": str(cache)})
    other_root, there = _where({"XDG_CACHE_HOME": str(cache), "DEEPFAKE_KG_ROOT": str(tmp_path / "another-checkout")})
    assert Path(root) == REPO and Path(here).parent == Path(there).parent == cache / "deepfake-kg"
    assert here != there  # two checkouts on one machine never overwrite each other's build
    assert _where({"XDG_CACHE_HOME": str(cache)})[1] == here  # and a checkout keeps its own
    assert _where({"DEEPFAKE_KG_BUILD": str(tmp_path / "mine")})[1] == str(tmp_path / "mine")


@pytest.mark.slow  # a child process
@pytest.mark.parametrize("make", ["missing", "empty"])
def test_a_missing_or_empty_source_folder_is_a_one_sentence_error(tmp_path, make):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "x.ttl").write_text("")
    if make == "empty":
        (tmp_path / "ontology").mkdir()
    with pytest.raises(KGError, match=r"^No Turtle files in .*ontology: the graph's sources are missing"):
        source_files(tmp_path / "ontology", tmp_path / "data")
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DEEPFAKE_KG_")}
    done = subprocess.run([sys.executable, "-m", "deepfake_kg", "types"], capture_output=True, text=True,
                          env={**clean, "DEEPFAKE_KG_ROOT": str(tmp_path), "DEEPFAKE_KG_BUILD": str(tmp_path / "b")})
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "No Turtle files in" in done.stderr
