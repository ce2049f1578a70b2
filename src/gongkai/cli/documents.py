"""``gongkai documents``: the 规章 and 行政规范性文件 ledger (制发, 废止, in force: table 2)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated

import typer

from gongkai.cli import params
from gongkai.cli.app import app
from gongkai.cli.help import Command, Group

if TYPE_CHECKING:
    from gongkai.cases.records import NormativeDocument

documents_app = typer.Typer(
    cls=Group, help="规章和行政规范性文件：登记制发、废止，列出（表二）。", no_args_is_help=True, rich_markup_mode=None
)
app.add_typer(documents_app, name="documents")

AGENCY = typer.Option("--agency", metavar="机关", help="制发文件的机关。", show_default=False)


def _today() -> dt.date:
    """The day “in force” is judged on (tests replace it)."""
    return dt.date.today()


def line(doc: NormativeDocument, today: dt.date) -> str:
    from gongkai.cases.names import DOCUMENT_KIND

    status = (
        "现行有效"
        if doc.abolished_on is None or doc.abolished_on > today
        else f"已于{doc.abolished_on.isoformat()}废止"
    )
    if doc.issued_on > today:
        status = "尚未施行"
    number = f"\t{doc.doc_number}" if doc.doc_number else ""
    return f"#{doc.id}\t{DOCUMENT_KIND.label(doc.kind)}\t{doc.title}{number}\t制发{doc.issued_on.isoformat()}\t{status}"


@documents_app.command("add", cls=Command)
def add(
    agency: Annotated[str, AGENCY],
    kind: Annotated[
        str,
        typer.Option(
            "--kind",
            metavar="类型",
            parser=params.named("DOCUMENT_KIND"),
            help="规章 或 行政规范性文件。",
            show_default=False,
        ),
    ],
    title: Annotated[
        str,
        typer.Option("--title", metavar="标题", parser=params.text("文件标题"), help="文件标题。", show_default=False),
    ],
    issued: Annotated[
        dt.date,
        typer.Option("--issued", metavar="日期", parser=params.date, help="制发之日。", show_default=False),
    ],
    abolished: Annotated[
        dt.date | None, typer.Option("--abolished", metavar="日期", parser=params.date, help="废止之日。")
    ] = None,
    doc_number: Annotated[str, typer.Option("--doc-number", metavar="文号", help="文号。")] = "",
) -> None:
    """登记一件规章或行政规范性文件。"""
    from gongkai.casework.registers import add_document

    doc = add_document(agency, kind, title, issued, abolished_on=abolished, doc_number=doc_number)
    typer.echo(f"已登记：{line(doc, _today())}")


@documents_app.command("abolish", cls=Command)
def abolish(
    agency: Annotated[str, AGENCY],
    record: Annotated[
        str,
        typer.Option(
            "--id", metavar="记录号", help="文件的记录号（documents list 中 # 后的数字）。", show_default=False
        ),
    ],
    on: Annotated[
        dt.date, typer.Option("--on", metavar="日期", parser=params.date, help="废止之日。", show_default=False)
    ],
) -> None:
    """记录文件的废止日期。"""
    from gongkai.casework.registers import abolish_document

    doc = abolish_document(agency, record.strip().removeprefix("#"), on)
    typer.echo(f"已更新：{line(doc, _today())}")


@documents_app.command("list", cls=Command)
def list_(agency: Annotated[str, AGENCY]) -> None:
    """列出机关登记的规章和行政规范性文件。"""
    from gongkai.casework.registers import list_documents

    found = list_documents(agency)
    today = _today()
    typer.echo("\n".join([f"{agency.strip()}：规章和行政规范性文件{len(found)}件", *(line(d, today) for d in found)]))
