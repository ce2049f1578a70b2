"""Format and encoding are sniffed from content, never from the file name."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document

from gongkai.api import check_paths
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
    text, enc = decode("一、总体情况\n表三".encode("gbk"))
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
