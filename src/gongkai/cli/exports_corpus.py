"""``gongkai export cells|reports|findings``: the corpus store's results as Parquet or CSV."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from gongkai.cli.app import export_app
from gongkai.cli.help import Command
from gongkai.cli.params import CorpusStore
from gongkai.paths import display_path

if TYPE_CHECKING:
    from gongkai.batch.export_rows import Kind

Target = Annotated[
    Path,
    typer.Option(
        "--to",
        "-t",
        metavar="文件",
        help="输出文件，格式由后缀决定：.parquet（带类型，适合 pandas、R、DuckDB）或 .csv（UTF-8，Excel 可直接打开）。",
        show_default=False,
    ),
]
Provenance = Annotated[
    bool, typer.Option("--with-provenance", help="加上出处列：页码、行号、文件哈希、完整路径、网页存档。")
]
AllVersions = Annotated[
    bool,
    typer.Option(
        "--all-versions", help="导出每份文件的每一次审核结果（加上版本和规则选择列）；默认每份文件只取最新一次。"
    ),
]


def _export(kind: Kind, store: str, to: Path, provenance: bool, all_versions: bool) -> None:
    from gongkai.batch.export import export_corpus, export_format
    from gongkai.batch.stored import open_existing

    export_format(to)  # a wrong suffix is refused before the store is opened
    engine = open_existing(store)
    try:
        rows = export_corpus(engine, kind, to, provenance=provenance, all_versions=all_versions)
    finally:
        engine.dispose()
    typer.echo(f"已导出 {rows} 行：{display_path(to)}")


@export_app.command("cells", cls=Command)
def cells(store: CorpusStore, to: Target, provenance: Provenance = False, all_versions: AllVersions = False) -> None:
    """导出语料库中各报告表格的每一格（长表：机关、年度、表、行、列、数值、原文、状态、来源）。"""
    _export("cells", store, to, provenance, all_versions)


@export_app.command("reports", cls=Command)
def reports(store: CorpusStore, to: Target, provenance: Provenance = False, all_versions: AllVersions = False) -> None:
    """导出语料库中的报告，每份一行：机关、年度、状态、问题数、发布日期、来源，以及表格每一格（列名如 table3.new_received.total）。"""
    _export("reports", store, to, provenance, all_versions)


@export_app.command("findings", cls=Command)
def findings(store: CorpusStore, to: Target, provenance: Provenance = False, all_versions: AllVersions = False) -> None:
    """导出语料库中审核发现的问题，每个一行：机关、年度、文件、规则、级别、说明、修改提示、位置（中文）。"""
    _export("findings", store, to, provenance, all_versions)
