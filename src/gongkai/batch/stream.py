"""A run without a store: each document's result yielded in input order as soon as it is known.

Documents that fail before a worker could read them (a folder that cannot be listed, a URL not
fetched) take their place in the order without going to a worker.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator

from gongkai.batch.executors import Executor
from gongkai.batch.items import Item
from gongkai.batch.worker import Job, Outcome, Work
from gongkai.result import DocumentResult


def ordered(
    items: Iterable[Item],
    run: Callable[[Iterable[Job]], Iterator[Outcome]],
    job_of: Callable[[Item], Job | None] | None = None,
) -> Iterator[tuple[Item, Outcome | None]]:
    """Each item in input order with the outcome of its job (None: the item had no job).

    ``job_of`` decides an item's job (default: one for every item with a file to read).
    """
    plan: deque[tuple[Item, bool]] = deque()

    def default(item: Item) -> Job | None:
        return Job(item.index, item.path) if item.path is not None and item.error is None else None

    choose = job_of or default

    def jobs() -> Iterator[Job]:
        for item in items:
            job = choose(item)
            plan.append((item, job is not None))
            if job is not None:
                yield job

    outcomes = run(jobs())
    try:
        yield from _merge(plan, outcomes)
    finally:
        close = getattr(outcomes, "close", None)
        if close is not None:
            close()  # the executor stops its workers now, not when the generator is collected


def _merge(plan: deque[tuple[Item, bool]], outcomes: Iterator[Outcome]) -> Iterator[tuple[Item, Outcome | None]]:
    waiting: Outcome | None = None
    while True:
        while plan and not plan[0][1]:
            yield plan.popleft()[0], None
        if plan and waiting is not None:
            item, _ = plan.popleft()
            assert waiting.index == item.index, "outcomes come in job order"
            yield item, waiting
            waiting = None
            continue
        waiting = next(outcomes, None)
        if waiting is None:
            while plan:  # items after the last job (the job generator is exhausted)
                item, has_job = plan.popleft()
                assert not has_job
                yield item, None
            return


def stream(items: Iterable[Item], work: Work, executor: Executor) -> Iterator[DocumentResult]:
    """Every item's result, in input order."""
    for item, outcome in ordered(items, lambda jobs: executor.run(jobs, work)):
        yield item.failed() if outcome is None else _named(outcome.result, item)


def _named(result: DocumentResult, item: Item) -> DocumentResult:
    """A fetched document is named by its URL, not by its archive file."""
    if item.url is None or result.path == item.shown:
        return result
    return result.model_copy(update={"path": item.shown})


__all__ = ["ordered", "stream"]
