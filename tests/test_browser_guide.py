"""The guided assessment in a real browser: from the first question to the printed summary, with the verdicts
beside the questions changing as the answers do. Screenshots under build/screenshots/ (page-lang-width.png)."""
import re
from datetime import date

import pytest

from deepfake_kg.api import dimensions, gettext, platform_types, questions

pytest.importorskip("playwright")
from playwright.sync_api import Page, expect  # noqa: E402

from test_browser import ANSWER_TIMEOUT_MS, browser, chromium_path, idle, server  # noqa: E402,F401  (fixtures)
from test_browser_sparql import SCREENSHOTS, offline_page, screenshot  # noqa: E402

pytestmark = pytest.mark.browser


def question_heading(page: Page) -> str:
    return page.locator('[data-testid="stMain"] h3').first.inner_text()


def today(page: Page) -> str:
    return page.locator('[data-testid="verdict-today"] .status').first.get_attribute("data-status")


def answer_label(question, value, lang: str) -> str:
    """The label the guide shows for one of a question's answers, in the page's language."""
    if value == "unknown":
        return gettext("I don't know", lang)
    found = next(a for a in question.answers if a.value == value)
    return found.label_zh if lang == "zh" and found.label_zh else found.label_en


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_guided_assessment_from_the_first_question_to_the_printed_summary(browser, server, kg, lang):
    t = lambda text: gettext(text, lang)  # noqa: E731  the page's words, from the catalogue the page uses
    ordered = next(q for q in questions(kg) if q.id == "regulator.ordered_to_correct")
    video = next(p for p in platform_types(kg=kg) if str(p.iri).endswith("VideoSharingPlatform"))
    video_name = video.label_zh if lang == "zh" and video.label_zh else video.label
    page, refused = offline_page(browser, 1400)
    page.goto(f"{server.url}/guide?lang={lang}")
    first = t("What kind of platform is it?")
    expect(page.get_by_role("heading", name=first)).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    idle(page)
    # The guide's pickers are multiselects, titled by the graph's name of each dimension (as the page writes it).
    function = next(d for d in dimensions(kg=kg) if str(d.iri).endswith("FunctionDimension"))
    title = function.label_zh if lang == "zh" and function.label_zh else function.label
    box = page.get_by_role("combobox", name=title[:1].upper() + title[1:])
    box.click()
    box.fill(video_name)
    page.get_by_role("option", name=video_name, exact=True).click()
    page.keyboard.press("Escape")
    expect(page.locator('[data-testid="verdict-today"]')).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    assert today(page) == "undetermined"  # nothing answered: nothing presumed

    onward = re.compile(f"{re.escape(t('Next question'))}|{re.escape(t('See the summary'))}")
    answered, seen = 0, set()
    for _ in range(80):  # bounded: the form has a few dozen questions
        idle(page)
        nxt = page.get_by_role("button", name=onward)
        last = t("See the summary") in nxt.inner_text()
        before = question_heading(page)
        if before not in seen and before != first:
            seen.add(before)
            expect(page.get_by_text(t("Why this is asked"))).to_be_visible()
            radios = page.locator('[data-testid="stMain"] [role="radiogroup"]')
            # the regulator's order: "no", so that the verdict visibly changes; everything else "I don't know"
            regulator = "step=regulator.ordered_to_correct" in page.url
            if radios.count():
                radios.first.get_by_text(answer_label(ordered, False if regulator else "unknown", lang), exact=True).click()
            else:
                page.get_by_role("button", name=t("I don't know")).click()
            answered += 1
            idle(page)
            if regulator:
                expect(page.locator('[data-testid="verdict-today"] .status').first).to_have_attribute(
                    "data-status", "not established", timeout=ANSWER_TIMEOUT_MS)
                screenshot(page, "guide", lang, 1400)
        nxt.click()
        if last:
            break
        expect(page.locator('[data-testid="stMain"] h3').first).not_to_have_text(before, timeout=ANSWER_TIMEOUT_MS)
    summary = page.locator('[data-testid="assessment-summary"]')
    expect(summary).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    assert answered >= 10
    # facts, verdicts, reasons and sources, in the page's language
    expect(summary.locator('[data-field="regulator.ordered_to_correct"]')).to_have_text(answer_label(ordered, False, lang))
    expect(summary.locator('[data-testid="verdict-today"] .status').first).to_have_attribute("data-status", "not established")
    expect(summary.get_by_role("heading", name=t("Sources"))).to_be_visible()
    section = t("The paper, section {section}.").split("{section}")[0]
    expect(summary.get_by_text(section, exact=False).first).to_be_visible()
    expect(summary.get_by_text(t("The law as it stood on {day}.").format(day=date.today().isoformat()))).to_be_visible()
    idle(page)
    page.wait_for_load_state("networkidle")
    screenshot(page, "guide-summary", lang, 1400)
    # The print view: Streamlit's chrome and the buttons stay off paper; the summary prints whole.
    page.emulate_media(media="print")
    expect(page.locator('[data-testid="stSidebar"]')).to_be_hidden()
    expect(page.get_by_role("button", name=t("Back to the questions"))).to_be_hidden()
    expect(summary).to_be_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pdf = SCREENSHOTS / f"guide-summary-{lang}.pdf"
    page.pdf(path=str(pdf), format="A4")
    assert pdf.stat().st_size > 10_000
    assert all("fonts.gstatic.com" in url for url in refused), refused


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("width", [1400, 390])
def test_guide_screenshots(browser, server, lang, width):
    page, _ = offline_page(browser, width)
    page.goto(f"{server.url}/guide?types=VideoSharingPlatform,LargeLeadingPlatform&step=regulator.ordered_to_correct"
              f"&a=content.kind=synthetic-pornography&a=notice.received=true&lang={lang}")
    expect(page.locator('[data-testid="verdict-today"]')).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    if width != 1400:  # those are taken mid-walk by the test above
        screenshot(page, "guide", lang, width)
    page.goto(f"{server.url}/guide?types=VideoSharingPlatform,LargeLeadingPlatform&step=summary"
              f"&a=content.kind=synthetic-pornography&a=notice.received=true&a=regulator.ordered_to_correct=unknown&lang={lang}")
    expect(page.locator('[data-testid="assessment-summary"]')).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    if width != 1400:
        screenshot(page, "guide-summary", lang, width)
