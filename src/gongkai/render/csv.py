"""CSV of audit results: one row per finding (English column keys as headers)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from gongkai.render.rows import COLUMNS, finding_rows

if TYPE_CHECKING:
    from gongkai.api import DocumentResult


def results_to_csv(results: Sequence[DocumentResult]) -> str:
    """The findings of ``results`` as CSV text (``\\r\\n`` line ends, as the csv module writes)."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(COLUMNS)
    for row in finding_rows(results):
        writer.writerow(["" if v is None else v for v in row])
    return buf.getvalue()
