"""Logging in, in Chromium: on a phone, by keyboard, with a wrong password; the CSP holds."""

from __future__ import annotations

import json

import httpx
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.wait import WebDriverWait

from tests.web.browser.conftest import PHONE, LiveServer, go, login, narrow, wait_path
from tests.web.conftest import PASSWORD

pytestmark = pytest.mark.browser

INJECTED = "<script>window.__injected=1</script>"


def _page_width(driver: WebDriver) -> int:
    width: int = driver.execute_script("return document.documentElement.scrollWidth")
    return width


def _me(driver: WebDriver) -> dict[str, object]:
    """The logged-in user, as the browser's session sees it (``/api/v1/me``)."""
    go(driver, "/api/v1/me")
    found: dict[str, object] = json.loads(driver.find_element(By.TAG_NAME, "body").text)
    return found


def _console_errors(driver: WebDriver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]  # type: ignore[attr-defined]


def test_login_clerk_through_the_form_on_a_phone(page: WebDriver) -> None:
    narrow(page)
    go(page, "/login")
    assert page.execute_script("return window.innerWidth") == PHONE[0]
    assert _page_width(page) <= PHONE[0], "the login page scrolls sideways at 390 px"
    assert page.find_element(By.TAG_NAME, "h1").text == "登录"
    login(page, "clerk")
    wait_path(page, "/agency")
    assert _page_width(page) <= PHONE[0]
    assert _me(page)["username"] == "clerk"


def test_login_admin_users_page_fits_a_phone(page: WebDriver) -> None:
    login(page, "admin")
    narrow(page)
    go(page, "/admin/users")
    assert page.find_element(By.TAG_NAME, "h1").text == "用户管理"
    assert _page_width(page) <= PHONE[0], "the users page scrolls sideways at 390 px (tables in div.scroll?)"


def test_login_by_keyboard_alone(page: WebDriver) -> None:
    go(page, "/login")
    body = page.find_element(By.TAG_NAME, "body")
    body.click()
    for _ in range(20):
        page.switch_to.active_element.send_keys(Keys.TAB)
        if page.switch_to.active_element.get_attribute("id") == "username":
            break
    else:
        pytest.fail("Tab never reaches the user name field")
    page.switch_to.active_element.send_keys("clerk", Keys.TAB)
    assert page.switch_to.active_element.get_attribute("id") == "password"
    page.switch_to.active_element.send_keys(PASSWORD, Keys.TAB)
    submit = page.switch_to.active_element
    assert (submit.tag_name, submit.get_attribute("type"), submit.text) == ("button", "submit", "登录")
    submit.send_keys(Keys.ENTER)
    wait_path(page, "/agency")
    assert _me(page)["role"] == "clerk"


def test_login_wrong_password_says_so_in_chinese(page: WebDriver) -> None:
    login(page, "clerk", "not the password")
    alert = page.find_element(By.CSS_SELECTOR, "p.alert[role=alert]")
    assert alert.text == "用户名或密码错误"
    assert page.find_element(By.ID, "username").get_attribute("value") == "clerk"
    assert page.get_cookie("gongkai_session") is None


def test_login_csp_header_on_every_response(live_server: LiveServer) -> None:
    for path in ("/login", "/", "/static/app.css", "/api/v1/me", "/admin/users", "/no-such-page"):
        response = httpx.get(live_server.url + path, follow_redirects=False)
        csp = response.headers.get("content-security-policy", "")
        assert "script-src 'self'" in csp and "style-src 'self'" in csp, path
        assert "unsafe-inline" not in csp, path


def test_login_script_in_a_name_shows_as_text_and_never_runs(page: WebDriver) -> None:
    login(page, "admin")
    go(page, "/admin/users")
    page.find_element(By.ID, "na-name").send_keys(INJECTED)
    page.find_element(By.ID, "na-name").submit()
    wait_path(page, "/admin/users")
    options = [o.text for o in page.find_elements(By.CSS_SELECTOR, "#nu-agency option")]
    assert INJECTED in options
    assert page.execute_script("return typeof window.__injected") == "undefined"
    assert page.execute_script("return typeof window.htmx") == "object", "the vendored htmx did not load"
    assert not [e for e in _console_errors(page) if "Content Security Policy" in e]


def test_login_pages_load_without_console_errors(page: WebDriver) -> None:
    go(page, "/login")
    WebDriverWait(page, 5).until(lambda d: d.execute_script("return document.readyState") == "complete")
    assert _console_errors(page) == []
