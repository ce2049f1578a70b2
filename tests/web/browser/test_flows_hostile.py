"""Flow 4 in Chromium: an uploaded HTML report with a script, an ``onerror`` image and a
``javascript:`` link runs none of them when the supervisor reads its source."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from tests.web.browser.supervisor_flow import local_text, open_finding, open_report, upload_and_wait

pytestmark = pytest.mark.browser

SCRIPT = "<script>window.__pwned=1</script>"
IMAGE = '<img src=x onerror="window.__pwned=2">'
LINK = '<a href="javascript:window.__pwned=3">点我</a>'


def _hostile(folder: Path) -> Path:
    """The (洪泽区) text sample as an HTML page, one paragraph a line, the attacks in its third paragraph."""
    lines = [line for line in local_text(folder).read_text(encoding="utf-8").splitlines() if line.strip()]
    paragraphs = [f"<p>{html.escape(line)}</p>" for line in lines]
    paragraphs[2] = f"<p>{html.escape(lines[2])}{SCRIPT}详见{IMAGE}附件{LINK}。</p>"
    path = folder / "hostile-2025.html"
    body = "\n".join(paragraphs)
    path.write_text(
        f'<!DOCTYPE html><html><head><meta charset="utf-8"></head>\n<body>\n{body}\n</body></html>\n', "utf-8"
    )
    return path


def _pwned(driver: WebDriver) -> str:
    kind: str = driver.execute_script("return typeof window.__pwned")
    return kind


def _source_shown(driver: WebDriver) -> bool:
    return bool(driver.find_elements(By.CSS_SELECTOR, "li.source-line.hl"))


def test_flows_hostile_html_report_runs_no_script(page: WebDriver, tmp_path: Path) -> None:
    report = _hostile(tmp_path)
    upload_and_wait(page, report)
    open_report(page, report.name)
    assert _pwned(page) == "undefined"
    open_finding(page, _source_shown)
    assert _pwned(page) == "undefined"
    text = page.find_element(By.CSS_SELECTOR, "ol.source").text
    assert SCRIPT in text, "the script tag does not show as text"
    assert not page.find_elements(By.CSS_SELECTOR, "main img:not(.page-image)")
    for link in page.find_elements(By.LINK_TEXT, "点我"):
        link.click()
    assert _pwned(page) == "undefined"
    assert not page.find_elements(By.CSS_SELECTOR, "a[href^='javascript:']")
