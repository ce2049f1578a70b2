"""A fast lexer for PDF content streams, giving exactly the tokens pdfminer's parser gives.

pdfminer reads a content stream one small state-machine step at a time in pure
Python; on a report page that is most of the reading.  :func:`lex` cuts the
same tokens out of each stream with a few regular expressions: numbers,
keywords, names, literal and hexadecimal strings, as pdfminer's
``PSBaseParser`` makes them, quirks included (a lone ``-`` is no token, a
backslash before an ordinary character drops both, ``<41>>`` is a string and
the end of a dictionary).  pdfminer's own ``PSStackParser`` still builds the
arrays and dictionaries from them (:class:`FastContentParser`).

What the lexer does not reproduce it refuses (:class:`Unsupported`), and the
page is then read by pdfminer's parser, unchanged: inline images (``BI``,
``ID``), ``#`` escapes in names, an octal escape over 255, and anything cut
off at the end of a stream (a string, a ``<``, a ``/`` or ``>`` that pdfminer
would continue in the next stream).
"""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Sequence
from typing import Any

from pdfminer.pdfinterp import PDFContentParser
from pdfminer.pdftypes import PDFStream
from pdfminer.psparser import (
    KEYWORD_ARRAY_BEGIN,
    KEYWORD_ARRAY_END,
    KEYWORD_DICT_BEGIN,
    KEYWORD_DICT_END,
    KEYWORD_PROC_BEGIN,
    KEYWORD_PROC_END,
    KWD,
    LIT,
    PSEOF,
    PSBaseParser,
    PSKeyword,
    PSLiteral,
    PSStackParser,
)

from gongkai.limits import check_deadline

_SKIP = re.compile(rb"[\s\x00]+|%[^\r\n]*")
_NUMBER = re.compile(rb"[-+]?[0-9]*(?:\.[0-9]*)?")
_KEYWORD = re.compile(rb"[A-Za-z][^#/%\[\]()<>{}\s]*")
_NAME = re.compile(rb"/[^#/%\[\]()<>{}\s]*")
_STRING_END = re.compile(rb"[()\\]")
_HEX_END = re.compile(rb"[^\s0-9a-fA-F]")
_HEX_PAIR = re.compile(rb"[0-9a-fA-F]{2}|.")
_SPACE = re.compile(rb"\s")
_OCTAL = re.compile(rb"[0-7]{1,3}")
_ESCAPES = {ord("b"): 8, ord("t"): 9, ord("n"): 10, ord("f"): 12, ord("r"): 13, 40: 40, 41: 41, 92: 92}
_NUMBER_START = frozenset(b"+-.0123456789")
_LETTERS = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_INLINE_IMAGE = (KWD(b"BI"), KWD(b"ID"))
_STACKED = frozenset(
    {
        KEYWORD_ARRAY_BEGIN,
        KEYWORD_ARRAY_END,
        KEYWORD_DICT_BEGIN,
        KEYWORD_DICT_END,
        KEYWORD_PROC_BEGIN,
        KEYWORD_PROC_END,
        *_INLINE_IMAGE,
    }
)
_PLAIN = frozenset({int, float, bool, bytes})
_TICK = 4096
"""Tokens between two deadline checks while lexing."""


class Unsupported(Exception):
    """A stream the lexer cannot read exactly as pdfminer would: pdfminer reads it."""


def _string(s: bytes, i: int) -> tuple[bytes, int]:
    """The literal string opening at ``s[i]`` and the index after it, as pdfminer decodes it."""
    out = bytearray()
    depth, j = 1, i + 1
    while True:
        m = _STRING_END.search(s, j)
        if m is None:
            raise Unsupported("unterminated string")
        k = m.start()
        out += s[j:k]
        c = s[k]
        if c == 92:  # backslash
            k += 1
            if k >= len(s):
                raise Unsupported("unterminated string")
            octal = _OCTAL.match(s, k)
            if octal is not None:
                code = int(octal.group(), 8)
                if code > 255 or octal.end() >= len(s):
                    raise Unsupported("octal escape")
                out.append(code)
                j = octal.end()
            elif s[k] in _ESCAPES:
                out.append(_ESCAPES[s[k]])
                j = k + 1
            elif s[k] == 13 and s[k + 1 : k + 2] == b"\n" and k % PSBaseParser.BUFSIZ != PSBaseParser.BUFSIZ - 1:
                j = k + 2  # pdfminer skips CR LF after a backslash, unless the CR ends its read buffer
            else:
                j = k + 1  # any other escaped character is dropped with its backslash
        elif c == 40:
            depth += 1
            out.append(40)
            j = k + 1
        else:
            depth -= 1
            if not depth:
                return bytes(out), k + 1
            out.append(41)
            j = k + 1


