"""The ``gongkai`` Typer application, its exit codes and what every command shares.

Exit codes: 0 fine; 1 error-level findings (``check``) or a final output refused
(``write``); 2 a document could not be read, an output could not be written, or the
command was used wrongly; 3 internal error (traceback only with ``GONGKAI_DEBUG=1``).
"""

from __future__ import annotations

import functools
import importlib
import os
import sys
import traceback
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
import typer.core

from gongkai import __version__
from gongkai.cli.help import Group, usage, usage_message
from gongkai.errors import InputError, OutputError, RegisterError, UsageError
from gongkai.paths import display_path

if TYPE_CHECKING:
    from gongkai.write import WriteResult

# recent typer vendors click as ``typer._click``; older versions use click itself
_click: Any = getattr(typer.core, "_click", None) or importlib.import_module("click")
ClickUsageError: type[Exception] = _click.exceptions.UsageError
ClickException: type[Exception] = _click.exceptions.ClickException

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3

app = typer.Typer(
    name="gongkai",
    cls=Group,
    help="读取、审核和编写政府信息公开工作年度报告。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


cases_app = typer.Typer(cls=Group, help="案件登记：期限提醒和年度报告。", no_args_is_help=True, rich_markup_mode=None)
"""``gongkai cases``: a group whose commands live in several modules (``cli/cases.py``,
``cli/cases_report.py``), so it is held here, beside what every command shares."""
app.add_typer(cases_app, name="cases")

export_app = typer.Typer(
    cls=Group, help="导出登记簿中的记录或语料库的审核结果。", no_args_is_help=True, rich_markup_mode=None
)
"""``gongkai export``: the register's records (``cli/exports.py``) and the corpus store's results
(``cli/exports_corpus.py``), so it is held here like :data:`cases_app`."""
app.add_typer(export_app, name="export")


def err(message: str) -> None:
    """Print to standard error."""
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
    """读取、审核和编写政府信息公开工作年度报告。"""


def input_failed(exc: InputError, file: str | Path) -> typer.Exit:
    """Print an unreadable input's stable code and message (naming the file) and give exit status 2."""
    shown = display_path(file)
    where = "" if shown in exc.message else f"（{shown}）"
    err(f"错误 {exc.code}：{exc.message}{where}")
    return typer.Exit(EXIT_INPUT)


def report_written(result: WriteResult, source: str, *, draft: bool, color: bool | None) -> None:
    """What ``write`` and ``cases report`` print after writing: the findings and what was computed on
    standard error, the files written on standard output; a refused final exits 1."""
    from gongkai.render.text import result_to_text, use_color
    from gongkai.result import DocumentResult

    prepared = result.prepared
    doc = DocumentResult(path=source, status="ok", report=prepared.report, findings=result.findings)
    if result.findings:
        err(result_to_text(doc, color=use_color(sys.stderr, color)))
    if prepared.prefilled:
        err(f"已按上年年报预填上年结转 {len(prepared.prefilled)} 格。")
    if prepared.computed.cells:
        err(f"已计算合计 {len(prepared.computed.cells)} 格（原数据留空）。")
    if prepared.unresolved:
        err(f"有 {len(prepared.unresolved)} 个占位符无法替换，已原样保留（见 S121）。")
    if result.refused and prepared.report.template:
        err("拒绝生成正式版本：输入是未填写数据的年报空白模板（S120）。可加 --draft 生成草稿。")
        raise typer.Exit(EXIT_FINDINGS)
    if result.refused:
        err(
            f"拒绝生成正式版本：有 {len(result.errors)} 项错误级问题（与 gongkai check 的结果相同）。"
            "请改正后重试，或加 --draft 生成草稿。"
        )
        raise typer.Exit(EXIT_FINDINGS)
    kind = "草稿" if draft else "正式版本"
    for path in result.written:
        typer.echo(f"已生成{kind}：{path}")


def _usage_error(exc: Any) -> int:
    if type(exc).__name__ == "NoArgsIsHelpError":
        typer.echo(exc.format_message())
        return EXIT_INPUT
    err(f"错误：{usage_message(exc)}")
    if exc.ctx is not None:
        err(usage(exc.ctx))
        err(f"运行“{exc.ctx.command_path} --help”查看帮助。")
    return EXIT_INPUT


def _safe_streams() -> None:
    """A file name holding bytes that are not UTF-8 (or a lone surrogate) prints as an escape, never as bad UTF-8."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


@functools.cache
def _command() -> Any:
    """The click command built from :data:`app`, once per process. Typer reads every command's signature
    to build it (about a millisecond each), so the command groups (``cases``, ``agency`` …) are built
    only when a command line names them or the help lists them (:class:`gongkai.cli.help.Group`)."""
    groups = app.registered_groups
    app.registered_groups = []
    try:
        root = typer.main.get_command(app)
    finally:
        app.registered_groups = groups
    assert isinstance(root, Group)
    root.lazy_groups = {info.name: _group_builder(info) for info in groups if info.name}
    return root


def _group_builder(info: Any) -> Any:
    def build() -> Any:
        return typer.main.get_group_from_info(
            info,
            pretty_exceptions_short=app.pretty_exceptions_short,
            suggest_commands=app.suggest_commands,
            rich_markup_mode=None,
        )

    return build


def run(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (never raises, except SystemExit from below)."""
    command = _command()
    _safe_streams()
    if os.environ.get("GONGKAI_DEBUG") != "1":
        warnings.simplefilter("ignore")  # a library's Python warning is no message for the user (findings are)
    try:
        rv = command.main(args=list(argv) if argv is not None else None, prog_name="gongkai", standalone_mode=False)
    except ClickUsageError as exc:
        return _usage_error(exc)
    except typer.Abort:
        err("已中止")
        return 130
    except ClickException as exc:
        err(f"错误：{exc}")
        return EXIT_INPUT
    except UsageError as exc:
        err(f"错误：用法错误：{exc}")
        return EXIT_INPUT
    except OutputError as exc:
        err(f"错误：{exc}")
        return EXIT_INPUT
    except RegisterError as exc:
        err(f"错误 {exc.code}：{exc.message}")
        for line in exc.details:
            err(f"  {line}")
        return EXIT_INPUT
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        err("已中止")
        return 130
    except Exception as exc:  # the command line never shows a bare traceback
        err(f"内部错误：{type(exc).__name__}: {exc}")
        if os.environ.get("GONGKAI_DEBUG") == "1":
            err(traceback.format_exc())
        else:
            err("这是 gongkai 的缺陷，请报告此问题（设置 GONGKAI_DEBUG=1 可显示详细信息）。")
        return EXIT_INTERNAL
    return rv if isinstance(rv, int) else EXIT_OK


def main() -> None:
    """Console-script entry point."""
    code = run()
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # the reader went away (``| head``): not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(code)
