"""Flow 1 in Chromium: a clerk registers an application, records 补正 and the decision, then finds it
behind its cell in the year's report."""

from __future__ import annotations

import datetime as dt

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from tests.web.browser.conftest import login, wait_path
from tests.web.browser.flow_helpers import choose, click_and_wait, fill, set_date

pytestmark = pytest.mark.browser

YEAR = dt.date.today().year - 1  # a complete year
NUMBER = f"HZ-{YEAR}-017"


def _record(driver: WebDriver, kind: str, on: str, **dates: str) -> None:
    box = driver.find_element(By.XPATH, f"//details[.//input[@name='kind' and @value='{kind}']]")
    box.find_element(By.TAG_NAME, "summary").click()
    set_date(driver, f"ev-{kind}-on", on)
    for element_id, value in dates.items():
        set_date(driver, element_id, value)
    if kind == "decided":
        choose(driver, "ev-decided-outcome", "granted")
    click_and_wait(driver, box.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    wait_path(driver, f"/agency/applications/{NUMBER}")


def _events(driver: WebDriver) -> list[str]:
    rows = driver.find_elements(By.CSS_SELECTOR, "#h-events + .scroll tbody tr")
    return [r.find_elements(By.TAG_NAME, "td")[2].text for r in rows]


def test_flows_clerk_registers_decides_and_finds_it_in_the_report(page: WebDriver) -> None:
    login(page, "clerk")
    wait_path(page, "/agency")
    click_and_wait(page, page.find_element(By.LINK_TEXT, "登记新申请"))
    wait_path(page, "/agency/applications/new")
    fill(page, "na-number", NUMBER)
    choose(page, "na-type", "natural_person")
    fill(page, "na-name", "张三")
    choose(page, "na-channel", "online")
    set_date(page, "na-received", f"{YEAR}-03-03")
    fill(page, "na-content", f"{YEAR - 1}年道路养护经费")
    click_and_wait(page, page.find_element(By.CSS_SELECTOR, "form.form button[type=submit]"))
    wait_path(page, f"/agency/applications/{NUMBER}")
    assert page.find_element(By.TAG_NAME, "h1").text == f"申请 {NUMBER}"
    assert f"{YEAR}-03-03" in page.find_element(By.ID, "h-app").find_element(By.XPATH, "..").text

    _record(page, "correction_requested", f"{YEAR}-03-05", **{"ev-correction_requested-reply": f"{YEAR}-03-20"})
    _record(page, "correction_received", f"{YEAR}-03-10")
    _record(page, "decided", f"{YEAR}-03-24")
    assert len(_events(page)) == 3, _events(page)
    state = page.find_element(By.ID, "h-state").find_element(By.XPATH, "..").text
    assert "已办结" in state

    click_and_wait(page, page.find_element(By.CSS_SELECTOR, "nav.worknav a[href='/agency/report']"))
    fill(page, "year", str(YEAR))
    click_and_wait(page, page.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]"))
    wait_path(page, "/agency/report")
    assert f"{YEAR}年度" in page.find_element(By.TAG_NAME, "h1").text
    cell = page.find_element(
        By.CSS_SELECTOR, f'a[href="/agency/report/cells?year={YEAR}&table=table3&row=granted&column=natural_person"]'
    )
    assert cell.text == "1"
    click_and_wait(page, cell)
    wait_path(page, "/agency/report/cells")
    assert "（一）予以公开" in page.find_element(By.TAG_NAME, "h1").text
    links = page.find_elements(By.CSS_SELECTOR, "main table tbody a")
    assert [a.text for a in links] == [NUMBER]
    click_and_wait(page, links[0])
    wait_path(page, f"/agency/applications/{NUMBER}")
    assert page.find_element(By.TAG_NAME, "h1").text == f"申请 {NUMBER}"