def _hex(s: bytes, i: int) -> tuple[bytes, int]:
    """The hexadecimal string opening at ``s[i]`` and the index of the character that ends it."""
    m = _HEX_END.search(s, i + 1)
    if m is None:
        raise Unsupported("unterminated hexadecimal string")
    j = m.start()
    token = _HEX_PAIR.sub(lambda p: bytes((int(p.group(0), 16),)), _SPACE.sub(b"", s[i + 1 : j]))
    return token, j


def _lex(s: bytes, last: bool, out: list[Any], where: str) -> None:
    i, n = 0, len(s)
    while i < n:
        if len(out) % _TICK == 0:
            check_deadline(where)
        m = _SKIP.match(s, i)
        if m is not None:
            i = m.end()
            continue
        c = s[i]
        if c in _NUMBER_START:
            m = _NUMBER.match(s, i)
            assert m is not None
            text, i = m.group(), m.end()
            with contextlib.suppress(ValueError):  # "-", "+" or ".": pdfminer makes no token
                out.append(float(text) if b"." in text else int(text))
        elif c in _LETTERS:
            m = _KEYWORD.match(s, i)
            assert m is not None
            word, i = m.group(), m.end()
            token: Any = True if word == b"true" else False if word == b"false" else KWD(word)
            if token in _INLINE_IMAGE:
                raise Unsupported("inline image")
            out.append(token)
        elif c == 47:  # /
            m = _NAME.match(s, i)
            assert m is not None
            i = m.end()
            if i < n and s[i] == 35:
                raise Unsupported("# in a name")
            raw = m.group()[1:]
            if not raw and i == n and not last:
                raise Unsupported("a name cut by the end of a stream")
            try:
                out.append(LIT(str(raw, "utf-8")))
            except UnicodeDecodeError:
                out.append(LIT(raw))
        elif c == 40:  # (
            token, i = _string(s, i)
            out.append(token)
        elif c == 60:  # <
            if s[i + 1 : i + 2] == b"<":
                out.append(KEYWORD_DICT_BEGIN)
                i += 2
            else:
                token, i = _hex(s, i)
                out.append(token)
        elif c == 62:  # >
            if s[i + 1 : i + 2] == b">":
                out.append(KEYWORD_DICT_END)
                i += 2
            elif i + 1 == n and not last:
                raise Unsupported("a > cut by the end of a stream")
            else:
                i += 1  # a lone ">" makes no token
        else:
            out.append(KWD(s[i : i + 1]))
            i += 1


def lex(streams: Sequence[PDFStream], where: str = "") -> list[Any]:
    """The tokens of ``streams`` read one after another, as pdfminer's content parser reads them.

    Raises:
        Unsupported: something the lexer leaves to pdfminer.
        InputError: E112 out of time.
    """
    out: list[Any] = []
    for k, stream in enumerate(streams):
        try:
            data = stream.get_data()
        except Exception as exc:  # pdfminer raises it again, at the same stream
            raise Unsupported("stream data") from exc
        _lex(data, k == len(streams) - 1, out, where)
    return out


class FastContentParser(PDFContentParser):
    """pdfminer's content parser fed with tokens already lexed: the same objects, far sooner.

    Arrays, dictionaries and procedures are still built by pdfminer's ``PSStackParser``;
    a token outside them goes straight through, as ``nextobject`` would return it.
    Positions are not kept (0): only inline images use them, and those are left to pdfminer.
    """

    def __init__(self, tokens: list[Any]) -> None:
        self.streams = []
        self.istream = 0
        PSStackParser.__init__(self, io.BytesIO())  # never read
        self._tokens_in = tokens
        self._next = 0

    def nexttoken(self) -> tuple[int, Any]:
        if self._next >= len(self._tokens_in):
            raise PSEOF("Unexpected EOF")
        token = self._tokens_in[self._next]
        self._next += 1
        return (0, token)

    def nextobject(self) -> Any:
        if not self.results and not self.context and self._next < len(self._tokens_in):
            token = self._tokens_in[self._next]
            kind = type(token)
            if kind in _PLAIN or kind is PSLiteral or (kind is PSKeyword and token not in _STACKED):
                self._next += 1
                return (0, token)
        return super().nextobject()
