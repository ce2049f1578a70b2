"""Table 2's yearly figures as staff keep them: a small sheet or CSV, one figure a row.

Header row in Chinese: ``年度``, ``项目`` (行政许可, 行政处罚, 行政强制, 行政事业性收费（万元） — or the
figure keys), ``数值``; optional ``备注``. A number may carry thousands separators; an amount in 万元 up
to four decimals; counts are whole numbers. All-or-nothing: every problem is listed by row and column
(E205) and nothing is returned; the same (年度, 项目) twice in a file is a problem too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from gongkai.cases.ledger_file import open_table, refuse
from gongkai.cases.names import FIGURE_KEY

YEAR, ITEM, VALUE, NOTE = "年度", "项目", "数值", "备注"
REQUIRED = (YEAR, ITEM, VALUE)
MAX_FIGURE = Decimal(10) ** 10


@dataclass(frozen=True, slots=True)
class FigureRow:
    """One figure of the file (``line``: its row as the user sees it)."""

    year: int
    key: str
    value: Decimal
    note: str = ""
    line: int = 0


def _is_header(row: Sequence[object]) -> bool:
    cells = {str(v).strip() for v in row if v is not None}
    return all(name in cells for name in REQUIRED)


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _year(value: object) -> int | None:
    text = _text(value).removesuffix("年")
    if text.endswith(".0"):
        text = text[:-2]
    return int(text) if text.isdigit() and 2000 <= int(text) <= 2100 else None


def _number(value: object, key: str) -> Decimal | str:
    """The value, or why it is refused."""
    text = _text(value).replace(",", "").replace("，", "")
    try:
        number = Decimal(text)
    except InvalidOperation:
        return f"应为数字，而不是“{_text(value)}”" if text else "不能为空（没有数据请填 0）"
    if not number.is_finite() or number < 0 or number >= MAX_FIGURE:
        return f"应为不小于 0 的数，而不是“{_text(value)}”"
    if key.endswith(".decisions") and number != number.to_integral_value():
        return f"决定数应为整数，而不是“{_text(value)}”"
    if number != number.quantize(Decimal("0.0001")):
        return f"最多保留四位小数（万元），而不是“{_text(value)}”"
    return number


def read_figures(path: str | Path) -> list[FigureRow]:
    """Every figure of the file (E205 listing every problem, nothing returned, when one row is wrong)."""
    problems: list[str] = []
    figures: list[FigureRow] = []
    seen: dict[tuple[int, str], int] = {}
    with open_table(Path(path), _is_header, "年度数据文件") as table:
        col = {_text(name): i for i, name in enumerate(table.header)}
        for line, row in table.rows:
            year, item = _year(row[col[YEAR]]), _text(row[col[ITEM]])
            key = FIGURE_KEY.key(item)
            if year is None:
                problems.append(f"第{line}行「{YEAR}」：应为 2000–2100 的四位年份，而不是“{_text(row[col[YEAR]])}”")
            if key is None:
                problems.append(f"第{line}行「{ITEM}」：{FIGURE_KEY.unknown(item)}")
                continue
            value = _number(row[col[VALUE]], key)
            if isinstance(value, str):
                problems.append(f"第{line}行「{VALUE}」：{value}")
            if year is None or isinstance(value, str):
                continue
            if (year, key) in seen:
                problems.append(f"第{line}行「{ITEM}」：{year}年的{FIGURE_KEY.label(key)}与第{seen[year, key]}行重复")
                continue
            seen[year, key] = line
            note = _text(row[col[NOTE]]) if NOTE in col else ""
            figures.append(FigureRow(year, key, value, note, line))
    if problems:
        raise refuse(f"年度数据文件有{len(problems)}处错误，未导入任何数据", tuple(problems))
    if not figures:
        raise refuse("年度数据文件没有数据行")
    return figures
