"""``gongkai template``: a blank fill-in workbook (or JSON/YAML skeleton) for one year."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from gongkai.cli import params
from gongkai.cli.app import app
from gongkai.cli.help import Command
from gongkai.errors import OutputError, UsageError


def _yaml(data: object) -> str:
    """YAML with multi-line texts as literal blocks (``|``), the way a person would type them."""
    import yaml

    class _Dumper(yaml.SafeDumper):
        pass

    def text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
        style = "|" if "\n" in value else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    _Dumper.add_representer(str, text)
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)


@app.command(cls=Command)
def template(
    output: Annotated[
        Path,
        typer.Argument(
            metavar="FILE", help="填报模板：.xlsx 工作簿，或 .json/.yaml 结构化报告骨架。", show_default=False
        ),
    ],
    year: Annotated[
        int, typer.Option("--year", "-y", metavar="年份", parser=params.year, help="报告年度。", show_default=False)
    ],
    agency: Annotated[
        str | None, typer.Option("--agency", metavar="机关名称", help="机关名称（写入标题和落款）。")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="覆盖已存在的文件。")] = False,
) -> None:
    """生成某一年度的空白填报模板（含各部分的默认文字和占位符）。"""
    from gongkai.files import write_atomic
    from gongkai.render.json import report_to_json
    from gongkai.write.scaffold import scaffold

    if output.exists() and not force:
        raise UsageError(f"文件已存在：{output}（加 --force 覆盖）")
    report = scaffold(year, agency)
    suffix = output.suffix.lower()
    if suffix == ".xlsx":
        from gongkai.render.workbook import render_workbook

        data = render_workbook(report, blank=True)
    elif suffix in (".json", ".yaml", ".yml"):
        skeleton = report_to_json(report)
        for key in ("source", "provenance", "unplaced", "template"):
            skeleton.pop(key, None)
        if suffix == ".json":
            data = (json.dumps(skeleton, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        else:
            data = _yaml(skeleton).encode("utf-8")
    else:
        raise UsageError(f"模板格式由后缀决定：.xlsx、.json 或 .yaml，而不是“{output.suffix or '（无后缀）'}”")
    try:
        write_atomic(output, data)
    except OSError as exc:
        raise OutputError(str(output), exc.strerror or str(exc)) from None  # printed by cli.app.run, exit 2
    typer.echo(f"已生成{year}年度填报模板：{output}")
