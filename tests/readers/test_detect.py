"""Format and encoding are sniffed from content, never from the file name."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest
from docx import Document

from gongkai.api import check_path, check_paths
from gongkai.errors import InputError
from gongkai.readers import read_bytes
from gongkai.readers.detect import decode, sniff_binary

REPORT_LINE = "一、总体情况\n本局依法公开。\n"


def test_detect_html_is_recognised_whatever_the_name() -> None:
    doc = read_bytes("<html><body><p>一、总体情况</p><p>六、其他需要报告的事项</p></body></html>".encode(), "a.txt")
    assert doc.format == "html"


def test_detect_markdown_pipe_tables() -> None:
    text = "## 一、总体情况\n| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n"
    assert read_bytes(text.encode(), "x.html").format == "markdown"


def test_detect_plain_text() -> None:
    assert read_bytes(REPORT_LINE.encode(), "x.md").format == "text"


@pytest.mark.parametrize(
    ("data", "fmt"),
    [
        (b"%PDF-1.7\n...", "pdf"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "image"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", "doc"),
        (b"PK\x03\x04" + b"\x00" * 30 + b"word/document.xml", "docx"),
        (b"\x00\x01\x02\x03binary", "binary"),
    ],
)
def test_detect_binary_formats_by_magic(data: bytes, fmt: str) -> None:
    assert sniff_binary(data) == fmt
    with pytest.raises(InputError) as err:
        read_bytes(data, "report.txt")
    # a known format cut down to its magic bytes is corrupt; unknown binary is unsupported
    assert err.value.code == ("E104" if fmt == "binary" else "E110")


def test_detect_empty_and_whitespace_files_are_e103() -> None:
    for data in (b"", b"   \n\t\n"):
        with pytest.raises(InputError) as err:
            read_bytes(data, "empty.txt")
        assert err.value.code == "E103"
        assert "空" in err.value.message


def test_decode_gb2312_declared_page_is_read_as_gb18030() -> None:
    # 〇 and 㘵 are outside GB2312; many "gb2312" pages really contain GBK/GB18030 characters
    page = '<html><head><meta charset="gb2312"></head><body><p>一、总体情况——〇㘵</p></body></html>'
    doc = read_bytes(page.encode("gb18030"), "page.html")
    assert doc.encoding == "gb18030"
    assert doc.rows[0].text == "一、总体情况——〇㘵"


def test_decode_undeclared_gbk_text_falls_back_to_gb18030() -> None:
    text, enc, _ = decode("一、总体情况\n表三".encode("gbk"))
    assert (text, enc) == ("一、总体情况\n表三", "gb18030")


def test_decode_utf8_bom_and_utf16() -> None:
    assert decode("\ufeff一、总体情况".encode())[0] == "一、总体情况"
    assert decode("一、总体情况".encode("utf-16"))[0] == "一、总体情况"


def test_detect_mixed_folder_with_misleading_names(tmp_path: Path) -> None:
    """Formats are told by content: a PDF named .doc, a DOCX named .pdf, a text report named .pdf."""
    samples = Path(__file__).resolve().parents[2] / "samples"
    (tmp_path / "a.doc").write_bytes((samples / "hongze-district-2024.pdf").read_bytes())
    (tmp_path / "b.pdf").write_bytes((samples / "official-template-2021-blank.docx").read_bytes())
    (tmp_path / "c.pdf").write_bytes((samples / "002_3e5507a8093b4360.txt").read_bytes())
    results = list(check_paths([tmp_path]))
    assert [r.status for r in results] == ["ok", "ok", "ok"]
    assert [r.report.source_format for r in results if r.report] == ["pdf", "docx", "text"]
    assert results[1].report is not None and results[1].report.template


def _odf(mimetype: str, compress: int = zipfile.ZIP_STORED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), mimetype, compress_type=compress)
        z.writestr("content.xml", "<office:document-content/>", compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


@pytest.mark.parametrize(
    ("mimetype", "fmt"),
    [
        ("application/vnd.oasis.opendocument.text", "odt"),
        ("application/vnd.oasis.opendocument.text-template", "odt"),
        ("application/vnd.oasis.opendocument.spreadsheet", "zip"),
        ("application/vnd.oasis.opendocument.text-web", "zip"),
    ],
)
def test_detect_opendocument_text_by_its_mimetype_member(mimetype: str, fmt: str) -> None:
    assert sniff_binary(_odf(mimetype)) == fmt


def test_detect_opendocument_mimetype_must_be_stored_first() -> None:
    assert sniff_binary(_odf("application/vnd.oasis.opendocument.text", zipfile.ZIP_DEFLATED)) == "zip"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("content.xml", "<x/>")
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    assert sniff_binary(out.getvalue()) == "zip"


def test_detect_opendocument_mimetype_with_sizes_in_a_data_descriptor() -> None:
    data = bytearray(_odf("application/vnd.oasis.opendocument.text"))
    data[6] |= 0x8  # "sizes follow the data": the local header's sizes are zero
    data[18:26] = b"\0" * 8
    assert sniff_binary(bytes(data)) == "odt"


def test_detect_odt_is_not_mistaken_for_docx_and_docx_still_is() -> None:
    doc = Document()
    doc.add_paragraph("一、总体情况")
    out = io.BytesIO()
    doc.save(out)
    assert sniff_binary(out.getvalue()) == "docx"
    with pytest.raises(InputError) as err:  # an .odt holding no text is read, not refused as a ZIP file
        read_bytes(b"PK\x03\x04" + b"\0" * 22 + b"\x08\0\0\0mimetypeapplication/vnd.oasis.opendocument.text", "a.odt")
    assert err.value.code == "E110"


SAMPLES = Path(__file__).resolve().parents[2] / "samples"
FUZZ = Path(__file__).resolve().parent / "fuzz"


def _values(path: Path) -> dict[str, object]:
    """Every table cell's value and the findings' codes: what a damaged copy must still give."""
    result = check_path(path)
    assert result.status == "ok", result.errors
    assert result.report is not None
    tables = {
        name: {row: {col: cell.plain() for col, cell in cells.items()} for row, cells in table.rows.items()}
        for name, table in (("2", result.report.table2), ("3", result.report.table3), ("4", result.report.table4))
    }
    return {"tables": tables, "findings": sorted(f.code for f in result.findings)}


@pytest.mark.parametrize(
    "name", ["utf8_bom_then_invalid.txt", "utf16_bom_odd_length.txt", "utf16le_bom_lone_surrogate.txt"]
)
def test_decode_bom_then_invalid_bytes_is_e105_not_an_internal_error(name: str) -> None:
    """Fuzz case 01: the text after a BOM is one or two characters, half of them undecodable."""
    result = check_path(FUZZ / name)
    assert [(e.code, e.message[:8]) for e in result.errors] == [("E105", "无法识别文本编码")]
    assert "字节顺序标记" in result.errors[0].message


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_decode_one_bad_byte_in_a_report_is_read_with_a_replacement(tmp_path: Path, encoding: str) -> None:
    text = (SAMPLES / "shuyang-county-2025.txt").read_text(encoding="utf-8")
    good = tmp_path / f"good-{encoding}.txt"
    good.write_bytes(text.encode(encoding))
    data = bytearray(good.read_bytes())
    data[data.index("习近平法治思想".encode(encoding)) + 1] = 0xFF  # in the narrative; never valid in either
    bad = tmp_path / f"bad-{encoding}.txt"
    bad.write_bytes(bytes(data))
    assert _values(bad) == _values(good)
    raw = read_bytes(bytes(data), "bad.txt")
    assert raw.encoding == encoding
    assert 1 <= int(raw.hints["undecodable_chars"]) <= 3


def test_decode_mostly_undecodable_text_is_still_e105() -> None:
    with pytest.raises(InputError) as err:
        read_bytes("一、总体情况".encode() + b"\xff" * 40, "t.txt")
    assert err.value.code == "E105"
    assert "40 个字符" in err.value.message and "已尝试 UTF-8、GB18030" in err.value.message


@pytest.mark.parametrize(("encoding", "bom"), [("utf-16-le", "\ufeff"), ("utf-16-be", "\ufeff"), ("utf-16", "")])
@pytest.mark.parametrize(
    "name", ["002_3e5507a8093b4360.txt", "shanghai-science-commission-2024.md", "city-sample-2025.html"]
)
def test_decode_utf16_reports_with_bom_read_like_utf8(tmp_path: Path, encoding: str, bom: str, name: str) -> None:
    source = SAMPLES / name
    copy = tmp_path / name
    copy.write_bytes((bom + source.read_text(encoding="utf-8")).encode(encoding))
    assert _values(copy) == _values(source)
    assert read_bytes(copy.read_bytes(), name).format == read_bytes(source.read_bytes(), name).format


@pytest.mark.parametrize("encoding", ["utf-32-le", "utf-32-be"])
def test_decode_utf32_with_bom(encoding: str) -> None:
    doc = read_bytes(("\ufeff" + REPORT_LINE).encode(encoding), "t.txt")
    assert doc.rows[0].text == "一、总体情况"


@pytest.mark.parametrize("charset", ["undefined", "no-such-charset", "base64", "rot13", "idna", "utf-16", "utf-32"])
def test_decode_bogus_declared_charset_falls_back_to_sniffing(tmp_path: Path, charset: str) -> None:
    """Fuzz case 02: a charset Python cannot decode a page with is ignored, as browsers ignore it."""
    page = (SAMPLES / "city-sample-2025.html").read_text(encoding="utf-8")
    bogus = tmp_path / "page.html"
    bogus.write_text(page.replace('<meta charset="utf-8">', f'<meta charset="{charset}">'), encoding="utf-8")
    assert f'charset="{charset}"' in bogus.read_text(encoding="utf-8")
    assert _values(bogus) == _values(SAMPLES / "city-sample-2025.html")
    gbk = tmp_path / "gbk.html"
    gbk.write_bytes(bogus.read_text(encoding="utf-8").encode("gb18030"))
    assert _values(gbk) == _values(SAMPLES / "city-sample-2025.html")


def test_decode_charset_undefined_fuzz_case_is_not_an_internal_error() -> None:
    result = check_path(FUZZ / "html_charset_undefined.html")
    assert [e.code for e in result.errors] == ["E106"]  # the page holds only "x"


def test_detect_html_with_an_xml_declaration_is_read() -> None:
    page = '<?xml version="1.0" encoding="utf-8"?>\n<html><body><p>一、总体情况</p><p>六、其他需要报告的事项</p></body></html>'
    doc = read_bytes(page.encode(), "x.xhtml")
    assert (doc.format, [r.text for r in doc.rows]) == ("html", ["一、总体情况", "六、其他需要报告的事项"])


def test_detect_markdown_sniffing_is_linear_in_blank_lines() -> None:
    """A pipe-row pattern with \\s at a line start ran over every following blank line: quadratic."""
    start = time.perf_counter()
    doc = read_bytes(("一、总体情况" + "\n" * 100_000 + "本局依法公开。").encode(), "t.txt")
    assert time.perf_counter() - start < 3  # was about 20 s (and 5 minutes for twice as many lines)
    assert (doc.format, len(doc.rows)) == ("text", 2)
