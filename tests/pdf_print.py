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

import os
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


def docx_without_borders(data: bytes) -> bytes:
    """A DOCX with every table border and cell shading removed (a Word table printed without borders)."""
    import io
    import re
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == "word/document.xml":
                xml = body.decode("utf-8")
                xml = re.sub(r"<w:tblBorders>.*?</w:tblBorders>", "", xml)
                xml = re.sub(r"<w:tcBorders>.*?</w:tcBorders>", "", xml)
                xml = re.sub(r"<w:shd [^>]*/>", "", xml)
                xml = xml.replace(
                    "<w:tblPr>",
                    '<w:tblPr><w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/>'
                    '<w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/>'
                    "</w:tblBorders>",
                )
                body = xml.encode("utf-8")
            dst.writestr(item, body)
    return out.getvalue()


def docx_to_pdf(data: bytes, work: Path, timeout: float = 120.0) -> bytes:
    """The PDF LibreOffice (headless, a fresh profile) exports for a DOCX."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise BrowserError("LibreOffice is not installed: run `apt-get install libreoffice-writer-nogui`")
    work.mkdir(parents=True, exist_ok=True)
    source = work / "report.docx"
    source.write_bytes(data)
    command = [
        soffice,
        f"-env:UserInstallation={(work / 'profile').as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(work),
        str(source),
    ]
    env = {**os.environ, "HOME": str(work), "SAL_USE_VCLPLUGIN": "svp"}
    try:
        subprocess.run(command, capture_output=True, timeout=timeout, check=False, env=env)
    except subprocess.TimeoutExpired as exc:
        raise BrowserError(f"LibreOffice did not convert the DOCX within {timeout:.0f} s") from exc
    pdf = work / "report.pdf"
    if not pdf.is_file():
        raise BrowserError("LibreOffice did not convert the DOCX to PDF")
    return pdf.read_bytes()
