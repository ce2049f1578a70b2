"""Small helpers shared by the browser flows: setting fields, opening <details>, waiting."""

from __future__ import annotations

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import Select
from selenium.webdriver.support.wait import WebDriverWait


def set_date(driver: WebDriver, element_id: str, value: str) -> None:
    """A date input's value (typing into ``type=date`` depends on the browser's locale)."""
    field = driver.find_element(By.ID, element_id)
    driver.execute_script(
        "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'))", field, value
    )
    assert field.get_attribute("value") == value


def fill(driver: WebDriver, element_id: str, text: str) -> None:
    field = driver.find_element(By.ID, element_id)
    field.clear()
    field.send_keys(text)


def choose(driver: WebDriver, element_id: str, value: str) -> None:
    Select(driver.find_element(By.ID, element_id)).select_by_value(value)


def open_details(driver: WebDriver, summary: str) -> WebElement:
    """Click the ``<summary>`` whose text is ``summary``; its ``<details>``."""
    element = driver.find_element(By.XPATH, f"//details/summary[normalize-space()='{summary}']")
    element.click()
    return element.find_element(By.XPATH, "..")


def click_and_wait(driver: WebDriver, element: WebElement, timeout: float = 30) -> None:
    """Click what submits or navigates, and wait until a new document has replaced the old one and loaded.

    The old document is marked with a window property the new one cannot have; no element handle of
    the old page is kept, since asking Chrome about a node while its document is being replaced can
    fail with errors other than "stale element" ("Node with given id does not belong to the document").
    """
    driver.execute_script("window.__gongkaiOldPage = true")
    element.click()
    WebDriverWait(driver, timeout).until(_new_page_loaded)


def _new_page_loaded(driver: WebDriver) -> bool:
    try:
        return bool(
            driver.execute_script("return window.__gongkaiOldPage === undefined && document.readyState === 'complete'")
        )
    except WebDriverException:  # the document is being replaced: ask again
        return False


def wait_text(driver: WebDriver, text: str, timeout: float = 30, css: str = "main") -> None:
    """Until ``text`` shows in the element ``css``."""
    WebDriverWait(driver, timeout).until(lambda d: text in d.find_element(By.CSS_SELECTOR, css).text)
