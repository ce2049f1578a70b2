"""The ``gongkai write`` and ``gongkai template`` commands (registered on :data:`gongkai.cli.app`).

Exit codes as for ``check``: 0 written; 1 a final output refused because of
error-level findings; 2 bad input or usage.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from gongkai.cli import EXIT_FINDINGS, EXIT_INPUT, _err, _write, app, input_failed
from gongkai.errors import InputError, UsageError

_FORMATS = "docx、pdf、html、md、xlsx、json"


@app.command()
def write(
    report: Annotated[
        str,
        typer.Argument(
            metavar="REPORT",
            help="报告数据：结构化 JSON/YAML、gongkai 填报工作簿（xlsx），或 gongkai 能读取的任一已发布报告。",
            show_default=False,
        ),
    ],
    to: Annotated[
        list[Path],
        typer.Option("--to", "-t", help=f"输出文件，格式由后缀决定（{_FORMATS}）；可多次指定。", show_default=False),
    ],
    draft: Annotated[bool, typer.Option("--draft", help="生成草稿（加“草稿”水印），即使有错误级问题。")] = False,
    previous: Annotated[
        str | None,
        typer.Option("--previous", "-p", help="上年年报（任一可读格式）：预填上年结转，并核对跨年连续性。"),
    ] = None,
    color: Annotated[bool | None, typer.Option("--color/--no-color", help="是否彩色输出。")] = None,
) -> None:
    """按年报格式生成报告：合计自动计算，全部审核规则通过后才能生成正式版本。"""
    from gongkai.api import DocumentResult
    from gongkai.render.text import result_to_text, use_color
    from gongkai.write import write_report

    try:
        result = write_report(report, to, draft=draft, previous=previous)
    except InputError as exc:
        raise input_failed(exc, report) from None
    except OSError as exc:  # an output that cannot be written (no such folder, no permission, disk full)
        _err(f"错误：无法写入输出文件 {exc.filename or ''}：{exc.strerror or exc}")
        raise typer.Exit(EXIT_INPUT) from None
    prepared = result.prepared
    doc = DocumentResult(path=report, status="ok", report=prepared.report, findings=result.findings)
    want = use_color(sys.stderr, color)
    if result.findings:
        _err(result_to_text(doc, color=want))
    if prepared.prefilled:
        _err(f"已按上年年报预填上年结转 {len(prepared.prefilled)} 格。")
    if prepared.computed.cells:
        _err(f"已计算合计 {len(prepared.computed.cells)} 格（原数据留空）。")
    if prepared.unresolved:
        _err(f"有 {len(prepared.unresolved)} 个占位符无法替换，已原样保留（见 S121）。")
    if result.refused and prepared.report.template:
        _err("拒绝生成正式版本：输入是未填写数据的年报空白模板（S120）。可加 --draft 生成草稿。")
        raise typer.Exit(EXIT_FINDINGS)
    if result.refused:
        _err(
            f"拒绝生成正式版本：有 {len(result.errors)} 项错误级问题（与 gongkai check 的结果相同）。"
            "请改正后重试，或加 --draft 生成草稿。"
        )
        raise typer.Exit(EXIT_FINDINGS)
    kind = "草稿" if draft else "正式版本"
    for path in result.written:
        typer.echo(f"已生成{kind}：{path}")


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


@app.command()
def template(
    output: Annotated[
        Path,
        typer.Argument(
            metavar="FILE", help="填报模板：.xlsx 工作簿，或 .json/.yaml 结构化报告骨架。", show_default=False
        ),
    ],
    year: Annotated[int, typer.Option("--year", "-y", min=2021, max=2100, help="报告年度。", show_default=False)],
    agency: Annotated[str | None, typer.Option("--agency", help="机关名称（写入标题和落款）。")] = None,
    force: Annotated[bool, typer.Option("--force", help="覆盖已存在的文件。")] = False,
) -> None:
    """生成某一年度的空白填报模板（含各部分的默认文字和占位符）。"""
    import json

    from gongkai.render.json import report_to_json
    from gongkai.write import write_atomic
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
    _write(output, lambda: write_atomic(output, data))
    typer.echo(f"已生成{year}年度填报模板：{output}")
