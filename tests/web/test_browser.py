"""Browser test: headless Chromium drives `cronica serve` over a small store.

Skips when Chromium, its driver or Selenium is missing, except in CI (CI=true), where it fails.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync")


def _missing(what: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is required in CI (run .ci/install-browser.sh)")
    pytest.skip(f"{what} not installed: apt-get install -y chromium chromium-driver; pip install selenium")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(chronicle_db):
    """`cronica serve` on a free loopback port; yields its base URL."""
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "cronica.cli", "serve", "--db", str(chronicle_db),
                                "--setting", "serve_port", str(port)], stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/static/cronica.css", timeout=1).read()
            break
        except OSError:
            time.sleep(0.1)
    else:
        process.kill()
        pytest.fail(f"cronica serve did not start: {process.stderr.read().decode()[-500:]}")
    yield base
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """A headless Chromium session with a fresh profile."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if not chromium or not driver_path:
        _missing("chromium and chromium-driver")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _missing("selenium")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in FLAGS + (f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
                         "--window-size=1280,1000"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def _shoot(driver, tmp_path, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    for folder in (tmp_path, ARTIFACTS):
        driver.save_screenshot(str(folder / f"{name}.png"))
    assert (tmp_path / f"{name}.png").stat().st_size > 1000


@pytest.mark.parametrize("words,doc_id", [("tropas Kursk", "es-lavrov-pyongyang")])
def test_browser_search_then_article_highlights(server, browser, tmp_path, words, doc_id):
    from selenium.webdriver.common.by import By
    browser.get(server + "/")
    box = browser.find_element(By.ID, "q")
    box.send_keys(words)
    box.submit()
    first = browser.find_element(By.CSS_SELECTOR, ".result a.title")
    assert browser.find_elements(By.CSS_SELECTOR, ".result mark")
    _shoot(browser, tmp_path, "search")
    first.click()
    assert browser.current_url.endswith(f"/documents/{doc_id}")
    for layer in ("hl-ent", "hl-qty", "hl-evidence"):
        spans = browser.find_elements(By.CSS_SELECTOR, f"#text .{layer}")
        assert spans and spans[0].size["width"] > 0, layer
    browser.find_element(By.CSS_SELECTOR, 'input[data-layer="ent"]').click()
    assert "off-ent" in browser.find_element(By.ID, "text").get_attribute("class")
    _shoot(browser, tmp_path, "article")


@pytest.mark.parametrize("entity,stories", [("Corea del Norte", 3)])
def test_browser_timeline_chart_renders(server, browser, tmp_path, entity, stories):
    from selenium.webdriver.common.by import By
    browser.get(server + "/timeline?entity=" + entity.replace(" ", "+"))
    chart = browser.find_element(By.CSS_SELECTOR, "svg.timeline-chart")
    assert chart.size["width"] > 300 and chart.size["height"] > 40
    marks = browser.find_elements(By.CSS_SELECTOR, "svg.timeline-chart a.story")
    assert len(marks) == stories
    _shoot(browser, tmp_path, "timeline")


@pytest.mark.parametrize("query", ["unit=troops&actor=PRK&target=RUS"])
def test_browser_figures_chart_renders(server, browser, tmp_path, query):
    from selenium.webdriver.common.by import By
    browser.get(server + "/figures?" + query)
    bars = browser.find_elements(By.CSS_SELECTOR, "svg.figures-chart g.figure")
    assert len(bars) == 2
    _shoot(browser, tmp_path, "figures")
