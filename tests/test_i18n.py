"""The explorer and the package's messages in English and Simplified Chinese: every marked string translated,
placeholders kept, Chinese sorted by pinyin, and the pages in Chinese free of untranslated English."""
import re
import string
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from deepfake_kg import catalogue
from deepfake_kg.i18n import collation_key, gettext, graph_label, ngettext, sorted_for
from tests.untranslated import html_runs, untranslated, untranslated_in

APP = Path(__file__).resolve().parent.parent / "ui" / "app.py"
TEMPLATE = catalogue.extract()


def test_every_marked_string_of_the_package_and_the_explorer_has_a_chinese_translation():
    assert len(TEMPLATE) > 100  # the extractor found the explorer's strings, not an empty tree
    missing = catalogue.untranslated("zh", TEMPLATE)
    assert not missing, f"untranslated (run `python -m deepfake_kg.catalogue` and translate): {missing}"


MARKED_IN_F_STRING = re.compile(r"""\b[rR]?[fF][rR]?(['"]).*?\{[^}]*\b(_|N_|ngettext|gettext)\(\s*[rR]?['"]""")


def test_no_string_is_marked_inside_an_f_string_where_the_extractor_cannot_see_it():
    assert MARKED_IN_F_STRING.search("""x = f'<b>{escape(_("hidden"))}</b>'""")
    assert not MARKED_IN_F_STRING.search("""x = f'<b>{escape(note)}</b>' + _("seen")""")
    hidden = [f"{path.name}:{number}" for source in catalogue.SOURCES for path in source.rglob("*.py")
              for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
              if MARKED_IN_F_STRING.search(line)]
    assert not hidden, f"_(\"…\") inside an f-string is never extracted; move it out: {hidden}"


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_translations_keep_every_placeholder_and_add_none():
    for message in catalogue.read("zh"):
        if not message.id or not message.string:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        for translated in strings:
            assert _fields(translated) == _fields(ids[-1]), (message.id, translated)


def test_the_chinese_catalogue_is_used_and_english_is_the_source():
    message = next(m.id for m in TEMPLATE if m.id == "Duties by platform type")
    assert gettext(message, "en") == message
    assert re.search(r"[\u4e00-\u9fff]", gettext(message, "zh"))
    assert gettext("a string nobody marked", "zh") == "a string nobody marked"  # unknown: the English source
    assert ngettext("{n} duty of a {platform}", "{n} duties of a {platform}", 1, "en").startswith("{n} duty ")
    assert ngettext("{n} duty of a {platform}", "{n} duties of a {platform}", 2, "en").startswith("{n} duties ")


def test_chinese_is_sorted_by_pinyin_with_chinese_names_before_english_fallbacks():
    names = ["中华人民共和国网络安全法", "Zeta platform", "短视频平台", "阿里", "第10条", "第9条", "百度", "apple"]
    assert sorted_for(names, "zh") == ["阿里", "百度", "第9条", "第10条", "短视频平台", "中华人民共和国网络安全法",
                                       "apple", "Zeta platform"]
    assert sorted_for(["Article 10", "article 9", "Zeta"], "en") == ["article 9", "Article 10", "Zeta"]
    assert collation_key("重", "zh") != collation_key("重", "en")


def test_a_name_the_graph_lacks_in_chinese_says_so(kg):
    from deepfake_kg.namespaces import DFK, RDFS

    g = kg.closure
    with_zh = next(s for s, o in g.subject_objects(RDFS.label) if getattr(o, "language", "") == "zh-Hans")
    assert graph_label(g, with_zh, "zh")[1] == "zh"
    without = next(s for s in set(g.subjects(RDFS.label, None))
                   if not any(getattr(o, "language", "") and o.language.startswith("zh") for o in g.objects(s, RDFS.label)))
    text, lang = graph_label(g, without, "zh")
    assert lang == "en" and text == graph_label(g, without, "en")[0]
    assert graph_label(g, DFK.NoSuchThing, "zh") == ("NoSuchThing", "")


def test_the_detector_tells_english_from_chinese_and_from_technical_names():
    assert untranslated("Choose at least one platform type")
    assert not untranslated("请至少选择一种平台类型 (OWL-RL)")
    assert not untranslated("dfk:hasDuty id:provision/cn-cybersecurity-law/2016/art-47")
    assert not untranslated("Video-sharing platform [EN]")
    assert html_runs('<p>义务 <span lang="en">Stop transmission</span> <code>cax-sco</code> left</p>') == ["义务", "left"]


# ---------------------------------------------------------------- the pages, headless, in Chinese

