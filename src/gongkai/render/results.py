"""Audit results written as they arrive: one document at a time, then the batch summary.

``gongkai check`` feeds each :class:`~gongkai.result.DocumentResult` to a sink as soon as
the document is done and keeps nothing of it afterwards, so a batch of any size prints
progressively in the memory of one document.  Every format has one: text (grouped per
report), JSON (one document whose ``reports`` array grows), CSV (one row per finding)
and XLSX (written row by row in xlsxwriter's constant-memory mode).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Protocol, TextIO

from gongkai.render.csv import CsvSink
from gongkai.render.json import result_to_json
from gongkai.render.text import TextSink
from gongkai.result import DocumentResult, Summary


class ResultSink(Protocol):
    def add(self, result: DocumentResult) -> None:
        """Write one document's result."""

    def close(self, summary: Summary) -> None:
        """Finish the output with the batch's summary."""


def _indented(value: Any, indent: str) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + indent)


class JsonSink:
    """``{"version": …, "reports": [ … ], "summary": {…}}``, the same document as :func:`results_to_json`."""

    def __init__(self, out: TextIO) -> None:
        from gongkai import __version__

        self.out, self.count = out, 0
        self.out.write('{\n  "version": ' + json.dumps(__version__) + ',\n  "reports": [')

    def add(self, result: DocumentResult) -> None:
        self.out.write(("," if self.count else "") + "\n    " + _indented(result_to_json(result), "    "))
        self.count += 1
        self.out.flush()

    def close(self, summary: Summary) -> None:
        end = "\n  ]" if self.count else "]"
        self.out.write(end + ',\n  "summary": ' + _indented(summary.as_dict(), "  ") + "\n}\n")
        self.out.flush()


def text_sink(fmt: str, out: TextIO, *, color: bool) -> ResultSink:
    """The sink of a text format (``text``, ``json``, ``csv``) writing to ``out``."""
    if fmt == "json":
        return JsonSink(out)
    if fmt == "csv":
        return CsvSink(out)
    return TextSink(out, color=color)


def xlsx_sink(path: Path) -> ResultSink:
    """The Excel sink (xlsxwriter is imported only when an .xlsx is asked for)."""
    from gongkai.render.xlsx import XlsxSink

    return XlsxSink(path)


__all__ = ["CsvSink", "JsonSink", "ResultSink", "TextSink", "text_sink", "xlsx_sink"]
