"""Full-text search: a trigram FTS5 index built once per graph build, English and Chinese, facets."""
from deepfake_kg.search import MATCH_END, MATCH_START, index_path, search

STOP = "https://w3id.org/deepfake-kg/id/duty/csl-47-stop-transmission"
ART_47 = "https://w3id.org/deepfake-kg/id/provision/cn-cybersecurity-law/2016/art-47"


def test_names_texts_and_quotes_in_english_and_chinese(kg, tmp_path):
    found = search(kg, "立即停止", build_dir=tmp_path)
    assert STOP in [h.iri for h in found.hits]
    snippet = next(h for h in found.hits if h.iri == STOP).snippets[0]
    assert f"{MATCH_START}立即停止{MATCH_END}" in snippet.text and snippet.kind == "label"
    kinds = {s.kind for h in search(kg, "network operators shall", build_dir=tmp_path).hits for s in h.snippets}
    assert "text" in kinds  # the provision's unofficial translation
    assert search(kg, "no such words anywhere", build_dir=tmp_path).hits == []


def test_a_snippet_gives_the_words_around_the_match_and_cuts_none_in_half(kg, tmp_path):
    quotes = [s.text for h in search(kg, "knowledge", build_dir=tmp_path).hits for s in h.snippets if s.kind == "quote"]
    assert quotes
    for text in quotes:
        before, rest = text.split(MATCH_START, 1)
        match, after = rest.split(MATCH_END, 1)
        assert match.lower() == "knowledge"
        assert len(before.lstrip("…")) >= 20 or not before.startswith("…")  # context, unless the text starts there
        assert len(after.rstrip("…")) >= 20 or not after.endswith("…")
    words = {w.strip("…,.“”\"()") for t in quotes for w in t.replace(MATCH_START, " ").replace(MATCH_END, " ").split()}
    plain = " ".join(str(o) for o in kg.closure.objects() if "knowledge" in str(o).lower())
    assert all(w in plain for w in words if w)  # every word of a snippet is a whole word of the text


def test_short_queries_are_answered_without_the_trigram_index(kg, tmp_path):
    hits = search(kg, "网", build_dir=tmp_path).hits
    assert hits and all(MATCH_START + "网" + MATCH_END in s.text for h in hits for s in h.snippets)


def test_facets_count_the_hits_and_filter_them(kg, tmp_path):
    found = search(kg, "Article 47", build_dir=tmp_path)
    assert dict(found.facets["status"]).get("in force")
    kept = search(kg, "Article 47", {"status": {"in force"}}, build_dir=tmp_path)
    assert STOP in [h.iri for h in kept.hits] and ART_47 not in [h.iri for h in kept.hits]
    assert kept.total == dict(found.facets["status"])["in force"]


def test_the_index_is_built_once_per_build(kg, tmp_path):
    search(kg, "deepfake", build_dir=tmp_path)
    path = index_path(kg, tmp_path)
    built = path.stat().st_mtime_ns
    search(kg, "platform", build_dir=tmp_path)
    assert path.stat().st_mtime_ns == built and [p.name for p in tmp_path.glob("search-*.sqlite")] == [path.name]


def test_the_hits_export_as_csv_and_json_with_the_match_marked(kg, tmp_path):
    import csv
    import io
    import json

    found = search(kg, "立即停止", build_dir=tmp_path)
    rows = list(csv.DictReader(io.StringIO(found.to_csv())))
    assert {r["iri"] for r in rows} == {h.iri for h in found.hits}
    assert all("[[立即停止]]" in r["snippet"] and MATCH_START not in r["snippet"] for r in rows)
    data = json.loads(found.to_json())
    assert data["query"] == "立即停止" and data["total"] == found.total
    assert all("[[立即停止]]" in s["text"] for h in data["hits"] for s in h["snippets"])
