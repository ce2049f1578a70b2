"""``check`` over a corpus: the facade the CLI (and later the web app) calls for a batch run."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from gongkai.batch.executors import Executor
from gongkai.batch.items import Item
from gongkai.batch.runstats import RunStats
from gongkai.batch.stream import stream
from gongkai.batch.worker import Work
from gongkai.errors import UsageError
from gongkai.result import DocumentResult


@dataclass
class Progress:
    """What a run reports while it works (the CLI draws a progress bar from it)."""

    start: Callable[[str, int | None], None] = lambda _label, _total: None
    advance: Callable[[], None] = lambda: None


@dataclass(frozen=True)
class RunOptions:
    work: Work = field(default_factory=Work)
    executor: Executor = field(default_factory=Executor)
    store: str | None = None
    """The corpus store (an SQLite file path or a database URL): resumable, compared across reports."""


@dataclass
class RunReport:
    """Filled in as the run goes: what was checked, skipped, compared."""

    stats: RunStats = field(default_factory=RunStats)
    cross: list[str] = field(default_factory=list)
    """One Chinese line per cross-report comparison made (previous year, copied text)."""


def run_check(
    items: Iterable[Item],
    options: RunOptions,
    progress: Progress | None = None,
    report: RunReport | None = None,
    *,
    total: int | None = None,
) -> Iterator[DocumentResult]:
    """Each input's result in input order; with a store, after the whole run has been recorded and compared.

    ``total``: how many items there are, when known (a sequence's length otherwise), for the progress bar.
    """
    if options.store is not None and options.work.previous is not None:
        raise UsageError("存入语料库的审核自动与库中同一机关的上年年报配对，不能再指定上年年报")
    progress = progress or Progress()
    progress.start("审核", total if total is not None else len(items) if isinstance(items, Sequence) else None)
    if options.store is None:
        for result in stream(items, options.work, options.executor):
            progress.advance()
            yield result
        return
    from gongkai import __version__
    from gongkai.batch.cross import cross_check
    from gongkai.batch.resume import check_into_store, config_key, replay
    from gongkai.store.corpus import open_corpus

    engine = open_corpus(options.store)
    work = replace(options.work, for_store=True)
    try:
        entries, stats = check_into_store(
            items, work, options.executor, engine, version=__version__, advance=progress.advance
        )
        if report is not None:
            report.stats = stats
        lines = cross_check(engine, work, version=__version__, config=config_key(work))
        if report is not None:
            report.cross = lines
        yield from replay(entries, engine, version=__version__, config=config_key(options.work))
    finally:
        engine.dispose()


__all__ = ["Progress", "RunOptions", "RunReport", "run_check"]
