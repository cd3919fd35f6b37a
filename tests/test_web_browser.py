"""The web app in headless Chromium (Debian's `chromium`, driven by Playwright; Playwright's own
browsers are never downloaded): the list and its filters, an event with its highlighted
evidence, the map and the charts drawn with data, and a hostile article that runs no script."""

from __future__ import annotations

import os
import shutil

import pytest

from marsad.store import Store, ingest_documents
from marsad.web import create_app
from web_support import live_server, web_documents

CHROMIUM = os.environ.get("MARSAD_TEST_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    target = str(tmp_path_factory.mktemp("browser") / "web.db")
    with Store(target, write=True) as store:
        ingest_documents(store, web_documents())
    with live_server(create_app(target)) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"no Chromium at {CHROMIUM}: apt-get install chromium (or set MARSAD_TEST_CHROMIUM)")
    with sync_api.sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        except Exception as exc:  # noqa: BLE001 - any launch failure means no browser to test with
            pytest.skip(f"Chromium at {CHROMIUM} could not be started: {exc}")
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.script_errors = errors
    yield page
    context.close()


def texts(page, selector: str) -> list[str]:
    """The text of every element matching `selector` (SVG elements have no innerText)."""
    return page.locator(selector).evaluate_all("nodes => nodes.map(n => n.textContent)")


def open_page(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-ready='1']", timeout=15000)


def test_web_browser_list_filters_by_type_and_opens_an_event(page, base_url):
    open_page(page, base_url + "/")
    assert page.locator("tr.event-row").count() == 18
    page.select_option("select[name=type]", "PROTEST")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/?type=PROTEST&sort=-day")
    page.wait_for_selector("body[data-ready='1']")
    rows = page.locator("tr.event-row")
    assert rows.count() == 1
    assert rows.first.locator(".summary").inner_text().startswith("LBN (civilians) PROTEST/demo LBN (legislature)")
    rows.first.locator("a.summary-link").click()
    page.wait_for_selector("#article-text")
    article = page.locator("#article-text")
    assert article.get_attribute("dir") == "rtl" and article.get_attribute("lang") == "ar"
    evidence = "".join(page.locator("#article-text mark.hl-evidence").all_inner_texts())
    assert "تظاهر مئات الطلاب اللبنانيين أمام مبنى البرلمان في بيروت أمس" in evidence
    assert page.locator("#article-text mark.hl-trigger").inner_text() == "تظاهر"
    assert page.locator("#article-text mark.hl-place").inner_text() == "بيروت"
    assert page.locator("#article-text .tag-actor").inner_text() == "actor: LBN"
    assert not page.script_errors


def test_web_browser_event_page_shows_flags_rule_other_events_and_quotes(page, base_url):
    open_page(page, base_url + "/?type=ASSAULT&actor=SYR")
    page.locator("a.summary-link").first.click()
    page.wait_for_selector("#article-text")
    assert page.locator("#article-text mark.hl-date").inner_text() == "يوم الجمعة"
    assert "hand:assault" in page.locator("dl.facts").inner_text()
    assert "negated: no" in page.locator("dl.facts").inner_text()
    assert page.locator("ul.other-events li").count() == 1
    assert "إن الغارة أسفرت عن سقوط ضحايا" in page.locator("ul.quotes").inner_text()


def test_web_browser_map_draws_countries_and_clusters(page, base_url):
    open_page(page, base_url + "/map")
    assert page.locator("svg.map path.country").count() > 150
    counts = [int(t) for t in texts(page, "svg.map .cluster-count")]
    assert sum(counts) == 16  # every event with a place
    page.click("#zoom-world")
    assert page.locator("svg.map .cluster").count() < 5  # the five places, clustered at world scale
    assert sum(int(t) for t in texts(page, "svg.map .cluster-count")) == 16
    for _ in range(4):
        page.click("#zoom-in")
    hrefs = page.locator("svg.map a.place").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert "/?place=Idlib" in hrefs
    assert not page.script_errors


def test_web_browser_timeline_and_network_draw_with_data(page, base_url):
    open_page(page, base_url + "/charts?type=ASSAULT")
    bars = page.locator("svg.timeline rect.bar")
    assert bars.count() == 12 and set(bars.evaluate_all("b => b.map(x => x.dataset.type)")) == {"ASSAULT"}
    assert page.locator("svg.network path.edge").count() == 1
    assert set(texts(page, "svg.network .node-label")) == {"RUS", "SYR"}


def test_web_browser_hostile_article_runs_no_script(page, base_url):
    open_page(page, base_url + "/?type=COERCE")
    page.locator("a.summary-link").first.click()
    page.wait_for_selector("#article-text")
    text = page.locator("#article-text").inner_text()
    assert "<script>window.__pwned=1</script>" in text and 'onerror="window.__pwned=2"' in text
    assert page.locator("#article-text script, #article-text img").count() == 0
    assert page.locator(".bidi-control").first.inner_text() == "[U+202E]"
    assert page.evaluate("window.__pwned") is None
    open_page(page, base_url + "/?type=COERCE")  # the list shows the evidence too
    assert page.evaluate("window.__pwned") is None


def test_web_browser_api_docs_are_served_locally(page, base_url):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(base_url + "/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=15000)
    assert all(url.startswith(base_url) for url in requests)
