"""``gongkai user``: the web application's users."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from gongkai.cli import params
from gongkai.cli.app import app
from gongkai.cli.help import Command, Group

ROLES = ("admin", "clerk", "approver", "supervisor")

user_app = typer.Typer(cls=Group, help="网页应用的用户：添加和列出。", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(user_app, name="user")


@user_app.command("add", cls=Command)
def add(
    username: Annotated[str, typer.Argument(metavar="USERNAME", help="用户名（唯一）。", show_default=False)],
    role: Annotated[
        str,
        typer.Option(
            "--role",
            metavar="角色",
            parser=params.choice(*ROLES),
            help="admin（管理员）、clerk（经办人）、approver（审核人）或 supervisor（监督人员）。",
            show_default=False,
        ),
    ],
    agency: Annotated[str | None, typer.Option("--agency", metavar="机关", help="经办人、审核人所属机关。")] = None,
    region: Annotated[
        str | None, typer.Option("--region", metavar="地区", help="监督人员的地区（留空为全部）。")
    ] = None,
    name: Annotated[str, typer.Option("--name", metavar="姓名", help="显示的姓名。")] = "",
    password_stdin: Annotated[bool, typer.Option("--password-stdin", help="从标准输入读取密码。")] = False,
) -> None:
    """添加网页应用的用户（密码以 argon2 散列保存）。"""
    from gongkai.errors import RegisterError
    from gongkai.store.engine import open_store, session_scope
    from gongkai.store.passwords import MIN_PASSWORD_CHARS, hash_password
    from gongkai.store.repo.users import add_user

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("密码", hide_input=True, confirmation_prompt="再次输入密码")
    if len(password) < MIN_PASSWORD_CHARS:
        raise RegisterError("E204", f"密码至少 {MIN_PASSWORD_CHARS} 个字符")
    engine = open_store()
    try:
        with session_scope(engine) as session:
            info = add_user(
                session,
                username,
                hash_password(password),
                role,
                display_name=name,
                agency=agency,
                region=region,
            )
    finally:
        engine.dispose()
    where = f"，{info.agency}" if info.agency else (f"，{info.region}" if info.region else "")
    typer.echo(f"已添加用户：{info.username}（{info.role_label}{where}）")


@user_app.command("list", cls=Command)
def list_() -> None:
    """列出网页应用的用户。"""
    from gongkai.store.engine import open_store, session_scope
    from gongkai.store.repo.users import list_users

    engine = open_store()
    try:
        with session_scope(engine, read_only=True) as session:
            found = list_users(session)
    finally:
        engine.dispose()
    if not found:
        typer.echo("尚无用户（运行 gongkai user add 添加）")
    for u in found:
        typer.echo("\t".join((u.username, u.display_name, u.role_label, u.agency or u.region or "")).rstrip())
