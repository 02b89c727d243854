"""A real browser against ``bahith serve``: Arabic search, right-to-left results, no script runs.

The server runs as users run it (``python -m bahith serve`` with waitress, as a
subprocess on a free loopback port) and Debian's headless Chromium drives it
through Selenium. CI installs ``chromium`` and ``chromium-driver``; without
them this test fails rather than skips, so a missing browser is never mistaken
for a pass. Screenshots are left in the test's temporary folder.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException, TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support import expected_conditions as ready
from selenium.webdriver.support.ui import WebDriverWait

from indexer.update import update_index
from tests.serving import bahith_serve

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
WAIT = 10.0
XSS_ARTICLE = (
    "Alerte <script>document.title='pwned'</script> sécurité <img src=x onerror=\"window.pwned=1\">\n\n"
    "Cet article contient <script>window.pwned = 1; alert(1)</script> puis une image "
    "<img src=x onerror=\"document.title='pwned'; alert(2)\"> dans un texte sur la sécurité.\n"
)


@pytest.fixture
def index_dir(tmp_path: Path, seeds_dir: Path) -> Path:
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "xss.txt").write_text(XSS_ARTICLE, encoding="utf-8")
    update_index(tmp_path / "index", [seeds_dir, extra])
    return tmp_path / "index"


@pytest.fixture
def server(index_dir: Path, tmp_path: Path) -> Iterator[str]:
    with bahith_serve(index_dir, tmp_path) as url:
        yield url


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[WebDriver]:
    assert CHROMIUM.exists(), (
        f"the browser test needs Debian's chromium at {CHROMIUM} (apt-get install chromium)"
    )
    assert CHROMEDRIVER.exists(), f"the browser test needs {CHROMEDRIVER} (apt-get install chromium-driver)"
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,900",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
    ):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": "ar,fr"})
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    try:
        yield driver
    finally:
        driver.quit()


def assert_nothing_ran(driver: WebDriver) -> None:
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018 - reading it is what raises when no alert is open
    assert driver.title != "pwned", "the script in the article would have set the title"
    assert driver.execute_script("return typeof window.pwned") == "undefined"


def test_search_read_and_stay_safe_in_a_real_browser(server: str, browser: WebDriver, tmp_path: Path) -> None:
    wait = WebDriverWait(browser, WAIT)
    browser.get(server + "/")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("dir") == "rtl", "Accept-Language ar"

    box = browser.find_element(By.ID, "q")
    box.send_keys("سليماني موسكو", Keys.ENTER)
    wait.until(ready.presence_of_element_located((By.CSS_SELECTOR, "li.hit")))
    browser.find_element(By.CSS_SELECTOR, ".sort a[href*='group=false']").click()  # one result per article
    wait.until(lambda driver: len(driver.find_elements(By.CSS_SELECTOR, "li.hit")) > 1)
    results = browser.find_elements(By.CSS_SELECTOR, "li.hit")
    directions = [(r.get_attribute("lang"), r.value_of_css_property("direction")) for r in results]
    assert directions == [("ar", "rtl")] * 4 + [("fr", "ltr")], "four Arabic articles, then the French one"
    for result in results:
        assert result.find_elements(By.TAG_NAME, "mark")
    assert {mark.text for mark in browser.find_elements(By.CSS_SELECTOR, "li.hit mark")} >= {
        "سليماني",
        "موسكو",
    }
    browser.save_screenshot(str(tmp_path / "results.png"))

    results[0].find_element(By.CSS_SELECTOR, "h2 a").click()
    wait.until(ready.presence_of_element_located((By.CSS_SELECTOR, "article.article")))
    article = browser.find_element(By.CSS_SELECTOR, "article.article")
    assert article.value_of_css_property("direction") == "rtl"
    marks = article.find_elements(By.TAG_NAME, "mark")
    assert len(marks) >= 4 and {mark.text for mark in marks} >= {"سليماني", "موسكو"}
    assert browser.find_elements(By.CSS_SELECTOR, ".article-aside .article-list a"), "related articles"
    browser.save_screenshot(str(tmp_path / "article.png"))

    browser.get(server + "/?ui=fr&q=" + "sécurité")
    wait.until(ready.presence_of_element_located((By.CSS_SELECTOR, "li.hit")))
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fr"
    title_link = browser.find_element(By.PARTIAL_LINK_TEXT, "Alerte")
    assert "<script>document.title='pwned'</script>" in title_link.text
    assert_nothing_ran(browser)
    title_link.click()
    wait.until(ready.presence_of_element_located((By.CSS_SELECTOR, "article.article")))
    article = browser.find_element(By.CSS_SELECTOR, "article.article")
    assert article.value_of_css_property("direction") == "ltr"
    assert "<script>window.pwned = 1; alert(1)</script>" in article.text
    assert not article.find_elements(By.TAG_NAME, "script") and not article.find_elements(By.TAG_NAME, "img")
    assert_nothing_ran(browser)
    browser.save_screenshot(str(tmp_path / "markup-article.png"))

    browser.get(
        server + "/?q=%3Cscript%3Ewindow.pwned%3D1%3C%2Fscript%3E%3Cimg%20src%3Dx%20onerror%3Dalert(3)%3E"
    )
    assert (
        browser.find_element(By.ID, "q").get_attribute("value")
        == "<script>window.pwned=1</script><img src=x onerror=alert(3)>"
    )
    assert_nothing_ran(browser)


# The page at every width, in every interface language

NARROWEST, PHONE, DESKTOP = 320, 390, 1280
WIDTHS = {NARROWEST: 640, PHONE: 844, DESKTOP: 900}
"""Viewport widths checked, with the height of each screenshot."""
SCREENSHOT_WIDTHS = (PHONE, DESKTOP)
PAGES = {"results": "سليماني موسكو", "no-results": "zzqxw"}

MEASURE = """
const box = element => {
  const found = document.querySelector(element);
  if (!found) { return null; }
  const r = found.getBoundingClientRect();
  return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width};
};
return {
  scrollWidth: document.documentElement.scrollWidth,
  innerWidth: window.innerWidth,
  parts: Object.fromEntries(arguments[0].map(selector => [selector, box(selector)])),
};
"""
HEADER_PARTS = ("#q", ".search-form button", ".search-form .exact", ".search-form .exact span", ".ui-switch")


def view_at(driver: WebDriver, width: int) -> None:
    """Make the viewport ``width`` CSS pixels wide, as a phone (below 800) or a desktop."""
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": WIDTHS[width], "deviceScaleFactor": 1, "mobile": width < 800},
    )


def measure(driver: WebDriver, *selectors: str) -> dict:
    return driver.execute_script(MEASURE, list(selectors))


@pytest.mark.slow
@pytest.mark.parametrize("ui", ["ar", "fr", "en"])
def test_the_page_fits_every_width_in_every_interface_language(
    server: str, browser: WebDriver, tmp_path: Path, ui: str
) -> None:
    for width in WIDTHS:
        view_at(browser, width)
        for name, query in PAGES.items():
            browser.get(f"{server}/?ui={ui}&q={query}")
            where = f"{name} at {width} px in {ui}"
            found = measure(browser, *HEADER_PARTS, ".filters", ".results", ".no-results")
            assert found["innerWidth"] == width
            assert found["scrollWidth"] <= found["innerWidth"], f"the page scrolls sideways: {where}"
            for part in HEADER_PARTS:
                rect = found["parts"][part]
                assert rect is not None and rect["width"] > 0, (part, where)
                assert rect["left"] >= 0 and rect["right"] <= width, f"{part} is cut off: {where}"
            filters, results = found["parts"][".filters"], found["parts"][".results"]
            if name == "results":
                if width < 800:
                    assert filters["bottom"] <= results["top"], f"filters above the results: {where}"
                else:
                    assert abs(filters["top"] - results["top"]) < 2, f"filters beside the results: {where}"
            else:
                message = found["parts"][".no-results"]
                assert filters is None and message is not None
                assert message["width"] >= 0.9 * results["width"], (
                    f"no-results fills the main column: {where}"
                )
                assert results["width"] >= width * 0.8, f"the main column takes the width: {where}"
            if width in SCREENSHOT_WIDTHS:
                browser.save_screenshot(str(tmp_path / f"{name}-{ui}-{width}.png"))
    view_at(browser, NARROWEST)
    browser.get(f"{server}/?ui={ui}&q={PAGES['results']}")
    for link in (".story-line a", "li.hit h2 a"):  # the pages a result leads to fit as well
        browser.get(browser.find_element(By.CSS_SELECTOR, link).get_attribute("href"))
        found = measure(browser)
        assert found["scrollWidth"] <= found["innerWidth"] == NARROWEST, f"{browser.current_url} in {ui}"
        browser.back()


# Results as you type


def typeahead_links(driver: WebDriver) -> list:
    return driver.find_elements(By.CSS_SELECTOR, "#q-typeahead:not([hidden]) a")


@pytest.mark.slow
def test_results_appear_as_you_type_and_open_articles(
    server: str, browser: WebDriver, tmp_path: Path
) -> None:
    wait = WebDriverWait(browser, WAIT)
    browser.get(server + "/?ui=en")
    box = browser.find_element(By.ID, "q")
    box.send_keys("س")
    with pytest.raises(TimeoutException):
        WebDriverWait(browser, 1.0).until(typeahead_links)
    box.send_keys("ليما")  # an unfinished word is searched as a prefix
    links = wait.until(typeahead_links)
    assert 1 < len(links) <= 6
    assert all(link.text and link.get_attribute("href").startswith(server + "/article/") for link in links)
    assert box.get_attribute("aria-expanded") == "true"
    browser.save_screenshot(str(tmp_path / "typeahead.png"))

    box.send_keys(Keys.ARROW_DOWN)
    assert browser.switch_to.active_element == links[0], "the first title is reached from the box by keyboard"
    browser.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
    assert browser.switch_to.active_element == links[1]
    title = links[1].text
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    wait.until(ready.presence_of_element_located((By.CSS_SELECTOR, "article.article h1")))
    assert browser.find_element(By.CSS_SELECTOR, "article.article h1").text == title
    assert browser.find_elements(By.CSS_SELECTOR, "article.article mark"), "the typed word is marked"

    box = browser.find_element(By.ID, "q")
    box.clear()
    box.send_keys("sécurité")
    links = wait.until(typeahead_links)
    assert any("<script>document.title='pwned'</script>" in link.text for link in links), "titles are text"
    assert_nothing_ran(browser)
    box.send_keys(Keys.ESCAPE)
    assert not typeahead_links(browser) and box.get_attribute("aria-expanded") == "false"
    box.send_keys(Keys.ENTER)
    wait.until(ready.presence_of_element_located((By.CSS_SELECTOR, "li.hit")))
    assert "q=s%C3%A9curit%C3%A9" in browser.current_url, "Enter still runs the full search"
    blocked = [
        entry["message"]
        for entry in browser.get_log("browser")
        if "Content Security Policy" in entry["message"]
    ]
    assert blocked == [], "the script runs under the strict CSP"
