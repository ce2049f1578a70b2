"""``gongkai write``: the report in the official layout, from data or any report gongkai reads.

Exit codes as for ``check``: 0 written; 1 a final output refused because of error-level
findings; 2 bad input, an output that cannot be written, or bad usage.
"""

from __future__ import annotations

from typing import Annotated

import typer

from gongkai.cli import params
from gongkai.cli.app import app, input_failed, report_written
from gongkai.cli.help import Command
from gongkai.errors import InputError
from gongkai.limits import MAX_SECONDS


@app.command(cls=Command)
def write(
    report: Annotated[
        str,
        typer.Argument(
            metavar="REPORT",
            help="报告数据：结构化 JSON/YAML、gongkai 填报工作簿（xlsx），或 gongkai 能读取的任一已发布报告。",
            show_default=False,
        ),
    ],
    to: params.ReportTargets,
    draft: params.Draft = False,
    previous: Annotated[
        str | None,
        typer.Option(
            "--previous", "-p", metavar="文件", help="上年年报（任一可读格式）：预填上年结转，并核对跨年连续性。"
        ),
    ] = None,
    color: Annotated[bool | None, typer.Option("--color/--no-color", help="是否彩色输出。")] = None,
    timeout: Annotated[
        float,
        typer.Option("--timeout", metavar="秒数", parser=params.seconds, help="读取输入和上年年报的时限（秒）。"),
    ] = MAX_SECONDS,
) -> None:
    """按年报格式生成报告：合计自动计算，全部审核规则通过后才能生成正式版本。"""
    from gongkai.api import write_report

    try:
        result = write_report(report, to, draft=draft, previous=previous, timeout=timeout)
    except InputError as exc:
        raise input_failed(exc, report) from None
    report_written(result, report, draft=draft, color=color)
