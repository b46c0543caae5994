"""`validate`: the real data passes; broken copies fail with a message that names the resource; without the paper
everything but the quotations is checked and the report says so; with it, quotations, sections and offsets are."""
import os
import subprocess
import sys

import pytest
from conftest import files_of
from deepfake_kg.build import build
from deepfake_kg.paper import NOT_CHECKED, read_paper
from deepfake_kg.passages import REGENERATE, editions
from deepfake_kg.validate import validate

pytestmark = pytest.mark.slow  # each test validates a changed copy of the graph


def test_the_project_data_is_valid_without_the_paper(kg):
    report = validate(kg)
    assert report.ok, "\n".join(map(str, report.problems))
    assert report.paper is None and report.quotations == 0
    assert report.paper_line() == NOT_CHECKED and "DEEPFAKE_KG_PAPER" in NOT_CHECKED and "--paper" in NOT_CHECKED


def test_the_project_data_is_valid_against_the_paper(kg, paper):
    report = validate(kg, paper)
    assert report.ok, "\n".join(map(str, report.problems))
    assert report.quotations >= 80
    recorded = {e.sha256 for e in editions(kg.asserted)}
    assert (report.edition is not None) == (paper.sha256 in recorded)
    assert paper.sha256[:16] in report.paper_line()


def _copy_with(project_copy, tmp_path, file, old, new, paper=None):
    path = project_copy / "data" / file
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    return validate(build(tmp_path / "b", files_of(project_copy)), paper)


def test_shacl_catches_a_duty_without_status(project_copy, tmp_path):
    report = _copy_with(project_copy, tmp_path, "duties.ttl", "dfk:normativeStatus dfk:LexLata ;", "")
    shacl = [p for p in report.problems if p.check == "shacl"]
    assert any("exactly one normative status" in p.message and "duty/" in p.resource for p in shacl)


def test_a_misquoted_passage_is_found(project_copy, tmp_path, paper):
    report = _copy_with(project_copy, tmp_path, "duties.ttl", 'oa:exact "', 'oa:exact "NOT IN THE PAPER ', paper)
    assert any(p.check == "quotes" and "passage/" in p.resource and "not found verbatim" in p.message for p in report.problems)


def test_a_passage_in_the_wrong_section_is_found(project_copy, tmp_path, paper):
    # csl-47 is quoted from section 2; claiming section 5 for it is an error
    report = _copy_with(project_copy, tmp_path, "duties.ttl", "dfk:inSection <paper/liu-platform-criminal-liability/section/2> ;",
                        "dfk:inSection <paper/liu-platform-criminal-liability/section/5> ;", paper)
    assert any(p.check == "quotes" and "not in section 5" in p.message for p in report.problems), report.problems


def test_an_offset_that_does_not_select_its_quotation_is_an_error(project_copy, tmp_path, paper, kg):
    if paper.sha256 not in {e.sha256 for e in editions(kg.asserted)}:
        import pytest
        pytest.skip("this copy of the paper is not the edition the offsets count in")
    report = _copy_with(project_copy, tmp_path, "passage-selectors.ttl", "oa:start ", "oa:start 1", paper)
    assert any(p.check == "quotes" and "oa:start 1" in p.message for p in report.problems), report.problems


def test_a_passage_added_after_generation_is_named_in_a_warning(project_copy, tmp_path):
    new = ('<passage/duties/added-later> a dfk:Passage ; oa:hasSource <paper/liu-platform-criminal-liability> ;\n'
           '    dfk:inSection <paper/liu-platform-criminal-liability/section/5> ;\n'
           '    oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact "5. Conclusion" ] .\n\n')
    report = _copy_with(project_copy, tmp_path, "duties.ttl", "\n# --- Criminal Law, Art. 286-1", "\n" + new + "# --- Criminal Law, Art. 286-1")
    assert report.ok, report.problems
    warned = [w for w in report.warnings if "added-later" in w.resource]
    assert len(warned) == 1 and "no position selector" in warned[0].message and REGENERATE in warned[0].message


def test_a_quotation_edited_after_generation_is_a_warning_not_a_failure(project_copy, tmp_path):
    report = _copy_with(project_copy, tmp_path, "duties.ttl", 'oa:exact "', 'oa:exact "EDITED ')
    assert report.ok, report.problems  # without the paper the edit itself is not checked
    assert any("changed after" in w.message and REGENERATE in w.message for w in report.warnings)


def test_two_handwritten_quotations_in_one_passage_are_an_error(project_copy, tmp_path):
    report = _copy_with(project_copy, tmp_path, "duties.ttl", 'oa:hasSelector [ a oa:TextQuoteSelector ;',
                        'oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact "a second quotation" ] , [ a oa:TextQuoteSelector ;')
    assert any(p.check == "passage-quotes" and "two different quotations" in p.message for p in report.problems)


def test_a_dangling_link_is_named(project_copy, tmp_path):
    report = _copy_with(project_copy, tmp_path, "duties.ttl", "dfk:legalBasis <provision/", "dfk:legalBasis <provision/typo-")
    assert any(p.check == "dangling-link" and "typo-" in p.message for p in report.problems)


def _cli(project_copy, tmp_path, *args, paper=None):
    env = {k: v for k, v in os.environ.items() if k != "DEEPFAKE_KG_PAPER"}
    env.update(DEEPFAKE_KG_ROOT=str(project_copy), DEEPFAKE_KG_BUILD=str(tmp_path / "b"))
    if paper:
        env["DEEPFAKE_KG_PAPER"] = str(paper)
    return subprocess.run([sys.executable, "-m", "deepfake_kg", "validate", *args], capture_output=True, text=True, env=env)


def test_the_cli_exits_nonzero_on_a_broken_copy_and_says_what_it_did_not_check(project_copy, tmp_path):
    duties = project_copy / "data" / "duties.ttl"
    duties.write_text(duties.read_text().replace("dfk:normativeStatus dfk:LexLata ;", "", 1))
    done = _cli(project_copy, tmp_path)  # a copy is no checkout: no ../shared fallback for the paper
    assert done.returncode == 1
    assert "exactly one normative status" in done.stdout
    assert NOT_CHECKED in done.stdout.splitlines() and "quotations not checked; 1 problems" in done.stdout


def test_the_cli_with_the_paper_names_its_edition(paper, kg):
    done = subprocess.run([sys.executable, "-m", "deepfake_kg", "validate", "--paper", str(paper.path)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout
    assert f"paper: {paper.path} (SHA-256 {paper.sha256[:16]}" in done.stdout
    if paper.sha256 in {e.sha256 for e in editions(kg.asserted)}:
        assert "is the edition recorded as id:paper/" in done.stdout and "offsets checked" in done.stdout


def test_another_edition_is_named_as_such_and_its_offsets_are_not_checked(kg, paper, tmp_path):
    other = tmp_path / "other-edition.txt"  # the same text and one more line: another edition
    other.write_bytes(paper.path.read_bytes() + b"\n")
    report = validate(kg, read_paper(other))
    assert report.ok, report.problems
    assert report.edition is None and "matches no edition recorded" in report.paper_line()


def test_a_paper_named_but_missing_is_a_one_sentence_error(tmp_path):
    done = subprocess.run([sys.executable, "-m", "deepfake_kg", "validate", "--paper", str(tmp_path / "nowhere.txt")],
                          capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stderr.strip() == f"deepfake-kg: --paper names {tmp_path / 'nowhere.txt'}, which is not a file."
