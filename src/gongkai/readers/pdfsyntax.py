"""A small reader of PDF object syntax, for the checks that run before any PDF library sees the file.

It reads what those checks need (dictionaries, arrays, names with their ``#xx``
escapes decoded, numbers, strings, references, keywords) and finds the
dictionary of every ``stream`` keyword in the file.  It never decodes stream
data and never trusts the cross-reference table: every object written in the
file is seen, whether or not a parser would reach it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_OTHER = rb"\x00\t\n\x0c\r ()<>\[\]{}/%"  # bytes that end a regular token
_SKIP = re.compile(rb"(?:[\x00\t\n\x0c\r ]+|%[^\r\n]*)*")
_REGULAR = re.compile(rb"[^" + _OTHER + rb"]*")
_NUMBER = re.compile(rb"[+-]?(?:\d+\.?\d*|\.\d+)")
_REF_TAIL = re.compile(rb"[\x00\t\n\x0c\r ]+(\d+)[\x00\t\n\x0c\r ]+R(?![^" + _OTHER + rb"])")
_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_STRING_STOP = re.compile(rb"[\\()]")
_HEADER = re.compile(rb"(\d+)[\x00\t\n\x0c\r ]+(\d+)[\x00\t\n\x0c\r ]+obj(?![^" + _OTHER + rb"])")
_HEADER_BEFORE = re.compile(rb"(?<![0-9])(\d+)[\x00\t\n\x0c\r ]+(\d+)[\x00\t\n\x0c\r ]+\Z")
_STREAM = re.compile(rb"stream")
_DELIMITING = frozenset(b"\x00\t\n\x0c\r ()<>[]{}/%")

MAX_DEPTH = 32
"""Deepest nesting of arrays and dictionaries read; deeper is treated as unreadable."""
_WINDOW = 65536
"""How far before a ``stream`` keyword its object header (or dictionary) is looked for."""
_BACKWARD_TRIES = 64


class Name(str):
    """A PDF name, ``#xx`` escapes decoded (``/Flat#65Decode`` is ``FlateDecode``)."""


class Keyword(str):
    """A bare keyword other than true, false and null."""


@dataclass(frozen=True, slots=True)
class Ref:
    """An indirect reference ``num gen R``."""

    num: int
    gen: int


class SyntaxProblem(Exception):
    """The bytes at this place are not a PDF object this reader can follow."""


def skip(data: bytes, pos: int) -> int:
    """The position after any white space and comments at ``pos``."""
    m = _SKIP.match(data, pos)
    return m.end() if m else pos


def decode_name(raw: bytes) -> Name:
    return Name(_ESCAPE.sub(lambda m: bytes((int(m.group(1), 16),)), raw).decode("latin-1"))


def parse(data: bytes, pos: int, depth: int = 0) -> tuple[Any, int]:
    """The object starting at ``pos`` (after white space) and the position after it.

    Raises:
        SyntaxProblem: no object there, an unterminated one, or nesting deeper than MAX_DEPTH.
    """
    if depth > MAX_DEPTH:
        raise SyntaxProblem("too deep")
    pos = skip(data, pos)
    if pos >= len(data):
        raise SyntaxProblem("end of data")
    c = data[pos : pos + 1]
    if c == b"/":
        m = _REGULAR.match(data, pos + 1)
        end = m.end() if m else pos + 1
        return decode_name(data[pos + 1 : end]), end
    if data.startswith(b"<<", pos):
        return _dict(data, pos + 2, depth)
    if c == b"[":
        return _array(data, pos + 1, depth)
    if c == b"<":
        end = data.find(b">", pos + 1)
        if end == -1:
            raise SyntaxProblem("unterminated hex string")
        return data[pos + 1 : end], end + 1
    if c == b"(":
        return _string(data, pos + 1)
    if c in b")>]}{":
        raise SyntaxProblem("unexpected delimiter")
    m = _REGULAR.match(data, pos)
    token = m.group() if m else b""
    if not token:
        raise SyntaxProblem("no token")
    end = pos + len(token)
    if _NUMBER.fullmatch(token):
        if b"." not in token:
            ref = _REF_TAIL.match(data, end)
            if ref and token.isdigit():
                return Ref(int(token), int(ref.group(1))), ref.end()
            return int(token), end
        return float(token), end
    words: dict[bytes, Any] = {b"true": True, b"false": False, b"null": None}
    if token in words:
        return words[token], end
    return Keyword(token.decode("latin-1")), end


