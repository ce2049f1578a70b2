"""File names as gongkai shows them: control characters and undecodable bytes escaped.

A file name is whatever bytes the file system holds.  Python keeps a byte that is not
UTF-8 as a lone surrogate (``0xFF`` → ``"\\udcff"``), which cannot be written as UTF-8
(JSON, CSV, XLSX and the terminal all fail or emit invalid text), and a control
character in a name (an escape sequence, a newline) would be obeyed by the terminal
or split a CSV row.  :func:`display_path` is the one place that turns a name into
text that is safe everywhere; ordinary names, Chinese ones included, are unchanged.
"""

from __future__ import annotations

import os
import unicodedata

_UNSAFE = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
"""Control, format (bidirectional overrides, zero-width), surrogate and line/paragraph separator characters."""
_SHORT = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(ch: str) -> str:
    code = ord(ch)
    if ch in _SHORT:
        return _SHORT[ch]
    if 0xDC80 <= code <= 0xDCFF:  # a byte that is not UTF-8, as os.fsdecode keeps it
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def display_path(path: str | bytes | os.PathLike[str] | os.PathLike[bytes]) -> str:
    r"""``path`` as text safe to print and to write as UTF-8.

    An undecodable byte is shown as ``\xff``, a control or format character as ``\x1b``,
    ``\n`` or ``\u202e``; every other character is kept.

    >>> display_path("年报\udcff\x1b[31m.txt")
    '年报\\xff\\x1b[31m.txt'
    """
    text = os.fsdecode(path)
    if text.isprintable():  # the usual name: nothing to escape
        return text
    return "".join(_escape(ch) if unicodedata.category(ch) in _UNSAFE else ch for ch in text)
