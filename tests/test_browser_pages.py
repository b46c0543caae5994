"""Every page in a real browser, in English and in Chinese, on a desktop (1400 px) and a phone (390 px):
no untranslated string, nothing fetched from another host, a screenshot of each in build/screenshots/
(page-lang-width.png); and the time from a click on a new platform combination to its table.

Requests to any host but the app's own are blocked and recorded: the explorer must work offline (icon, fonts).
"""
import json
import re
import statistics
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.test_browser import (ANSWER_TIMEOUT_MS, DUTIES, browser, chips, chromium_path, expect, idle,  # noqa: F401
                                server)
from tests.untranslated import untranslated_in

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parent.parent / "build" / "screenshots"
WIDTHS = {"1400": {"width": 1400, "height": 1000}, "390": {"width": 390, "height": 844}}
PAGES = {  # page → path and query that show its main content
    "duties": "?types=VideoSharingPlatform,LargeLeadingPlatform",
    "compare": "compare",
    "guide": "guide",
    "assess": "assess?scenario=university-deepfake-pornography",
    "assess-impossible": "assess?types=LargeLeadingPlatform,SmallMediumPlatform",  # the package's error, said
    "browse": "browse?entity=id:provision/cn-criminal-law/art-286-1",
    "browse-search": "browse?q=deepfake",  # hits, snippets and facets
    "browse-actors": "browse?section=actors",  # the class tree: multiple inheritance, instances, pinyin order
    "sparql": "sparql",
    "about": "about",
}
LANGUAGE_SWITCH = {"English", "中文"}  # each language's name in itself, on every page
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")

# The visible text runs of the page that do not stand inside an element declaring a language other than the page's
# (lang="en" on a quote or a name the graph has only in English, "zh" on a statute's official title, "und" on a
# literal in no language). Code, SVG, icons (a Material icon is a ligature: its name in the icon font) and hidden
# elements are left out; so is Streamlit's own "Skip to main content" link for screen readers, which an app cannot
# translate. The <html lang> Streamlit sets is not a declaration of ours.
TEXT_RUNS = """(pageLang) => {
  const runs = [];
  const root = document.querySelector('[data-testid="stApp"]') || document.body;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, el = node.parentElement, text = node.textContent.trim();
    if (!text || !el) continue;
    if (el.closest('code, pre, style, script, svg, [data-testid="stCode"], [data-testid="stToolbar"], [data-testid="stStatusWidget"], '
                   + '[data-testid="stIconMaterial"], [data-testid="stSkipToContent"]')) continue;
    if (el.getClientRects().length === 0) continue;  // not displayed
    if (getComputedStyle(el).fontFamily.includes('Material Symbols')) continue;  // an icon, whatever its test id
    const declared = el.closest('[lang]');
    const other = declared && declared !== document.documentElement && !declared.lang.toLowerCase().startsWith(pageLang);
    if (!other) runs.push(text);
  }
  return runs;
}"""


# The right edge of the widest table, card or picture that is not inside a box that scrolls on purpose.
WIDEST = """() => Math.max(0, ...[...document.querySelectorAll('[data-testid=stMain] :is(table, details, img, p)')]
  .filter(e => !e.closest('.dfk-scroll, [data-testid=stCode], [data-testid=stDataFrame], .yasqe, .CodeMirror'))
  .map(e => e.getBoundingClientRect().right))"""


@pytest.fixture
def offline_page(browser):  # noqa: F811
    """A page for which every request to another host fails, and is recorded."""
    def make(width: str):
        context = browser.new_context(viewport=WIDTHS[width], accept_downloads=True)
        context.set_default_timeout(ANSWER_TIMEOUT_MS)
        page = context.new_page()
        page.outside = []

        def route(route):
            host = urlparse(route.request.url).hostname
            if host in ("127.0.0.1", "localhost") or route.request.url.startswith("data:"):
                route.continue_()
            else:
                page.outside.append(route.request.url)
                route.abort()

        context.route("**/*", route)
        made.append(context)
        return page

    made = []
    yield make
    for context in made:
        context.close()


