"""The wheel carries the graph: built, installed into a fresh virtual environment outside the repository, it answers
from the command line, the Python API and the app, and keeps its build cache out of the installed package.

Slow (a fresh environment with every dependency, from pip's cache): the default fast run skips it, CI runs it."""
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from deepfake_kg import __version__
from deepfake_kg.duties import duties_for
from deepfake_kg.paths import PAPER_NAME
from deepfake_kg.named_queries import named_query
from deepfake_kg.query import run_local
from deepfake_kg.server import free_port
from test_process import answers, port_is_free, wait_until

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    # hatchling comes with the test extras: no isolated build environment to download
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(out), str(REPO)],
                   check=True, capture_output=True, timeout=300)
    return next(out.glob("deepfake_kg-*.whl"))


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Path:
    """A fresh virtual environment with the wheel and its dependencies (from pip's cache where it can)."""
    home = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", str(home)], check=True, timeout=300)
    done = subprocess.run([str(home / "bin" / "python"), "-m", "pip", "install", "-q", "--no-compile",
                           "--disable-pip-version-check", str(wheel)],
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    return home


@pytest.fixture(scope="module")
def outside(tmp_path_factory) -> dict:
    """A working folder and environment far from the repository: no project variables, a cache of its own."""
    where = tmp_path_factory.mktemp("user")
    env = {k: v for k, v in os.environ.items() if not k.startswith("DEEPFAKE_KG_") and k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["XDG_CACHE_HOME"] = str(where / "cache")
    return {"cwd": where, "env": env}


def run(venv, outside, *args, **kw):
    return subprocess.run([str(venv / "bin" / "deepfake-kg"), *args], cwd=outside["cwd"], env=outside["env"],
                          capture_output=True, text=True, timeout=600, **kw)


def test_the_wheel_lists_the_turtle_and_query_files(wheel):
    listing = subprocess.run(["unzip", "-l", str(wheel)], capture_output=True, text=True, check=True).stdout \
        if shutil.which("unzip") else "\n".join(zipfile.ZipFile(wheel).namelist())
    for folder, suffix in (("ontology", ".ttl"), ("data", ".ttl"), ("queries", ".rq"), ("scenarios", ".yaml")):
        shipped = {Path(n).name for n in zipfile.ZipFile(wheel).namelist() if n.startswith(f"deepfake_kg/bundled/{folder}/")}
        expected = {p.name for p in (REPO / folder).glob(f"*{suffix}")}
        assert expected and expected <= shipped, (folder, sorted(expected - shipped))
        assert f"deepfake_kg/bundled/{folder}/" in listing
    assert "deepfake_kg/bundled/ui/app.py" in listing and "deepfake_kg/bundled/data/passage-selectors.ttl" in listing
    assert "__pycache__" not in listing and PAPER_NAME not in listing  # the paper is a third party's: never shipped


def test_duties_and_a_named_query_from_the_installed_command(venv, outside, kg):
    # the installed package answers exactly what the checkout answers: it carries the same graph
    done = run(venv, outside, "duties", "video-sharing platform", "--format", "json")
    assert done.returncode == 0, done.stderr
    installed = {row["duty"] for row in json.loads(done.stdout)}
    assert installed and installed == {row.duty for row in duties_for(["video-sharing platform"], kg)}
    done = run(venv, outside, "query", "duties-in-force-legal-basis", "--format", "json")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)["results"]["bindings"]
    here = run_local(named_query("duties-in-force-legal-basis").text, kg.dataset).rows()
    assert rows and len(rows) == len(here)
    assert {r["duty"]["value"] for r in rows} == {r["duty"] for r in here}
    assert "Cybersecurity Law" in run(venv, outside, "query", "duties-in-force-legal-basis").stdout
    # the build went to the per-user cache, never into the installed package
    caches = list((outside["cwd"] / "cache" / "deepfake-kg").glob("*/manifest.json"))
    assert len(caches) == 1
    site = next((venv / "lib").glob("python3*/site-packages/deepfake_kg"))
    assert not [p for p in site.rglob("*") if p.suffix in (".nq", ".json") or p.name == "build"]


def test_the_python_api_of_the_installed_package(venv, outside):
    code = (
        "from deepfake_kg.api import load_graph, duties_for, query\n"
        "import deepfake_kg, json\n"
        "kg = load_graph()\n"
        "rows = duties_for(['video-sharing platform'])\n"
        "result = query('SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/deepfake-kg/ontology#Duty> }')\n"
        "print(json.dumps({'where': deepfake_kg.__file__, 'asserted': len(kg.asserted), 'duties': len(rows),"
        " 'count': int(result.rows()[0]['n'])}))\n")
    done = subprocess.run([str(venv / "bin" / "python"), "-c", code], cwd=outside["cwd"], env=outside["env"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert str(venv) in answer["where"] and str(REPO) not in answer["where"]
    assert answer["asserted"] > 1000 and answer["duties"] >= 3 and answer["count"] >= answer["duties"]


def test_version_validate_and_a_missing_source_folder(venv, outside, tmp_path):
    assert run(venv, outside, "--version").stdout.strip() == f"deepfake-kg {__version__}"
    done = run(venv, outside, "validate")  # an installed package has no ../shared: quotations are not checked
    assert done.returncode == 0, done.stdout + done.stderr
    assert "quotations not checked" in done.stdout
    empty = dict(outside["env"], DEEPFAKE_KG_ROOT=str(tmp_path))
    done = subprocess.run([str(venv / "bin" / "deepfake-kg"), "types"], cwd=outside["cwd"], env=empty,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "No Turtle files in" in done.stderr


def test_the_installed_app_answers_its_health_check_and_stops(venv, outside):
    port = free_port()
    app = subprocess.Popen([str(venv / "bin" / "deepfake-kg"), "app", "--port", str(port)], cwd=outside["cwd"],
                           env=outside["env"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        wait_until(lambda: answers(f"http://127.0.0.1:{port}/_stcore/health"), 120, app)
        assert answers(f"http://127.0.0.1:{port}/")
        os.kill(app.pid, signal.SIGTERM)
        app.wait(10)
        deadline = time.monotonic() + 5
        while not port_is_free(port):
            assert time.monotonic() < deadline
            time.sleep(0.1)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
