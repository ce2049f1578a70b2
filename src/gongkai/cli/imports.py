"""``gongkai import``: bring records kept elsewhere into the register (``import applications``: the 台账; ``import figures``: table 2's yearly figures)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from gongkai.cli.app import app, err
from gongkai.cli.help import Command, Group

import_app = typer.Typer(cls=Group, help="导入已有的记录。", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(import_app, name="import")


@import_app.command("applications", cls=Command)
def applications(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE", help="依申请公开台账（.xlsx 或 .csv，首行或标题行下为中文表头）。", show_default=False
        ),
    ],
    agency: Annotated[
        str,
        typer.Option(
            "--agency", metavar="机关", help="导入到哪个机关（先用 gongkai agency add 添加）。", show_default=False
        ),
    ],
) -> None:
    """导入依申请公开台账：全部导入或全部不导入（任何一行有错即列出全部错误），重复导入不会重复登记。"""
    from gongkai.casework.ledger import import_applications

    result = import_applications(file, agency)
    typer.echo(
        f"已导入：新增{result.added}件，更新{result.updated}件，未变{result.unchanged}件（新增事件{result.events_added}条）"
    )
    if result.unpaid:
        shown = "、".join(result.unpaid[:10]) + (f"等{len(result.unpaid)}件" if len(result.unpaid) > 10 else "")
        err(
            f"注意：{shown}填了收费金额并已答复，但没有填缴费日期；年度报告只计入已登记缴费的信息处理费"
            "（补填“缴费日期”列后重新导入即可）。"
        )


@import_app.command("figures", cls=Command)
def figures(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help="年度数据（.xlsx 或 .csv）：表头为 年度、项目、数值（可加 备注）；"
            "项目为 行政许可、行政处罚、行政强制、行政事业性收费（万元）。",
            show_default=False,
        ),
    ],
    agency: Annotated[
        str,
        typer.Option(
            "--agency", metavar="机关", help="导入到哪个机关（先用 gongkai agency add 添加）。", show_default=False
        ),
    ],
) -> None:
    """导入表二的年度数据（行政许可、处罚、强制决定数和行政事业性收费金额）：全部导入或全部不导入。"""
    from gongkai.casework.registers import import_figures

    result = import_figures(file, agency)
    typer.echo(f"已导入年度数据：新增{result.added}项，更新{result.updated}项，未变{result.unchanged}项")
