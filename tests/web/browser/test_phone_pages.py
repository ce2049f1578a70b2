"""Every workspace's main pages on a 390 px phone: nothing wider than the screen but the tables'
own scrolling boxes, every form field labelled, a heading on each page."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from gongkai.store.engine import open_engine, session_scope
from tests.web.browser.conftest import PHONE, LiveServer, go, login, narrow
from tests.web.conftest import settings_for
from tests.web.corpus_helpers import HONGZE_2023, HONGZE_2024, fill_corpus

pytestmark = pytest.mark.browser

CLERK_PAGES = ("/agency", "/agency/applications/new", "/agency/reviews", "/agency/items", "/agency/report")
SUPERVISOR_PAGES = ("/supervisor", "/supervisor/reports")
PUBLIC_PAGES = ("/public", "/login")


@pytest.fixture(scope="module")
def seeded(live_server: LiveServer) -> LiveServer:
    """The demo's registers and reports for the agency, and two Hongze reports in the corpus."""
    from gongkai.web.demo_cases import seed_cases
    from gongkai.web.demo_report import seed_report

    settings = settings_for(live_server.folder)
    engine = open_engine(settings.database_url)
    try:
        with session_scope(engine, actor="test") as session:
            seed_cases(session, settings)
            seed_report(session, settings)
    finally:
        engine.dispose()
    fill_corpus(settings, HONGZE_2023, HONGZE_2024)
    return live_server


def _fits(driver: WebDriver, path: str) -> list[str]:
    """What is wrong with ``path`` on the phone (nothing: an empty list)."""
    go(driver, path)
    problems: list[str] = []
    width: int = driver.execute_script("return document.documentElement.scrollWidth")
    if width > PHONE[0]:
        wide = driver.execute_script(
            "return [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > 392"
            " && !e.closest('.scroll')).slice(0, 3).map(e => e.tagName + '.' + e.className)"
        )
        problems.append(f"{path}: page {width} px wide ({wide})")
    if not driver.find_elements(By.TAG_NAME, "h1"):
        problems.append(f"{path}: no h1")
    unlabelled = driver.execute_script(
        "return [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]"
        ".filter(e => !(e.id && document.querySelector(`label[for='${e.id}']`)) && !e.closest('label')"
        " && !e.getAttribute('aria-label')).map(e => e.name || e.id)"
    )
    if unlabelled:
        problems.append(f"{path}: fields without a label {unlabelled}")
    return problems


def test_phone_pages_fit_and_are_labelled(page: WebDriver, seeded: LiveServer) -> None:
    narrow(page)
    problems: list[str] = []
    for path in PUBLIC_PAGES:
        problems += _fits(page, path)
    login(page, "clerk")
    go(page, "/agency")
    first = page.find_element(By.CSS_SELECTOR, "main table a").get_attribute("href")
    assert first
    for path in (*CLERK_PAGES, first.split(page.live_url, 1)[1]):  # type: ignore[attr-defined]
        problems += _fits(page, path)
    page.delete_all_cookies()
    login(page, "supervisor")
    go(page, "/supervisor/reports")
    report = page.find_element(By.CSS_SELECTOR, "main table a").get_attribute("href")
    assert report
    for path in (*SUPERVISOR_PAGES, report.split(page.live_url, 1)[1]):  # type: ignore[attr-defined]
        problems += _fits(page, path)
    assert not problems, "\n".join(problems)
