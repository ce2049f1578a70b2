"""Sniff a document's format and text encoding from its content, not its name."""

from __future__ import annotations

import re
from typing import Literal

from gongkai.errors import InputError

Format = Literal["text", "markdown", "html", "pdf", "docx", "doc", "odt", "xlsx", "image", "zip", "binary"]

_MAGIC: tuple[tuple[bytes, Format], ...] = (
    (b"%PDF-", "pdf"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "doc"),
    (b"\x89PNG\r\n\x1a\n", "image"),
    (b"\xff\xd8\xff", "image"),
    (b"II*\x00", "image"),
    (b"MM\x00*", "image"),
    (b"GIF8", "image"),
)
_ODT_TYPES = (b"application/vnd.oasis.opendocument.text", b"application/vnd.oasis.opendocument.text-template")
_HTML_START = re.compile(
    rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|div|p|table|article)\b", re.I | re.S
)
_HTML_TAGS = re.compile(rb"</?(p|div|table|tr|td|span|br|h[1-6])\b", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$", re.M)
_MD_HEADING = re.compile(r"^#{1,6}\s", re.M)


def sniff_binary(data: bytes) -> Format | None:
    """Return the format of a binary document, or None if the bytes look like text."""
    for magic, fmt in _MAGIC:
        if data.startswith(magic):
            return fmt
    if data.startswith(b"PK\x03\x04"):
        if _odf_mimetype(data) in _ODT_TYPES:
            return "odt"
        head = data[:65536]
        if (b"xl/workbook.xml" in head or b"xl/worksheets/" in head) and b"word/document.xml" not in head:
            return "xlsx"
        return "docx" if b"word/" in head or b"[Content_Types].xml" in head else "zip"
    head = data[:8192]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary"
    return None


def _odf_mimetype(data: bytes) -> bytes | None:
    """The media type an OpenDocument file stores, uncompressed, as its first ZIP member ``mimetype``."""
    name_len, extra_len = int.from_bytes(data[26:28], "little"), int.from_bytes(data[28:30], "little")
    if data[30 : 30 + name_len] != b"mimetype" or data[8:10] != b"\x00\x00":  # stored, not deflated
        return None
    start, size = 30 + name_len + extra_len, int.from_bytes(data[18:22], "little")
    if 0 < size <= 100:
        return data[start : start + size]
    return data[start : start + 100].split(b"PK\x03\x04")[0]  # size left to a data descriptor


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode text bytes; returns (text, encoding).  GB2312/GBK are decoded as GB18030.

    Raises:
        InputError: E105 when no supported encoding fits.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    candidates: list[str] = []
    if declared:
        d = declared.lower().replace("_", "-")
        candidates.append("gb18030" if d in ("gb2312", "gbk", "gb18030", "x-gbk", "cp936") else d)
    candidates += ["utf-8", "gb18030"]
    for enc in candidates:
        try:
            return data.decode(enc, errors="strict"), enc
        except (UnicodeDecodeError, LookupError):
            continue
    raise InputError("E105", "无法识别文本编码（已尝试 UTF-8、GB18030）")


def html_declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def sniff_text(data: bytes, text: str) -> Format:
    """Tell HTML, Markdown and plain text apart by content."""
    if _HTML_START.match(data[:2048]) or len(_HTML_TAGS.findall(data[:20000])) >= 5:
        return "html"
    if len(_PIPE_ROW.findall(text)) >= 3 or len(_MD_HEADING.findall(text)) >= 2:
        return "markdown"
    return "text"
