"""``gongkai cases event``: append one event to an application's log (checked against the 条例's rules)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from gongkai.cli import params
from gongkai.cli.app import cases_app
from gongkai.cli.help import Command

KINDS = "告知补正、收到补正、发出征求意见、收到意见、延期、收费通知、缴费、答复、送达、撤回"


def _today() -> dt.date:
    """The day the state is shown for (tests replace it)."""
    return dt.date.today()


@cases_app.command("event", cls=Command)
def event(
    kind: Annotated[
        str,
        typer.Argument(metavar="KIND", parser=params.named("EVENT_KIND"), help=f"事件：{KINDS}。", show_default=False),
    ],
    on: Annotated[
        dt.date, typer.Argument(metavar="DATE", parser=params.date, help="事件发生之日。", show_default=False)
    ],
    agency: params.CaseAgency,
    number: params.CaseNumber,
    outcome: Annotated[
        str | None,
        typer.Option(
            "--outcome",
            metavar="处理结果",
            parser=params.outcome,
            help="答复：表三的办理结果，如 予以公开、部分公开、不予公开-属于国家秘密、（三）1.属于国家秘密。",
        ),
    ] = None,
    days: Annotated[
        int | None,
        typer.Option("--days", metavar="N", parser=params.working_days(1, 20), help="延期：延长的工作日数（1–20）。"),
    ] = None,
    reply_by: Annotated[
        dt.date | None,
        typer.Option("--reply-by", metavar="日期", parser=params.date, help="告知补正：给申请人的补正期限。"),
    ] = None,
    party: Annotated[
        str | None,
        typer.Option(
            "--party",
            metavar="对象",
            parser=params.named("CONSULT_PARTY"),
            help="发出征求意见：第三方（第三十二条）或其他机关（第三十四条）。",
        ),
    ] = None,
    basis: Annotated[
        str | None,
        typer.Option("--basis", metavar="标准", parser=params.named("FEE_BASIS"), help="收费通知：按件或按量。"),
    ] = None,
    quantity: Annotated[
        int | None,
        typer.Option(
            "--quantity",
            metavar="N",
            parser=params.count,
            help="收费通知：按量为页数；按件为本件是申请人当月第几件（不写则按登记簿计算）。",
        ),
    ] = None,
    amount: Annotated[
        int | None,
        typer.Option(
            "--amount", metavar="元", parser=params.count, help="收费通知：收费金额（元）；不写则按收费标准计算。"
        ),
    ] = None,
    note: Annotated[str, typer.Option("--note", metavar="备注", help="备注。")] = "",
) -> None:
    """在申请的事件记录中追加一个事件（只追加，不修改）；违反条例规定的事件不予记录。"""
    from gongkai.casework.records import append_event
    from gongkai.casework.records_view import event_line, state_lines

    added = append_event(
        agency,
        number,
        kind,
        on,
        outcome=outcome,
        days=days,
        reply_by=reply_by,
        party=party,
        basis=basis,
        quantity=quantity,
        amount=amount,
        note=note,
        today=_today(),
    )
    view = added.view
    recorded = next(v for v in view.events if v.event.id == added.event_id)
    lines = [f"已记录（申请 {view.application.number}）：{event_line(recorded)}"]
    if added.fee is not None:
        lines += [f"收费金额：{how}" for how in added.fee.how]
    typer.echo("\n".join([*lines, *state_lines(view)]))
