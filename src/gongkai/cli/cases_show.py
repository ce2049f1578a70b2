"""``gongkai cases show``: one application, its event log and its state with the deadline explained."""

from __future__ import annotations

import datetime as dt
import json

import typer

from gongkai.cli import params
from gongkai.cli.app import cases_app
from gongkai.cli.help import Command


def _today() -> dt.date:
    """The day the state is shown for (tests replace it)."""
    return dt.date.today()


@cases_app.command("show", cls=Command)
def show(
    agency: params.CaseAgency,
    number: params.CaseNumber,
    output_format: params.TextOrJson = "text",
) -> None:
    """显示一件申请：登记内容、事件记录（含已作废的）、当前状态、期限及其计算过程、建议和问题。"""
    from gongkai.casework.records import show_application
    from gongkai.casework.records_view import case_dict, case_lines

    view = show_application(agency, number, today=_today())
    if output_format == "json":
        typer.echo(json.dumps(case_dict(view), ensure_ascii=False, indent=2))
    else:
        typer.echo("\n".join(case_lines(view)))