PAGES = {  # page → query string that shows its main content
    "duties": {"types": "VideoSharingPlatform,LargeLeadingPlatform"},
    "compare": {},
    "browse": {"entity": "id:provision/cn-cybersecurity-law/2016/art-47"},
    "assess": {"scenario": "university-deepfake-pornography"},
    "about": {},
}


def _page_texts(at: AppTest) -> list[str]:
    texts = []
    for kind in ("title", "header", "subheader", "caption", "info", "warning", "error", "success"):
        texts += [e.value for e in getattr(at, kind)]
    for element in at.markdown:
        texts += html_runs(element.value) if element.allow_html else [re.sub(r"[*_`>#]", "", element.value)]
    for widget in list(at.button) + list(at.toggle) + list(at.text_input) + list(at.expander):
        texts.append(widget.label)
    for widget in list(at.multiselect) + list(at.selectbox) + list(at.radio):
        texts.append(widget.label)
        texts += [str(o) for o in widget.options]
        if getattr(widget, "placeholder", None):
            texts.append(widget.placeholder)
    for widget in list(at.get("download_button")):
        texts.append(widget.proto.label)
    return texts


@pytest.mark.parametrize("name", list(PAGES))
def test_each_page_in_chinese_shows_no_untranslated_english(name):
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params = {"lang": "zh", **PAGES[name]}
    at.run()
    if name != "duties":
        at.switch_page(f"views/{name}.py")
        at.query_params = {"lang": "zh", **PAGES[name]}
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    texts = _page_texts(at)
    assert len(texts) > 10
    assert untranslated_in(texts) == []


# ---------------------------------------------------------------- the package's sentences (explanations)

def test_an_explanation_is_said_in_chinese_with_the_graphs_chinese_names(kg):
    from deepfake_kg.explanations import explain
    from deepfake_kg.wording import Name

    why = explain("cl-286-1-comply-with-correction-order", ["dfk:VideoSharingPlatform"], kg, as_of="2026-11-30")
    assert {s.rule for s in why.steps} >= {"cax-sco", "cls-hv1", "legal basis", "date"}
    for step in why.steps:
        assert step.text("en") == step.statement  # English is the source: the CLI's and the JSON's text
        chinese = step.text("zh")
        assert re.search(r"[\u4e00-\u9fff]", chinese) and chinese != step.statement
        for value in step.sentence.values.values():
            if isinstance(value, Name):
                assert (value.zh or value.en) in chinese and value.en not in chinese.replace(value.zh, "")
    dated = next(s for s in why.steps if s.rule == "date").text("zh")
    assert "2015-11-01" in dated and gettext("in force", "zh") in dated  # status words through the catalogue


def test_a_name_without_chinese_label_is_marked_in_a_chinese_sentence():
    from deepfake_kg.wording import Both, Name, Quoted, Sentence, Word

    sentence = Sentence("Every {sub} is {sup} (asserted: {sub_id} rdfs:subClassOf {sup_id}).",
                        {"sub": Name("x:a", "video-sharing platform", "视频分享平台"),
                         "sup": Name("x:b", "online platform", "", article=True), "sub_id": "x:a", "sup_id": "x:b"})
    assert sentence.text("en") == "Every video-sharing platform is an online platform (asserted: x:a rdfs:subClassOf x:b)."
    assert sentence.text("zh").startswith("每个视频分享平台都是online platform [EN]")
    both = Sentence("So on {day} the duty is {status}.", {"day": "2026-01-01", "status": Both((Word("in force"), Quoted("x")))})
    assert both.text("zh") == gettext("So on {day} the duty is {status}.", "zh").format(day="2026-01-01", status="现行和x")


def test_an_impossible_platform_is_refused_in_the_readers_language_naming_the_types(kg):
    from deepfake_kg.duties import duties_for
    from deepfake_kg.errors import InconsistentGraph
    from deepfake_kg.i18n import use_language
    from deepfake_kg.namespaces import DFK

    said = {}
    for lang in ("en", "zh"):
        use_language(lang)
        try:
            with pytest.raises(InconsistentGraph) as refused:
                duties_for([DFK.LargeLeadingPlatform, DFK.SmallMediumPlatform], kg)
        finally:
            use_language("en")
        said[lang] = str(refused.value)
    assert "large leading platform and small or medium-sized platform exclude each other" in said["en"]
    assert "dfk:LargeLeadingPlatform and dfk:SmallMediumPlatform disjoint" in said["en"]  # the axiom's terms, for a scholar
    assert "大型头部平台和中小平台相互排斥" in said["zh"] and "dfk:SmallMediumPlatform" in said["zh"]
