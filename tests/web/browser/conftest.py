"""Browser tests in Debian's Chromium (headless, through chromedriver; nothing is ever downloaded).

- ``live_server``: ``create_app`` under uvicorn in a background thread on a free 127.0.0.1 port.
- ``browser``: one Chromium per test module (1280×900; :func:`narrow` for a 390×844 phone).
- :func:`login`: through the real login form.
- A failed test leaves a screenshot and the page source in ``$GONGKAI_SCREENSHOTS`` (default
  ``tests/web/browser/screenshots/``, ignored by git); the paths are printed.

Skipped, with the reason, only where ``/usr/bin/chromium`` is missing (``scripts/setup.sh`` installs
it from ``requirements/apt.txt``).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from gongkai.web.app import create_app
from tests.web.conftest import PASSWORD, make_store

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SHOTS = Path(os.environ.get("GONGKAI_SCREENSHOTS") or Path(__file__).resolve().parent / "screenshots")
WIDE = (1280, 900)
PHONE = (390, 844)

if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
    pytest.skip(
        "browser tests need Debian's chromium and chromium-driver (/usr/bin/chromium): scripts/setup.sh",
        allow_module_level=True,
    )

os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager never downloads a driver

from selenium import webdriver  # noqa: E402
from selenium.common.exceptions import WebDriverException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.support import expected_conditions  # noqa: E402
from selenium.webdriver.support.wait import WebDriverWait  # noqa: E402


@dataclass(frozen=True)
class LiveServer:
    url: str
    folder: Path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    folder = tmp_path_factory.mktemp("live")
    app = create_app(make_store(folder))
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="uvicorn", daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            if httpx.get(f"{url}/login", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline or not thread.is_alive():
            server.should_exit = True
            raise RuntimeError(f"the live server did not answer at {url}")
        time.sleep(0.05)
    try:
        yield LiveServer(url, folder)
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def make_driver() -> WebDriver:
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    profile = tempfile.mkdtemp(prefix="gongkai-chromium-")
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--lang=zh-CN",
        f"--user-data-dir={profile}",
        f"--window-size={WIDE[0]},{WIDE[1]}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})  # console errors (CSP violations)
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.gongkai_profile = profile  # type: ignore[attr-defined]
    return driver


@pytest.fixture(scope="module")
def browser(live_server: LiveServer) -> Iterator[WebDriver]:
    driver = make_driver()
    driver.live_url = live_server.url  # type: ignore[attr-defined]
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(driver.gongkai_profile, ignore_errors=True)  # type: ignore[attr-defined]


@pytest.fixture
def page(browser: WebDriver) -> Iterator[WebDriver]:
    """The module's browser, reset for one test: wide window, no cookies; screenshot kept on failure."""
    browser.delete_all_cookies()
    wide(browser)
    yield browser


def wide(driver: WebDriver) -> None:
    _viewport(driver, *WIDE)


def narrow(driver: WebDriver) -> None:
    """A 390×844 phone viewport."""
    _viewport(driver, *PHONE)


def _viewport(driver: WebDriver, width: int, height: int) -> None:
    """Set the viewport itself (not the window, whose frame differs by platform) through DevTools."""
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
    )


def go(driver: WebDriver, path: str) -> None:
    driver.get(f"{driver.live_url}{path}")  # type: ignore[attr-defined]


def wait_path(driver: WebDriver, path: str, timeout: float = 10) -> None:
    """Until the page's path is ``path``."""
    pattern = re.escape(driver.live_url + path) + r"(?:[?#].*)?$"  # type: ignore[attr-defined]
    WebDriverWait(driver, timeout).until(expected_conditions.url_matches(pattern))


def login(driver: WebDriver, user: str, password: str = PASSWORD, next_path: str = "/") -> None:
    """Log in through the login form (typing into the fields and submitting)."""
    go(driver, f"/login?next={next_path}")
    driver.find_element(By.ID, "username").send_keys(user)
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "form.form button[type=submit]").click()
    WebDriverWait(driver, 10, ignored_exceptions=(WebDriverException,)).until(  # asked while the page changes
        lambda d: "/login" not in d.current_url or d.find_elements(By.CSS_SELECTOR, ".alert")
    )


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[Any]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    if report.failed and report.when in ("setup", "call"):
        driver = item.funcargs.get("page") or item.funcargs.get("browser")  # type: ignore[attr-defined]
        if driver is not None:
            _keep(driver, item.name, report)
    return report


def _keep(driver: WebDriver, name: str, report: pytest.TestReport) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    stem = SHOTS / re.sub(r"[^\w.-]+", "_", name)
    try:
        driver.save_screenshot(str(stem.with_suffix(".png")))
        stem.with_suffix(".html").write_text(driver.page_source, encoding="utf-8")
    except Exception as exc:  # the browser itself may be what failed
        report.sections.append(("screenshot", f"none: {exc}"))
        return
    note = f"screenshot: {stem.with_suffix('.png')}\npage source: {stem.with_suffix('.html')} ({driver.current_url})"
    report.sections.append(("screenshot", note))
    print(f"\n{note}")
