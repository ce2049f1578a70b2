"""Join the lines a page wrapped back into paragraphs, before a printed report is written again.

A PDF (or a scan, or text and Markdown copied from one) breaks a paragraph wherever the
page's line was full; written again, each of those lines would become a paragraph.  The
audit needs the lines as printed (with their positions), so this is done at write time,
on the sections' texts and the preamble only; text from HTML or Word already has its
paragraphs and is left alone.

A line ends its paragraph — deterministically, from the text alone — when a blank line
follows, or when

1. it ends a sentence or a clause that introduces what follows (。！？：；, a closing
   quote or bracket after one of them, ……), or
2. the next line starts like a paragraph of its own: a numbered item or heading
   (一、 （一） 1. 1、 (1) ① 第一，), or
3. it is short: narrower than :data:`FULL` of a full line — the median width of the
   report's lines that end no sentence (a page's lines are all about as wide, except
   the last line of a paragraph and a heading).

Otherwise it is joined to the next line, with a space only between two Latin letters.
"""

from __future__ import annotations

import re

from gongkai.model import AnnualReport
from gongkai.model.labels import text_width as width

REFLOWED = frozenset({"pdf", "image", "text", "markdown"})
"""Source formats whose line breaks are the page's, not the author's."""
FULL = 0.75
"""A line narrower than this share of the widest line ends its paragraph."""

_ENDS = re.compile(r"(?:[。！？：；!?:;…]|\.{3})[”’」』）)]*$")
_STARTS = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}(?:、|[.．](?!\d))"
    r"|[①-⑳]|第[一二三四五六七八九十]+[、，,条章节部分是])"
)


def _ends_paragraph(line: str, following: str | None, full: float) -> bool:
    if following is None or _ENDS.search(line) or _STARTS.match(following):
        return True
    return width(line) < FULL * full


def full_width(lines: list[str]) -> float:
    """The width of a full line: the median width of the lines that end no sentence (0 without any)."""
    widths = sorted(width(line) for line in lines if not _ENDS.search(line))
    return widths[len(widths) // 2] if widths else 0.0


def reflow(text: str, full: float | None = None) -> str:
    """``text`` with wrapped lines joined (one paragraph per line); ``full`` is a full line's width.

    A blank line always ends a paragraph.
    """
    lines = [line.strip() for line in text.split("\n")]
    if full is None:
        full = full_width([line for line in lines if line])
    out: list[str] = []
    current = ""
    for i, line in enumerate(lines):
        if not line:
            continue
        if current and current[-1:].isascii() and current[-1:].isalpha() and line[:1].isascii() and line[:1].isalpha():
            current += " "
        current += line
        following = lines[i + 1] if i + 1 < len(lines) else None
        if following == "" or _ends_paragraph(line, following, full):
            out.append(current)
            current = ""
    return "\n".join(out)


def reflow_report(report: AnnualReport) -> bool:
    """Join the wrapped lines of a printed report's preamble and sections in place; False when not needed."""
    if report.source_format not in REFLOWED:
        return False
    texts = [report.preamble, *(s.text for s in report.sections)]
    full = full_width([line.strip() for text in texts for line in text.split("\n") if line.strip()])
    report.preamble = reflow(report.preamble, full)
    for section in report.sections:
        section.text = reflow(section.text, full)
    return True


__all__ = ["FULL", "REFLOWED", "full_width", "reflow", "reflow_report"]
