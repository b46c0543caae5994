"""Flows a visitor goes through with mouse and keyboard, in a real browser: typing the day the law is read on,
following a timeline bar to its provision and back, reading ✓/✗ by colour as well as by mark and word.
Screenshots under build/screenshots/ (page-lang-width.png)."""
import re

import pytest

from deepfake_kg.api import gettext

pytest.importorskip("playwright")
from playwright.sync_api import Page, expect  # noqa: E402

from test_browser import ANSWER_TIMEOUT_MS, browser, chromium_path, idle, server  # noqa: E402,F401  (fixtures)
from test_browser_sparql import offline_page, screenshot  # noqa: E402

pytestmark = pytest.mark.browser
DEEP_SYNTHESIS = "Deep Synthesis Provisions"  # bind from 10 January 2023


def duties_list(page: Page):
    return page.locator("div.dfk-duties")


def type_day(page: Page, text: str, key: str) -> None:
    field = page.get_by_role("textbox", name="The law on")
    idle(page)
    field.click()
    field.press("Control+a")
    page.keyboard.type(text)  # key by key, as a person types
    page.keyboard.press(key)


def test_a_typed_day_takes_effect_on_enter_and_on_tab(browser, server):
    page, _ = offline_page(browser, 1400)
    page.goto(f"{server.url}/?types=FaceSwapService")
    expect(duties_list(page).get_by_text(DEEP_SYNTHESIS).first).to_be_attached(timeout=ANSWER_TIMEOUT_MS)
    type_day(page, "2022-12-31", "Enter")  # the day before they bind
    expect(page).to_have_url(re.compile(r"date=2022-12-31"), timeout=ANSWER_TIMEOUT_MS)
    expect(duties_list(page).get_by_text(DEEP_SYNTHESIS)).to_have_count(0, timeout=ANSWER_TIMEOUT_MS)
    type_day(page, "2023-01-10", "Tab")  # the day they bind
    expect(page).to_have_url(re.compile(r"date=2023-01-10"), timeout=ANSWER_TIMEOUT_MS)
    expect(duties_list(page).get_by_text(DEEP_SYNTHESIS).first).to_be_attached(timeout=ANSWER_TIMEOUT_MS)
    # A typo is said in one sentence; the day and the answer stay as they were.
    type_day(page, "2023-02-30", "Enter")
    alert = page.locator('[data-testid="stSidebar"] [data-testid="stAlert"]')
    expect(alert).to_contain_text("'2023-02-30' is not a day", timeout=ANSWER_TIMEOUT_MS)
    expect(alert).to_contain_text("The pages still answer for 2023-01-10.")
    assert "date=2023-01-10" in page.url
    expect(duties_list(page).get_by_text(DEEP_SYNTHESIS).first).to_be_attached()
    screenshot(page, "date-typed-error", "en", 1400)
    # The calendar is the other way in: a day picked there fills the field and clears the error.
    idle(page)
    page.get_by_role("button", name="Calendar").click()
    page.locator('[data-testid="stDateInputCalendarButton"]').last.click()
    calendar = page.locator('[data-testid="stDateInputCalendar"]')
    calendar.get_by_text("15", exact=True).first.click()  # 15 January 2023, the month on show
    expect(page).to_have_url(re.compile(r"date=2023-01-15"), timeout=ANSWER_TIMEOUT_MS)
    expect(page.get_by_role("textbox", name="The law on")).to_have_value("2023-01-15")
    expect(alert).to_have_count(0)


def test_a_timeline_bar_opens_its_provision_in_the_same_tab_and_back_returns_to_the_timeline(browser, server):
    page, _ = offline_page(browser, 1400)
    page.goto(f"{server.url}/?types=FaceSwapService&date=2024-01-01")
    expect(duties_list(page)).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    idle(page)
    page.get_by_text("Timeline: when each duty began to bind", exact=False).click()
    expect(page).to_have_url(re.compile(r"timeline=1"), timeout=ANSWER_TIMEOUT_MS)
    chart = page.locator('[data-testid="stVegaLiteChart"]').first
    expect(chart).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    idle(page)
    duties_url = page.url
    bar = chart.locator("svg .mark-rect path, svg path[role='graphics-symbol']").first
    expect(bar).to_be_attached(timeout=ANSWER_TIMEOUT_MS)
    chart.scroll_into_view_if_needed()
    bar.click(force=True)  # Vega draws the bar; its href channel navigates
    expect(page).to_have_url(re.compile(r"/browse\?entity=id%3Aprovision"), timeout=ANSWER_TIMEOUT_MS)
    assert len(page.context.pages) == 1  # the same tab, no new one
    assert "date=2024-01-01" in page.url  # the provision as it stood on the explorer's day
    expect(page.locator('[data-testid="stMain"] h1').first).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    idle(page)
    page.go_back()  # one press
    expect(page).to_have_url(duties_url, timeout=ANSWER_TIMEOUT_MS)
    expect(page.locator('[data-testid="stVegaLiteChart"]').first).to_be_visible(timeout=ANSWER_TIMEOUT_MS)


CONTRAST = """el => {
  const rgb = s => s.match(/[\\d.]+/g).slice(0, 4).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map(c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; })
                                       .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
  let node = el, background = null;
  while (node && !background) {
    const b = getComputedStyle(node).backgroundColor;
    const parts = rgb(b);
    if (parts.length < 4 || parts[3] > 0) background = parts;
    node = node.parentElement;
  }
  background = background || [255, 255, 255];
  const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(background)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}"""


