"""Content limits: rows, cells and text are bounded while a document is read, and so is its time.

Fuzz cases 21 (a 45 MB HTML table, a 45 MB Markdown table, a line of four million cells: all
under the 50 MB file limit, several GB and minutes before) and 22 (a 6 MB .docx whose body
inflates to 186 MB of numbered paragraphs).  Each now stops early with E119, and every
text-like reader checks the per-document deadline (E112) as it goes.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import lxml.html
import pytest
from docx import Document

from gongkai import limits
from gongkai.api import check_path
from gongkai.errors import InputError
from gongkai.limits import time_limit
from gongkai.readers import read_bytes, read_path
from gongkai.readers.docx_numbering import number_paragraphs

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
HEAD, TAIL = "一、总体情况\n", "\n六、其他需要报告的事项\n"


def numbered_docx(paragraphs: int, *, cells: int = 0) -> bytes:
    """A .docx of ``paragraphs`` numbered paragraphs ("List Number" style) and a table of ``cells`` cells, one row."""
    base = io.BytesIO()
    doc = Document()
    doc.add_paragraph("一、总体情况", style="List Number")
    doc.save(base)
    src = zipfile.ZipFile(base)
    xml = src.read("word/document.xml").decode()
    head, tail = xml.split("<w:body>")[0] + "<w:body>", "<w:sectPr" + xml.split("<w:sectPr", 1)[1]
    para = '<w:p><w:pPr><w:pStyle w:val="ListNumber"/></w:pPr><w:r><w:t>第{}段</w:t></w:r></w:p>'
    body = "".join(para.format(i) for i in range(paragraphs))
    if cells:
        body += "<w:tbl><w:tr>" + "<w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>" * cells + "</w:tr></w:tbl>"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                z.writestr(info, src.read(info.filename))
        z.writestr("word/document.xml", head + body + tail, compresslevel=1)
    return out.getvalue()


def html_table(rows: int, cols: int) -> str:
    cells = "".join(f"<tr><td>{i}</td>" + "<td>1</td>" * (cols - 1) + "</tr>" for i in range(rows))
    return f"<html><body><p>{HEAD}</p><table>{cells}</table><p>{TAIL}</p></body></html>"


def markdown_table(rows: int, cols: int) -> str:
    return HEAD + "| 1 " * cols + "|\n" + "|---" * cols + "|\n" + ("| 1 " * cols + "|\n") * rows + TAIL


def text_table(rows: int, cols: int) -> str:
    return HEAD + ("\t".join(["1"] * cols) + "\n") * rows + TAIL


def prose(rows: int, length: int) -> str:
    return HEAD + ("本" * length + "\n") * rows + TAIL


def _e119(data: bytes, name: str) -> str:
    with pytest.raises(InputError) as err:
        read_bytes(data, name)
    assert err.value.code == "E119", err.value.message
    assert err.value.message.startswith("内容超出上限：")
    return err.value.message


# --- the fuzz cases, at their real sizes ---------------------------------------------------------


def test_limits_one_text_line_of_four_million_cells_stops_at_that_line() -> None:
    data = ("一、总体情况\n" + "1\t" * 4_000_000 + "\n六、其他需要报告的事项\n").encode()
    assert len(data) < limits.MAX_BYTES
    assert "第2行有 4,000,001 个单元格（上限 1,000 个）" in _e119(data, "t.txt")


def test_limits_45_mb_markdown_table_stops_at_the_cell_limit() -> None:
    data = ("| 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 |\n" * 1_400_000).encode()
    assert len(data) < limits.MAX_BYTES
    assert "表格单元格超过 50,000 个" in _e119(data, "t.md")


def test_limits_45_mb_html_table_stops_while_parsing() -> None:
    rows = "".join(f"<tr><td>{i}</td>" + "<td>1</td>" * 20 + "</tr>" for i in range(200_000))
    data = f"<html><body><p>一、总体情况</p><table>{rows}</table><p>六、其他需要报告的事项</p></body></html>".encode()
    assert len(data) < limits.MAX_BYTES
    assert "网页元素超过 200,000 个" in _e119(data, "t.html")


def test_limits_docx_body_inflating_past_its_limit_is_refused_before_parsing() -> None:
    data = numbered_docx(240_000)
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("word/document.xml")
    assert info.file_size > limits.MAX_DOCX_XML and info.file_size / info.compress_size < 200  # no zip-bomb alarm
    size = f"{info.file_size / 1024 / 1024:.1f}"
    assert f"Word 正文（word/document.xml）解压后 {size} MB，上限 20 MB" in _e119(data, "t.docx")


def test_limits_docx_of_too_many_numbered_paragraphs_stops_before_numbering(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_PARAGRAPHS", 2_000)
    assert "Word 文档的段落超过 2,000 个" in _e119(numbered_docx(2_001), "t.docx")
    read_bytes(numbered_docx(1_999), "t.docx")  # one paragraph is the heading already in the template


_CHILD = """
import json, sys, time
from pathlib import Path
from gongkai.api import check_path
out = {}
for path in sorted(Path(sys.argv[1]).iterdir()):
    start = time.perf_counter()
    result = check_path(path, timeout=60)
    out[path.name] = ([e.code for e in result.errors], time.perf_counter() - start)
