"""RawDocument: what a reader hands to the extractor.

A document is a list of rows in reading order.  A *text* row is a line or
paragraph of prose (one cell); a *cells* row is a table row from an HTML/
Markdown table or a tab-separated line.  Every cell keeps its provenance.
Inspect it with ``gongkai extract FILE --stage raw``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from gongkai.model import Provenance

_WS = re.compile(r"[ \t\r\n\u3000\xa0]+")

TITLE_LIKE = re.compile(r"(政府信息公开|政务公开).{0,12}年度?报告")
"""Text that reads like a report title (used for page-title and document-property hints)."""


def clean_text(text: str) -> str:
    """Runs of whitespace (ideographic and no-break spaces included) as one space, ends stripped."""
    return _WS.sub(" ", text).strip()


@dataclass(slots=True)
class RawCell:
    text: str
    prov: Provenance
    colspan: int = 1
    rowspan: int = 1


@dataclass(slots=True)
class RawRow:
    cells: list[RawCell]
    kind: Literal["text", "cells"]
    table: int | None = None
    """Index (1-based) of the source table for HTML/Markdown/DOCX tables."""

    @property
    def text(self) -> str:
        return "".join(c.text for c in self.cells)

    @property
    def prov(self) -> Provenance:
        return self.cells[0].prov


@dataclass(slots=True)
class RawDocument:
    path: str
    format: str
    encoding: str | None
    rows: list[RawRow]
    hints: dict[str, str] = field(default_factory=dict)
    """Reader-level facts outside the report body: page title, publication date from page metadata, source URL."""

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready view for debugging (``--stage raw``)."""
        return {
            "path": self.path,
            "format": self.format,
            "encoding": self.encoding,
            "hints": self.hints,
            "rows": [
                {
                    "kind": r.kind,
                    "table": r.table,
                    "cells": [c.text for c in r.cells],
                    "at": r.prov.describe(),
                }
                for r in self.rows
            ],
        }
