"""``gongkai check``: audit reports, printing each document's result as soon as it is done."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from gongkai.cli import params
from gongkai.cli.app import EXIT_FINDINGS, EXIT_INPUT, app, err
from gongkai.cli.help import Command
from gongkai.cli.progress import progress_bar
from gongkai.errors import InputError, UsageError
from gongkai.limits import MAX_SECONDS

if TYPE_CHECKING:
    from gongkai.batch.items import Item
    from gongkai.batch.run import RunReport
    from gongkai.render.results import ResultSink
    from gongkai.result import DocumentResult

DEFAULT_MEMORY_MB = 4096

FORMATS = ("text", "json", "csv", "xlsx")


def _split_codes(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    return [code.strip() for v in values for code in v.split(",") if code.strip()] or None


def _run(results: Iterable[DocumentResult], sink: ResultSink) -> tuple[bool, bool]:
    """Feed every result to ``sink``; returns (any document failed or none at all, any error-level finding)."""
    from gongkai.result import Summary

    summary = Summary()
    for result in results:
        sink.add(result)
        summary.add(result)
    sink.close(summary)
    if summary.files == 0:  # a list of URLs with none in it
        err("错误：没有找到要检查的文件或网址")
    return summary.failed > 0 or summary.files == 0, summary.errors > 0


def _format_of(output: Path | None) -> str:
    """The format an output file's extension names (``审核结果.xlsx`` → xlsx), else text."""
    suffix = output.suffix.lower().lstrip(".") if output is not None else ""
    return suffix if suffix in FORMATS and suffix != "text" else "text"