# VmHWM, not ru_maxrss: a child started by vfork inherits the parent's peak in ru_maxrss
peak = next(line for line in Path("/proc/self/status").read_text().splitlines() if line.startswith("VmHWM:"))
out["peak_mib"] = int(peak.split()[1]) / 1024
print(json.dumps(out))
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="the peak RSS is read from /proc (Linux)")
def test_limits_fuzz_cases_21_and_22_end_fast_in_bounded_memory(tmp_path: Path) -> None:
    """The giant inputs in a child process: each E119 within seconds, the peak RSS under 600 MiB (was 2.7–4.4 GB)."""
    rows = "".join(f"<tr><td>{i}</td>" + "<td>1</td>" * 20 + "</tr>" for i in range(200_000))
    page = f"<html><body><p>一、总体情况</p><table>{rows}</table><p>六、其他需要报告的事项</p></body></html>"
    (tmp_path / "html_giant_table_45MB.html").write_text(page, encoding="utf-8")
    (tmp_path / "md_pipes_45MB.md").write_text("| 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 |\n" * 1_400_000, encoding="utf-8")
    (tmp_path / "txt_one_line_4M_cells_8MB.txt").write_text(HEAD + "1\t" * 4_000_000 + TAIL, encoding="utf-8")
    (tmp_path / "docx_body_21MB.docx").write_bytes(numbered_docx(240_000))
    (tmp_path / "docx_69k_paragraphs.docx").write_bytes(numbered_docx(69_000))
    env = {"PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")}
    child = subprocess.run(
        [sys.executable, "-c", _CHILD, str(tmp_path)], capture_output=True, text=True, timeout=300, env=env, check=True
    )
    out = json.loads(child.stdout)
    peak = out.pop("peak_mib")
    assert {name: codes for name, (codes, _) in out.items()} == {
        "docx_69k_paragraphs.docx": ["E119"],  # more than 20,000 rows once numbered and read
        "docx_body_21MB.docx": ["E119"],
        "html_giant_table_45MB.html": ["E119"],
        "md_pipes_45MB.md": ["E119"],
        "txt_one_line_4M_cells_8MB.txt": ["E119"],
    }
    assert max(seconds for _, seconds in out.values()) < 30, out  # a few seconds on an idle machine
    assert peak < 600, out


# --- every limit, in every text-like reader ------------------------------------------------------

_FORMATS: dict[str, tuple[str, Callable[[int, int], str]]] = {
    "text": ("t.txt", text_table),
    "markdown": ("t.md", markdown_table),
    "html": ("t.html", html_table),
}


