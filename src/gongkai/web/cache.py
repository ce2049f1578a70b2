"""A small in-process LRU of computed pages, keyed by what they are about and the store's version
(:func:`gongkai.store.audit.store_version`): a change to the store makes a new key, so nothing stale is
ever served; old entries simply fall out. One per app (``app.state.page_cache``): two apps on two stores
never share entries. Thread-safe (sync routes run in a thread pool)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from fastapi import Request

T = TypeVar("T")

PAGE_CACHE_SIZE = 64
"""Pages kept (each report page is a few hundred kB of Python objects)."""


class LruCache(Generic[T]):
    """At most ``size`` values, the least recently used dropped first."""

    def __init__(self, size: int = PAGE_CACHE_SIZE) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, T] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The value under ``key``, computed (outside the lock) and kept when absent."""
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                self.hits += 1
                return self._items[key]
            self.misses += 1
        value = compute()
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self._items)


def page_cache(request: Request) -> LruCache[object] | None:
    """The app's page cache (None for an app built without one)."""
    found = getattr(request.app.state, "page_cache", None)
    return found if isinstance(found, LruCache) else None


__all__ = ["PAGE_CACHE_SIZE", "LruCache", "page_cache"]
