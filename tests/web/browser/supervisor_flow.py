"""Helpers of the supervisor's browser flows: samples made visible to the 江苏省淮安市 supervisor, an
upload through the home page's form, waiting for the run, and opening a report's findings."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.wait import WebDriverWait

from tests.web.browser.conftest import go, login, wait_path
from tests.web.browser.flow_helpers import click_and_wait

SAMPLES = Path(__file__).resolve().parents[3] / "samples"
SHUYANG = SAMPLES / "shuyang-county-2025.txt"
HERE = "淮安市洪泽区人民政府"


def local_text(folder: Path) -> Path:
    """沭阳县's text report, as if 洪泽区's (so within the supervisor's region); same lines."""
    path = folder / "hongze-district-2025.txt"
    path.write_text(SHUYANG.read_text(encoding="utf-8").replace("沐阳县人民政府", HERE), encoding="utf-8")
    return path


def upload_and_wait(driver: WebDriver, *paths: Path, timeout: float = 120) -> None:
    """Log in as the supervisor, send ``paths`` through the upload form, wait for the run to finish."""
    login(driver, "supervisor")
    go(driver, "/supervisor")
    driver.find_element(By.ID, "run-files").send_keys("\n".join(str(p) for p in paths))
    click_and_wait(driver, driver.find_element(By.XPATH, "//button[normalize-space()='开始审核']"))
    assert re.search(r"/supervisor/runs/[0-9]+$", driver.current_url), driver.current_url
    # htmx replaces #run-progress while it is polled: an element asked about mid-swap is retried
    WebDriverWait(driver, timeout, poll_frequency=1, ignored_exceptions=(WebDriverException,)).until(
        lambda d: (
            "状态：已完成" in d.find_element(By.ID, "run-progress").text
            or "状态：失败" in d.find_element(By.ID, "run-progress").text
        )
    )
    assert "状态：已完成" in driver.find_element(By.ID, "run-progress").text
    assert f"{len(paths)}/{len(paths)}" in driver.find_element(By.ID, "run-progress").text


def open_report(driver: WebDriver, file_name: str) -> None:
    """From the home page, through 年报与问题, the report uploaded as ``file_name``."""
    go(driver, "/supervisor")
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "年报与问题"))
    wait_path(driver, "/supervisor/reports")
    row = driver.find_element(By.XPATH, f"//tbody/tr[td[3][normalize-space()='{file_name}']]")
    click_and_wait(driver, row.find_element(By.CSS_SELECTOR, "td a"))
    assert re.search(r"/supervisor/reports/[0-9]+$", driver.current_url), driver.current_url


def open_finding(driver: WebDriver, shows: Callable[[WebDriver], bool], limit: int = 15) -> None:
    """Click the report's findings in turn until one's page ``shows`` what is wanted."""
    report = driver.current_url
    count = len(driver.find_elements(By.CSS_SELECTOR, "tbody tr td:nth-child(3) a"))
    for index in range(min(count, limit)):
        link = driver.find_elements(By.CSS_SELECTOR, "tbody tr td:nth-child(3) a")[index]
        click_and_wait(driver, link)
        if shows(driver):
            return
        driver.get(report)
    raise AssertionError(f"none of the first {min(count, limit)} findings of {report} shows it")
