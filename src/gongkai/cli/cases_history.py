"""``gongkai cases history``: the audit log of an application and its events."""

from __future__ import annotations

import json

import typer

from gongkai.cli import params
from gongkai.cli.app import cases_app
from gongkai.cli.help import Command


@cases_app.command("history", cls=Command)
def history(
    agency: params.CaseAgency,
    number: params.CaseNumber,
    output_format: params.TextOrJson = "text",
) -> None:
    """显示申请及其事件的修改记录：谁、何时、做了什么、改动前后的内容。"""
    from gongkai.casework.records import application_history
    from gongkai.casework.records_view import history_dicts, history_lines

    entries = application_history(agency, number)
    if output_format == "json":
        typer.echo(json.dumps(history_dicts(entries), ensure_ascii=False, indent=2))
    else:
        typer.echo("\n".join(history_lines(number.strip(), agency.strip(), entries)))
