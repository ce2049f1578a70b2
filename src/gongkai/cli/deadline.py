"""``gongkai deadline``: the answer deadline of an application (条例第三十条–第三十五条), with its explanation."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated, Any

import typer

from gongkai.cli import params
from gongkai.cli.app import app
from gongkai.cli.help import Command
from gongkai.errors import UsageError

if TYPE_CHECKING:
    from gongkai.cases.calendar import WorkCalendar

_PAIR = "\x1f"
"""Joins the two values of ``--pause FROM TO`` into one before parsing (see :class:`_PairCommand`)."""
NO_REPLY = ("-", "未收到", "无")


def _calendar() -> WorkCalendar:
    """The working-day calendar the command counts with: the store's (the built-in one before there is a store)."""
    from gongkai.casework.calendar import store_calendar

    return store_calendar()


def join_pairs(args: Sequence[str]) -> list[str]:
    """``--pause A B`` → ``--pause A␟B``: typer cannot declare a repeated option taking two values."""
    out: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            out += args[i:]
            break
        if arg.startswith("--pause="):
            first, rest = arg.removeprefix("--pause="), 1
        elif arg == "--pause" and i + 1 < len(args):
            first, rest = args[i + 1], 2
        else:
            out.append(arg)
            i += 1
            continue
        nxt = i + rest
        if nxt < len(args) and not args[nxt].startswith("--"):
            out += ["--pause", f"{first}{_PAIR}{args[nxt]}"]
            i = nxt + 1
        else:
            out += ["--pause", first]
            i = nxt
    return out


class _PairCommand(Command):
    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        result: list[str] = super().parse_args(ctx, join_pairs(args))
        return result


def _pause(value: str) -> tuple[dt.date, dt.date | None]:
    parts = value.split(_PAIR)
    if len(parts) != 2:
        raise typer.BadParameter(f"应为两个日期：发出征求意见之日 收到意见之日（尚未收到写 -），而不是“{value}”")
    sent = params.date(parts[0])
    answered = None if parts[1].strip() in NO_REPLY else params.date(parts[1])
    return sent, answered


def _pause_text(value: str) -> str:
    """Checks ``--pause``'s two dates while parsing (so a bad one is a usage error naming the option)."""
    _pause(value)
    return value


@app.command(cls=_PairCommand)
def deadline(
    received: Annotated[
        dt.date,
        typer.Argument(
            metavar="RECEIVED",
            parser=params.date,
            help="收到申请之日（条例第三十一条），如 2025-09-26。",
            show_default=False,
        ),
    ],
    correction_received: Annotated[
        dt.date | None,
        typer.Option(
            "--correction-received",
            metavar="日期",
            parser=params.date,
            help="收到补正的申请之日：答复期限自该日起重新计算。",
        ),
    ] = None,
    pause: Annotated[
        list[str] | None,
        typer.Option(
            "--pause",
            metavar="FROM TO",
            parser=_pause_text,
            help="征求意见：发出之日和收到意见之日（尚未收到写 -），其间的工作日不计入；可重复。",
        ),
    ] = None,
    extend: Annotated[
        int | None,
        typer.Option(
            "--extend", metavar="N", parser=params.working_days(1, 20), help="延长答复期限的工作日数（1–20，仅一次）。"
        ),
    ] = None,
    output_format: params.TextOrJson = "text",
) -> None:
    """计算依申请公开的答复期限（收到申请之日不计入，第20个工作日届满），并逐日说明节假日、调休和暂停。"""
    from gongkai.cases.clock import answer_deadline

    pauses = [_pause(p) for p in pause or ()]
    try:
        found = answer_deadline(
            _calendar(),
            received,
            correction_received=correction_received,
            pauses=pauses,
            extension=extend or 0,
        )
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if output_format == "json":
        typer.echo(json.dumps(found.as_dict(), ensure_ascii=False, indent=2))
        return
    typer.echo(found.due.isoformat())
    for line in found.explain():
        typer.echo(line)
