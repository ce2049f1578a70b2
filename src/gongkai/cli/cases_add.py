"""``gongkai cases add``: register one application (one 件) and see its answer deadline at once."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from gongkai.cli import params
from gongkai.cli.app import cases_app
from gongkai.cli.help import Command

APPLICANT_TYPES = "自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他"
CHANNELS = "当面提交、邮寄、平常信函、互联网、传真"


def _today() -> dt.date:
    """The day the state is shown for (tests replace it)."""
    return dt.date.today()


@cases_app.command("add", cls=Command)
def add(
    agency: params.CaseAgency,
    number: Annotated[
        str,
        typer.Option("--number", metavar="编号", parser=params.text("申请编号"), help="申请编号（本机关内唯一）。"),
    ],
    applicant_type: Annotated[
        str,
        typer.Option(
            "--applicant-type",
            metavar="类型",
            parser=params.named("APPLICANT_TYPE"),
            help=f"申请人类型（表三的列）：{APPLICANT_TYPES}。",
            show_default=False,
        ),
    ],
    received: Annotated[
        dt.date,
        typer.Option(
            "--received",
            metavar="日期",
            parser=params.date,
            help="收到申请之日（按条例第三十一条确定：当面提交为提交之日，邮寄为签收之日，平常信函、互联网、传真为确认之日）。",
            show_default=False,
        ),
    ],
    channel: Annotated[
        str,
        typer.Option(
            "--channel",
            metavar="渠道",
            parser=params.named("CHANNEL"),
            help=f"提交渠道：{CHANNELS}（默认：互联网）。",
            show_default=False,
        ),
    ] = "online",
    applicant: Annotated[str, typer.Option("--applicant", metavar="姓名", help="申请人姓名或名称。")] = "",
    content: Annotated[str, typer.Option("--content", metavar="内容", help="申请公开的政府信息。")] = "",
    submission: Annotated[
        str | None,
        typer.Option("--submission", metavar="标识", help="同一份申请书拆分为多件时（一事一申请），各件共用的标识。"),
    ] = None,
) -> None:
    """登记一件政府信息公开申请，并立即给出答复期限及其计算过程。"""
    from gongkai.casework.records import add_application
    from gongkai.casework.records_view import application_lines, state_lines

    view = add_application(
        agency,
        number,
        applicant_type,
        received,
        channel=channel,
        applicant_name=applicant,
        content=content,
        submission=submission,
        today=_today(),
    )
    lines = application_lines(view)
    typer.echo("\n".join(["已登记" + lines[0], *lines[1:], *state_lines(view)]))
