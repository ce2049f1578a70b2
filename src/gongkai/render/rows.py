"""Flat rows of audit results (the CSV renderer's), and the Chinese names of a result's status."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gongkai.result import DocumentResult

COLUMNS = ("file", "status", "code", "name", "severity", "message", "hint", "part", "row", "column", "page", "line")
"""Column keys of the finding table (CSV headers)."""

STATUS_ZH = {"ok": "已审核", "partial": "部分审核", "failed": "无法读取"}

Cell = str | int | None


def finding_rows(results: Sequence[DocumentResult]) -> list[list[Cell]]:
    """One row per finding; a document's errors (failed or partial) one row each with their code."""
    rows: list[list[Cell]] = []
    for r in results:
        for e in r.errors:
            rows.append(
                [r.path, r.status, e.code, "document-error", "error", e.message, "", "document", None, None, None, None]
            )
        for f in r.findings:
            src = f.location.source
            rows.append(
                [
                    r.path,
                    r.status,
                    f.code,
                    f.name,
                    f.severity.value,
                    f.message,
                    f.hint,
                    f.location.part,
                    f.location.row,
                    f.location.column,
                    src.page if src else None,
                    src.line if src else None,
                ]
            )
    return rows
