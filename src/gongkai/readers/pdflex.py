"""A fast lexer for PDF content streams, giving exactly the tokens pdfminer's parser gives.

pdfminer reads a content stream one small state-machine step at a time in pure
Python; on a report page that is most of the reading.  :func:`lex` cuts the
same tokens out of each stream with one regular expression: numbers,
keywords, names, literal and hexadecimal strings, as pdfminer's
``PSBaseParser`` makes them, quirks included (a lone ``-`` is no token, a
backslash before an ordinary character drops both, ``<41>>`` is a string and
the end of a dictionary).  pdfminer's own ``PSStackParser`` still builds the
arrays and dictionaries from them (:class:`FastContentParser`); fonts' ToUnicode
maps are lexed the same way (:mod:`~gongkai.readers.pdffonts`).

What the lexer does not reproduce it refuses (:class:`Unsupported`), and the
page is then read by pdfminer's parser, unchanged: inline images (``BI``,
``ID``), ``#`` escapes in names, an octal escape over 255, and anything cut
off at the end of a stream (a string, a ``<``, a ``/`` or ``>`` that pdfminer
would continue in the next stream).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Sequence
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

_STRING_END = re.compile(rb"[()\\]")
_HEX_PAIR = re.compile(rb"[0-9a-fA-F]{2}|.")
_SPACE = re.compile(rb"\s")
_OCTAL = re.compile(rb"[0-7]{1,3}")
_ESCAPES = {ord("b"): 8, ord("t"): 9, ord("n"): 10, ord("f"): 12, ord("r"): 13, 40: 40, 41: 41, 92: 92}
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


_TOKEN = re.compile(
    rb"(?:[\s\x00]+|%[^\r\n]*)*+"  # white space and comments before the token
    rb"(?:([-+][0-9]*(?:\.[0-9]*)?|[0-9]+(?:\.[0-9]*)?|\.[0-9]*)"  # 1 number
    rb"|([A-Za-z][^#/%\[\]()<>{}\s]*)"  # 2 keyword
    rb"|/([^#/%\[\]()<>{}\s]*)"  # 3 name
    rb"|\(([^()\\]*)\)"  # 4 string without escapes or parentheses
    rb"|(<<|>>)"  # 5 dictionary
    rb"|<([\s0-9a-fA-F]*)(?=[^\s0-9a-fA-F])"  # 6 hexadecimal string (its end read as the next token)
    rb"|(.)"  # 7 anything else: a one-character keyword, or what the cases below decide
    rb"|\Z)",
    re.DOTALL,
)
_NO_TOKEN = object()


def _atom(text: bytes) -> Any:
    """A number or a keyword as pdfminer makes it (_NO_TOKEN for "-", "+" or ".", which make none)."""
    if text[0] in _LETTERS:
        return True if text == b"true" else False if text == b"false" else KWD(text)
    try:
        return float(text) if b"." in text else int(text)
    except ValueError:
        return _NO_TOKEN


def lex_data(s: bytes, last: bool, out: list[Any]) -> None:
    """Append the tokens of ``s`` to ``out`` (``last``: no stream follows it).

    Raises:
        Unsupported: something left to pdfminer.
    """
    atoms: dict[bytes, Any] = {}  # numbers and keywords, then hexadecimal strings, as read so far
    hexes: dict[bytes, bytes] = {}
    append = out.append
    i, n = 0, len(s)
    while i < n:
        for m in _TOKEN.finditer(s, i):
            kind = m.lastindex
            if kind is None:
                return  # white space to the end
            if kind <= 2:
                text = m.group(kind)
                token = atoms.get(text)
                if token is None:
                    token = atoms[text] = _atom(text)
                    if token in _INLINE_IMAGE:
                        raise Unsupported("inline image")
                if token is not _NO_TOKEN:
                    append(token)
            elif kind == 6:
                digits = m.group(6)
                string = hexes.get(digits)
                if string is None:
                    string = hexes[digits] = _hex(digits)
                append(string)
            elif kind == 4:
                append(m.group(4))
            elif kind == 3:
                raw, i = m.group(3), m.end()
                if i < n and s[i] == 35:
                    raise Unsupported("# in a name")
                if not raw and i == n and not last:
                    raise Unsupported("a name cut by the end of a stream")
                try:
                    append(LIT(str(raw, "utf-8")))
                except UnicodeDecodeError:
                    append(LIT(raw))
            elif kind == 5:
                append(KEYWORD_DICT_BEGIN if m.group(5) == b"<<" else KEYWORD_DICT_END)
            else:
                i = m.end()
                c = s[i - 1]
                if c == 40:  # "(": escapes or parentheses inside
                    token, i = _string(s, i - 1)
                    append(token)
                    break  # go on after the string
                if c == 60:
                    raise Unsupported("unterminated hexadecimal string")
                if c == 62:  # a lone ">" makes no token, unless pdfminer continues it in the next stream
                    if i == n and not last:
                        raise Unsupported("a > cut by the end of a stream")
                else:
                    append(KWD(bytes((c,))))
        else:
            return


def _hex(digits: bytes) -> bytes:
    """A hexadecimal string's bytes as pdfminer makes them (white space dropped, an odd last digit kept as is)."""
    if len(digits) % 2 or _SPACE.search(digits):
        digits = _SPACE.sub(b"", digits)
        return _HEX_PAIR.sub(lambda p: bytes((int(p.group(0), 16),)), digits)
    return bytes.fromhex(digits.decode("ascii"))


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
        check_deadline(where)
        lex_data(data, k == len(streams) - 1, out)
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

    def objects(self) -> Iterator[Any]:
        """Every object ``nextobject`` would give, one after another, until the tokens run out."""
        tokens, stacked = self._tokens_in, _STACKED
        k, n = 0, len(tokens)
        while k < n:
            token = tokens[k]
            if type(token) is PSKeyword and token in stacked:  # an array, a dictionary: pdfminer's stack parser
                self._next = k
                try:
                    yield PSStackParser.nextobject(self)[1]
                except PSEOF:
                    return
                while self.results:
                    yield self.results.pop(0)[1]
                k = self._next
            else:
                k += 1
                yield token

    def nextobject(self) -> Any:
        if not self.results and not self.context and self._next < len(self._tokens_in):
            token = self._tokens_in[self._next]
            kind = type(token)
            if kind in _PLAIN or kind is PSLiteral or (kind is PSKeyword and token not in _STACKED):
                self._next += 1
                return (0, token)
        return super().nextobject()
