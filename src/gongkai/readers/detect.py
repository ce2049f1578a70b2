"""Sniff a document's format and text encoding from its content, not its name."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from itertools import islice
from typing import Literal, NamedTuple

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
    r"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|div|p|table|article)\b", re.I | re.S
)
_HTML_TAGS = re.compile(r"</?(p|div|table|tr|td|span|br|h[1-6])\b", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_PIPE_ROW = re.compile(r"^[ \t]*\|[^\n]*\|[ \t\r]*$", re.M)  # no \s: it would run over blank lines (quadratic)
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
    if b"\x00" in head and not head.startswith(tuple(bom for bom, _ in _BOMS)):  # UTF-16/32 text has NULs
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


class Decoded(NamedTuple):
    text: str
    encoding: str
    replaced: int = 0
    """Characters that could not be decoded, now U+FFFD in ``text``."""


_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),  # before UTF-16 LE: the same first two bytes
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_GB = ("gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn", "hz-gb-2312")
_NOT_DECLARABLE = frozenset({"undefined", "idna", "punycode", "unicode-escape", "raw-unicode-escape", "utf-7"})
"""Codec names Python knows that no web page is written in (``charset=undefined`` fails on every byte)."""
MAX_UNDECODABLE_SHARE = 0.1
"""A text whose best decoding loses more than this share of its characters is refused (E105)."""


def _declared_codec(declared: str | None) -> str | None:
    """The Python codec of a page's declared charset, or None when it is unknown or cannot be meant.

    As browsers do, a page that declares UTF-16/32 without a byte-order mark is not read as
    such (its bytes have no NULs, or it would have been refused as binary).
    """
    if not declared:
        return None
    name = declared.strip().lower().replace("_", "-")
    if name in _GB:
        return "gb18030"
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    codec = info.name.replace("_", "-")
    if not getattr(info, "_is_text_encoding", True) or codec in _NOT_DECLARABLE or codec.startswith("utf-16"):
        return None
    return None if codec.startswith("utf-32") else codec


def decode(data: bytes, declared: str | None = None) -> Decoded:
    """Decode text bytes.  GB2312/GBK are decoded as GB18030.

    A byte-order mark decides the encoding; otherwise the declared charset (if it is a real
    one), UTF-8 and GB18030 are tried in turn.  When none fits exactly, the one that loses
    the fewest characters is used, each undecodable byte sequence becoming U+FFFD: one
    damaged byte does not make a whole report unreadable.

    Raises:
        InputError: E105 when even the best decoding loses more than
            :data:`MAX_UNDECODABLE_SHARE` of the characters.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _refuse_mostly_lost(
                _lossy(data, codec), f"文件开头有 {codec.upper().removesuffix('-SIG')} 的字节顺序标记"
            )
    candidates = list(dict.fromkeys(c for c in (_declared_codec(declared), "utf-8", "gb18030") if c))
    tried = "已尝试 " + "、".join(c.upper() for c in candidates)
    for enc in candidates:
        try:
            text = data.decode(enc, errors="strict")
        except (UnicodeError, LookupError):
            continue
        return _refuse_mostly_lost(Decoded(text, enc, text.count("\ufffd")), tried)  # U+FFFD: lost before it was saved
    best = min((_lossy(data, enc) for enc in candidates), key=lambda d: d.replaced)
    return _refuse_mostly_lost(best, tried)


def _lossy(data: bytes, codec: str) -> Decoded:
    try:
        text = data.decode(codec, errors="replace")
    except (UnicodeError, LookupError):  # a codec that cannot even replace: everything is lost
        text = "\ufffd" * len(data)
    return Decoded(text.removeprefix("\ufeff"), codec, text.count("\ufffd"))


def _refuse_mostly_lost(decoded: Decoded, why: str) -> Decoded:
    """``decoded``, unless it lost too much (E105; ``why`` says how its encoding was chosen)."""
    if decoded.replaced:
        share = decoded.replaced / max(1, len(decoded.text))
        if share > MAX_UNDECODABLE_SHARE:
            raise InputError(
                "E105",
                f"无法识别文本编码：按 {decoded.encoding.upper().removesuffix('-SIG')} 解码时有 {decoded.replaced} 个字符"
                f"（{share:.0%}）无法解码（{why}）",
            )
    return decoded


def html_declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def sniff_text(text: str) -> Format:
    """Tell HTML, Markdown and plain text apart by content (the decoded text, so UTF-16 pages too)."""
    if _HTML_START.match(text[:2048]) or len(_HTML_TAGS.findall(text[:20000])) >= 5:
        return "html"
    if _at_least(3, _PIPE_ROW.finditer(text)) or _at_least(2, _MD_HEADING.finditer(text)):
        return "markdown"
    return "text"


def _at_least(count: int, matches: Iterator[re.Match[str]]) -> bool:
    return sum(1 for _ in islice(matches, count)) >= count