@pytest.mark.parametrize("fmt", sorted(_FORMATS))
def test_limits_rows_cells_row_cells_and_characters_in_each_reader(fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    name, table = _FORMATS[fmt]
    ok = table(40, 5).encode()
    assert read_bytes(ok, name).format == fmt
    monkeypatch.setattr(limits, "MAX_ROWS", 30)
    assert "文字行和表格行超过 30 行" in _e119(ok, name)
    monkeypatch.setattr(limits, "MAX_ROWS", 1_000)
    monkeypatch.setattr(limits, "MAX_CELLS", 150)
    assert "表格单元格超过 150 个" in _e119(ok, name)
    monkeypatch.setattr(limits, "MAX_ROW_CELLS", 4)
    assert "有 5 个单元格（上限 4 个）" in _e119(ok, name)
    monkeypatch.setattr(limits, "MAX_CELLS", 10_000)
    monkeypatch.setattr(limits, "MAX_ROW_CELLS", 10)
    long_text = prose(3, 400) if fmt != "html" else f"<html><body><p>{'本' * 400}</p>" * 3 + "</body></html>"
    monkeypatch.setattr(limits, "MAX_CHARS", 1_000)
    assert "文字超过 1,000 字" in _e119(long_text.encode(), name)


def test_limits_docx_rows_cells_and_characters(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_ROWS", 30)
    assert "文字行和表格行超过 30 行" in _e119(numbered_docx(40), "t.docx")
    monkeypatch.setattr(limits, "MAX_CELLS", 100)
    assert "表格单元格超过 100 个" in _e119(numbered_docx(1, cells=101), "t.docx")
    monkeypatch.setattr(limits, "MAX_ROW_CELLS", 50)
    assert "表格1第1行有 60 个单元格（上限 50 个）" in _e119(numbered_docx(1, cells=60), "t.docx")
    monkeypatch.setattr(limits, "MAX_CHARS", 100)
    assert "文字超过 100 字" in _e119(numbered_docx(25), "t.docx")


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("t.txt", text_table(600, 3).encode()),
        ("t.txt", prose(600, 10).encode()),
        ("t.md", markdown_table(600, 3).encode()),
        ("t.html", html_table(600, 3).encode()),
        ("t.html", (f"<html><body>{'<p>本</p>' * 600}</body></html>").encode()),
        ("t.docx", numbered_docx(600)),
    ],
)
def test_limits_deadline_is_checked_while_reading(name: str, data: bytes) -> None:
    """Fuzz case 08 ignored --timeout: the text, Markdown, HTML and Word readers never looked at the clock."""
    with time_limit(0.0), pytest.raises(InputError) as err:
        read_bytes(data, name)
    assert err.value.code == "E112"


def test_limits_deadline_is_checked_while_numbering_word_paragraphs() -> None:
    from docx.package import Package

    package = Package.open(io.BytesIO(numbered_docx(600)))
    part = package.main_document_part
    body = part.element.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}body")
    with time_limit(0.0), pytest.raises(InputError) as err:
        number_paragraphs(part, body)
    assert err.value.code == "E112"


def test_limits_check_path_reports_e119_and_e112_as_failed_documents(tmp_path: Path) -> None:
    giant = tmp_path / "giant.txt"
    giant.write_text(HEAD + "1\t" * 2_000 + TAIL, encoding="utf-8")
    result = check_path(giant)
    assert (result.status, [e.code for e in result.errors]) == ("failed", ["E119"])
    slow = tmp_path / "slow.txt"
    slow.write_text(text_table(600, 3), encoding="utf-8")
    result = check_path(slow, timeout=0.0)
    assert (result.status, [e.code for e in result.errors]) == ("failed", ["E112"])


# --- the limits are generous: every sample is far below each ---------------------------------------


@pytest.mark.parametrize("path", sorted(p for p in SAMPLES.iterdir() if p.suffix != ".pdf"), ids=lambda p: p.name)
def test_limits_every_sample_is_at_least_ten_times_under_each_limit(path: Path) -> None:
    raw = read_path(path)
    table_rows = [r for r in raw.rows if r.kind == "cells"]
    assert len(raw.rows) * 10 <= limits.MAX_ROWS
    assert sum(len(r.cells) for r in table_rows) * 10 <= limits.MAX_CELLS
    assert max((len(r.cells) for r in table_rows), default=0) * 10 <= limits.MAX_ROW_CELLS
    assert sum(len(c.text) for r in raw.rows for c in r.cells) * 10 <= limits.MAX_CHARS
    if path.suffix == ".html":
        assert sum(1 for _ in lxml.html.parse(path).iter()) * 10 <= limits.MAX_ELEMENTS
    if path.suffix == ".docx":
        archive = zipfile.ZipFile(path)
        assert archive.getinfo("word/document.xml").file_size * 10 <= limits.MAX_DOCX_XML
        assert len(re.findall(rb"<w:p[ >]", archive.read("word/document.xml"))) * 10 <= limits.MAX_PARAGRAPHS
