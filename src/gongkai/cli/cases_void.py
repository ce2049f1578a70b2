"""``gongkai cases void`` and ``void-event``: void an application or one of its events (kept, never
deleted; who, when and why are in the audit log)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from gongkai.cli import params
from gongkai.cli.app import cases_app
from gongkai.cli.help import Command


def _today() -> dt.date:
    """The day the state is shown for (tests replace it)."""
    return dt.date.today()


REASON = typer.Option("--reason", metavar="理由", parser=params.text("作废理由"), help="作废理由（必填）。")


@cases_app.command("void", cls=Command)
def void(agency: params.CaseAgency, number: params.CaseNumber, reason: Annotated[str, REASON]) -> None:
    """作废一件申请（记录保留，不删除；不再计入期限提醒和年度报告）。"""
    from gongkai.casework.records import void_application

    record = void_application(agency, number, reason)
    typer.echo(f"已作废申请 {number.strip()}（记录号 {record}）：{reason}")


@cases_app.command("void-event", cls=Command)
def void_event(
    agency: params.CaseAgency,
    number: params.CaseNumber,
    event: Annotated[
        str,
        typer.Option(
            "--event", metavar="记录号", help="事件的记录号（cases show 中 # 后的数字）。", show_default=False
        ),
    ],
    reason: Annotated[str, REASON],
) -> None:
    """作废申请的一个事件（记录保留，不删除），并重新计算期限。"""
    from gongkai.casework.records import void_event as void_one
    from gongkai.casework.records_view import state_lines

    view = void_one(agency, number, event.strip().removeprefix("#"), reason, today=_today())
    typer.echo(
        "\n".join(
            [
                f"已作废申请 {view.application.number} 的事件 #{event.strip().removeprefix('#')}：{reason}",
                *state_lines(view),
            ]
        )
    )
