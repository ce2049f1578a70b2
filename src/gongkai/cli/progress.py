"""The progress bar of a long run: drawn on standard error when it is a terminal, silent otherwise."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gongkai.batch.run import Progress


@contextmanager
def progress_bar() -> Iterator[Progress]:
    """A :class:`~gongkai.batch.run.Progress` drawing a rich progress bar on a terminal's standard error."""
    from gongkai.batch.run import Progress

    if not sys.stderr.isatty():
        yield Progress()
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, TaskID, TextColumn, TimeRemainingColumn
    from rich.progress import Progress as Bar

    bar = Bar(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("剩余"),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
        redirect_stdout=False,  # the results go to standard output untouched, whatever the bar does
        redirect_stderr=False,
    )
    tasks: list[TaskID] = []

    def start(label: str, total: int | None) -> None:
        tasks.append(bar.add_task(label, total=total))

    def advance() -> None:
        if tasks:
            bar.advance(tasks[-1])

    with bar:
        yield Progress(start=start, advance=advance)
