"""``gongkai items``: proactively disclosed information and its timeliness (第二十六条: published within
20 working days of being formed or changed)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated

import typer

from gongkai.cli import params
from gongkai.cli.app import app
from gongkai.cli.help import Command, Group

if TYPE_CHECKING:
    from gongkai.casework.registers import ItemView

items_app = typer.Typer(
    cls=Group,
    help="主动公开信息：登记形成和公开日期，检查是否及时公开（第二十六条）。",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(items_app, name="items")

AGENCY = typer.Option("--agency", metavar="机关", help="公开信息的机关。", show_default=False)


def _today() -> dt.date:
    """The day an unpublished item is judged on (tests replace it)."""
    return dt.date.today()


def line(view: ItemView) -> str:
    """The item: record id, title, formed, the publication deadline, published, on time or late."""
    from gongkai.casework.registers import ITEM_STATUS_LABELS

    i, d = view.item, view.deadline
    due = d.due.isoformat() + ("（暂定）" if d.provisional else "")
    published = f"公开{i.published_on.isoformat()}" if i.published_on else "未公开"
    return f"#{i.id}\t{i.title}\t形成{i.formed_on.isoformat()}\t公开期限{due}\t{published}\t{ITEM_STATUS_LABELS[view.status]}"


@items_app.command("add", cls=Command)
def add(
    agency: Annotated[str, AGENCY],
    title: Annotated[
        str,
        typer.Option("--title", metavar="标题", parser=params.text("信息标题"), help="信息标题。", show_default=False),
    ],
    formed: Annotated[
        dt.date,
        typer.Option(
            "--formed", metavar="日期", parser=params.date, help="政府信息形成或者变更之日。", show_default=False
        ),
    ],
    published: Annotated[
        dt.date | None, typer.Option("--published", metavar="日期", parser=params.date, help="公开之日。")
    ] = None,
) -> None:
    """登记一条主动公开的政府信息，并给出公开期限（形成或变更之日起20个工作日）。"""
    from gongkai.casework.records_view import deadline_lines
    from gongkai.casework.registers import add_item

    view = add_item(agency, title, formed, published_on=published, today=_today())
    typer.echo("\n".join([f"已登记：{line(view)}", *deadline_lines("公开期限", view.deadline)]))


@items_app.command("publish", cls=Command)
def publish(
    agency: Annotated[str, AGENCY],
    record: Annotated[
        str,
        typer.Option("--id", metavar="记录号", help="信息的记录号（items list 中 # 后的数字）。", show_default=False),
    ],
    on: Annotated[
        dt.date, typer.Option("--on", metavar="日期", parser=params.date, help="公开之日。", show_default=False)
    ],
) -> None:
    """记录信息的公开日期。"""
    from gongkai.casework.registers import publish_item

    view = publish_item(agency, record.strip().removeprefix("#"), on, today=_today())
    typer.echo(f"已更新：{line(view)}")


@items_app.command("list", cls=Command)
def list_(
    agency: Annotated[str, AGENCY],
    late: Annotated[bool, typer.Option("--late", help="只列逾期公开或逾期未公开的。")] = False,
) -> None:
    """列出主动公开信息及其公开期限，标明按时或逾期。"""
    from gongkai.casework.registers import list_items

    today = _today()
    found = list_items(agency, late=late, today=today)
    what = "逾期公开或逾期未公开的信息" if late else "主动公开信息"
    typer.echo(
        "\n".join([f"截至{today.isoformat()}，{agency.strip()}：{what}{len(found)}条", *(line(v) for v in found)])
    )
