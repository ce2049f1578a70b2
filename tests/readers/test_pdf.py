"""The PDF reader: generated reports read back identically; hostile PDFs fail with their codes."""

from __future__ import annotations

import io
import json
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.lib import pdfencrypt
from reportlab.pdfgen import canvas

from gongkai import limits
from gongkai.api import check_path
from gongkai.errors import InputError
from gongkai.extract import extract
from gongkai.readers import pdfguard, read_bytes
from gongkai.readers.pdf import read_pdf
from tests.extract.test_extract_roundtrip import consistent_tables
from tests.hostile_pdf import one_page
from tests.layouts import T3_ROWS, Table2, Table3, Table4, assert_reads_back
from tests.pdf_layout import pdf_report


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables=consistent_tables())
def test_pdf_generated_report_reads_back_identically(tables: tuple[Table2, Table3, Table4]) -> None:
    t2, t3, t4 = tables
    raw = read_bytes(pdf_report(t2, t3, t4), "report.pdf")
    assert raw.format == "pdf"
    report = extract(raw)
    assert_reads_back(report, t2, t3, t4)
    # page numbers (- 1 -) are page furniture, not prose
    assert not any(line.text.startswith("- ") for line in report.lines)


def test_pdf_cells_keep_page_and_bounding_box() -> None:
    t2 = {"regulations": [1, 2, 3], "normative_documents": [4, 5, 6]}
    t2 |= {k: [7] for k in ("administrative_licensing", "administrative_penalty", "administrative_coercion")}
    t2["administrative_fees"] = [8]
    t3 = {r.key: [0] * 7 for r in T3_ROWS}
    t4 = {k: [0] * 5 for k in ("administrative_review", "litigation_direct", "litigation_after_review")}
    report = extract(read_bytes(pdf_report(t2, t3, t4), "r.pdf"))
    cell = report.table2.rows["normative_documents"]["abolished"]
    assert cell.value == 5 and cell.provenance is not None
    assert cell.provenance.page == 1 and cell.provenance.file == "r.pdf"
    x0, top, x1, bottom = cell.provenance.bbox  # type: ignore[misc]
    assert 0 < x0 < x1 < 595 and 0 < top < bottom < 842
    carried = report.table3.rows["carried_forward"]["total"]
    assert carried.provenance is not None and carried.provenance.page == 2


def _pdf(draw: bool = True, pages: int = 1, encrypt: object = None) -> bytes:
    out = io.BytesIO()
    c = canvas.Canvas(out, encrypt=encrypt)  # type: ignore[arg-type]
    for _ in range(pages):
        if draw:
            c.drawString(100, 700, "report")
        c.showPage()
    c.save()
    return out.getvalue()


def _code(data: bytes) -> str:
    with pytest.raises(InputError) as err:
        read_bytes(data, "x.pdf")
    assert err.value.message  # a Chinese message for the user
    return err.value.code


def test_pdf_encrypted_with_user_password_is_e109() -> None:
    assert _code(_pdf(encrypt="secret")) == "E109"


def test_pdf_with_owner_password_only_is_read() -> None:
    enc = pdfencrypt.StandardEncryption("", ownerPassword="owner", canPrint=1)
    raw = read_bytes(_pdf(encrypt=enc), "x.pdf")
    assert raw.rows[0].text == "report"