def contrasts(locator) -> list[float]:
    return [locator.nth(i).evaluate(CONTRAST) for i in range(locator.count())]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_assess_colours_each_mark_and_says_it_in_words(browser, server, lang):
    t = lambda text: gettext(text, lang)  # noqa: E731  the page's words, from its catalogue
    page, _ = offline_page(browser, 1400)
    page.goto(f"{server.url}/assess?scenario=university-deepfake-pornography&lang={lang}")
    today = page.locator('[data-testid="verdict-in-force"]')
    expect(today.locator('.dfk-mark[data-status="not established"]')).to_have_text(f"✗ {t('not established')}",
                                                                                 timeout=ANSWER_TIMEOUT_MS)
    expect(page.locator('[data-testid="verdict-proposed"] .dfk-mark')).to_have_text(f"? {t('undetermined')}")
    titles = page.locator('[data-testid="stExpander"] summary .stMarkdownColoredText')
    expect(titles.filter(has_text=f"✓ {t('holds')}").first).to_be_visible()
    colours = {m.evaluate("e => getComputedStyle(e).color") for m in page.locator(".dfk-mark").all()}
    assert len(colours) == 2  # ✗ and ? differ
    assert min(contrasts(page.locator(".dfk-mark")) + contrasts(titles)) >= 4.5
    today.scroll_into_view_if_needed()
    screenshot(page, "assess-marks", lang, 1400)


@pytest.mark.parametrize("lang,undetermined", [("en", "? undetermined"), ("zh", "? 尚无法确定")])
def test_the_guide_colours_verdicts_and_elements_in_both_languages(browser, server, lang, undetermined):
    page, _ = offline_page(browser, 1400)
    page.goto(f"{server.url}/guide?types=VideoSharingPlatform&step=regulator.ordered_to_correct"
              f"&a=content.kind=synthetic-pornography&a=notice.received=true&a=regulator.ordered_to_correct=false"
              f"&lang={lang}")
    panel = page.locator('[data-testid="verdict-today"]')
    expect(panel).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    expect(panel.locator(".status").first).to_have_attribute("data-status", "not established")
    marks = panel.locator("li .dfk-mark[role='img']")  # the elements' marks (the changes show mark and word)
    expect(marks.first).to_be_visible()
    # An element's mark alone carries its word for screen readers and as a tooltip.
    for i in range(marks.count()):
        assert marks.nth(i).get_attribute("aria-label") and marks.nth(i).get_attribute("title")
    assert {marks.nth(i).inner_text() for i in range(marks.count())} >= {"✗"}
    expect(page.locator('[data-testid="verdict-proposed"] .status').first).to_have_text(undetermined)
    assert min(contrasts(page.locator(".dfk-mark"))) >= 4.5


def test_a_dated_named_query_takes_its_day_from_a_field_typed_in(browser, server):
    page, _ = offline_page(browser, 1400)
    page.goto(f"{server.url}/sparql?query=duties-on-date&date=2024-01-01")
    editor = page.frame_locator("iframe[title*='sparql_editor']").first
    expect(editor.locator(".CodeMirror")).to_contain_text('VALUES ?asOf { "2024-01-01"^^xsd:date }',
                                                          timeout=ANSWER_TIMEOUT_MS)
    field = page.get_by_role("textbox", name="The query's day (?asOf)")
    expect(field).to_have_value("2024-01-01")  # the explorer's day by default
    idle(page)
    page.get_by_role("button", name="Run query").click()
    results = page.locator('[data-testid="sparql-results"]')
    expect(results.get_by_text("deep-synthesis", exact=False).first).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    idle(page)
    field.click()
    field.press("Control+a")
    page.keyboard.type("2022-12-31")
    page.keyboard.press("Enter")
    expect(editor.locator(".CodeMirror")).to_contain_text('VALUES ?asOf { "2022-12-31"^^xsd:date }',
                                                          timeout=ANSWER_TIMEOUT_MS)
    expect(page).to_have_url(re.compile(r"asof=2022-12-31"))
    assert "text=" not in page.url  # still the named query, whose title stays
    expect(page.get_by_text("Duties in force on a date", exact=True)).to_be_visible()
    idle(page)
    page.get_by_role("button", name="Run query").click()
    expect(page.get_by_text("The results below are those of the query as it was when last run.")).to_have_count(
        0, timeout=ANSWER_TIMEOUT_MS)
    # the Deep Synthesis Provisions bind from 2023-01-10: not yet on 2022-12-31
    expect(results.get_by_text("deep-synthesis", exact=False)).to_have_count(0)
    page.mouse.move(5, 5)  # no button's tooltip over the field in the picture
    screenshot(page, "sparql-dated", "en", 1400)
    # Anything but a day is refused in words and never reaches the query.
    idle(page)
    field.click()
    field.press("Control+a")
    page.keyboard.type('2023-01-10" } } DELETE { ?s ?p ?o } #')
    page.keyboard.press("Enter")
    expect(page.locator('[data-testid="stMain"] [data-testid="stAlert"]').filter(has_text="is not a day")).to_be_visible(
        timeout=ANSWER_TIMEOUT_MS)
    expect(editor.locator(".CodeMirror")).to_contain_text('VALUES ?asOf { "2022-12-31"^^xsd:date }')
    expect(editor.locator(".CodeMirror")).not_to_contain_text("DELETE")
