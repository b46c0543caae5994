"""The SPARQL page in a real browser: the YASQE editor works with the network blocked, Ctrl+Enter runs the
query, a result IRI opens its Browse page, errors read in words. Screenshots under build/screenshots/."""
import json
import re
from pathlib import Path

import pytest

pytest.importorskip("playwright")
from playwright.sync_api import Page, expect  # noqa: E402

from test_browser import ANSWER_TIMEOUT_MS, browser, chromium_path, idle, server  # noqa: E402,F401  (fixtures)

pytestmark = pytest.mark.browser
SCREENSHOTS = Path(__file__).resolve().parent.parent / "build" / "screenshots"
WIDTHS = {"wide": 1400, "phone": 390}


def offline_page(browser, width: int) -> tuple[Page, list[str]]:
    """A page that can reach only the app's own server: anything else is refused and recorded."""
    context = browser.new_context(viewport={"width": width, "height": 1200}, accept_downloads=True)
    context.set_default_timeout(ANSWER_TIMEOUT_MS)
    refused: list[str] = []

    def only_loopback(route):
        if route.request.url.startswith("http://127.0.0.1"):
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    context.route("**/*", only_loopback)
    return context.new_page(), refused


def screenshot(page: Page, name: str, lang: str, width: int) -> Path:
    idle(page)
    page.wait_for_load_state("networkidle")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}-{lang}-{width}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000
    return path


def editor(page: Page):
    frame = page.frame_locator("iframe[title*='sparql_editor']").first
    expect(frame.locator(".CodeMirror")).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    return frame


def editor_frame(page: Page):
    return next(f for f in page.frames if "sparql_editor" in f.url)


def test_ctrl_enter_runs_the_query_and_a_result_iri_opens_its_browse_page(browser, server):
    page, refused = offline_page(browser, 1400)
    page.goto(f"{server.url}/sparql?query=duties-in-force-legal-basis")
    frame = editor(page)
    expect(frame.locator(".cm-keyword").first).to_be_visible()  # highlighted
    frame.locator(".CodeMirror").click()
    page.keyboard.press("Control+Enter")
    results = page.locator('[data-testid="sparql-results"]')
    expect(results).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    expect(page.get_by_text(re.compile(r"^\d+ rows"))).to_be_visible()
    expect(results.get_by_text("Stop transmission of prohibited information").first).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download JSON").click()
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert data["head"]["vars"][:2] == ["duty", "dutyLabel"] and data["results"]["bindings"]
    screenshot(page, "sparql", "en", 1400)

    idle(page)
    link = results.get_by_role("link", name="id:duty/csl-47-stop-transmission").first
    link.click()
    expect(page.get_by_role("heading", name="Stop transmission of prohibited information")).to_be_visible(
        timeout=ANSWER_TIMEOUT_MS)
    assert "/browse?" in page.url
    assert refused == [] or all("fonts.gstatic.com" in url for url in refused), refused  # the icon: ui-a's item
    assert not any("lov.linkeddata" in url or "prefix.cc" in url for url in refused)


def test_completion_comes_from_the_graph_and_errors_read_in_words(browser, server):
    page, refused = offline_page(browser, 1400)
    page.goto(f"{server.url}/sparql")
    frame = editor(page)
    frame.locator(".CodeMirror").click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.type("SELECT ?d WHERE { ?d a dfk:")
    hints = frame.locator(".CodeMirror-hints")
    expect(hints).to_be_visible(timeout=10_000)  # the graph's classes, offered as soon as the prefix is typed
    page.keyboard.type("Propos")
    page.keyboard.press("Control+Space")
    expect(hints.get_by_text("dfk:ProposedDuty", exact=True)).to_be_visible()
    # typing an undeclared prefix added its declaration, from the graph's own prefixes
    assert "PREFIX dfk: <https://w3id.org/deepfake-kg/ontology#>" in editor_frame(page).evaluate("dfkEditor.getValue()")
    page.keyboard.press("Escape")
    page.keyboard.press("Control+Enter")
    error = page.locator('[data-testid="stAlertContentError"]')
    expect(error).to_contain_text("SPARQL syntax error at line", timeout=ANSWER_TIMEOUT_MS)
    expect(error).to_contain_text("expected")
    expect(error).not_to_contain_text("SelectQuery")
    assert not any("lov.linkeddata" in url or "prefix.cc" in url for url in refused)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("width", [1400, 390])
def test_sparql_screenshots(browser, server, lang, width):
    if (lang, width) == ("en", 1400):
        pytest.skip("taken by the Ctrl+Enter test")
    page, _ = offline_page(browser, width)
    page.goto(f"{server.url}/sparql?query=passages-per-section&run=1&lang={lang}")
    editor(page)
    expect(page.locator('[data-testid="sparql-results"]')).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    screenshot(page, "sparql", lang, width)