def settle(page) -> None:
    idle(page)
    page.wait_for_load_state("networkidle")
    idle(page)
    # A widget whose code is still loading is a grey skeleton, without its label: nothing to read or check yet.
    expect(page.locator('[data-testid="stSkeleton"]')).to_have_count(0, timeout=ANSWER_TIMEOUT_MS)


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", list(PAGES))
def test_each_page_in_each_language_and_width(offline_page, server, name, lang, width):  # noqa: F811
    page = offline_page(width)
    path = PAGES[name]
    page.goto(f"{server.url}/{path}{'&' if '?' in path else '?'}lang={lang}")
    study = "仅供学习" if lang == "zh" else "For study, not legal advice"
    expect(page.get_by_text(study).first).to_be_attached(timeout=ANSWER_TIMEOUT_MS)
    settle(page)
    assert not page.locator('[data-testid="stException"]').count(), page.locator('[data-testid="stException"]').first.inner_text()
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")  # every explanation, open
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = SCREENSHOTS / f"{name}-{lang}-{width}.png"
    # Streamlit scrolls an inner element, not the document: make the window as tall as the page to see it all.
    height = page.evaluate("Math.max(...[...document.querySelectorAll('[data-testid=stMain], [data-testid=stSidebarContent]')]"
                           ".map(e => e.scrollHeight), 600)")
    page.set_viewport_size({"width": WIDTHS[width]["width"], "height": min(height + 40, 16000)})
    settle(page)
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    assert page.outside == [], f"fetched from other hosts: {page.outside}"
    assert not page.get_by_role("button", name="Deploy", exact=True).count()  # (an AI Act "deployer" chip may show)
    runs = page.evaluate(TEXT_RUNS, lang)
    if lang == "zh":
        english = untranslated_in(runs)
        assert english == [], f"untranslated on {name} ({width} px): {english}"
    else:  # Chinese on an English page only where it is declared (lang="zh": a statute's official title, its text)
        chinese = sorted({run for run in runs if CJK.search(run) and run not in LANGUAGE_SWITCH})
        assert chinese == [], f"Chinese not marked as such on {name} ({width} px): {chinese}"
    assert page.evaluate(WIDEST) <= WIDTHS[width]["width"] + 1, f"{name} is wider than {width} px"


def test_a_duty_opens_in_place_and_a_link_to_browse_keeps_back_working(offline_page, server):  # noqa: F811
    page = offline_page("390")
    page.goto(f"{server.url}/?types=VideoSharingPlatform&lang=en")
    duty = page.locator(DUTIES).filter(has_text="Stop transmission of prohibited information").first
    expect(duty).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    settle(page)
    assert duty.bounding_box()["width"] <= 390  # a card, not a 777 px row
    duty.locator("summary .c-status").click()
    expect(duty.locator(".dfk-why")).to_be_visible()
    before = page.url
    duty.locator(".dfk-why").get_by_role("link", name="Open this duty in Browse").click()
    expect(page.get_by_role("heading", name="Stop transmission of prohibited information")).to_be_visible(
        timeout=ANSWER_TIMEOUT_MS)
    settle(page)
    page.go_back()  # one press brings the duties back
    expect(page.locator(DUTIES).first).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    assert page.url == before


def test_click_to_table_for_a_new_platform_combination(offline_page, server, record_property):  # noqa: F811
    """From a click on a chip that makes a combination not asked before to its duties drawn; median reported."""
    page = offline_page("1400")
    page.goto(f"{server.url}/?types=VideoSharingPlatform")
    expect(page.locator(DUTIES).first).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    function = chips(page, "function")
    timings = []
    for name in ("live-streaming platform", "instant-messaging platform", "app distribution platform",
                 "social platform", "algorithmic recommendation service provider"):
        settle(page)
        clicked = time.perf_counter()
        function.get_by_text(name, exact=True).click()  # video-sharing + this: not asked before
        expect(page.get_by_role("heading").filter(has_text=name)).to_have_count(1, timeout=ANSWER_TIMEOUT_MS)
        expect(page.locator(DUTIES).first).to_be_visible()
        timings.append(time.perf_counter() - clicked)
        settle(page)
        function.get_by_text(name, exact=True).click()  # and back
        expect(page.get_by_role("heading").filter(has_text=name)).to_have_count(0, timeout=ANSWER_TIMEOUT_MS)
    median = statistics.median(timings)
    record_property("click_to_table_median_seconds", round(median, 3))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / "click-to-table.json").write_text(json.dumps(
        {"median_seconds": round(median, 3), "seconds": [round(t, 3) for t in timings]}, indent=2))
    print(f"\nclick-to-table for a new platform combination: median {median:.3f} s over {len(timings)} clicks")
    assert page.outside == []