def test_pdf_corrupt_and_truncated_are_e110() -> None:
    assert _code(b"%PDF-1.7\n" + b"\x00garbage" * 100) == "E110"
    good = pdf_report(*_tiny())
    assert _code(good[: len(good) // 3]) == "E110"


def test_pdf_without_text_or_images_is_e115() -> None:
    assert _code(_pdf(draw=False, pages=2)) == "E115"


def test_pdf_page_limit_is_e111(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_PAGES", 3)
    assert _code(_pdf(pages=4)) == "E111"


def test_pdf_time_limit_is_e112() -> None:
    with limits.time_limit(0.0), pytest.raises(InputError) as err:
        read_bytes(_pdf(pages=2), "x.pdf")
    assert err.value.code == "E112" and "超时" in err.value.message


def _tiny() -> tuple[Table2, Table3, Table4]:
    t2 = {r: [0, 0, 0] for r in ("regulations", "normative_documents")}
    t2 |= {k: [0] for k in ("administrative_licensing", "administrative_penalty")}
    t2 |= {k: [0] for k in ("administrative_coercion", "administrative_fees")}
    t3 = {r.key: [0] * 7 for r in T3_ROWS}
    t4 = {k: [0] * 5 for k in ("administrative_review", "litigation_direct", "litigation_after_review")}
    return t2, t3, t4


def _bomb_pdf(inflated: int) -> bytes:
    """A one-page PDF whose content stream inflates to ``inflated`` bytes of spaces."""
    comp = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    body = b"".join(comp.compress(chunk) for _ in range(inflated >> 20)) + comp.flush()
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body) + body + b"\nendstream",
    ]
    out = b"%PDF-1.7\n"
    for i, obj in enumerate(objs, 1):
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    return out + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"


def test_pdf_decompression_bomb_is_e114(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdfguard, "MAX_STREAM_BYTES", 8 << 20)
    data = _bomb_pdf(16 << 20)
    assert len(data) < 100_000  # 16 MB of content in a small file
    assert _code(data) == "E114"
    assert pdfguard.inflated_size(zlib.compress(b"x" * 1000), 10_000) == 1000


def test_pdf_running_header_and_page_numbers_are_dropped() -> None:
    """Text repeated in the top margin of every page, and page numbers, are page furniture."""
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=(595, 842))
    for n in range(1, 4):
        c.drawString(72, 820, "running header")
        c.drawString(72, 600, f"body {n}")
        c.drawString(290, 20, f"- {n} -")
        c.showPage()
    c.save()
    assert [r.text for r in read_bytes(out.getvalue(), "x.pdf").rows] == ["body 1", "body 2", "body 3"]


def test_pdf_check_path_over_its_time_limit_fails_with_e112(tmp_path: Path) -> None:
    path = tmp_path / "r.pdf"
    path.write_bytes(_pdf(pages=2))
    result = check_path(path, timeout=1e-9)
    assert result.status == "failed" and [e.code for e in result.errors] == ["E112"]
    assert check_path(path).errors[0].code != "E112"  # the default limit leaves it alone


# ------------------------------------------------------------ damaged files
FUZZ = Path(__file__).parent / "fuzz"
HONGZE_2024 = Path(__file__).resolve().parents[2] / "samples" / "hongze-district-2024.pdf"


def _mutant(name: str) -> bytes:
    """A real report with the bytes a fuzzer changed (case 18 of the fuzz findings)."""
    data = bytearray(HONGZE_2024.read_bytes())
    for offset, byte in json.loads((FUZZ / "hongze_2024_mutants.json").read_text())[name]:
        data[offset] = byte
    return bytes(data)


@pytest.mark.parametrize(
    ("name", "where"),
    [
        ("pdf_4003_0017", "页面结构"),
        ("pdf_4003_0048", "第 1 页"),
        ("pdf_6003_0012", "页面结构"),
        ("pdf_7003_0005", "第 2 页"),
    ],
)
def test_pdf_damaged_real_report_is_e110_naming_the_page(name: str, where: str) -> None:
    """pdfminer raised these lazily from page objects, outside the reader's try: E108 before."""
    with pytest.raises(InputError) as err:
        read_bytes(_mutant(name), "damaged.pdf")
    assert err.value.code == "E110" and where in err.value.message


def test_pdf_damaged_page_content_is_e110() -> None:
    with pytest.raises(InputError) as err:
        read_bytes((FUZZ / "pdf_5003_0039.pdf").read_bytes(), "damaged.pdf")
    assert err.value.code == "E110" and "第 1 页" in err.value.message


def test_pdf_media_box_not_a_number_is_e110_and_its_control_reads(tmp_path: Path) -> None:
    content = b"BT /F1 12 Tf 72 712 Td (Report 2024) Tj ET"
    assert [r.text for r in read_bytes(one_page(content), "ok.pdf").rows] == ["Report 2024"]
    path = tmp_path / "box.pdf"
    path.write_bytes(one_page(content, mediabox=b"0 0 /x 842"))
    result = check_path(path, timeout=30)
    assert result.status == "failed" and [e.code for e in result.errors] == ["E110"]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(changes=st.lists(st.tuples(st.integers(0, 240_142), st.integers(0, 255)), min_size=1, max_size=20))
def test_pdf_real_report_with_bytes_changed_reads_or_fails_with_a_code(changes: list[tuple[int, int]]) -> None:
    data = bytearray(HONGZE_2024.read_bytes())
    for offset, byte in changes:
        data[offset] = byte
    try:
        read_pdf(bytes(data), "mutant.pdf")
    except InputError as err:  # anything else (E108 in check) is a failure
        assert err.code in {"E107", "E109", "E110", "E114", "E115"} and err.message
