"""`validate`: the real data passes; broken copies fail with a message that names the resource."""
from conftest import files_of
from deepfake_kg.build import build
from deepfake_kg.validate import validate


def test_the_project_data_is_valid(kg):
    report = validate(kg)
    assert report.ok, "\n".join(map(str, report.problems))
    assert report.quotations >= 80


def _broken(project_copy, tmp_path, old, new):
    duties = project_copy / "data" / "duties.ttl"
    text = duties.read_text()
    assert old in text
    duties.write_text(text.replace(old, new, 1))
    return validate(build(tmp_path / "b", files_of(project_copy)))


def test_shacl_catches_a_duty_without_status(project_copy, tmp_path):
    report = _broken(project_copy, tmp_path, "dfk:normativeStatus dfk:LexLata ;", "")
    shacl = [p for p in report.problems if p.check == "shacl"]
    assert any("exactly one normative status" in p.message and "duty/" in p.resource for p in shacl)


def test_a_misquoted_passage_is_found(project_copy, tmp_path):
    report = _broken(project_copy, tmp_path, 'oa:exact "', 'oa:exact "NOT IN THE PAPER ')
    assert any(p.check == "quotes" and "passage/" in p.resource for p in report.problems)


def test_a_dangling_link_is_named(project_copy, tmp_path):
    report = _broken(project_copy, tmp_path, "dfk:legalBasis <provision/", "dfk:legalBasis <provision/typo-")
    assert any(p.check == "dangling-link" and "typo-" in p.message for p in report.problems)


def test_the_cli_exits_nonzero_on_a_broken_copy(project_copy, tmp_path, monkeypatch):
    import subprocess, sys, os

    duties = project_copy / "data" / "duties.ttl"
    duties.write_text(duties.read_text().replace("dfk:normativeStatus dfk:LexLata ;", "", 1))
    env = dict(os.environ, DEEPFAKE_KG_ROOT=str(project_copy), DEEPFAKE_KG_BUILD=str(tmp_path / "b"))
    done = subprocess.run([sys.executable, "-m", "deepfake_kg", "validate"], capture_output=True, text=True, env=env)
    assert done.returncode == 1
    assert "exactly one normative status" in done.stdout
