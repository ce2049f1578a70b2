"""``gongkai figures``: the yearly figures of table 2 (行政许可, 行政处罚, 行政强制 decisions; 行政事业性收费 in 万元)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from gongkai.cli import params
from gongkai.cli.app import app
from gongkai.cli.help import Command, Group

if TYPE_CHECKING:
    from gongkai.cases.records import YearFigure

figures_app = typer.Typer(
    cls=Group,
    help="年度数据：行政许可、处罚、强制决定数和行政事业性收费金额（表二）。",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(figures_app, name="figures")

KEYS = "行政许可、行政处罚、行政强制、行政事业性收费（万元）"
AGENCY = typer.Option("--agency", metavar="机关", help="机关。", show_default=False)


def line(fig: YearFigure) -> str:
    from gongkai.cases.names import FIGURE_KEY

    value = fig.value.normalize()
    shown = format(value, "f")
    note = f"\t{fig.note}" if fig.note else ""
    return f"{fig.year}\t{FIGURE_KEY.label(fig.key)}\t{shown}{note}"


@figures_app.command("set", cls=Command)
def set_(
    key: Annotated[
        str,
        typer.Argument(metavar="KEY", parser=params.named("FIGURE_KEY"), help=f"数据项：{KEYS}。", show_default=False),
    ],
    value: Annotated[
        str, typer.Argument(metavar="VALUE", help="数值（决定数为件数，收费为万元）。", show_default=False)
    ],
    agency: Annotated[str, AGENCY],
    year: Annotated[
        int, typer.Option("--year", "-y", metavar="年份", parser=params.year, help="年度。", show_default=False)
    ],
    note: Annotated[str, typer.Option("--note", metavar="备注", help="备注（如数据来源）。")] = "",
) -> None:
    """填写机关某年度的一项数据（再次填写即更正，改动记入修改记录）。"""
    from gongkai.casework.registers import set_figure

    fig = set_figure(agency, year, key, value, note=note)
    typer.echo(f"已填写：{line(fig)}")


@figures_app.command("list", cls=Command)
def list_(
    agency: Annotated[str, AGENCY],
    year: Annotated[
        int | None, typer.Option("--year", "-y", metavar="年份", parser=params.year, help="只列这一年度。")
    ] = None,
) -> None:
    """列出机关填写的年度数据。"""
    from gongkai.casework.registers import list_figures

    found = list_figures(agency, year=year)
    typer.echo("\n".join([f"{agency.strip()}：年度数据{len(found)}项", *(line(f) for f in found)]))
