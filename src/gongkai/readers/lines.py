"""Split decoded plain text or Markdown into raw rows (shared by text and markdown readers).

Lines are taken one at a time and counted against the content limits before their
cells are built, so a 45 MB table or a line of four million cells stops early (E119).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from gongkai.limits import ContentBudget, check_deadline
from gongkai.model import Provenance
from gongkai.readers.raw import RawCell, RawRow

_MD_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_WS = "\t \u3000\xa0"
_LINE = re.compile("([^\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]*)(\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029])?")
"""A line and its end, at the same boundaries as :meth:`str.splitlines` (form feeds included)."""


_SPLIT_AT_ONCE = 1_000_000
"""Characters up to which a text is split into a list of lines at once."""


def iter_lines(text: str) -> Iterator[str]:
    """The lines of ``text`` as ``text.splitlines()`` gives them, one at a time."""
    pos, end = 0, len(text)
    while pos < end:
        m = _LINE.match(text, pos)
        assert m is not None  # the pattern matches the empty string
        yield m.group(1)
        pos = m.end()


def split_lines(text: str, path: str, *, markdown: bool) -> list[RawRow]:
    """One row per non-blank line: tab-separated and pipe rows become cells rows.

    Raises:
        InputError: E119 over a content limit, E112 past the time limit.
    """
    rows: list[RawRow] = []
    budget = ContentBudget()
    table_no = 0
    in_pipe = False
    # str.splitlines is fast, but a list of millions of lines is not: long texts go one line at a time
    lines = text.splitlines() if len(text) <= _SPLIT_AT_ONCE else iter_lines(text)
    for lineno, line in enumerate(lines, start=1):
        stripped = line.strip(_WS + "\r")
        if not stripped:
            in_pipe = False
            continue
        if markdown and stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
            budget.row(stripped.count("|") - 1, len(stripped), f"第{lineno}行")
            if _MD_SEPARATOR.match(stripped):
                continue
            if not in_pipe:
                table_no += 1
                in_pipe = True
            rows.append(RawRow(_cells(stripped[1:-1].split("|"), path, lineno), "cells", table=table_no))
            continue
        in_pipe = False
        if "\t" in line:
            budget.row(line.count("\t") + 1, len(stripped), f"第{lineno}行")
            rows.append(RawRow(_cells(line.rstrip("\r\n").split("\t"), path, lineno), "cells"))
            continue
        budget.row(0, len(stripped))
        if markdown:
            stripped = _MD_HEADING.sub("", stripped)
        rows.append(RawRow([RawCell(stripped, Provenance(file=path, line=lineno))], "text"))
    return rows


def _cells(parts: list[str], path: str, lineno: int) -> list[RawCell]:
    """The cells of one table line; a line of very many cells checks the time limit as it goes."""
    cells: list[RawCell] = []
    for i, p in enumerate(parts, start=1):
        if i % 4096 == 0:
            check_deadline(f"（第 {lineno} 行）")
        cells.append(RawCell(p.strip(_WS), Provenance(file=path, line=lineno, column=i)))
    return cells
