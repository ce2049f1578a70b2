"""``gongkai calendar``: import next year's State Council holiday notice, show the covered years."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from gongkai.cli import params
from gongkai.cli.app import app
from gongkai.cli.help import Command, Group

if TYPE_CHECKING:
    from gongkai.casework.calendar import YearInfo

calendar_app = typer.Typer(
    cls=Group, help="工作日历：导入节假日安排，查看已覆盖的年份。", no_args_is_help=True, rich_markup_mode=None
)
app.add_typer(calendar_app, name="calendar")


@calendar_app.command("import", cls=Command)
def import_(
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE",
            help="一年的节假日安排（国务院办公厅通知）：.yaml 或 .csv 文件，格式见 docs/calendar/。",
            show_default=False,
        ),
    ],
) -> None:
    """导入一年的节假日和调休上班日（替换该年已有的安排），并重新计算未办结申请的期限。"""
    from gongkai.casework.calendar import import_calendar

    done = import_calendar(file)
    typer.echo(f"已导入{done.year}年工作日历（来源：{done.source}），重新计算了{done.refreshed}件申请的期限")


def _origin(y: YearInfo) -> str:
    from gongkai.casework.calendar import ORIGIN_LABELS

    when = f"，导入于{y.imported_at.astimezone().date().isoformat()}" if y.origin == "import" and y.imported_at else ""
    return f"{ORIGIN_LABELS[y.origin]}（来源：{y.source}{when}）"


@calendar_app.command("show", cls=Command)
def show(
    year: Annotated[
        int | None,
        typer.Argument(metavar="YEAR", parser=params.calendar_year, help="只看这一年的放假和调休安排。"),
    ] = None,
) -> None:
    """列出已覆盖的年份及其来源；给出年份时列出该年的放假和调休上班日。"""
    from gongkai.cases.dates import weekday
    from gongkai.casework.calendar import breaks, calendar_info

    info = calendar_info()
    if not info.in_store:
        typer.echo("尚未建立数据库，以下为内置日历（运行 gongkai db upgrade 后存入数据库，再导入新的年份）")
    if year is None:
        if not info.years:
            typer.echo("工作日历为空：期限一律按周末计算并标注（暂定）（运行 gongkai calendar import 导入）")
            return
        for y in info.years:
            typer.echo(f"{y.year}年\t{_origin(y)}\t节假日（不含周末）{y.holidays}天，调休上班{y.workdays}天")
        typer.echo("其他年份尚无节假日安排：期限仅按周末计算，标注（暂定）。")
        return
    found = next((y for y in info.years if y.year == year), None)
    cal = info.calendar.year(year)
    if found is None or cal is None:
        typer.echo(f"{year}年尚无节假日安排：期限仅按周末计算，标注（暂定）（运行 gongkai calendar import 导入）")
        return
    typer.echo(f"{year}年工作日历：{_origin(found)}")
    typer.echo("放假：")
    for b in breaks(info.calendar, year):
        span = b.first.isoformat() if b.first == b.last else f"{b.first.isoformat()}至{b.last.isoformat()}"
        typer.echo(f"  {b.name}\t{span}（{b.days}天）")
    typer.echo("调休上班：" if cal.workdays else "调休上班：无")
    for day, name in sorted(cal.workdays.items()):
        typer.echo(f"  {day.isoformat()}（{weekday(day)}，{name}）")
