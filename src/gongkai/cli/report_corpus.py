"""``gongkai report-corpus``: a corpus store in one self-contained HTML page (figures and charts)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from gongkai.cli.app import app
from gongkai.cli.help import Command
from gongkai.cli.params import CorpusStore
from gongkai.errors import UsageError
from gongkai.paths import display_path


def _top(value: str | int) -> int:
    try:
        number = int(str(value).strip())
    except ValueError:
        raise typer.BadParameter(f"应为 1 到 100 的整数，而不是“{value}”") from None
    if not 1 <= number <= 100:
        raise typer.BadParameter(f"应为 1 到 100 的整数，而不是 {number}")
    return number


@app.command("report-corpus", cls=Command)
def report_corpus(
    store: CorpusStore,
    output: Annotated[
        Path,
        typer.Option(
            "--output", "-o", metavar="文件", help="输出的网页（.html），可直接发送或打印（A4）。", show_default=False
        ),
    ],
    top: Annotated[
        int, typer.Option("--top", metavar="数量", parser=_top, help="规则和机关图表各列出前几项（1–100）。")
    ] = 15,
) -> None:
    """生成语料库审核概况网页：报告数、机关数、发现的问题（按规则、按机关）、发布时效、各年度申请数。"""
    from gongkai.batch.overview import overview
    from gongkai.batch.stored import open_existing
    from gongkai.files import write_atomic
    from gongkai.render.corpus_html import render_corpus_html
    from gongkai.store.engine import shown

    if output.suffix.lower() not in (".html", ".htm"):
        raise UsageError(f"概况网页的文件名应以 .html 结尾（{output.name}）")
    engine = open_existing(store)
    try:
        name = Path(engine.url.database or "").name if engine.dialect.name == "sqlite" else shown(engine.url)
        data = overview(engine, store=name, generated=dt.date.today(), top=top)
    finally:
        engine.dispose()
    try:
        write_atomic(output, render_corpus_html(data))
    except OSError as exc:
        from gongkai.errors import OutputError

        raise OutputError(str(output), exc.strerror or str(exc)) from exc
    typer.echo(f"已生成概况：{display_path(output)}（报告 {data.reports} 份）")
