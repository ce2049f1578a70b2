"""``gongkai cases report``: the year's report computed from the register, written in the official layout.

Exit codes as for ``write``: 0 written; 1 a final refused because of error-level findings; 2 bad
input (the register's E2xx codes, an unreadable texts or previous-year file), an output that
cannot be written, or bad usage.
"""

from __future__ import annotations

from typing import Annotated

import typer

from gongkai.cli import params
from gongkai.cli.app import cases_app, input_failed, report_written
from gongkai.cli.help import Command
from gongkai.errors import InputError


@cases_app.command("report", cls=Command)
def report(
    year: Annotated[
        int, typer.Option("--year", "-y", metavar="年份", parser=params.year, help="报告年度。", show_default=False)
    ],
    to: params.ReportTargets,
    agency: Annotated[str | None, typer.Option("--agency", "-a", metavar="机关名称", help="本机关的年度报告。")] = None,
    region: Annotated[
        str | None, typer.Option("--region", metavar="地区", help="地区汇总：该地区登记的所有机关之和。")
    ] = None,
    texts: Annotated[
        str | None,
        typer.Option(
            "--texts",
            metavar="文件",
            help="各部分文字、前言和落款取自此报告（通常是改好文字的草稿 JSON）；表格和信息处理费始终按登记簿计算。",
        ),
    ] = None,
    previous: Annotated[
        str | None,
        typer.Option("--previous", "-p", metavar="文件", help="上年已发布的年报（任一可读格式）：核对跨年连续性。"),
    ] = None,
    draft: params.Draft = False,
    color: Annotated[bool | None, typer.Option("--color/--no-color", help="是否彩色输出。")] = None,
) -> None:
    """按登记簿计算年度报告（每个数字都可追溯到记录），审核通过后按年报格式生成。"""
    from gongkai.api import read_report
    from gongkai.casework.report import computed_report, write_computed

    try:
        computed = computed_report(agency=agency, region=region, year=year, texts=texts)
    except InputError as exc:
        raise input_failed(exc, str(texts)) from None
    try:
        last = read_report(previous) if previous is not None else None
    except InputError as exc:
        raise input_failed(exc, str(previous)) from None
    result = write_computed(computed, to, draft=draft, previous=last)
    report_written(result, computed.source_file, draft=draft, color=color)
