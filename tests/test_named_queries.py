"""Named queries: the header comment of each .rq file gives its title and question."""
import pytest
import re

from deepfake_kg.named_queries import load_named_queries, named_query, parse_named_query
from deepfake_kg.paths import QUERIES_DIR
from deepfake_kg.sparql_guard import check_query


def test_header_gives_title_question_and_note_with_wrapped_lines():
    text = ("# title: Duties by platform type\n"
            "# question: Which duties attach to each type,\n"
            "#   and are they in force?\n"
            "# note: runs on the inferred graph.\n"
            "SELECT * WHERE { ?s ?p ?o }\n")
    query = parse_named_query("duties", text)
    assert query.title == "Duties by platform type"
    assert query.question == "Which duties attach to each type, and are they in force?"
    assert query.note == "runs on the inferred graph."
    assert query.text == text


def test_a_file_without_header_is_named_after_its_file():
    query = parse_named_query("offence-elements", "SELECT * WHERE { ?s ?p ?o }")
    assert query.title == "Offence elements" and query.question == ""


def test_a_comment_after_the_query_starts_is_not_header():
    query = parse_named_query("q", "# title: T\nSELECT * WHERE {\n# question: not a header\n?s ?p ?o }")
    assert query.question == ""


def test_every_named_query_of_the_project_has_a_title_and_a_question_and_parses():
    queries = load_named_queries()
    assert queries, "queries/ holds the competency questions"
    assert [q.title.lower() for q in queries] == sorted(q.title.lower() for q in queries)
    for query in queries:
        assert query.title and query.question, query.name
        check_query(query.text)


def test_named_query_reads_only_files_of_the_queries_folder(tmp_path):
    (tmp_path / "a.rq").write_text("# title: A\n# question: Q?\nASK {}\n")
    (tmp_path / "secret.txt").write_text("no")
    assert named_query("a", tmp_path).title == "A"
    assert named_query("a.rq", tmp_path).title == "A"
    for name in ("../a", "/etc/passwd", "secret.txt", "", "missing"):
        assert named_query(name, tmp_path) is None
    assert named_query(next(iter(QUERIES_DIR.glob("*.rq"))).stem) is not None


def test_a_dated_query_takes_its_day_as_a_typed_literal_and_nothing_else():
    from deepfake_kg.errors import KGError
    from deepfake_kg.named_queries import day_of, on_date, takes_date

    text = named_query("duties-on-date").text
    assert takes_date(text) and day_of(text) is not None
    dated = on_date(text, "2023-01-10")
    assert 'VALUES ?asOf { "2023-01-10"^^xsd:date }' in dated and day_of(dated).isoformat() == "2023-01-10"
    assert dated.replace("2023-01-10", "X") == on_date(text, "2020-02-02").replace("2020-02-02", "X")  # one line changes
    check_query(dated)
    for hostile in ('2023-01-10" } } DELETE WHERE { ?s ?p ?o } #', "2023-02-30", "today } OPTIONAL {"):
        with pytest.raises(KGError):
            on_date(text, hostile)
    with pytest.raises(KGError):
        on_date("SELECT * WHERE { ?s ?p ?o }", "2023-01-10")
    # without the xsd prefix the literal carries the full datatype IRI, so the query still parses
    bare = "SELECT ?asOf WHERE { VALUES ?asOf { \"2020-01-01\"^^<http://www.w3.org/2001/XMLSchema#date> } }"
    assert '"2021-05-06"^^<http://www.w3.org/2001/XMLSchema#date>' in on_date(bare, "2021-05-06")
    assert day_of(on_date(bare, "2021-05-06")).isoformat() == "2021-05-06"
    assert day_of('SELECT * { VALUES ?asOf { "soon" } }') is None
def test_every_named_query_is_described_in_chinese_too():
    """The SPARQL page in Chinese names each query, asks its question and gives its note in Chinese."""
    for query in load_named_queries():
        assert re.search(r"[\u4e00-\u9fff]", query.title_zh + query.question_zh), query.name
        assert bool(query.note_zh) == bool(query.note), query.name
        assert query.said("zh") == (query.title_zh, query.question_zh, query.note_zh)
        assert query.said("en") == (query.title, query.question, query.note)
    parsed = parse_named_query("x", "# title: T\n# title@zh: 标题\n# question: Q\n#  that wraps\nSELECT * {}")
    assert (parsed.title, parsed.title_zh, parsed.question) == ("T", "标题", "Q that wraps")
