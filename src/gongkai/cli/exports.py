"""``gongkai export applications``: write the register's applications back out as a 台账."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from gongkai.cli.app import export_app
from gongkai.cli.help import Command
from gongkai.paths import display_path


@export_app.command("applications", cls=Command)
def applications(
    agency: Annotated[str, typer.Option("--agency", metavar="机关", help="导出哪个机关的申请。", show_default=False)],
    to: Annotated[
        Path,
        typer.Option(
            "--to",
            "-t",
            metavar="文件",
            help="输出的台账工作簿（.xlsx），可再用 gongkai import applications 导入。",
            show_default=False,
        ),
    ],
) -> None:
    """把机关登记的依申请公开申请导出为台账（.xlsx），格式与导入相同。"""
    from gongkai.casework.ledger import export_applications

    written = export_applications(agency, to)
    typer.echo(f"已导出 {written} 件申请：{display_path(to)}")
