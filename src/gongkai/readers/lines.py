"""Split decoded plain text or Markdown into raw rows (shared by text and markdown readers)."""

from __future__ import annotations

import re

from gongkai.limits import check_deadline
from gongkai.model import Provenance
from gongkai.readers.raw import RawCell, RawRow

_MD_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_WS = "\t \u3000\xa0"


def split_lines(text: str, path: str, *, markdown: bool) -> list[RawRow]:
    """One row per non-blank line: tab-separated and pipe rows become cells rows."""
    rows: list[RawRow] = []
    table_no = 0
    in_pipe = False
    for lineno, line in enumerate(text.splitlines(), start=1):
        check_deadline(f"（第 {lineno} 行）")
        stripped = line.strip(_WS + "\r")
        if not stripped:
            in_pipe = False
            continue
        if markdown and stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
            if _MD_SEPARATOR.match(stripped):
                continue
            if not in_pipe:
                table_no += 1
                in_pipe = True
            cells = _cells(stripped[1:-1].split("|"), path, lineno)
            rows.append(RawRow(cells, "cells", table=table_no))
            continue
        in_pipe = False
        if "\t" in line:
            cells = _cells(line.rstrip("\r\n").split("\t"), path, lineno)
            rows.append(RawRow(cells, "cells"))
            continue
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
