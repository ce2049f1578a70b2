"""CSV of audit results: one row per finding (English column keys as headers)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import TextIO

from gongkai.render.rows import COLUMNS, finding_rows
from gongkai.result import DocumentResult, Summary


class CsvSink:
    """Rows written to ``out`` as results arrive (``\\r\\n`` line ends, as the csv module writes)."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.writer = csv.writer(out)
        self.writer.writerow(COLUMNS)

    def add(self, result: DocumentResult) -> None:
        for row in finding_rows([result]):
            self.writer.writerow(["" if v is None else v for v in row])
        self.out.flush()

    def close(self, summary: Summary) -> None:
        self.out.flush()


def results_to_csv(results: Sequence[DocumentResult]) -> str:
    """The findings of ``results`` as CSV text."""
    buf = io.StringIO()
    sink = CsvSink(buf)
    for r in results:
        sink.add(r)
    sink.close(Summary())
    return buf.getvalue()