def _dict(data: bytes, pos: int, depth: int) -> tuple[dict[str, Any], int]:
    out: dict[str, Any] = {}
    while True:
        pos = skip(data, pos)
        if data.startswith(b">>", pos):
            return out, pos + 2
        key, pos = parse(data, pos, depth + 1)
        if not isinstance(key, Name):
            continue  # a stray token where a key belongs: readers skip it too
        pos = skip(data, pos)
        if data.startswith(b">>", pos):
            return out, pos + 2
        value, pos = parse(data, pos, depth + 1)
        out[str(key)] = value


def _array(data: bytes, pos: int, depth: int) -> tuple[list[Any], int]:
    out: list[Any] = []
    while True:
        pos = skip(data, pos)
        if data.startswith(b"]", pos):
            return out, pos + 1
        value, pos = parse(data, pos, depth + 1)
        out.append(value)


def _string(data: bytes, pos: int) -> tuple[bytes, int]:
    start, level = pos, 1
    while True:
        m = _STRING_STOP.search(data, pos)
        if m is None:
            raise SyntaxProblem("unterminated string")
        pos = m.end()
        ch = m.group()
        if ch == b"\\":
            pos += 1
        elif ch == b"(":
            level += 1
        else:
            level -= 1
            if level == 0:
                return data[start : pos - 1], pos


@dataclass(frozen=True, slots=True)
class StreamSite:
    """A ``stream`` keyword, its dictionary (None when it could not be read) and its object number."""

    keyword: int
    attrs: dict[str, Any] | None
    ref: Ref | None


def _dict_ending_at(data: bytes, start: int, keyword: int) -> dict[str, Any] | None:
    try:
        value, end = parse(data, start)
    except SyntaxProblem:
        return None
    return value if isinstance(value, dict) and skip(data, end) == keyword else None


def _standalone(data: bytes, start: int, end: int) -> bool:
    return (start == 0 or data[start - 1] in _DELIMITING) and (end >= len(data) or data[end] in _DELIMITING)


def stream_sites(data: bytes) -> list[StreamSite]:
    """Every ``stream`` keyword standing alone (not the end of ``endstream``) with the dictionary before it."""
    return [_site(data, m.start()) for m in _STREAM.finditer(data) if _standalone(data, m.start(), m.end())]


def _header_before(data: bytes, keyword: int) -> tuple[Ref, int] | None:
    """The last ``N G obj`` header within _WINDOW bytes before ``keyword``: its reference and end."""
    pos = keyword
    lo = max(0, keyword - _WINDOW)
    while True:
        pos = data.rfind(b"obj", lo, pos)
        if pos == -1:
            return None
        if _standalone(data, pos, pos + 3):
            m = _HEADER_BEFORE.search(data, max(0, pos - 48), pos)
            if m:
                return Ref(int(m.group(1)), int(m.group(2))), pos + 3


def _site(data: bytes, keyword: int) -> StreamSite:
    header = _header_before(data, keyword)
    if header is not None:
        attrs = _dict_ending_at(data, header[1], keyword)
        if attrs is not None:
            return StreamSite(keyword, attrs, header[0])
    # no usable header: try the dictionaries that end just before the keyword
    close = data.rfind(b">>", max(0, keyword - _WINDOW), keyword)
    if close != -1 and skip(data, close + 2) == keyword:
        pos = close
        for _ in range(_BACKWARD_TRIES):
            pos = data.rfind(b"<<", max(0, keyword - _WINDOW), pos)
            if pos == -1:
                break
            attrs = _dict_ending_at(data, pos, keyword)
            if attrs is not None:
                return StreamSite(keyword, attrs, None)
    return StreamSite(keyword, None, None)


class Objects:
    """Indirect objects of a file by number, found by their ``N G obj`` headers (the last one wins)."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._where: dict[int, int] | None = None

    def get(self, ref: Ref) -> Any:
        """The object ``ref`` points to, or None when it is not written in the file or unreadable."""
        if self._where is None:
            self._where = {int(m.group(1)): m.end() for m in _HEADER.finditer(self._data)}
        pos = self._where.get(ref.num)
        if pos is None:
            return None
        try:
            return parse(self._data, pos)[0]
        except SyntaxProblem:
            return None

    def resolve(self, value: Any, hops: int = 8) -> Any:
        """``value`` with references followed (None when one leads nowhere)."""
        while isinstance(value, Ref) and hops > 0:
            value, hops = self.get(value), hops - 1
        return None if isinstance(value, Ref) else value
