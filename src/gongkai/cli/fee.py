"""``gongkai fee``: the 信息处理费 in yuan (国办函〔2020〕109号), by pages or by the month's count."""

from __future__ import annotations

from typing import Annotated

import typer

from gongkai.cli import params
from gongkai.cli.app import app
from gongkai.cli.help import Command
from gongkai.errors import UsageError


@app.command(cls=Command)
def fee(
    pages: Annotated[
        int | None,
        typer.Option("--pages", metavar="N", parser=params.count, help="按量计收：一件申请提供的页数。"),
    ] = None,
    monthly_count: Annotated[
        int | None,
        typer.Option(
            "--monthly-count",
            metavar="N",
            parser=params.count,
            help="按件计收：同一申请人一个自然月内累计申请的件数。",
        ),
    ] = None,
) -> None:
    """计算信息处理费（元，整数）：按量（--pages）或按件（--monthly-count），二者只能选一种。"""
    from gongkai.cases.fees import fee_by_count, fee_by_pages

    if (pages is None) == (monthly_count is None):
        raise UsageError("请指定 --pages 或 --monthly-count 中的一个（每件申请只能按一种标准计收）")
    typer.echo(str(fee_by_pages(pages) if pages is not None else fee_by_count(monthly_count or 0)))