@app.command(cls=Command)
def check(
    paths: Annotated[
        list[str] | None,
        typer.Argument(metavar="PATH", help="报告文件、文件夹（递归展开）或 http(s):// 网址。", show_default=False),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="[text|json|csv|xlsx]",
            parser=params.choice(*FORMATS),
            help="输出格式（默认按 -o 文件的扩展名：.xlsx、.csv、.json；否则 text）。",
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", metavar="文件", help="写入文件而非标准输出（xlsx 必须指定）。")
    ] = None,
    select: Annotated[
        list[str] | None,
        typer.Option("--select", metavar="代码", help="只运行这些规则（逗号分隔的代码或前缀，如 A,S1,M105）。"),
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option("--ignore", metavar="代码", help="不运行这些规则（代码或前缀）。")
    ] = None,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="有错误级问题时也以 0 退出。")] = False,
    color: Annotated[
        bool | None,
        typer.Option("--color/--no-color", help="是否彩色输出（默认：输出到终端且未设置 NO_COLOR 时彩色）。"),
    ] = None,
    timeout: Annotated[
        float, typer.Option("--timeout", metavar="秒数", parser=params.seconds, help="每份文件的处理时限（秒）。")
    ] = MAX_SECONDS,
    previous: Annotated[
        str | None,
        typer.Option(
            "--previous", "-p", metavar="文件", help="同一机关的上年年报：核对上年结转和现行有效件数的连续性。"
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", metavar="N", parser=params.positive, help="并行的工作进程数（默认：本机核数）。"),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            metavar="地址",
            help="在 Dask 集群上运行：tcp://主机:8786（已启动的 dask scheduler），或 local:N（本机启动 N 个工作进程）。",
        ),
    ] = None,
    store: Annotated[
        str | None,
        typer.Option(
            "--store",
            metavar="数据库",
            help="把结果存入语料库（SQLite 文件路径或数据库 URL）：可中断后续跑，自动与上年年报配对、检查内容雷同。",
        ),
    ] = None,
    memory: Annotated[
        int,
        typer.Option(
            "--memory",
            metavar="MB",
            parser=params.positive,
            help="每个工作进程处理文件时可再占用的内存上限（MB，不含启动时已占用的部分）。",
        ),
    ] = DEFAULT_MEMORY_MB,
    urls: Annotated[
        Path | None,
        typer.Option("--urls", metavar="文件", help="网址列表文件：每行一个 http(s):// 网址（# 开头为注释）。"),
    ] = None,
    archive: Annotated[
        Path | None,
        typer.Option(
            "--archive",
            metavar="文件夹",
            help="下载的网页和文件原样存档于此（默认：数据目录下的 archive，可由 GONGKAI_DATA_DIR 指定）。",
        ),
    ] = None,
    per_host: Annotated[
        int, typer.Option("--per-host", metavar="N", parser=params.positive, help="同一网站同时下载的数量上限。")
    ] = 2,
    delay: Annotated[
        float,
        typer.Option("--delay", metavar="秒数", parser=params.nonnegative_seconds, help="对同一网站两次请求的间隔。"),
    ] = 1.0,
) -> None:
    """审核报告，列出发现的问题（每份报告审核完即输出）。"""
    from gongkai.api import read_report
    from gongkai.audit import select_rules
    from gongkai.batch.executors import Executor, default_jobs, parse_scheduler
    from gongkai.batch.fetched import FetchSettings
    from gongkai.batch.inputs import is_url, run_items
    from gongkai.batch.run import RunOptions, RunReport, run_check
    from gongkai.batch.urls import read_url_list
    from gongkai.batch.worker import Work
    from gongkai.store.settings import Settings

    fmt = fmt or _format_of(output)
    if fmt == "xlsx" and output is None:
        raise UsageError("xlsx 格式必须用 -o/--output 指定输出文件")
    if previous is not None and store is not None:
        raise UsageError("使用 --store 时自动与库中同一机关的上年年报配对，不能再用 --previous 指定")
    sel, ign = _split_codes(select), _split_codes(ignore)
    if sel or ign:
        select_rules(sel, ign)  # an unknown code is a usage error before anything runs
    address = parse_scheduler(scheduler) if scheduler is not None else None
    last = None
    if previous is not None:
        try:
            last = read_report(previous)
        except InputError as exc:
            err(f"错误 {exc.code}：上年年报无法读取：{exc.message}（{previous}）")
            raise typer.Exit(EXIT_INPUT) from None
    if not paths and urls is None:
        err("错误：缺少参数：PATH...（要检查的文件、文件夹或 http(s):// 网址；或用 --urls 指定网址列表）")
        raise typer.Exit(EXIT_INPUT)
    given = paths or []
    url_list = read_url_list(urls) if urls is not None else None
    fetching = url_list is not None or any(is_url(p) for p in given)
    folder = archive or Settings().data_dir / "archive"
    items_iter = run_items(given, url_list, archive=folder, settings=FetchSettings(per_host=per_host, delay=delay))
    items: Iterable[Item]
    if fetching:  # fetched while checking: how many there are is known at the end
        items, total, single = items_iter, None, False
    else:
        items = list(items_iter)
        total, single = len(items), len(items) == 1
        if not items:
            err("错误：没有找到要检查的文件（文件夹中没有文件）")
            raise typer.Exit(EXIT_INPUT)
    work = Work(
        select=tuple(sel) if sel else None,
        ignore=tuple(ign) if ign else None,
        timeout=timeout,
        previous=last,
        memory_mb=memory,
    )
    executor = Executor(
        jobs=jobs or default_jobs(), scheduler=address, inline=single and jobs is None and address is None
    )
    summary = RunReport()
    with progress_bar() as progress:
        options = RunOptions(work=work, executor=executor, store=store)
        results = run_check(items, options, progress, summary, total=total)
        refused: list[str] = []
        failed, errors = _emit(_noting_refusals(results, refused), fmt, output, color)
    _say_run(summary, store)
    if refused:
        err(f"错误：--previous 指定的上年年报与 {len(refused)} 份报告不是同一机关的上一年度，未作上年对比")
    if failed or refused:
        raise typer.Exit(EXIT_INPUT)
    if errors and not exit_zero:
        raise typer.Exit(EXIT_FINDINGS)


def _noting_refusals(results: Iterable[DocumentResult], refused: list[str]) -> Iterator[DocumentResult]:
    """The results as they come, noting each report whose hand-given previous year was refused (E118, E123)."""
    for result in results:
        if any(e.code in ("E118", "E123") for e in result.errors):
            refused.append(result.path)
        yield result


def _say_run(summary: RunReport, store: str | None) -> None:
    if store is None:
        return
    stats = summary.stats
    err(f"语料库：本次审核 {stats.checked} 份，跳过 {stats.skipped} 份（内容相同的文件已在库中或本次已审核，结果不变）")
    for line in summary.cross:
        err(line)


def _emit(results: Iterable[DocumentResult], fmt: str, output: Path | None, color: bool | None) -> tuple[bool, bool]:
    from gongkai.files import replacing
    from gongkai.render.results import text_sink, xlsx_sink
    from gongkai.render.text import use_color

    if output is None:
        want = color if color is not None else use_color(sys.stdout, None)
        return _run(results, text_sink(fmt, sys.stdout, color=want))
    with replacing(output) as tmp:
        if fmt == "xlsx":
            return _run(results, xlsx_sink(tmp))
        # a BOM lets Excel open a Chinese CSV correctly
        encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
        with tmp.open("w", encoding=encoding, errors="backslashreplace", newline="") as fh:
            return _run(results, text_sink(fmt, fh, color=bool(color)))
