"""Files uploaded for a corpus run: refused unless their content is a report format (sniffed, not
named), kept under the upload folder by content hash with the original file name."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from gongkai.errors import InputError, WebError

REPORT_FORMATS = frozenset({"pdf", "docx", "doc", "odt", "xlsx", "html", "markdown", "text"})
_UNSAFE = re.compile(r"[\x00-\x1f/\\:*?\"<>|]+")
MAX_NAME = 120


def safe_name(name: str) -> str:
    """The file name without folders or characters a file system refuses (``upload`` when none is left)."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = _UNSAFE.sub("_", base).strip(" .")
    if len(cleaned) > MAX_NAME:
        stem, dot, suffix = cleaned.rpartition(".")
        cleaned = (
            (stem[: MAX_NAME - len(suffix) - 1] + dot + suffix) if dot and len(suffix) < 10 else cleaned[:MAX_NAME]
        )
    return cleaned or "upload"


def report_format(data: bytes) -> str | None:
    """The report format of ``data`` by content, or None when it is not one gongkai reads as a report."""
    from gongkai.readers.detect import decode, sniff_binary, sniff_text

    found = sniff_binary(data)
    if found is not None:
        return found if found in REPORT_FORMATS else None
    try:
        text = decode(data).text
    except InputError:
        return None
    return sniff_text(text) if text.strip() else None


def public_host(url: str) -> bool:
    """Whether every address the URL's host resolves to is a public one (not loopback, private,
    link-local or reserved): the server is not to be made to fetch its own network's pages.

    Redirects are not followed here: a public host that redirects inward is not caught."""
    import ipaddress
    import socket
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
        host, port = parts.hostname, parts.port
    except ValueError:
        return False
    if not host:
        return False
    try:
        found = socket.getaddrinfo(host, port or 80, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return True  # unknown host: the fetch fails and says so
    addresses = {ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in found}
    return all(address.is_global for address in addresses)


def accept_upload(name: str, data: bytes, folder: Path, max_bytes: int) -> Path:
    """Keep an uploaded report; the saved file's path.

    Raises:
        WebError: E306 (too large, empty, or not a report), naming the file in Chinese.
    """
    shown = safe_name(name)
    if len(data) > max_bytes:
        raise WebError("E306", f"文件“{shown}”超过 {max_bytes // (1024 * 1024)} MB 的上传上限")
    if not data:
        raise WebError("E306", f"文件“{shown}”是空的")
    if report_format(data) is None:
        raise WebError("E306", f"文件“{shown}”不是年报格式（PDF、Word、HTML、文本等），已拒绝")
    digest = hashlib.sha256(data).hexdigest()
    target = folder / digest / shown
    if not target.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        partial.write_bytes(data)
        partial.replace(target)
    return target


__all__ = ["REPORT_FORMATS", "accept_upload", "public_host", "report_format", "safe_name"]
