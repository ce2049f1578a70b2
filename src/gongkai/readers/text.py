"""Plain text reader: text extracted from PDFs, Word files or web pages."""

from __future__ import annotations

from gongkai.readers.lines import split_lines
from gongkai.readers.raw import RawDocument


def read_text(text: str, path: str, encoding: str | None) -> RawDocument:
    return RawDocument(path=path, format="text", encoding=encoding, rows=split_lines(text, path, markdown=False))
