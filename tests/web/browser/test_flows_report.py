"""Flow 2 in Chromium: the approver fills the report's texts, approves, downloads the DOCX, publishes;
the report is then public without login."""

from __future__ import annotations

import time
from pathlib import Path

import docx
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from tests.web.browser.conftest import go, login, wait_path
from tests.web.browser.flow_helpers import click_and_wait, set_date, wait_text
from tests.web.conftest import AGENCY

pytestmark = pytest.mark.browser

YEAR = 2024
MARK = "【待填写"
TEXTS = {
    0: "本报告根据《条例》编制。统计期限自{metadata.period_start}起至{metadata.period_end}止。"
    "如对本报告有疑问，请与区政府办公室联系（电话 0517-00000000）。",
    1: "{metadata.year}年，{metadata.agency}认真贯彻落实《条例》。\n（一）主动公开\n本年度主动公开信息。\n"
    "（二）依申请公开\n本年度共收到政府信息公开申请{table3.new_received.total}件。",
    5: "（一）存在的主要问题\n公开内容有待丰富。\n（二）改进情况\n下一步加强培训。",
    6: "（一）收取信息处理费情况\n本年度未收取信息处理费。\n（二）其他需要报告的事项\n无。",
}


def _downloaded(folder: Path, timeout: float = 20) -> Path:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done = [p for p in folder.iterdir() if p.suffix == ".docx"]
        if done and not any(p.suffix == ".crdownload" for p in folder.iterdir()):
            return done[0]
        time.sleep(0.2)
    raise AssertionError(f"no DOCX downloaded into {folder}: {list(folder.iterdir())}")


def test_flows_approver_fills_approves_downloads_and_publishes(page: WebDriver, tmp_path: Path) -> None:
    login(page, "approver")
    go(page, f"/agency/report?year={YEAR}")
    assert "草稿" in page.find_element(By.CSS_SELECTOR, "main").text
    assert "尚有 0 处【待填写】" not in page.find_element(By.CSS_SELECTOR, "main").text
    for area in page.find_elements(By.CSS_SELECTOR, "textarea[id^=text_]"):
        number = int(str(area.get_attribute("id")).removeprefix("text_"))
        if MARK in str(area.get_property("value")):
            assert number in TEXTS, f"section {number} has a 【待填写】 mark this test does not fill"
            area.clear()
            area.send_keys(TEXTS[number])
    set_date(page, "signature_date", f"{YEAR + 1}-01-20")
    click_and_wait(page, page.find_element(By.XPATH, "//button[normalize-space()='保存文字']"))
    wait_path(page, "/agency/report")
    assert "尚有 0 处【待填写】内容、0 个错误" in page.find_element(By.CSS_SELECTOR, "main").text

    click_and_wait(page, page.find_element(By.XPATH, "//button[normalize-space()='审核通过并生成正式文件']"))
    wait_path(page, "/agency/report")
    wait_text(page, "状态：已审核")

    folder = tmp_path / "downloads"
    folder.mkdir()
    page.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)})
    page.find_element(By.LINK_TEXT, "DOCX").click()
    document = docx.Document(str(_downloaded(folder)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert AGENCY in text

    click_and_wait(page, page.find_element(By.XPATH, "//button[normalize-space()='公开']"))
    wait_path(page, "/agency/report")
    wait_text(page, "状态：已公开")
    click_and_wait(page, page.find_element(By.XPATH, "//form[@class='who']//button[normalize-space()='退出']"))
    assert page.get_cookie("gongkai_session") is None

    go(page, "/public")
    link = page.find_element(By.LINK_TEXT, AGENCY)
    click_and_wait(page, link)
    assert "/login" not in page.current_url
    assert AGENCY in page.find_element(By.CSS_SELECTOR, "main .report-title").text
    assert "认真贯彻落实《条例》" in page.find_element(By.CSS_SELECTOR, "main").text
