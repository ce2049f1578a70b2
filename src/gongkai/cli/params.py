"""Option value parsers with Chinese messages (typer's own conversion speaks English)."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from gongkai.cases.dates import FIRST_YEAR, LAST_YEAR, in_range, parse_date


def choice(*values: str) -> Callable[[str], str]:
    """A parser accepting one of ``values`` exactly."""

    def parse(value: str) -> str:
        if value not in values:
            raise typer.BadParameter(f"“{value}”不是可选值之一（可选：{'、'.join(values)}）")
        return value

    return parse


def seconds(value: str) -> float:
    """A time limit in seconds: a finite number ≥ 1."""
    try:
        number = float(value)
    except ValueError:
        raise typer.BadParameter(f"应为秒数，而不是“{value}”") from None
    if not math.isfinite(number) or number < 1:
        raise typer.BadParameter(f"应为不小于 1 的秒数，而不是“{value}”")
    return number


def _whole_year(value: str) -> int:
    try:
        return int(value.strip())
    except ValueError:
        raise typer.BadParameter(f"应为四位年份，而不是“{value}”") from None


def year(value: str) -> int:
    """A report year, 2021–2100 (the 2021 format's years)."""
    number = _whole_year(value)
    if not 2021 <= number <= 2100:
        raise typer.BadParameter(f"应在 2021 到 2100 之间（2021年格式的年度），而不是 {number}")
    return number


def calendar_year(value: str) -> int:
    """A year of the working-day calendar, 1990–2100 (the dates the register accepts)."""
    number = _whole_year(value)
    if not FIRST_YEAR <= number <= LAST_YEAR:
        raise typer.BadParameter(f"年份应在 {FIRST_YEAR} 到 {LAST_YEAR} 之间，而不是 {number}")
    return number


def date(value: str) -> dt.date:
    """A calendar date as staff type it (``2025-10-09``, ``2025/10/9``, ``2025年10月9日``), 1990–2100."""
    try:
        day = parse_date(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
    if not in_range(day):
        raise typer.BadParameter(f"日期应在 {FIRST_YEAR} 到 {LAST_YEAR} 年之间，而不是“{value}”")
    return day


def count(value: str) -> int:
    """A non-negative whole number (pages, applications)."""
    try:
        number = int(value.strip())
    except ValueError:
        raise typer.BadParameter(f"应为不小于 0 的整数，而不是“{value}”") from None
    if number < 0:
        raise typer.BadParameter(f"应为不小于 0 的整数，而不是“{value}”")
    return number


def working_days(low: int, high: int) -> Callable[[str], int]:
    """A parser accepting a whole number of working days in ``low``–``high``."""

    def parse(value: str) -> int:
        try:
            number = int(value.strip())
        except ValueError:
            raise typer.BadParameter(f"应为工作日数（{low} 到 {high} 的整数），而不是“{value}”") from None
        if not low <= number <= high:
            raise typer.BadParameter(f"应为 {low} 到 {high} 个工作日，而不是 {number}")
        return number

    return parse


def named(table: str) -> Callable[[str], str]:
    """A parser giving the key of a coded field (``gongkai.cases.names.<table>``) from its Chinese label,
    a short form staff use, or the English key."""

    def parse(value: str) -> str:
        from gongkai.cases import names

        found: names.Names = getattr(names, table)
        key = found.key(value)
        if key is None:
            raise typer.BadParameter(f"“{value}”不是可选值之一（可选：{found.choices}）")
        return key

    return parse


def outcome(value: str) -> str:
    """A table-3 outcome row as staff name it (``予以公开``, ``不予公开-属于国家秘密``, ``（三）1.属于国家秘密``) or its key."""
    from gongkai.cases.outcomes import OUTCOME_NAMES, group_outcomes, outcome_key

    key = outcome_key(value)
    if key is not None:
        return key
    rows = group_outcomes(value)
    if rows:
        listed = "、".join(OUTCOME_NAMES[k] for k in rows)
        raise typer.BadParameter(f"“{value}”是一类结果，请写明其中一项：{listed}")
    raise typer.BadParameter(f"“{value}”不是表三的办理结果（例如：{'、'.join(list(OUTCOME_NAMES.values())[:3])} …）")


def text(what: str) -> Callable[[str], str]:
    """A parser refusing an empty (or blank) text."""

    def parse(value: str) -> str:
        if not value.strip():
            raise typer.BadParameter(f"{what}不能为空")
        return value.strip()

    return parse


__all__ = [
    "choice",
    "count",
    "date",
    "named",
    "nonnegative_seconds",
    "outcome",
    "positive",
    "seconds",
    "text",
    "working_days",
    "year",
]


TextOrJson = Annotated[
    str,
    typer.Option("--format", "-f", metavar="格式", parser=choice("text", "json"), help="输出格式：text 或 json。"),
]
"""The ``--format text|json`` option of the register's commands (default ``"text"``)."""
CaseAgency = Annotated[str, typer.Option("--agency", metavar="机关", help="受理申请的机关。", show_default=False)]
"""The agency an application belongs to (``--agency``)."""
CaseNumber = Annotated[str, typer.Option("--number", metavar="编号", help="申请编号。", show_default=False)]
"""An application's number within its agency (``--number``)."""

REPORT_FORMATS = "docx、pdf、html、md、xlsx、json"
ReportTargets = Annotated[
    list[Path],
    typer.Option(
        "--to",
        "-t",
        metavar="文件",
        help=f"输出文件，格式由后缀决定（{REPORT_FORMATS}）；可多次指定。",
        show_default=False,
    ),
]
"""The report files ``write`` and ``cases report`` write (``--to``, repeatable)."""
Draft = Annotated[bool, typer.Option("--draft", help="生成草稿（加“草稿”水印），即使有错误级问题。")]
"""``--draft``: a watermarked draft, written even with error-level findings."""


def nonnegative_seconds(value: str | float) -> float:
    """A pause in seconds: a finite number ≥ 0."""
    try:
        number = float(str(value).strip())
    except ValueError:
        raise typer.BadParameter(f"应为秒数，而不是“{value}”") from None
    if not math.isfinite(number) or number < 0:
        raise typer.BadParameter(f"应为不小于 0 的秒数，而不是“{value}”")
    return number


def positive(value: str | int) -> int:
    """A whole number ≥ 1 (worker processes, megabytes)."""
    try:
        number = int(str(value).strip())
    except ValueError:
        raise typer.BadParameter(f"应为不小于 1 的整数，而不是“{value}”") from None
    if number < 1:
        raise typer.BadParameter(f"应为不小于 1 的整数，而不是“{value}”")
    return number


CorpusStore = Annotated[
    str,
    typer.Option(
        "--store",
        metavar="数据库",
        help="语料库：SQLite 文件路径，或 postgresql+psycopg://用户@主机/数据库。",
        show_default=False,
    ),
]
"""The corpus store a batch run filled (``--store``: a file path or a database URL)."""
