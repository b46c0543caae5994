"""The law on a date in a real browser: the date control and the timeline on the Duties page, and Compare across
jurisdictions. Screenshots under build/screenshots/ (page-lang-width.png)."""
import csv
import io
import json
import re
from pathlib import Path

import pytest

pytest.importorskip("playwright")
from playwright.sync_api import Page, expect  # noqa: E402

from test_browser import ANSWER_TIMEOUT_MS, browser, chromium_path, duty_row, idle, server  # noqa: E402,F401  (fixtures)
from test_browser_sparql import offline_page, screenshot  # noqa: E402

pytestmark = pytest.mark.browser


def test_the_date_control_and_the_timeline_on_the_duties_page(browser, server):
    page, refused = offline_page(browser, 1400)
    page.goto(f"{server.url}/?types=FaceSwapService")
    table = page.locator('[data-testid="stMain"]')
    expect(table.get_by_text("Deep Synthesis Provisions")).not_to_have_count(0, timeout=ANSWER_TIMEOUT_MS)
    # A link with a date: the control shows it and the answer is the law of that day (typing into the control is
    # tests/test_browser_flows.py's).
    page.goto(f"{server.url}/?types=FaceSwapService&date=2020-01-01")
    expect(page.get_by_role("textbox", name="The law on")).to_have_value("2020-01-01", timeout=ANSWER_TIMEOUT_MS)
    idle(page)
    expect(table.get_by_text("Deep Synthesis Provisions")).to_have_count(0, timeout=ANSWER_TIMEOUT_MS)
    page.goto(f"{server.url}/?types=FaceSwapService&date=2024-01-01")
    expect(table.get_by_text("Deep Synthesis Provisions")).not_to_have_count(0, timeout=ANSWER_TIMEOUT_MS)
    assert "date=2024-01-01" in page.url

    idle(page)
    page.get_by_text("Timeline: when each duty began to bind", exact=False).click()
    timeline = page.locator('[data-testid="stMain"]')
    chart = timeline.locator('[data-testid="stVegaLiteChart"]').first
    expect(chart).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    expect(chart.locator("svg, canvas").first).to_be_visible()
    # each bar links to its provision's Browse page (Vega-Lite's href channel)
    links = chart.locator("a")
    if links.count():  # the SVG renderer draws <a> elements; the canvas renderer handles clicks itself
        assert any("browse?entity=" in (links.nth(i).get_attribute("href") or "") for i in range(links.count()))
    with page.expect_download() as download:
        timeline.get_by_role("button", name="Download the timeline (CSV)").click()
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8"))))
    deep_synthesis = [r for r in rows if "deep-synthesis" in r["provision"]]
    assert deep_synthesis and all(r["start"] == "2023-01-10" for r in deep_synthesis)
    with page.expect_download() as download:
        timeline.get_by_role("button", name="Download the timeline (JSON)").click()
    assert json.loads(Path(download.value.path()).read_text(encoding="utf-8"))["entries"]
    chart.scroll_into_view_if_needed()
    screenshot(page, "duties-timeline", "en", 1400)
    assert all("fonts.gstatic.com" in url for url in refused), refused


def test_compare_one_platform_across_jurisdictions(browser, server):
    page, _ = offline_page(browser, 1400)
    page.goto(f"{server.url}/compare?by=jurisdictions&types=VideoSharingPlatform,LargeLeadingPlatform")
    columns = page.locator('[data-testid="jurisdiction-column"]')
    expect(columns).to_have_count(4, timeout=ANSWER_TIMEOUT_MS)
    expect(columns.nth(0).get_by_role("heading")).to_have_text("People's Republic of China")
    expect(columns.nth(0).get_by_role("link", name="Stop transmission of prohibited information").first).to_be_visible()
    eu = columns.filter(has=page.get_by_role("heading", name="European Union"))
    conditional = eu.locator("details").filter(has_text="very large online platform")
    expect(conditional).to_be_visible()
    conditional.locator("summary").click()
    expect(conditional.get_by_text("45 million")).to_be_visible()  # the fact that decides it, not a presumption
    screenshot(page, "compare-jurisdictions", "en", 1400)
    # the other comparison is one click away and keeps working
    idle(page)
    page.get_by_text("Platform types side by side", exact=True).click()
    expect(page.locator("table.dfk-matrix")).to_be_visible(timeout=ANSWER_TIMEOUT_MS)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("width", [1400, 390])
def test_time_screenshots(browser, server, lang, width):
    page, _ = offline_page(browser, width)
    page.goto(f"{server.url}/compare?by=jurisdictions&types=VideoSharingPlatform,LargeLeadingPlatform&lang={lang}")
    expect(page.locator('[data-testid="jurisdiction-column"]')).to_have_count(4, timeout=ANSWER_TIMEOUT_MS)
    if (lang, width) != ("en", 1400):
        screenshot(page, "compare-jurisdictions", lang, width)
    page.goto(f"{server.url}/?types=FaceSwapService&date=2024-01-01&lang={lang}")
    expect(page.locator("table.dfk-duties, [data-testid='stVerticalBlock']").first).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    idle(page)
    page.get_by_text(re.compile("Timeline: when|时间线：")).first.click()
    expect(page.locator('[data-testid="stVegaLiteChart"]').first).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    if (lang, width) != ("en", 1400):
        screenshot(page, "duties-timeline", lang, width)
