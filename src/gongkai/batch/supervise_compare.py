"""An agency's reports of two years side by side (their table cells), and stored results read back as
:class:`DocumentResult` for the supervisor workbook."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from gongkai.batch.stored import chosen
from gongkai.result import DocumentResult
from gongkai.store.corpus_tables import (
    CorpusAgencyRow,
    CorpusCellRow,
    CorpusErrorRow,
    CorpusFindingRow,
    CorpusResultRow,
    CorpusSourceRow,
)

R = CorpusResultRow
TABLE_ORDER = ("table1", "table2", "table3", "table4")


class CompareRow(BaseModel):
    table: str
    row: str
    column: str
    label: str
    """Where, in Chinese (``表三（依申请公开）·（一）予以公开·自然人``)."""
    values: list[str | None]
    """The cell as printed in each year's report (None: not in that report)."""
    differs: bool


class Comparison(BaseModel):
    agency_id: int
    agency: str
    years: list[int]
    result_ids: list[int | None]
    rows: list[CompareRow]


def _label(table: str, row: str, column: str) -> str:
    from gongkai.audit.finding import Location

    try:
        return Location(part=table, row=row, column=column or None).describe()
    except Exception:
        return f"{table}·{row}·{column}"


def compare(session: Session, agency_id: int, years: list[int]) -> Comparison | None:
    """The cells of the agency's newest report of each year (None: no such agency)."""
    agency = session.get(CorpusAgencyRow, agency_id)
    if agency is None:
        return None
    result_ids: list[int | None] = []
    for year in years:
        query = select(func.max(R.id)).where(chosen(), R.agency_id == agency_id, R.year == year)
        result_ids.append(session.scalar(query))
    cells: dict[tuple[str, str, str], list[str | None]] = {}
    for i, rid in enumerate(result_ids):
        if rid is None:
            continue
        rows = session.execute(
            select(
                CorpusCellRow.table, CorpusCellRow.row, CorpusCellRow.column, CorpusCellRow.raw, CorpusCellRow.value
            ).where(CorpusCellRow.result_id == rid)
        )
        for table, row, column, raw, value in rows:
            shown = raw if raw is not None else (None if value is None else f"{value:g}")
            cells.setdefault((table, row, column), [None] * len(years))[i] = shown
    order = {t: n for n, t in enumerate(TABLE_ORDER)}
    keys = sorted(cells, key=lambda k: (order.get(k[0], 9), k[0]))  # stable: the store's row order within a table
    return Comparison(
        agency_id=agency_id,
        agency=agency.name,
        years=years,
        result_ids=result_ids,
        rows=[
            CompareRow(
                table=t,
                row=r,
                column=c,
                label=_label(t, r, c),
                values=cells[(t, r, c)],
                differs=len({(v or "").strip() for v in cells[(t, r, c)]}) > 1,
            )
            for t, r, c in keys
        ],
    )


def stored_results(session: Session, result_ids: list[int]) -> Iterator[DocumentResult]:
    """The results ``result_ids`` as a run printed them (report head, findings, errors), named by source."""
    from gongkai.audit.finding import Finding
    from gongkai.errors import DocumentError
    from gongkai.store.corpus import unpack_report

    for rid in result_ids:
        row = session.get(R, rid)
        if row is None:
            continue
        source = session.scalars(
            select(CorpusSourceRow).where(CorpusSourceRow.document_id == row.document_id).order_by(CorpusSourceRow.id)
        ).first()
        details = session.scalars(
            select(CorpusFindingRow.detail).where(CorpusFindingRow.result_id == rid).order_by(CorpusFindingRow.id)
        )
        errors = session.execute(
            select(CorpusErrorRow.code, CorpusErrorRow.message, CorpusErrorRow.stage)
            .where(CorpusErrorRow.result_id == rid)
            .order_by(CorpusErrorRow.id)
        )
        yield DocumentResult(
            path=(source.source if "://" in source.source else source.file_name) if source else str(rid),
            status=row.status,
            errors=[DocumentError(code=c, message=m, stage=s) for c, m, s in errors],  # type: ignore[arg-type]
            report=unpack_report(row.head) if row.head is not None else None,
            findings=[Finding.model_validate_json(d) for d in details],
            seconds=row.seconds,
        )


__all__ = ["CompareRow", "Comparison", "compare", "stored_results"]
