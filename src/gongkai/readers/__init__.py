"""Readers: one module per input format, each giving a RawDocument.

The format is sniffed from the content (magic bytes), never from the file name.
"""

from __future__ import annotations

from pathlib import Path

from gongkai.errors import InputError
from gongkai.limits import MAX_BYTES
from gongkai.paths import display_path
from gongkai.readers.detect import decode, html_declared_charset, sniff_binary, sniff_text
from gongkai.readers.html import read_html
from gongkai.readers.markdown import read_markdown
from gongkai.readers.raw import RawCell, RawDocument, RawRow
from gongkai.readers.text import read_text

_UNSUPPORTED = {
    "zip": "ZIP 压缩文件（不是 Word 文档）",
    "binary": "二进制文件",
}


def read_bytes(data: bytes, path: str) -> RawDocument:
    """Read a document from bytes; the format is sniffed from the content.

    Raises:
        InputError: E103 empty, E104 unsupported format, E105 undecodable text, E119 content
            over a limit (rows, cells, characters), E112 past the time limit, and the
            format readers' codes (E109 encrypted, E110 corrupt, E111 too many pages,
            E113 converter missing, E114 decompression bomb, E115 nothing readable); an Excel
            workbook is E104 here (gongkai's fill-in workbook is read by :func:`gongkai.api.read_report`).
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

        reject_xlsx(data)  # gongkai's own workbook is read by gongkai.api.read_report
    if fmt is not None:
        raise InputError("E104", f"不支持读取{_UNSUPPORTED[fmt]}（支持 PDF、Word、图片、HTML、Markdown 和纯文本）")
    text, encoding, replaced = decode(data, html_declared_charset(data))
    kind = sniff_text(text)
    if kind == "html":
        doc = read_html(text, path, encoding)
    elif kind == "markdown":
        doc = read_markdown(text, path, encoding)
    else:
        doc = read_text(text, path, encoding)
    if replaced:
        doc.hints["undecodable_chars"] = str(replaced)  # each shown as U+FFFD in the text
    return doc


def read_path(path: str | Path) -> RawDocument:
    """Read a document from a file path.

    Raises:
        InputError: E101 not found, E102 unreadable, E107 too large, and those of :func:`read_bytes`.
    """
    return read_bytes(read_file(path), str(path))


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


__all__ = ["RawCell", "RawDocument", "RawRow", "read_bytes", "read_path"]
