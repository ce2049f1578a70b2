"""The 台账 the import tests use: the realistic ledger of ``tests/cases/ledger_fixture.py`` (16 applications
of 2025) and three more from 2024, written as staff keep it; and what the database holds, table by table.

Lines as Excel shows them: title row 1, header row 2, GK-001 row 3 … GK-004 row 6, a blank row 7,
GK-005 row 8 … GK-016 row 19, GK-017 row 20, GK-018 row 21, GK-019 row 22.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import Engine, func, select

from gongkai.store.tables import metadata
from tests.cases.ledger_fixture import ROWS, write_xlsx

D = dt.date
AGENCY = "某市某局"

EXTRA: tuple[tuple[object, ...], ...] = (
    # received in 2024, decided in January 2025: carried over into 2025, granted
    (17, "GK-017", "自然人", "钱一", "互联网渠道", D(2024, 12, 20), "2024年度部门预算", None, None,
     None, None, None, None, None, D(2025, 1, 10), "予以公开", None),
    # received and decided in 2024: not in 2025's table 3
    (18, "GK-018", "法律服务机构", "某律师事务所", "互联网渠道", D(2024, 11, 4), "近五年处罚统计表", None, None,
     None, None, None, None, None, D(2024, 11, 20), "不予处理-重复申请", None),
    # received in 2024 and still open: carried over into 2025 and forward into 2026
    (19, "GK-019", "其他", "某业主委员会", "当面提交", D(2024, 12, 27), "小区规划变更材料", None, None,
     None, None, None, None, None, None, None, None),
)  # fmt: skip

COLUMN = {
    "编号": 1,
    "收到日期": 5,
    "补正告知日期": 7,
    "补正收到日期": 8,
    "延期天数": 12,
    "答复日期": 14,
    "处理结果": 15,
}
"""Where a column is in the fixture's rows (its header: ``tests.cases.ledger_fixture.HEADER``)."""

LedgerRows = tuple[tuple[object, ...] | None, ...]

ALL_ROWS: LedgerRows = (*ROWS, *EXTRA)
EVENTS = 47
"""Events the 19 rows record: 19 received; decided: 15 (all but GK-014/015/016/019); GK-003 and GK-012 a
consultation sent and answered (4); GK-005 a correction asked and received (2), GK-010 and GK-015 asked
(2); GK-016 a consultation sent (1); GK-007 and GK-012 an extension (2); GK-011 and GK-012 a fee notice (2)."""


def edited(rows: LedgerRows, number: str, **cells: object) -> LedgerRows:
    """``rows`` with the row of ``number`` changed (cells by column name, see :data:`COLUMN`)."""
    out: list[tuple[object, ...] | None] = []
    for row in rows:
        if row is not None and row[COLUMN["编号"]] == number:
            values = list(row)
            for name, value in cells.items():
                values[COLUMN[name]] = value
            row = tuple(values)
        out.append(row)
    return tuple(out)


def ledger(path: Path, rows: Sequence[tuple[object, ...] | None] = ALL_ROWS) -> Path:
    return write_xlsx(path, rows)


def counts(engine: Engine) -> dict[str, int]:
    """Rows in every table of the store."""
    with engine.connect() as connection:
        return {t.name: connection.scalar(select(func.count()).select_from(t)) or 0 for t in metadata.sorted_tables}
