"""``gongkai db``: create or upgrade the case register's database, show its revision."""

from __future__ import annotations

import typer

from gongkai.cli.app import app
from gongkai.cli.help import Command, Group

db_app = typer.Typer(
    cls=Group, help="案件登记数据库：创建、升级和查看版本。", no_args_is_help=True, rich_markup_mode=None
)
app.add_typer(db_app, name="db")


@db_app.command("upgrade", cls=Command)
def upgrade() -> None:
    """创建数据库或升级到最新版本；工作日历为空时导入内置日历。"""
    from gongkai.store.engine import open_engine, session_scope, shown
    from gongkai.store.migrate import current
    from gongkai.store.migrate import upgrade as apply
    from gongkai.store.repo import refresh_due, seed_calendar
    from gongkai.store.repo.due import session_due_fn

    engine = open_engine()
    try:
        typer.echo(f"数据库：{shown(engine.url)}")
        before = current(engine)
        after = apply(engine)
        if before == after:
            typer.echo(f"已是最新版本：{after}")
        else:
            typer.echo(f"已升级到版本 {after}（原版本：{before or '未初始化'}）")
        with session_scope(engine) as session:
            added = seed_calendar(session)  # only the years not covered yet: an imported year is kept
            refreshed = refresh_due(session, session_due_fn(session)) if added else 0
        if added:
            typer.echo(f"已导入工作日历：{added[0]}–{added[-1]} 年（共 {len(added)} 年）")
        if refreshed:
            typer.echo(f"已按新导入的工作日历重新计算{refreshed}件未办结申请的期限")
    finally:
        engine.dispose()


@db_app.command("current", cls=Command)
def current_() -> None:
    """显示数据库的版本，以及是否需要升级。"""
    from gongkai.store.engine import open_engine, shown
    from gongkai.store.migrate import current, head

    engine = open_engine()
    try:
        rev, latest = current(engine), head()
        typer.echo(f"数据库：{shown(engine.url)}")
        if rev is None:
            typer.echo("版本：未初始化（运行 gongkai db upgrade 创建）")
        elif rev == latest:
            typer.echo(f"版本：{rev}（最新）")
        else:
            typer.echo(f"版本：{rev}（最新为 {latest}，运行 gongkai db upgrade 升级）")
    finally:
        engine.dispose()
