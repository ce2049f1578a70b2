"""Borderless tables printed by real programs read back cell for cell.

Every HTML report of the corpus is printed by headless Chromium, as a user prints a
web page; random consistent reports are rendered to HTML with and without table
borders and printed the same way; a report rendered to DOCX with its borders removed
is exported to PDF by LibreOffice.  Each PDF must read back like its source: the same
tables, cell for cell, and no error-level finding the source does not have.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings

from gongkai.audit import Severity, audit
from gongkai.extract import extract
from gongkai.model import AnnualReport
from gongkai.readers import read_bytes, read_path
from gongkai.render.docx_report import render_docx
from gongkai.render.html_report import render_html
from gongkai.write.compare import differences
from tests.pdf_print import docx_to_pdf, docx_without_borders, print_pages
from tests.write_strategies import reports

CORPUS = sorted(Path(__file__).resolve().parents[2].joinpath("samples").glob("*.html"))
"""The corpus's web pages (bundled in samples/, as ../shared/corpus/real/ has them)."""
BORDERLESS = "th, td { border: none !important; }\n</style>"


def _tables(a: AnnualReport, b: AnnualReport) -> list[str]:
    return [d for d in differences(a, b) if d.startswith(("table2", "table3", "table4", "format"))]


def _errors(report: AnnualReport) -> set[tuple[str, str]]:
    return {(f.code, f.message) for f in audit(report) if f.severity == Severity.ERROR}


@pytest.fixture(scope="session")
def corpus_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[Path, bytes]:
    """The corpus web pages, printed once per test session."""
    return print_pages(CORPUS, tmp_path_factory.mktemp("corpus-print"))


def test_stream_corpus_has_web_pages() -> None:
    assert len(CORPUS) >= 3


@pytest.mark.parametrize("page", CORPUS, ids=lambda p: p.stem)
def test_stream_corpus_page_printed_reads_back_like_its_html(page: Path, corpus_pdfs: dict[Path, bytes]) -> None:
    html = extract(read_path(page))
    pdf = extract(read_bytes(corpus_pdfs[page], page.stem + ".pdf"))
    assert html.table3.found and html.table4.found
    assert _tables(html, pdf) == []
    assert _errors(pdf) - _errors(html) == set()


def _print(html: str, where: Path) -> bytes:
    page = where / "report.html"
    page.write_text(html, encoding="utf-8")
    return print_pages([page], where)[page]


PRINTED = settings(
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.generate],  # each example prints PDFs: report the failing one, do not shrink it
    suppress_health_check=list(HealthCheck),
)


@settings(PRINTED, max_examples=5)
@given(report=reports())
def test_stream_random_report_printed_without_and_with_borders_reads_back(
    report: AnnualReport, tmp_path_factory: pytest.TempPathFactory
) -> None:
    html = render_html(report).decode("utf-8")
    assert "border:" in html  # the renderer rules its tables; the borderless copy drops the rules
    where = tmp_path_factory.mktemp("random-print")
    plain, ruled = where / "borderless.html", where / "ruled.html"
    plain.write_text(html.replace("</style>", BORDERLESS, 1), encoding="utf-8")
    ruled.write_text(html, encoding="utf-8")
    pdfs = print_pages([plain, ruled], where)
    for path, data in pdfs.items():
        back = extract(read_bytes(data, path.stem + ".pdf"))
        assert differences(report, back) == [], path.stem
        assert _errors(back) - _errors(report) == set(), path.stem


@settings(PRINTED, max_examples=2)
@given(report=reports())
def test_stream_word_table_without_borders_reads_back(
    report: AnnualReport, tmp_path_factory: pytest.TempPathFactory
) -> None:
    docx = docx_without_borders(render_docx(report))
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        assert 'w:val="single"' not in z.read("word/document.xml").decode("utf-8")
    pdf = docx_to_pdf(docx, tmp_path_factory.mktemp("docx-print"))
    back = extract(read_bytes(pdf, "report.pdf"))
    assert differences(report, back) == []
    assert _errors(back) - _errors(report) == set()


def test_stream_printed_page_is_checked_without_library_noise(corpus_pdfs: dict[Path, bytes], tmp_path: Path) -> None:
    """pdfminer warns for every glyph of a font it cannot measure (Chromium's PDFs): none of it reaches the user."""
    import subprocess
    import sys

    for page in CORPUS:
        (tmp_path / f"{page.stem}.pdf").write_bytes(corpus_pdfs[page])
    script = Path(sys.executable).parent / "gongkai"
    done = subprocess.run(
        [str(script), "check", str(tmp_path), "--exit-zero"], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0 and f"共检查 {len(CORPUS)} 份报告" in done.stdout
    assert done.stderr == ""
