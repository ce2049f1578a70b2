"""URLs of reports: which are fetchable (``http``/``https`` with a host), and a URL list file read line by line."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from gongkai.batch.fetched import FetchFailure
from gongkai.errors import UsageError
from gongkai.paths import display_path

MAX_URL_CHARS = 8192
"""Longest URL accepted (servers refuse longer request lines anyway)."""
_UNSAFE = re.compile(r"[\x00-\x20\x7f]")
_SPACE = re.compile(r"\s+")


def url_problem(url: str) -> str | None:
    """Why ``url`` cannot be fetched (Chinese), or None when it is an ``http``/``https`` URL with a host."""
    if not url:
        return "网址为空"
    if len(url) > MAX_URL_CHARS:
        return f"网址长达 {len(url):,} 个字符，超出上限 {MAX_URL_CHARS:,}"
    if _UNSAFE.search(url):
        return "网址含有空格或控制字符"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        return "网址格式不正确"
    if not parts.scheme:
        return "缺少 http:// 或 https://"
    if parts.scheme.lower() not in ("http", "https"):
        return f"只能抓取 http 或 https 网址，不能抓取“{parts.scheme}:”网址"
    if not parts.hostname:
        return "网址缺少主机名"
    return None


def host_key(url: str) -> str:
    """``host:port`` of an http(s) URL (default port spelled out): the scope of per-host politeness."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def origin_of(url: str) -> str:
    """``scheme://host:port`` of an http(s) URL: the scope of one robots.txt."""
    return f"{urlsplit(url).scheme.lower()}://{host_key(url)}"


def invalid_url(url: str, problem: str, line: int | None = None) -> FetchFailure:
    """The E137 failure of a URL that is not fetchable."""
    where = f"第 {line} 行：" if line is not None else ""
    return FetchFailure(url=url, code="E137", message=f"{where}网址无效（{problem}）：{_shown(url)}", line=line)


def _shown(url: str, limit: int = 200) -> str:
    text = url.encode("unicode_escape").decode("ascii") if _UNSAFE.search(url) else url
    return text if len(text) <= limit else text[:limit] + "…"


def read_url_list(path: str | Path) -> Iterator[str | FetchFailure]:
    """The URLs of a list file, one a line, in order, read as the iterator is consumed.

    UTF-8 (a BOM is allowed); blank lines and lines starting with ``#`` are skipped, and so is a
    ``# comment`` after a URL.  A line that is not a fetchable URL is yielded as an E137
    :class:`FetchFailure` naming its line, in its place, and reading goes on: pass the whole
    iterator to :func:`gongkai.batch.fetch.fetch_all`, which hands such failures through in order.

    Raises:
        UsageError: the file cannot be opened (raised by this call, before any line is read).
    """
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed by the generator
    except OSError as exc:
        raise UsageError(f"无法读取网址列表 {display_path(path)}：{exc.strerror or exc}") from exc
    return _lines(fh)


def _lines(fh: BinaryIO) -> Iterator[str | FetchFailure]:
    with fh:
        for number, raw in enumerate(fh, start=1):
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                line = raw.decode("utf-8").strip()
            except UnicodeDecodeError:
                yield invalid_url(raw.decode("utf-8", "replace").strip(), "不是 UTF-8 文本", number)
                continue
            if not line or line.startswith("#"):
                continue
            url, *rest = _SPACE.split(line, maxsplit=1)
            if rest and not rest[0].startswith("#"):
                yield invalid_url(line, "一行只能写一个网址，注释以 # 开头", number)
                continue
            problem = url_problem(url)
            yield url if problem is None else invalid_url(url, problem, number)


__all__ = ["MAX_URL_CHARS", "host_key", "invalid_url", "origin_of", "read_url_list", "url_problem"]
