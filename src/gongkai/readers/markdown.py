"""Markdown reader: pipe tables, headings, and the damage PDF-to-Markdown converters leave."""

from __future__ import annotations

from gongkai.readers.lines import split_lines
from gongkai.readers.raw import RawDocument


def read_markdown(text: str, path: str, encoding: str | None) -> RawDocument:
    return RawDocument(path=path, format="markdown", encoding=encoding, rows=split_lines(text, path, markdown=True))
