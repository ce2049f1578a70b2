"""``gongkai reviews``: 行政复议 and 行政诉讼 about the agency's disclosure work (table 4)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated

import typer

from gongkai.cli import params
from gongkai.cli.app import app
from gongkai.cli.help import Command, Group

if TYPE_CHECKING:
    from gongkai.casework.registers import ReviewView

reviews_app = typer.Typer(
    cls=Group, help="行政复议、行政诉讼案件：登记、审结和列出（表四）。", no_args_is_help=True, rich_markup_mode=None
)
app.add_typer(reviews_app, name="reviews")

KINDS = "行政复议、行政诉讼（未经复议直接起诉）、行政诉讼（复议后起诉）"
RESULTS = "维持、纠正、其他、尚未审结"
AGENCY = typer.Option("--agency", metavar="机关", help="被复议或被诉的机关。", show_default=False)
NUMBER = typer.Option("--number", metavar="编号", parser=params.text("案件编号"), help="案件编号（本机关内唯一）。")


def line(view: ReviewView) -> str:
    """One case: number, kind, filed, result (and when), the application it concerns."""
    from gongkai.cases.names import REVIEW_KIND, REVIEW_RESULT

    c = view.case
    result = REVIEW_RESULT.label(c.result)
    if c.concluded_on is not None:
        result += f"（{c.concluded_on.isoformat()}审结）"
    about = f"\t涉及申请 {view.application_number}" if view.application_number else ""
    return f"{c.number}\t{REVIEW_KIND.label(c.kind)}\t立案{c.filed_on.isoformat()}\t{result}{about}"


@reviews_app.command("add", cls=Command)
def add(
    agency: Annotated[str, AGENCY],
    number: Annotated[str, NUMBER],
    kind: Annotated[
        str,
        typer.Option(
            "--kind", metavar="类型", parser=params.named("REVIEW_KIND"), help=f"{KINDS}。", show_default=False
        ),
    ],
    filed: Annotated[
        dt.date,
        typer.Option("--filed", metavar="日期", parser=params.date, help="申请复议或起诉之日。", show_default=False),
    ],
    result: Annotated[
        str,
        typer.Option(
            "--result",
            metavar="结果",
            parser=params.named("REVIEW_RESULT"),
            help=f"结果：{RESULTS}（默认：尚未审结）。",
            show_default=False,
        ),
    ] = "pending",
    concluded: Annotated[
        dt.date | None, typer.Option("--concluded", metavar="日期", parser=params.date, help="审结之日。")
    ] = None,
    application: Annotated[
        str | None, typer.Option("--application", metavar="编号", help="所涉政府信息公开申请的编号。")
    ] = None,
) -> None:
    """登记一件行政复议或行政诉讼案件（可关联所涉的申请）。"""
    from gongkai.casework.registers import add_review

    view = add_review(agency, number, kind, filed, result=result, concluded_on=concluded, application=application)
    typer.echo(f"已登记（记录号 {view.case.id}）：{line(view)}")


@reviews_app.command("conclude", cls=Command)
def conclude(
    agency: Annotated[str, AGENCY],
    number: Annotated[str, typer.Option("--number", metavar="编号", help="案件编号。", show_default=False)],
    result: Annotated[
        str,
        typer.Option(
            "--result",
            metavar="结果",
            parser=params.named("REVIEW_RESULT"),
            help=f"结果：{RESULTS}。",
            show_default=False,
        ),
    ],
    on: Annotated[
        dt.date | None,
        typer.Option("--on", metavar="日期", parser=params.date, help="审结之日（结果为尚未审结时不写）。"),
    ] = None,
) -> None:
    """记录案件的审结结果和审结日期。"""
    from gongkai.casework.registers import conclude_review

    view = conclude_review(agency, number, result, on)
    typer.echo(f"已更新：{line(view)}")


@reviews_app.command("list", cls=Command)
def list_(agency: Annotated[str, AGENCY]) -> None:
    """列出机关登记的行政复议、行政诉讼案件。"""
    from gongkai.casework.registers import list_reviews

    found = list_reviews(agency)
    typer.echo("\n".join([f"{agency.strip()}：复议诉讼案件{len(found)}件", *(line(v) for v in found)]))
