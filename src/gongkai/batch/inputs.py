"""A run's inputs in the order given: files and folders, ``http(s)://`` URLs, a file of URLs.

Consecutive URLs are fetched as one stream (:func:`gongkai.batch.fetch.fetch_all`: concurrently,
politely, archived), yielded in their place; files and folders are walked as ``check`` always has.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import count
from pathlib import Path

from gongkai.api import iter_inputs
from gongkai.batch.fetched import Fetched, FetchFailure, FetchSettings
from gongkai.batch.items import Item, local_items


def is_url(text: str) -> bool:
    return text[:8].lower().startswith(("http://", "https://"))


def _fetched_items(
    urls: Iterable[str | FetchFailure], archive: Path, settings: FetchSettings, numbers: Iterator[int]
) -> Iterator[Item]:
    from gongkai.batch.fetch import fetch_all

    for got in fetch_all(urls, archive, settings):
        index = next(numbers)
        if isinstance(got, FetchFailure):
            shown = got.url or (f"网址列表第 {got.line} 行" if got.line else "（网址）")
            yield Item(index, shown, error=got.to_error(), url=got.url or None)
        else:
            yield _item(index, got)


def _item(index: int, got: Fetched) -> Item:
    return Item(
        index,
        got.url,
        path=str(got.path),
        url=got.url,
        fetched_at=got.fetched_at,
        http_status=got.status,
        content_type=got.headers.get("content-type"),
        sha256=got.sha256,
    )


def run_items(
    paths: Sequence[str],
    url_list: Iterable[str | FetchFailure] | None = None,
    *,
    archive: Path,
    settings: FetchSettings | None = None,
) -> Iterator[Item]:
    """Every input as an item, numbered in order: ``paths`` (files, folders, URLs), then ``url_list``."""
    numbers = count()
    fetch = settings or FetchSettings()
    run: list[str] = []
    for raw in paths:
        if is_url(raw):
            run.append(raw)
            continue
        if run:
            yield from _fetched_items(run, archive, fetch, numbers)
            run = []
        for item in local_items(iter_inputs([raw])):
            yield Item(next(numbers), item.shown, path=item.path, error=item.error)
    if run:
        yield from _fetched_items(run, archive, fetch, numbers)
    if url_list is not None:
        yield from _fetched_items(url_list, archive, fetch, numbers)


__all__ = ["is_url", "run_items"]
