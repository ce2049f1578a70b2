"""Flow 3 in Chromium: the supervisor uploads several reports, waits for the run, and opens a PDF's
finding on its page image and a text report's finding on its highlighted line."""

from __future__ import annotations

from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from tests.web.browser.supervisor_flow import SAMPLES, SHUYANG, local_text, open_finding, open_report, upload_and_wait

pytestmark = pytest.mark.browser


def _page_image(driver: WebDriver) -> bool:
    return bool(driver.find_elements(By.CSS_SELECTOR, "main img.page-image"))


def _highlighted(driver: WebDriver) -> bool:
    return bool(driver.find_elements(By.CSS_SELECTOR, "li.source-line.hl"))


def test_flows_supervisor_uploads_a_folder_and_opens_findings(page: WebDriver, tmp_path: Path) -> None:
    text = local_text(tmp_path)
    upload_and_wait(page, SAMPLES / "hongze-district-2023.pdf", SAMPLES / "hongze-district-2024.pdf", text)

    open_report(page, "hongze-district-2024.pdf")
    assert "淮安市洪泽区人民政府 2024 年度报告" in page.find_element(By.TAG_NAME, "h1").text
    open_finding(page, _page_image)
    image = page.find_element(By.CSS_SELECTOR, "main img.page-image")
    page.set_script_timeout(30)
    width = page.execute_async_script(
        "const img = arguments[0]; const done = arguments[arguments.length - 1];"
        "if (img.complete) { done(img.naturalWidth); }"
        "else { img.addEventListener('load', () => done(img.naturalWidth));"
        " img.addEventListener('error', () => done(0)); }",
        image,
    )
    assert width > 0, "the page image did not load"

    open_report(page, text.name)
    open_finding(page, _highlighted)
    marked = page.find_element(By.CSS_SELECTOR, "li.source-line.hl")
    assert marked.is_displayed()
    number = int(str(marked.get_attribute("value")))
    expected = (
        SHUYANG.read_text(encoding="utf-8").splitlines()[number - 1].replace("沐阳县人民政府", "淮安市洪泽区人民政府")
    )
    assert marked.text.strip() == expected.strip() and expected.strip()
