"""The guided assessment in a real browser: from the first question to the printed summary, with the verdicts
beside the questions changing as the answers do. Screenshots under build/screenshots/ (page-lang-width.png)."""
import re

import pytest

pytest.importorskip("playwright")
from playwright.sync_api import Page, expect  # noqa: E402

from test_browser import ANSWER_TIMEOUT_MS, browser, chromium_path, idle, server  # noqa: E402,F401  (fixtures)
from test_browser_sparql import SCREENSHOTS, offline_page, screenshot  # noqa: E402

pytestmark = pytest.mark.browser


def question_heading(page: Page) -> str:
    return page.locator('[data-testid="stMain"] h3').first.inner_text()


def today(page: Page) -> str:
    return page.locator('[data-testid="verdict-today"] .status').first.get_attribute("data-status")


def test_the_guided_assessment_from_the_first_question_to_the_printed_summary(browser, server):
    page, refused = offline_page(browser, 1400)
    page.goto(f"{server.url}/guide")
    expect(page.get_by_role("heading", name="What kind of platform is it?")).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    idle(page)
    box = page.get_by_role("combobox", name="Function")  # the guide's pickers are multiselects
    box.click()
    box.fill("video-sharing platform")
    page.get_by_role("option", name="video-sharing platform", exact=True).click()
    page.keyboard.press("Escape")
    expect(page.locator('[data-testid="verdict-today"]')).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    assert today(page) == "undetermined"  # nothing answered: nothing presumed

    answered, seen = 0, set()
    for _ in range(80):  # bounded: the form has a few dozen questions
        idle(page)
        nxt = page.get_by_role("button", name=re.compile("Next question|See the summary"))
        last = "See the summary" in nxt.inner_text()
        before = question_heading(page)
        if before not in seen and before != "What kind of platform is it?":
            seen.add(before)
            expect(page.get_by_text("Why this is asked")).to_be_visible()
            radios = page.locator('[data-testid="stMain"] [role="radiogroup"]')
            if radios.count():
                # the regulator's order: "no", so that the verdict visibly changes; everything else "I don't know"
                choice = "no" if "order the platform to take corrective" in before else "I don't know"
                radios.first.get_by_text(choice, exact=True).click()
            else:
                page.get_by_role("button", name="I don't know").click()
            answered += 1
            idle(page)
            if choice == "no" if radios.count() else False:
                expect(page.locator('[data-testid="verdict-today"] .status').first).to_have_attribute(
                    "data-status", "not established", timeout=ANSWER_TIMEOUT_MS)
                screenshot(page, "guide", "en", 1400)
        nxt.click()
        if last:
            break
        expect(page.locator('[data-testid="stMain"] h3').first).not_to_have_text(before, timeout=ANSWER_TIMEOUT_MS)
    summary = page.locator('[data-testid="assessment-summary"]')
    expect(summary).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    assert answered >= 10
    expect(summary.locator('[data-field="regulator.ordered_to_correct"]')).to_have_text("no")
    expect(summary.locator('[data-testid="verdict-today"] .status').first).to_have_attribute("data-status", "not established")
    expect(summary.get_by_role("heading", name="Sources")).to_be_visible()
    expect(summary.get_by_text(re.compile(r"The paper, section")).first).to_be_visible()
    idle(page)
    page.wait_for_load_state("networkidle")
    screenshot(page, "guide-summary", "en", 1400)
    # The print view: Streamlit's chrome and the buttons stay off paper; the summary prints whole.
    page.emulate_media(media="print")
    expect(page.locator('[data-testid="stSidebar"]')).to_be_hidden()
    expect(page.get_by_role("button", name="Back to the questions")).to_be_hidden()
    expect(summary).to_be_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(SCREENSHOTS / "guide-summary-en.pdf"), format="A4")
    assert (SCREENSHOTS / "guide-summary-en.pdf").stat().st_size > 10_000
    assert all("fonts.gstatic.com" in url for url in refused), refused


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("width", [1400, 390])
def test_guide_screenshots(browser, server, lang, width):
    page, _ = offline_page(browser, width)
    page.goto(f"{server.url}/guide?types=VideoSharingPlatform,LargeLeadingPlatform&step=regulator.ordered_to_correct"
              f"&a=content.kind=synthetic-pornography&a=notice.received=true&lang={lang}")
    expect(page.locator('[data-testid="verdict-today"]')).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    if (lang, width) != ("en", 1400):  # that one is taken mid-walk by the test above
        screenshot(page, "guide", lang, width)
    page.goto(f"{server.url}/guide?types=VideoSharingPlatform,LargeLeadingPlatform&step=summary"
              f"&a=content.kind=synthetic-pornography&a=notice.received=true&a=regulator.ordered_to_correct=unknown&lang={lang}")
    expect(page.locator('[data-testid="assessment-summary"]')).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    if (lang, width) != ("en", 1400):
        screenshot(page, "guide-summary", lang, width)
