"""The ``gongkai`` command: extract, check, rules, write and template.

Exit codes: 0 fine; 1 error-level findings (``check``); 2 a document could not be read or the
command was used wrongly; 3 internal error (traceback only with ``GONGKAI_DEBUG=1``).
"""

from __future__ import annotations

import importlib
import json
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
import typer.core

from gongkai import __version__
from gongkai.errors import InputError, UsageError
from gongkai.limits import MAX_SECONDS

if TYPE_CHECKING:
    from gongkai.api import DocumentResult

# recent typer vendors click as ``typer._click``; older versions use click itself
_click: Any = getattr(typer.core, "_click", None) or importlib.import_module("click")
ClickUsageError: type[Exception] = _click.exceptions.UsageError
ClickException: type[Exception] = _click.exceptions.ClickException

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3

app = typer.Typer(
    name="gongkai",
    help="读取并审核政府信息公开工作年度报告。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class OutputFormat(StrEnum):
    text = "text"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"


class ExtractFormat(StrEnum):
    json = "json"


class Stage(StrEnum):
    raw = "raw"
    report = "report"


def _err(message: str) -> None:
    typer.echo(message, err=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"gongkai {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="显示版本号并退出。")
    ] = False,
) -> None:
    """读取并审核政府信息公开工作年度报告。"""


@app.command()
def extract(
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE", help="报告文件（PDF、Word、图片、HTML、Markdown 或纯文本）。", show_default=False
        ),
    ],
    fmt: Annotated[ExtractFormat, typer.Option("--format", help="输出格式。")] = ExtractFormat.json,
    stage: Annotated[
        Stage, typer.Option("--stage", help="report：结构化报告；raw：读取器的原始行（调试用）。")
    ] = Stage.report,
    timeout: Annotated[float, typer.Option("--timeout", min=1, help="每份文件的处理时限（秒）。")] = MAX_SECONDS,
) -> None:
    """读取一份报告，输出结构化 JSON。"""
    from gongkai.extract import extract as extract_report
    from gongkai.limits import time_limit
    from gongkai.readers import read_path
    from gongkai.render.json import report_to_json

    try:
        with time_limit(timeout):
            raw = read_path(file)
        data = raw.to_dict() if stage is Stage.raw else report_to_json(extract_report(raw))
    except InputError as exc:
        raise input_failed(exc, file) from None
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


def input_failed(exc: InputError, file: str | Path) -> typer.Exit:
    """Print an unreadable input's stable code and message (naming the file) and give exit status 2."""
    where = "" if str(file) in exc.message else f"（{file}）"
    _err(f"错误 {exc.code}：{exc.message}{where}")
    return typer.Exit(EXIT_INPUT)


def _split_codes(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    return [code.strip() for v in values for code in v.split(",") if code.strip()] or None


@app.command()
def check(
    paths: Annotated[
        list[str], typer.Argument(metavar="PATH", help="报告文件或目录（目录递归展开）。", show_default=False)
    ],
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="输出格式。")] = OutputFormat.text,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="写入文件而非标准输出（xlsx 必须指定）。")
    ] = None,
    select: Annotated[
        list[str] | None, typer.Option("--select", help="只运行这些规则（逗号分隔的代码或前缀，如 A,S1,M105）。")
    ] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help="不运行这些规则（代码或前缀）。")] = None,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="有错误级问题时也以 0 退出。")] = False,
    color: Annotated[
        bool | None, typer.Option("--color/--no-color", help="是否彩色输出（默认：终端中且未设置 NO_COLOR 时彩色）。")
    ] = None,
    timeout: Annotated[float, typer.Option("--timeout", min=1, help="每份文件的处理时限（秒）。")] = MAX_SECONDS,
    previous: Annotated[
        str | None, typer.Option("--previous", "-p", help="同一机关的上年年报：核对上年结转和现行有效件数的连续性。")
    ] = None,
) -> None:
    """审核报告，列出发现的问题。"""
    from gongkai.api import check_path, iter_inputs, read_report
    from gongkai.audit import select_rules

    if fmt is OutputFormat.xlsx and output is None:
        raise UsageError("xlsx 格式必须用 -o/--output 指定输出文件")
    sel, ign = _split_codes(select), _split_codes(ignore)
    rules = select_rules(sel, ign) if sel or ign else None
    files = list(iter_inputs(paths))
    if not files:
        _err("错误：没有找到要检查的文件")
        raise typer.Exit(EXIT_INPUT)
    last = None
    if previous is not None:
        try:
            last = read_report(previous)
        except InputError as exc:
            _err(f"错误 {exc.code}：上年年报无法读取：{exc.message}（{previous}）")
            raise typer.Exit(EXIT_INPUT) from None
    results = [check_path(f, rules, timeout=timeout, previous=last) for f in files]
    _emit(results, fmt, output, color)
    if any(r.status == "failed" for r in results):
        raise typer.Exit(EXIT_INPUT)
    if not exit_zero and any(r.counts["error"] for r in results):
        raise typer.Exit(EXIT_FINDINGS)


