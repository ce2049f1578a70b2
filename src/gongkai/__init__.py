"""gongkai (公开): read, audit and write 政府信息公开工作年度报告.

``import gongkai`` is cheap: the API (and everything under it) is imported on first use
of :func:`check_path` or :func:`read_report`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from gongkai.api import check_path, read_report


def __getattr__(name: str) -> Any:
    if name in ("check_path", "read_report"):
        from gongkai import api

        return getattr(api, name)
    raise AttributeError(f"module 'gongkai' has no attribute {name!r}")


__all__ = ["__version__", "check_path", "read_report"]
