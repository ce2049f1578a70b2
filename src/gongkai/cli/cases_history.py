"""``gongkai cases history``: the audit log of an application and its events."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from gongkai.cli import params
from gongkai.cli.app import cases_app
from gongkai.cli.help import Command


@cases_app.command("history", cls=Command)
def history(
    agency: Annotated[str, typer.Option("--agency", metavar="机关", help="受理申请的机关。", show_default=False)],
    number: Annotated[str, typer.Option("--number", metavar="编号", help="申请编号。", show_default=False)],
    output_format: Annotated[
        str,
        typer.Option(
            "--format", "-f", metavar="格式", parser=params.choice("text", "json"), help="输出格式：text 或 json。"
        ),
    ] = "text",
) -> None:
    """显示申请及其事件的修改记录：谁、何时、做了什么、改动前后的内容。"""
    from gongkai.casework.records import application_history
    from gongkai.casework.records_view import history_dicts, history_lines

    entries = application_history(agency, number)
    if output_format == "json":
        typer.echo(json.dumps(history_dicts(entries), ensure_ascii=False, indent=2))
    else:
        typer.echo("\n".join(history_lines(number.strip(), agency.strip(), entries)))
