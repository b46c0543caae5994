"""The explorer, page by page, headless (streamlit.testing.v1.AppTest): select, click, read what is drawn."""
import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from streamlit.testing.v1 import AppTest

from deepfake_kg.duties import duties_for
from deepfake_kg.namespaces import DFK

APP = Path(__file__).resolve().parent.parent / "ui" / "app.py"
ROW = re.compile(r'<details class="dfk-duty (in-force|undated|proposed)" (.*?)</details>', re.S)


def open_page(page: str, **params) -> AppTest:
    """The app with `page` open, as if its URL (with `params` as query string) had been followed."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params = dict(params)
    at.run()  # the first run opens the default page, Duties
    if page != "duties":  # a page reads its URL parameters when it is entered
        at.switch_page(f"views/{page}.py")
        at.query_params = dict(params)
        at.run()
    return at


def drawn(at: AppTest) -> list:
    """The markdown elements a visitor reads: all but the page's style block."""
    return [m for m in at.markdown if not m.value.startswith("<style>")]


def ok(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    return at


def warnings(at: AppTest) -> list[str]:
    return [w.value for w in at.warning]


def html_with(at: AppTest, marker: str) -> str:
    """The first HTML drawn with `marker`, its links' query strings decoded (entity=id:duty/… for id%3Aduty%2F…)."""
    found = [unquote(m.value) for m in drawn(at) if marker in m.value]
    assert found, f"nothing drawn with {marker!r}"
    return found[0]


def duty_rows(at: AppTest) -> list[dict]:
    """The rows of the duty table as drawn: status class, the badge's status, the duty's IRI, the cells."""
    rows = []
    for status_class, body in ROW.findall(html_with(at, "dfk-duties")):
        rows.append({"class": status_class,
                     "status": re.search(r'data-status="([^"]+)"', body).group(1),
                     "duty": "https://w3id.org/deepfake-kg/id/" + re.search(r'entity=id:(duty/[^"&]+)', body).group(1),
                     "html": body})
    return rows


def choose(at: AppTest, function=(), size=(), risk=()) -> AppTest:
    at.button_group(key="duties_function").set_value(list(function))
    at.button_group(key="duties_size").set_value(size[0] if size else None)  # a single choice: the types are disjoint
    at.button_group(key="duties_risk").set_value(list(risk))
    return ok(at.run())


# ---------------------------------------------------------------- Duties by platform type


def test_the_app_opens_on_duties_with_examples_and_the_study_notice():
    at = ok(open_page("duties"))
    assert at.title[0].value == "Duties by platform type"
    labels = [b.label for b in at.button]
    assert "large video-sharing platform" in labels and "face-swap app run by a small company" in labels
    assert any("Choose at least one platform type" in i.value for i in at.info)
    assert any("not legal advice" in c.value for c in at.sidebar.caption)


def test_video_sharing_and_large_show_cybersecurity_law_in_force_and_large_platform_proposals(kg):
    at = choose(open_page("duties"), function=["VideoSharingPlatform"], size=["LargeLeadingPlatform"])
    rows = duty_rows(at)
    expected = duties_for([DFK.VideoSharingPlatform, DFK.LargeLeadingPlatform], kg)
    assert [r["duty"] for r in rows] == [d.duty for d in expected]  # the package's answer, drawn as it is
    csl = [r for r in rows if "provision/cn-cybersecurity-law/2016/art-47" in r["html"]]
    assert len(csl) >= 4 and all(r["status"] == "in force" and r["class"] == "in-force" for r in csl)
    large = [r for r in rows if 'entity=dfk:LargeLeadingPlatform&amp;' in r["html"]]
    assert large and all(r["status"] == "proposed" and r["class"] == "proposed" for r in large)
    assert "Allocate more content reviewers" in " ".join(r["html"] for r in large)
    assert at.query_params["types"] == "VideoSharingPlatform,LargeLeadingPlatform"


def explanation(row: dict) -> str:
    return row["html"].split('<div class="dfk-why">', 1)[1]


def test_each_duty_opens_in_place_to_its_explanation():
    at = choose(open_page("duties"), function=["VideoSharingPlatform"], size=["LargeLeadingPlatform"])
    rows = duty_rows(at)
    assert not at.expander  # no second list of the same duties under the table
    stop = next(r for r in rows if "Stop transmission of prohibited information" in r["html"].split("dfk-why")[0])
    assert stop["status"] == "in force"
    text = explanation(stop)
    assert "cls-hv1" in text and "network operator" in text and "Cybersecurity Law" in text
    assert "cax-sco" in text  # video-sharing platform ⊑ … ⊑ network operator
    assert "Official text" in text  # Art. 47 in Chinese, with its translation
    reviewers = next(r for r in rows if "Allocate more content reviewers" in r["html"])
    assert reviewers["status"] == "proposed"
    text = explanation(reviewers)
    assert "large leading platform" in text and "not law in force" in text and "section 4.2" in text


def test_a_proposed_duty_has_no_legal_basis_and_an_unrecorded_sanction_says_so():
    at = choose(open_page("duties"), function=["VideoSharingPlatform"], size=["LargeLeadingPlatform"])
    for row in duty_rows(at):
        summary = row["html"].split('<div class="dfk-why">')[0]
        basis = re.search(r'<div class="c c-basis">(.*?)</div>', summary, re.S).group(1)
        sanction = re.search(r'<div class="c c-sanction">(.*?)</div>', summary, re.S).group(1)
        assert "—" not in sanction and ("not recorded" in sanction or "entity=" in sanction)
        if row["status"] == "proposed":
            assert "proposed in" not in basis and "none: not law" in basis
            assert "proposed in" in summary  # beside the duty, where it belongs


def test_a_ready_example_fills_the_three_dimensions():
    at = open_page("duties")
    ok(at.button(key="example_small-face-swap").click().run())
    assert at.button_group(key="duties_function").value == ["FaceSwapService"]
    assert at.button_group(key="duties_size").value == "SmallMediumPlatform"
    assert at.query_params["types"] == "FaceSwapService,SmallMediumPlatform"
    rows = duty_rows(at)
    assert any("cn-deep-synthesis-provisions" in r["html"] and r["status"] == "in force" for r in rows)


def test_filters_by_status_and_jurisdiction():
    at = choose(open_page("duties"), function=["VideoSharingPlatform"], size=["LargeLeadingPlatform"])
    everything = duty_rows(at)
    at.radio(key="duties_status").set_value("proposed")
    rows = duty_rows(ok(at.run()))
    proposals = {"proposed", "proposed, since enacted"}  # a proposal made law since is still the author's proposal
    assert rows and {r["status"] for r in rows} == proposals
    assert len(rows) == sum(r["status"] in proposals for r in everything)
    assert at.query_params["status"] == "proposed"
    at.radio(key="duties_status").set_value("all")
    at.selectbox(key="duties_jurisdiction").set_value("cn")
    rows = duty_rows(ok(at.run()))
    assert rows and all("People&#x27;s Republic of China" in r["html"] or r["status"] in ("in force", "dates not recorded") for r in rows)
    assert {r["status"] for r in rows} == {"in force", "dates not recorded"}  # the practice of 4.3: no date
    at.radio(key="duties_status").set_value("undated")
    rows = duty_rows(ok(at.run()))
    assert rows and {(r["status"], r["class"]) for r in rows} == {("dates not recorded", "undated")}
    assert at.query_params["status"] == "undated"
    at.radio(key="duties_status").set_value("all")
    at.selectbox(key="duties_jurisdiction").set_value("none")
    assert {r["status"] for r in duty_rows(ok(at.run()))} == proposals


def test_an_empty_answer_says_why(kg):
    from deepfake_kg.browse import members
    from deepfake_kg.coverage import duties_per_jurisdiction

    at = choose(open_page("duties"), function=["VideoSharingPlatform"])
    at.selectbox(key="duties_jurisdiction").set_value("cn")
    at.radio(key="duties_status").set_value("proposed")
    ok(at.run())
    assert not [m for m in drawn(at) if "dfk-duties" in m.value]
    assert "are all in force" in at.info[0].value  # China's duties of this platform exist, all law in force
    held = duties_per_jurisdiction(kg)
    at.radio(key="duties_status").set_value("all")
    unmodelled = [j.iri for j in members(kg, DFK.Jurisdiction) if not held.get(j.iri)]
    for iri in unmodelled:  # jurisdictions the graph names but holds no duty of (EU and US while it has none)
        at.selectbox(key="duties_jurisdiction").set_value(iri.rsplit("/", 1)[-1])
        ok(at.run())
        assert "not in this graph yet" in at.info[0].value, (key, at.info[0].value)


def test_downloads_are_offered_as_csv_and_json():
    at = choose(open_page("duties"), function=["SocialPlatform"])
    assert [b.label for b in at.get("download_button")] == ["Download CSV", "Download JSON"]


def test_a_link_reproduces_the_view():
    at = ok(open_page("duties", types="dfk:FaceSwapService,small", status="in-force"))
    assert at.button_group(key="duties_function").value == ["FaceSwapService"]
    assert at.button_group(key="duties_size").value == "SmallMediumPlatform"
    assert at.radio(key="duties_status").value == "in-force"
    assert {r["status"] for r in duty_rows(at)} == {"in force"}
    assert not warnings(at)


def test_an_example_in_the_link_is_expanded_into_types():
    at = ok(open_page("duties", example="large-video-sharing"))
    assert at.query_params["types"] == "VideoSharingPlatform,LargeLeadingPlatform"
    assert duty_rows(at)


def test_bad_link_parameters_fall_back_to_defaults_with_a_notice():
    at = ok(open_page("duties", types="VideoSharingPlatform,teleporter", status="maybe", jurisdiction="mars",
                      example="nothing"))
    notes = " ".join(warnings(at))
    assert "teleporter" in notes and "maybe" in notes and "mars" in notes and "nothing" in notes
    assert at.button_group(key="duties_function").value == ["VideoSharingPlatform"]
    assert at.radio(key="duties_status").value == "all"
    assert at.selectbox(key="duties_jurisdiction").value == "all"
    assert duty_rows(at)


def test_size_tier_is_a_single_choice_because_the_ontology_makes_its_types_disjoint():
    at = ok(open_page("duties"))
    assert at.button_group(key="duties_size")._is_single_select  # from owl:disjointWith, not from a list in the app
    assert not at.button_group(key="duties_function")._is_single_select
    at = ok(open_page("duties", types="VideoSharingPlatform,large,small"))  # a link may still ask for both
    assert at.button_group(key="duties_size").value == "LargeLeadingPlatform"
    assert "exclude each other" in " ".join(warnings(at)) and not at.error
    assert duty_rows(at)


def test_chinese_labels():
    at = choose(open_page("duties"), function=["VideoSharingPlatform"])
    at.sidebar.radio(key="lang").set_value("zh")
    ok(at.run())
    assert "立即停止传输法律、行政法规禁止发布或者传输的信息" in html_with(at, "dfk-duties") and "现行法" in html_with(at, "dfk-duties")
    assert at.query_params["lang"] == "zh"
    assert "视频分享平台" in at.subheader[0].value


# ---------------------------------------------------------------- Compare


def matrix(at: AppTest) -> tuple[list[str], list[list[str]]]:
    table = html_with(at, "dfk-matrix")
    headers = re.findall(r"<th>(.*?)</th>", table)
    rows = [re.findall(r"<td>(.*?)</td>", row, re.S) for row in re.findall(r'<tr class="[^"]*">(.*?)</tr>', table, re.S)]
    return headers, rows


def test_compare_shows_a_types_by_duties_matrix(kg):
    at = ok(open_page("compare"))
    headers, rows = matrix(at)
    assert headers[2:] == ["1. video-sharing platform", "2. video-sharing platform + large leading platform",
                           "3. face-swap application + small or medium-sized platform"]
    duties = rows[1:]  # the first row holds the totals
    large_only = {d.duty for d in duties_for([DFK.VideoSharingPlatform, DFK.LargeLeadingPlatform], kg)} - \
        {d.duty for d in duties_for([DFK.VideoSharingPlatform], kg)}
    for row in duties:
        duty = "https://w3id.org/deepfake-kg/id/" + re.search(r"entity=id:(duty/[^\"&]+)", row[1]).group(1)
        marks = [bool(cell) for cell in row[2:]]
        if duty in large_only:
            assert marks[:2] == [False, True] and 'data-status="proposed"' in row[0]
    assert any('data-status="in force"' in row[0] and all(row[2:]) for row in duties)
    assert at.query_params["platform"] == ["VideoSharingPlatform", "VideoSharingPlatform,LargeLeadingPlatform",
                                           "FaceSwapService,SmallMediumPlatform"]
    assert [b.label for b in at.get("download_button")] == ["Download CSV", "Download JSON"]


def test_compare_adds_a_ready_example_as_a_column():
    at = open_page("compare")
    at.selectbox(key="compare_example").set_value("high-risk-social")
    headers, _ = matrix(ok(at.run()))
    assert headers[-1] == "4. social platform + high-risk platform"
    assert len(at.query_params["platform"]) == 4
    ok(at.button[1].click().run())  # remove the last
    assert len(matrix(at)[0]) == 5


def test_compare_from_a_link_keeps_one_size_tier_and_says_why():
    at = ok(open_page("compare", platform=["LiveStreamingPlatform", "large,small", "warp-drive"]))
    headers, rows = matrix(at)
    assert headers[2:] == ["1. live-streaming platform", "2. large leading platform"]
    notes = " ".join(warnings(at))
    assert "exclude each other" in notes and "warp-drive" in notes and not at.error


def test_compare_columns_keep_their_number_when_one_is_cleared():
    at = ok(open_page("compare"))
    at.button_group(key="compare_0_function").set_value([])
    headers, _ = matrix(ok(at.run()))
    assert headers[2:] == ["2. video-sharing platform + large leading platform",
                           "3. face-swap application + small or medium-sized platform"]
    assert at.query_params["platform"] == ["-", "VideoSharingPlatform,LargeLeadingPlatform",
                                           "FaceSwapService,SmallMediumPlatform"]
    at = ok(open_page("compare", platform=["-", "SocialPlatform"]))  # the link keeps the gap
    assert matrix(at)[0][2:] == ["2. social platform"]


# ---------------------------------------------------------------- Browse


def test_browse_lists_instruments_and_their_provisions():
    at = ok(open_page("browse"))
    tree = html_with(at, "dfk-tree")
    assert "Cybersecurity Law of the People&#x27;s Republic of China" in tree
    assert "entity=id:provision/cn-cybersecurity-law/2016/art-47" in tree
    assert any("Choose a resource" in i.value for i in at.info)


@pytest.mark.parametrize("section, expected", [
    ("actors", "entity=dfk:VideoSharingPlatform"),
    ("duties", "entity=id:duty/csl-47-stop-transmission"),
    ("offences", "Refusing to perform information network security management obligations"),
    ("cases", "Qvod case"),
    ("references", "entity=id:reference/1"),
    ("proposals", "entity=id:proposal/"),
    ("knowledge", "entity=id:knowledge-standard/"),
])
def test_browse_sections(section, expected):
    at = open_page("browse")
    at.radio(key="browse_section").set_value(section)
    ok(at.run())
    assert expected in " ".join(unquote(m.value) for m in drawn(at) if "dfk-tree" in m.value)
    assert at.query_params["section"] == section


def test_a_resource_page_from_a_link():
    at = ok(open_page("browse", entity="id:duty/csl-47-stop-transmission"))
    assert "Stop transmission of prohibited information" in [h.value for h in at.subheader]
    text = " ".join(m.value for m in drawn(at))
    assert '<b>en</b> <span lang="en">Stop transmission of prohibited information</span>' in text
    assert '<b>zh</b> <span lang="zh">立即停止传输法律、行政法规禁止发布或者传输的信息</span>' in text
    statements = html_with(at, "dfk-statements")
    assert 'class="dfk-badge inferred"' in statements and '<tr class="">' in statements  # asserted rows unmarked
    assert "entity=id:provision/cn-cybersecurity-law/2016/art-47" in statements
    assert "entity=dfk:NetworkOperator" in " ".join(unquote(m.value) for m in drawn(at) if "Referred" in m.value or "dfk-statements" in m.value)
    graphs = at.get("graphviz_chart")
    assert len(graphs) == 1 and "network operator" in graphs[0].proto.spec


def test_a_provision_page_reads_like_a_page_for_people():
    at = ok(open_page("browse", entity="id:provision/cn-cybersecurity-law/2016/art-47"))
    text = " ".join(unquote(m.value) for m in drawn(at))
    assert "Network operators shall strengthen the management" in text and "Official text." in text  # its wording
    statements = html_with(at, "dfk-statements")
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", statements, re.S)
    part_of = [r for r in rows if ">part of<" in r]
    assert len(part_of) == 1 and "dcterms:isPartOf" in part_of[0]  # aligned vocabularies folded under dfk:partOf
    assert not [r for r in rows if ">isPartOf<" in r or ">is_part_of<" in r]
    assert "checked against" not in statements  # research notes wait behind their toggle
    type_line = next(m.value for m in drawn(at) if m.value.startswith("Type:"))
    assert "LegalResourceSubdivision" not in type_line and ">article<" in unquote(type_line)
    at.toggle(key="browse_notes").set_value(True)
    ok(at.run())
    assert "checked against" in html_with(at, "dfk-statements")
    assert at.query_params["notes"] == "1"


def test_search_over_names_passages_and_texts_with_facets():
    at = ok(open_page("browse", q="立即停止"))
    hits = html_with(at, "dfk-hits")
    assert "entity=id:duty/csl-47-stop-transmission" in hits and "<mark>立即停止</mark>" in hits
    at = ok(open_page("browse", q="Article 47"))
    assert "entity=id:provision/cn-cybersecurity-law/2016/art-47" in html_with(at, "dfk-hits")
    # the normative status, not the status on a day: "law" also covers a replaced text and undated duties
    assert [o.split(" (")[0] for o in at.button_group(key="browse_facet_status").options] == ["Law"]
    at.button_group(key="browse_facet_status").set_value(["in force"])
    ok(at.run())
    hits = html_with(at, "dfk-hits")
    assert "entity=id:provision/cn-cybersecurity-law/2016/art-47&" not in hits  # a provision has no status
    assert "entity=id:duty/csl-47-stop-transmission&" in hits  # a duty in force resting on it has
    assert at.query_params["status"] == "in-force" and at.query_params["q"] == "Article 47"
    at = ok(open_page("browse", q="网"))  # one character: below the trigram index, still found
    assert "<mark>网</mark>" in html_with(at, "dfk-hits")


def test_hiding_inferred_statements():
    at = ok(open_page("browse", entity="id:duty/csl-47-stop-transmission"))
    at.toggle(key="browse_inferred").set_value(False)
    ok(at.run())
    assert all('class="dfk-badge inferred"' not in m.value for m in drawn(at))
    assert at.query_params["inferred"] == "0"  # in the link too


def test_opening_a_resource_by_name():
    at = open_page("browse")
    at.selectbox(key="browse_entity").set_value("dfk:VideoSharingPlatform")
    ok(at.run())
    assert at.subheader[0].value == "video-sharing platform"  # the resource first, then the lists
    assert at.query_params["entity"] == "dfk:VideoSharingPlatform"


def test_opening_any_iri_of_the_graph():
    at = open_page("browse")
    at.text_input(key="browse_iri").set_value("http://data.europa.eu/eli/reg/2024/1689/oj")
    ok(at.run())
    assert at.query_params["entity"] == "http://data.europa.eu/eli/reg/2024/1689/oj"
    assert "Artificial Intelligence Act" in " ".join(m.value for m in drawn(at) if "dfk-statements" in m.value)
    at.text_input(key="browse_iri").set_value("dfk:NoSuchThing")
    ok(at.run())
    assert "dfk:NoSuchThing" in " ".join(warnings(at))
    assert at.query_params["entity"] == "http://data.europa.eu/eli/reg/2024/1689/oj"


def test_an_unknown_resource_in_the_link_is_a_notice():
    at = ok(open_page("browse", entity="id:duty/does-not-exist", section="everything"))
    notes = " ".join(warnings(at))
    assert "does-not-exist" in notes and "everything" in notes
    assert at.radio(key="browse_section").value == "instruments"


# ---------------------------------------------------------------- SPARQL


def write_query(at: AppTest, text: str) -> AppTest:
    """Type into the editor: the YASQE component is not drawn headless, so set the text it would send."""
    at.session_state["sparql_text"] = text
    return at


def result_table(at: AppTest) -> str:
    return html_with(at, 'data-testid="sparql-results"')


def test_sparql_runs_a_named_query_on_the_embedded_graph():
    at = ok(open_page("sparql"))
    assert at.selectbox(key="sparql_query").value == "duties-by-platform-type"
    assert any("For every platform type" in m.value for m in drawn(at))
    ok(at.button[0].click().run())
    table = result_table(at)
    assert re.findall(r"<th>\?(\w+)</th>", table) == ["type", "typeLabel", "duty", "dutyLabel", "status"]
    # IRIs the graph describes link to their Browse page, shortened with the graph's prefixes
    assert 'entity=dfk:LexLata&amp;lang=en"' in unquote(table) and ">dfk:LexFerenda</a>" in table
    assert at.query_params["run"] == "1" and at.query_params["query"] == "duties-by-platform-type"
    assert [b.label for b in at.get("download_button")] == ["Download CSV", "Download JSON"]
    count = next(m.value for m in drawn(at) if re.match(r"\*\*\d+ rows\*\*", m.value))
    assert re.search(r" · \d+\.\d\d s", count)  # how long it took, as a tool's result line says


def test_choosing_a_named_query_fills_the_editor():
    at = open_page("sparql")
    at.selectbox(key="sparql_query").set_value("references")
    ok(at.run())
    assert at.session_state["sparql_text"].startswith("# title: References")
    assert at.query_params["query"] == "references" and "text" not in at.query_params


def test_the_named_querys_title_goes_once_the_text_is_edited():
    at = ok(open_page("sparql"))
    assert any("For every platform type" in m.value for m in drawn(at))
    ok(write_query(at, "SELECT * WHERE { ?s ?p ?o } LIMIT 1").run())
    assert not any("For every platform type" in m.value for m in drawn(at))
    assert at.query_params["text"] == "SELECT * WHERE { ?s ?p ?o } LIMIT 1"


def test_a_link_with_an_edited_query_runs_it():
    at = ok(open_page("sparql", text="PREFIX dfk: <https://w3id.org/deepfake-kg/ontology#>\n"
                                     "ASK { ?d a dfk:ProposedDuty }", run="1"))
    assert re.fullmatch(r"ASK: true · \d+\.\d\d s", at.success[0].value)  # the answer and how long it took


def test_sparql_syntax_errors_name_the_expected_token_in_words():
    at = open_page("sparql")
    write_query(at, "SELECT ?s WHERE {\n  ?s ?p ?o\n")
    ok(at.button[0].click().run())
    message = at.error[0].value
    assert re.search(r"line \d+, column \d+", message)
    assert "a closing brace “}”" in message and "Expected SelectQuery" not in message


def test_numeric_columns_can_be_charted():
    at = open_page("sparql")
    write_query(at, "PREFIX dfk: <https://w3id.org/deepfake-kg/ontology#>\n"
                    "SELECT ?status (COUNT(?d) AS ?duties) WHERE { ?d dfk:normativeStatus ?status } GROUP BY ?status")
    ok(at.button[0].click().run())
    assert [t.label for t in at.tabs] == ["Table", "Chart"]
    assert len(at.get("vega_lite_chart")) == 1


def test_sparql_is_read_only():
    at = open_page("sparql")
    write_query(at, "DELETE WHERE { ?s ?p ?o }")
    ok(at.button[0].click().run())
    assert "not allowed" in at.error[0].value


def test_construct_results_are_shown_as_turtle():
    at = open_page("sparql")
    write_query(at, "PREFIX dfk: <https://w3id.org/deepfake-kg/ontology#>\n"
                    "CONSTRUCT { ?d a dfk:Duty } WHERE { ?d a dfk:Duty } LIMIT 3")
    ok(at.button[0].click().run())
    assert "dfk:Duty" in at.code[0].value


def test_the_endpoint_is_offered_only_when_one_is_configured(monkeypatch):
    monkeypatch.delenv("DEEPFAKE_KG_SPARQL_ENDPOINT", raising=False)
    at = ok(open_page("sparql", target="endpoint"))
    assert "no SPARQL endpoint configured" in " ".join(warnings(at))
    assert not at.main.radio  # nothing to choose
    monkeypatch.setenv("DEEPFAKE_KG_SPARQL_ENDPOINT", "http://127.0.0.1:9/sparql")
    at = ok(open_page("sparql", target="endpoint"))
    assert at.radio(key="sparql_target").value == "endpoint"
    ok(at.button[0].click().run())
    assert "Cannot reach the SPARQL endpoint http://127.0.0.1:9/sparql" in at.error[0].value


def test_an_unknown_named_query_in_the_link_is_a_notice():
    at = ok(open_page("sparql", query="drop-everything"))
    assert "drop-everything" in " ".join(warnings(at))
    assert at.selectbox(key="sparql_query").value == "duties-by-platform-type"


# ---------------------------------------------------------------- About and the whole app


def test_about_gives_counts_version_licence_citation_and_downloads(kg):
    at = ok(open_page("about"))
    counts = at.table[0].value["count"]
    assert counts["asserted triples"] == len(kg.asserted) and counts["duties of the law (lex lata)"] > 0
    text = " ".join(m.value for m in drawn(at))
    assert "CC BY 4.0" in text and "MIT" in text and "Ontology version" in text
    assert at.code[0].value.startswith("@misc{")
    labels = [b.label for b in at.get("download_button")]
    assert labels.count("Asserted") == 4 and labels.count("With inferences") == 4
    assert labels.count("Both named graphs") == 2
    assert any("not legal advice" in i.value for i in at.info)


def test_the_label_language_survives_page_changes_and_bad_values_are_noticed():
    at = ok(open_page("duties", lang="zh"))
    at.switch_page("views/about.py")
    ok(at.run())
    assert at.query_params["lang"] == "zh"
    at = ok(open_page("duties", lang="klingon"))
    assert "klingon" in " ".join(warnings(at)) and at.query_params["lang"] == "en"


def test_the_timeline_never_calls_a_duty_of_unrecorded_date_a_proposal(kg):
    at = ok(open_page("duties", types="SocialPlatform", timeline="1"))
    captions = [c.value for c in at.caption]
    law = next(c for c in captions if c.startswith("Stated as law by the paper"))
    proposals = next(c for c in captions if c.startswith("Proposed by the author"))
    undated = [r.label for r in duties_for([DFK.SocialPlatform], kg) if r.status == "dates not recorded"]
    assert undated and all(d in law and d not in proposals for d in undated)


def test_a_resource_page_offers_its_description_for_download():
    at = ok(open_page("browse", entity="id:duty/csl-47-stop-transmission"))
    labels = [b.label for b in at.get("download_button")]
    assert labels == ["Download its description (Turtle)", "Download its description (JSON-LD)"]


def test_search_results_can_be_downloaded():
    at = ok(open_page("browse", q="Article 47"))
    assert [b.label for b in at.get("download_button")] == ["Download CSV", "Download JSON"]


def test_compare_one_platform_on_several_days():
    at = ok(open_page("compare", by="dates", types="VideoSharingPlatform", days="2025-12-31,2026-01-01"))
    table = html_with(at, "dfk-dates")
    assert table.count('<tr class="changed">') == sum(r.changed for r in api_dates())
    assert "2016 text" in table and "amended 2025" in table and "Law per the paper, dates not recorded" in table
    assert at.query_params["by"] == "dates" and at.query_params["days"] == "2025-12-31,2026-01-01"
    assert [b.label for b in at.get("download_button")] == ["Download CSV", "Download JSON"]
    at.toggle(key="compare_d_changed").set_value(True)
    ok(at.run())
    assert html_with(at, "dfk-dates").count("<tr") - 1 == sum(r.changed for r in api_dates())
    at.text_input(key="compare_d_days").input("2026-01-01")
    ok(at.run())
    assert any("between two and six" in e.value for e in at.error)  # one day is no comparison: said, nothing drawn
    at.text_input(key="compare_d_days").input("2026-01-01, 2026-13-01")
    ok(at.run())
    assert any("is not a day" in e.value for e in at.error)


def api_dates():
    from deepfake_kg.api import compare_dates

    return compare_dates(["dfk:VideoSharingPlatform"], ["2025-12-31", "2026-01-01"]).rows
