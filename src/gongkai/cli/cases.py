"""``gongkai cases due``: open applications by deadline, the overdue first (the ``cases`` group is
:data:`gongkai.cli.app.cases_app`; ``cases report`` is in ``cli/cases_report.py``)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Annotated

import typer

from gongkai.cli import params
from gongkai.cli.app import cases_app
from gongkai.cli.help import Command

if TYPE_CHECKING:
    from gongkai.casework.due import DueRow


def _today() -> dt.date:
    """The day the list is taken (tests replace it)."""
    return dt.date.today()


def _within(value: str) -> int:
    """``--within``: a whole number of working days, 0 to ``MAX_WITHIN``."""
    from gongkai.casework.due import MAX_WITHIN

    number = params.count(value)
    if number > MAX_WITHIN:
        raise typer.BadParameter(f"应为 0 到 {MAX_WITHIN} 个工作日，而不是 {number}")
    return number


def _left(row: DueRow) -> str:
    if row.due is None:
        return "未记录补正期限" if row.kind == "correction_reply" else "期限未计算"
    if row.overdue:
        return f"已超期{-row.days_left}个工作日" if row.days_left else "已超期"
    if row.days_left == 0:
        return "今日到期"
    return f"剩余{row.days_left}个工作日"


def _due(row: DueRow) -> str:
    if row.due is None:
        return "—"
    return row.due.isoformat() + ("（暂定）" if row.provisional else "")


def lines(rows: Sequence[DueRow]) -> Iterator[str]:
    """One tab-separated line per application: due date (（暂定）), working days left or overdue, agency,
    number, applicant type, received, stage, and the suggestion where there is one. What many rows
    share (a due date's text, a label) is formatted once."""
    from gongkai.casework.due import STAGE_LABELS

    lead: dict[tuple[dt.date | None, bool, str | None], str] = {}
    received_text: dict[dt.date, str] = {}
    applicant: dict[str, str] = {}
    for row in rows:
        key = (row.due, row.provisional, row.kind)
        start = lead.get(key)
        if start is None:
            start = lead[key] = f"{_due(row)}\t{_left(row)}\t"
        received = received_text.get(row.received)
        if received is None:
            received = received_text[row.received] = row.received.isoformat()
        label = applicant.get(row.applicant_type)
        if label is None:
            label = applicant[row.applicant_type] = row.applicant_label
        line = f"{start}{row.agency}\t{row.number}\t{label}\t收到{received}\t{STAGE_LABELS[row.stage]}"
        yield line if row.suggested_outcome is None else f"{line}\t建议：{row.suggestion}"


def _header(rows: Sequence[DueRow], within: int | None, agency: str | None, today: dt.date) -> str:
    what = "未办结申请" if within is None else f"{within}个工作日内到期（含已超期）的未办结申请"
    overdue = sum(1 for r in rows if r.overdue)
    provisional = sum(1 for r in rows if r.provisional)
    text = f"截至{today.isoformat()}，{agency + '：' if agency else ''}{what}{len(rows)}件"
    notes = [f"已超期{overdue}件"]
    if provisional:
        notes.append(f"期限暂定{provisional}件")
    return text + "，其中" + "，".join(notes)


@cases_app.command("due", cls=Command)
def due(
    within: Annotated[
        int | None,
        typer.Option("--within", metavar="N", parser=_within, help="只列 N 个工作日内到期的（含已超期）。"),
    ] = None,
    agency: Annotated[str | None, typer.Option("--agency", metavar="机关", help="只列这个机关的申请。")] = None,
    output_format: params.TextOrJson = "text",
) -> None:
    """按期限列出未办结的申请：已超期的在前（超期最久的最先），其余按到期日；期限暂定的标注（暂定）。"""
    from gongkai.casework.due import due_list

    today = _today()
    rows = due_list(within=within, agency=agency, today=today)
    if output_format == "json":
        # one object a line: readable line by line, and json's C encoder (an indent would use the Python one)
        objects = ",\n".join(json.dumps(r.as_dict(), ensure_ascii=False) for r in rows)
        typer.echo(f"[\n{objects}\n]" if rows else "[]")
        return
    typer.echo("\n".join((_header(rows, within, agency and agency.strip(), today), *lines(rows))))
