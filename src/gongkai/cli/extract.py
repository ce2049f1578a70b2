"""``gongkai extract``: one report in any format gongkai reads, printed as structured JSON."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from gongkai.cli import params
from gongkai.cli.app import app, input_failed
from gongkai.cli.help import Command
from gongkai.errors import InputError
from gongkai.limits import MAX_SECONDS


@app.command(cls=Command)
def extract(
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE",
            help="报告文件：PDF、Word、图片、HTML、Markdown、纯文本，或结构化 JSON/YAML、gongkai 填报工作簿。",
            show_default=False,
        ),
    ],
    fmt: Annotated[
        str, typer.Option("--format", metavar="[json]", parser=params.choice("json"), help="输出格式。")
    ] = "json",
    stage: Annotated[
        str,
        typer.Option(
            "--stage",
            metavar="[report|raw]",
            parser=params.choice("report", "raw"),
            help="report：结构化报告；raw：读取器的原始行（调试用；结构化数据按读入的样子输出）。",
        ),
    ] = "report",
    timeout: Annotated[
        float, typer.Option("--timeout", metavar="秒数", parser=params.seconds, help="每份文件的处理时限（秒）。")
    ] = MAX_SECONDS,
) -> None:
    """读取一份报告，输出结构化 JSON。"""
    from gongkai.api import read_raw, read_report
    from gongkai.limits import time_limit
    from gongkai.model import AnnualReport
    from gongkai.render.json import report_to_json

    try:
        with time_limit(timeout):
            if stage == "raw":
                doc = read_raw(file)
                data = report_to_json(doc) if isinstance(doc, AnnualReport) else doc.to_dict()
            else:
                data = report_to_json(read_report(file))
    except InputError as exc:
        raise input_failed(exc, file) from None
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
