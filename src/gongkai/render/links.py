"""Links from an output back to the source file: ``file://`` URIs, with the page of a PDF.

Chinese (any non-ASCII) characters stay as they are, as Excel and WPS write them in their
own links — a percent-encoded name may be decoded in the system's code page (GBK on a
Chinese Windows) and point nowhere; ASCII characters that would end or change the path
(space, ``#``, ``?``, ``%``, quotes, brackets) are percent-encoded.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePath

_KEEP = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/:!$&'()*+,;=@")


def _quote(text: str) -> str:
    out: list[str] = []
    for ch in text:
        if ch in _KEEP or (ord(ch) > 0x7F and ch.isprintable()):
            out.append(ch)
        else:
            out.extend(f"%{b:02X}" for b in ch.encode("utf-8", "surrogateescape"))
    return "".join(out)


def file_uri(path: PurePath) -> str:
    """The ``file://`` URI of an absolute path (POSIX ``/…``, Windows ``C:\\…`` or ``\\\\server\\share\\…``).

    >>> file_uri(PurePath("/srv/年报/a b#1.pdf"))
    'file:///srv/年报/a%20b%231.pdf'
    """
    posix = path.as_posix()
    if posix.startswith("//"):  # a Windows share: file://server/share/…
        return "file:" + _quote(posix)
    if not posix.startswith("/"):  # a drive: file:///C:/…
        posix = "/" + posix
    return "file://" + _quote(posix)


def source_uri(path: str, page: int | None = None) -> str:
    """The link to the file ``path`` (relative to the working directory) and, in a PDF, to its ``page``."""
    full = Path(os.path.abspath(path))
    uri = file_uri(full)
    if page is not None and full.suffix.lower() == ".pdf":
        uri += f"#page={page}"
    return uri
