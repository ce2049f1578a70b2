"""Print HTML pages to PDF with a real browser (Debian's headless Chromium), for round-trip tests.

Each page is printed by ``chromium --headless --print-to-pdf`` with a fresh profile
directory, as a user would print a web page (no header or footer, no backgrounds,
the page's CSS page size if it has one, else US Letter).  Pages are printed two at a
time.  A missing browser fails the test with the package to install, a browser that
hangs fails it after ``timeout`` seconds; nothing is skipped.

(One browser process driven over ``--remote-debugging-pipe`` would save the start-up
time, but Debian's Chromium 156 loses its renderer on the first navigation that way.)
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

CHROMIUM = "chromium"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pdf-header-footer",
)


class BrowserError(AssertionError):
    """The browser is missing, failed or took too long (fails the test, with the reason)."""


def chromium_path() -> str:
    path = shutil.which(CHROMIUM)
    if path is None:
        raise BrowserError(
            "chromium is not installed: run `apt-get install chromium chromium-driver` "
            "(pinned in requirements/apt.txt; scripts/setup.sh installs it)"
        )
    return path


def print_pdf(html: Path, out: Path, timeout: float = 60.0) -> bytes:
    """Print the page at ``html`` to ``out`` and return the PDF's bytes."""
    browser = chromium_path()
    with tempfile.TemporaryDirectory(prefix="gongkai-chromium-") as profile:
        command = [browser, *FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={out}", html.resolve().as_uri()]
        try:
            done = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired as exc:
            raise BrowserError(f"chromium did not print {html.name} within {timeout:.0f} s") from exc
    if done.returncode != 0 or not out.is_file() or out.stat().st_size == 0:
        tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
        raise BrowserError(f"chromium failed to print {html.name} (exit {done.returncode}): {' / '.join(tail)}")
    return out.read_bytes()


def print_pages(pages: Iterable[Path], out_dir: Path, timeout: float = 60.0) -> dict[Path, bytes]:
    """Print each HTML file to ``out_dir/<name>.pdf``, two browsers at a time."""
    pages = list(pages)
    with ThreadPoolExecutor(max_workers=2) as pool:
        pdfs = pool.map(lambda p: print_pdf(p, out_dir / f"{p.stem}.pdf", timeout), pages)
        return dict(zip(pages, pdfs, strict=True))