def _emit(docs: Sequence[DocumentResult], fmt: OutputFormat, output: Path | None, color: bool | None) -> None:
    from gongkai.render.csv import results_to_csv
    from gongkai.render.json import results_to_json
    from gongkai.render.text import results_to_text, use_color
    from gongkai.render.xlsx import write_xlsx

    if fmt is OutputFormat.xlsx:
        assert output is not None
        _write(output, lambda: write_xlsx(docs, output))
        return
    if fmt is OutputFormat.json:
        text = json.dumps(results_to_json(docs), ensure_ascii=False, indent=2) + "\n"
    elif fmt is OutputFormat.csv:
        text = results_to_csv(docs)
    else:
        want = color if output is not None or color is not None else use_color(sys.stdout, None)
        text = results_to_text(docs, color=bool(want))
    if output is None:
        typer.echo(text, nl=False, color=True)  # colour was decided above; echo must not strip it
        return
    # a BOM lets Excel open a Chinese CSV correctly
    encoding = "utf-8-sig" if fmt is OutputFormat.csv else "utf-8"
    _write(output, lambda: output.write_text(text, encoding=encoding, newline=""))


def _write(output: Path, write: Callable[[], object]) -> None:
    try:
        write()
    except OSError as exc:
        _err(f"错误：无法写入输出文件 {output}：{exc.strerror or exc}")
        raise typer.Exit(EXIT_INPUT) from None


@app.command()
def rules(
    markdown: Annotated[
        bool, typer.Option("--markdown", help="输出 Markdown 格式的规则参考（docs/rules.md）。")
    ] = False,
) -> None:
    """列出全部审核规则。"""
    from gongkai.audit import all_rules
    from gongkai.audit.docs import rules_markdown

    if markdown:
        typer.echo(rules_markdown(), nl=False)
        return
    severity = {"error": "错误", "warning": "警告", "info": "提示"}
    for r in all_rules():
        typer.echo(f"{r.code}  {r.name:<36} {severity[r.severity.value]}  {r.summary}")


_CLICK_MESSAGES = (
    ("NoSuchOption", "未知选项"),
    ("MissingParameter", "缺少参数"),
    ("BadParameter", "参数值无效"),
    ("BadOptionUsage", "选项用法错误"),
    ("BadArgumentUsage", "参数用法错误"),
)


def _usage_error(exc: Any) -> int:
    if type(exc).__name__ == "NoArgsIsHelpError":
        if exc.format_message():  # plain (non-rich) help is carried by the exception
            typer.echo(exc.format_message())
        return EXIT_INPUT
    names = {c.__name__ for c in type(exc).__mro__}
    label = next((v for k, v in _CLICK_MESSAGES if k in names), "用法错误")
    _err(f"错误：{label}：{exc.format_message()}")
    if exc.ctx is not None:
        _err(exc.ctx.get_usage())
        _err(f"运行 “{exc.ctx.command_path} --help” 查看帮助。")
    return EXIT_INPUT


def run(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (never raises, except SystemExit from below)."""
    command = typer.main.get_command(app)
    try:
        rv = command.main(args=list(argv) if argv is not None else None, prog_name="gongkai", standalone_mode=False)
    except ClickUsageError as exc:
        return _usage_error(exc)
    except typer.Abort:
        _err("已中止")
        return 130
    except ClickException as exc:
        _err(f"错误：{exc}")
        return EXIT_INPUT
    except UsageError as exc:
        _err(f"错误：用法错误：{exc}")
        return EXIT_INPUT
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # the command line never shows a bare traceback
        _err(f"内部错误：{type(exc).__name__}: {exc}")
        if os.environ.get("GONGKAI_DEBUG") == "1":
            _err(traceback.format_exc())
        else:
            _err("这是 gongkai 的缺陷，请报告此问题（设置 GONGKAI_DEBUG=1 可显示详细信息）。")
        return EXIT_INTERNAL
    return rv if isinstance(rv, int) else EXIT_OK


def main() -> None:
    """Console-script entry point."""
    sys.exit(run())


from gongkai import cli_write  # noqa: E402, F401  (registers write and template)
