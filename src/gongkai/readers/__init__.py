"""Readers: one module per input format.

A published report (PDF, Word, image, HTML, Markdown, text) is read into a
:class:`RawDocument` for the extractor; data (a structured JSON/YAML report, gongkai's
fill-in workbook) is read straight into an :class:`~gongkai.model.AnnualReport`.
The format is sniffed from the content (magic bytes), never from the file name.
"""

from __future__ import annotations

from pathlib import Path

from gongkai.errors import InputError
from gongkai.limits import MAX_BYTES
from gongkai.model import AnnualReport
from gongkai.paths import display_path
from gongkai.readers.detect import decode, html_declared_charset, sniff_binary, sniff_text
from gongkai.readers.raw import RawCell, RawDocument, RawRow

_UNSUPPORTED = {
    "zip": "ZIP 压缩文件（不是 Word 文档）",
    "binary": "二进制文件",
}


Document = RawDocument | AnnualReport
"""What a reader gives: a published report's raw rows, or a report given as data."""


def read_document(data: bytes, path: str) -> Document:
    """Read any input gongkai accepts from its bytes; the format is sniffed from the content.

    A structured report (JSON/YAML naming the report's parts) and gongkai's fill-in
    workbook are data: they come back as an :class:`AnnualReport`, not yet completed
    (:func:`gongkai.extract.complete.complete`).  Everything else is a published report.

    Raises:
        InputError: E116 a damaged gongkai workbook, E117 a malformed structured report, and
            those of :func:`read_bytes` (E103 for an empty file among them).
    """
    path = display_path(path)  # provenance and messages carry it: control characters and stray bytes escaped
    from gongkai.readers.structured import read_structured, structured_text

    text = structured_text(data)
    if text is not None:
        return read_structured(text, path)
    if sniff_binary(data) == "xlsx":
        from gongkai.readers.workbook import is_gongkai_workbook, read_workbook

        if is_gongkai_workbook(data):
            return read_workbook(data, path)
    return read_bytes(data, path)


def read_bytes(data: bytes, path: str) -> RawDocument:
    """Read a published report from bytes; the format is sniffed from the content.

    Raises:
        InputError: E103 empty, E104 unsupported format, E105 undecodable text, E119 content
            over a limit (rows, cells, characters), E112 past the time limit, and the
            format readers' codes (E109 encrypted, E110 corrupt, E111 too many pages,
            E113 converter missing, E114 decompression bomb, E115 nothing readable); an Excel
            workbook other than gongkai's is E104.
    """
    path = display_path(path)  # provenance and messages carry it: control characters and stray bytes escaped
    if not data.strip():
        raise InputError("E103", "文件为空")
    fmt = sniff_binary(data)
    if fmt == "pdf":
        from gongkai.readers.pdf import read_pdf

        return read_pdf(data, path)
    if fmt == "docx":
        from gongkai.readers.docx import read_docx

        return read_docx(data, path)
    if fmt == "doc":
        from gongkai.readers.legacy import read_legacy

        return read_legacy(data, path)
    if fmt == "odt":
        from gongkai.readers.legacy import read_odt

        return read_odt(data, path)
    if fmt == "image":
        from gongkai.readers.image import read_image

        return read_image(data, path)
    if fmt == "xlsx":
        from gongkai.readers.workbook import reject_xlsx

        reject_xlsx(data)  # gongkai's own workbook is data, read by read_document
    if fmt is not None:
        raise InputError("E104", f"不支持读取{_UNSUPPORTED[fmt]}（支持 PDF、Word、图片、HTML、Markdown 和纯文本）")
    text, encoding, replaced = decode(data, html_declared_charset(data))
    kind = sniff_text(text)
    if kind == "html":
        from gongkai.readers.html import read_html  # lxml is imported only for HTML

        doc = read_html(text, path, encoding)
    elif kind == "markdown":
        from gongkai.readers.markdown import read_markdown

        doc = read_markdown(text, path, encoding)
    else:
        from gongkai.readers.text import read_text

        doc = read_text(text, path, encoding)
    if replaced:
        doc.hints["undecodable_chars"] = str(replaced)  # each shown as U+FFFD in the text
    return doc


def read_path(path: str | Path) -> Document:
    """Read any input from a file path (see :func:`read_document`).

    Raises:
        InputError: E101 not found, E102 unreadable, E107 too large, and those of :func:`read_document`.
    """
    return read_document(read_file(path), str(path))


def read_file(path: str | Path) -> bytes:
    """A file's bytes, within the size limit.

    Raises:
        InputError: E101 not found, E102 unreadable or not a regular file, E107 too large.
    """
    p = Path(path)
    if not p.exists():
        raise InputError("E101", f"文件不存在：{display_path(p)}")
    if not p.is_file():
        raise InputError("E102", f"不是普通文件：{display_path(p)}")
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise InputError("E107", f"文件过大（{size // 1024 // 1024} MB，上限 {MAX_BYTES // 1024 // 1024} MB）")
        data = p.read_bytes()
    except PermissionError as exc:
        raise InputError("E102", f"没有读取权限：{display_path(p)}") from exc
    except OSError as exc:
        raise InputError("E102", f"文件无法读取：{exc.strerror or display_path(str(exc))}") from exc
    return data


__all__ = ["Document", "RawCell", "RawDocument", "RawRow", "read_bytes", "read_document", "read_file", "read_path"]
