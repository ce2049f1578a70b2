"""``gongkai agency``: the agencies whose registers the store keeps."""

from __future__ import annotations

from typing import Annotated

import typer

from gongkai.cli import params
from gongkai.cli.app import app
from gongkai.cli.help import Command, Group

KINDS = ("department", "government", "township")

agency_app = typer.Typer(cls=Group, help="机关：添加和列出。", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(agency_app, name="agency")


@agency_app.command("add", cls=Command)
def add(
    name: Annotated[str, typer.Argument(metavar="NAME", help="机关名称（唯一）。", show_default=False)],
    kind: Annotated[
        str,
        typer.Option(
            "--kind",
            metavar="类型",
            parser=params.choice(*KINDS),
            help="机关类型：department（部门）、government（政府）或 township（乡镇、街道）。",
            show_default=False,
        ),
    ],
    region: Annotated[str | None, typer.Option("--region", metavar="地区", help="所属地区（汇总用）。")] = None,
) -> None:
    """添加一个机关。"""
    from gongkai.store.engine import open_store, session_scope
    from gongkai.store.repo import AGENCY_KIND_LABELS, add_agency

    engine = open_store()
    try:
        with session_scope(engine) as session:
            info = add_agency(session, name, kind, region)
    finally:
        engine.dispose()
    where = f"，{info.region}" if info.region else ""
    typer.echo(f"已添加机关：{info.name}（{AGENCY_KIND_LABELS[info.kind]}{where}）")


@agency_app.command("list", cls=Command)
def list_() -> None:
    """列出全部机关。"""
    from gongkai.store.engine import open_store, session_scope
    from gongkai.store.repo import AGENCY_KIND_LABELS, agencies

    engine = open_store()
    try:
        with session_scope(engine, read_only=True) as session:
            found = agencies(session)
    finally:
        engine.dispose()
    if not found:
        typer.echo("尚无机关（运行 gongkai agency add 添加）")
    for a in found:
        typer.echo("\t".join((a.name, AGENCY_KIND_LABELS[a.kind], a.region or "")).rstrip())
