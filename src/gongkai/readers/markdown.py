"""Markdown reader: pipe tables, headings, and the damage PDF-to-Markdown converters leave.

What a Markdown view never shows is not text: YAML front matter at the top
(``draft: true``, as static-site generators and our writer mark a draft) and HTML
comments are blanked out before the lines are split, keeping line numbers.
"""

from __future__ import annotations

import re

from gongkai.readers.lines import split_lines
from gongkai.readers.raw import RawDocument

_FRONT_MATTER = re.compile(
    r"\A\ufeff?---[ \t]*\r?\n(?:[ \t]*(?:[A-Za-z0-9_-]+[ \t]*:[^\n]*)?\r?\n){0,50}---[ \t]*(?=\r?\n|\Z)"
)
"""YAML front matter of simple ``key: value`` lines (not a horizontal rule above the text)."""


def _blank(m: re.Match[str]) -> str:
    return "\n" * m.group(0).count("\n")


def _drop_comments(text: str) -> str:
    """Blank out ``<!-- … -->`` (in one linear pass; an unclosed comment is left as text)."""
    out: list[str] = []
    pos = 0
    while (start := text.find("<!--", pos)) >= 0 and (end := text.find("-->", start + 4)) >= 0:
        out += [text[pos:start], "\n" * text.count("\n", start, end)]
        pos = end + 3
    return "".join(out) + text[pos:] if out else text


def read_markdown(text: str, path: str, encoding: str | None) -> RawDocument:
    text = _drop_comments(_FRONT_MATTER.sub(_blank, text, count=1))
    return RawDocument(path=path, format="markdown", encoding=encoding, rows=split_lines(text, path, markdown=True))
