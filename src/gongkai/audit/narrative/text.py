"""Narrative text as the claim readers see it: normalised paragraphs, clauses, and the claim record."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Protocol

from gongkai.model import Provenance, TextLine

_NORMALISE = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？"} | {
    chr(0xFF10 + i): str(i) for i in range(10)
}
_TO_NORMALISE = re.compile("[" + re.escape("".join(_NORMALISE)) + "]")
_PAGE_MARK = re.compile(r"^\s*[—–\-－]*\s*\d+\s*[—–\-－]+\s*$|^\s*[—–\-－]+\s*\d+\s*$")
CLAUSE_END = "，。；！？"
"""Punctuation that ends a clause; a claim never reaches across it."""

NUMBER = r"\s*(?P<n>\d+)\s*"
COUNT_UNIT = r"(?:件|份)"
CASE_UNIT = r"(?:件|起|宗)"
GAP = r"[^，。；：！？\d]"
"""Text between a noun and its number (forward patterns): no clause end, no other number."""
ITEM_GAP = r"[^，。；：！？、\d]"
"""Text between a number and the noun after it: not even “、” — past it begins the next item."""


def normalise(text: str) -> str:
    """Half-width punctuation to full width, full-width digits to ASCII (same length)."""
    return _TO_NORMALISE.sub(lambda m: _NORMALISE[m.group()], text) if _TO_NORMALISE.search(text) else text


@dataclass(frozen=True)
class Paragraph:
    """Consecutive source lines of one section joined into one text."""

    section: int | None
    text: str
    starts: tuple[int, ...]
    lines: tuple[TextLine, ...]

    def line_at(self, pos: int) -> TextLine:
        """The source line holding character ``pos`` of :attr:`text`."""
        return self.lines[max(bisect_right(self.starts, pos) - 1, 0)]


def _adjacent(prev: Provenance, cur: Provenance) -> bool:
    """Whether ``cur`` may continue ``prev``'s paragraph: at most one blank line apart in a text source;
    on a page (no line numbers), the next line down — less than one line's height of space between
    them — or the first lines of the next page."""
    if prev.line is not None and cur.line is not None:
        return 0 <= cur.line - prev.line <= 2
    if prev.line is not None or cur.line is not None or prev.bbox is None or cur.bbox is None:
        return False
    if prev.page is not None and cur.page == prev.page + 1:
        return True
    height = prev.bbox[3] - prev.bbox[1]
    return cur.page == prev.page and height > 0 and 0 <= cur.bbox[1] - prev.bbox[3] < height


def paragraphs(lines: Iterable[TextLine], sections: Collection[int] | None = None) -> list[Paragraph]:
    """Join wrapped lines: same section, adjacent (see :func:`_adjacent`), previous line not ending a sentence."""
    out: list[Paragraph] = []
    text, starts, members = "", [0], list[TextLine]()

    def flush() -> None:
        if members:
            out.append(Paragraph(members[0].section, text, tuple(starts), tuple(members)))

    for line in lines:
        if sections is not None and line.section not in sections:
            continue
        cur = normalise(line.text).strip()
        if not cur or _PAGE_MARK.match(cur):
            continue
        prev = members[-1] if members else None
        joined = (
            prev is not None
            and prev.section == line.section
            and _adjacent(prev.provenance, line.provenance)
            and not text.endswith(("。", "！", "？"))
        )
        if joined:
            sep = " " if text[-1:].isdigit() and cur[:1].isdigit() else ""
            starts.append(len(text) + len(sep))
            text += sep + cur
            members.append(line)
        else:
            flush()
            text, starts, members = cur, [0], [line]
    flush()
    return out


def clause_start(text: str, pos: int, marks: str = CLAUSE_END) -> int:
    """Where the clause holding ``pos`` begins (just after the last of ``marks`` before it)."""
    return max(text.rfind(c, 0, pos) for c in marks) + 1


def sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` begins."""
    return clause_start(text, pos, "。！？")


def clause_at(text: str, pos: int) -> str:
    """The clause (text between clause-ending marks) holding ``pos``."""
    ends = [i for i in (text.find(c, pos) for c in CLAUSE_END) if i >= 0]
    return text[clause_start(text, pos) : min(ends, default=len(text))]


@dataclass(frozen=True)
class Claim:
    """A count the narrative states: ``kind`` (see :data:`~gongkai.audit.narrative.KINDS`), its value and where."""

    kind: str
    value: int
    start: int
    end: int
    quote: str


class Adder(Protocol):
    """Records a claim spanning ``start:end``; ``said`` replaces the quoted text, ``head`` keeps its start."""

    def __call__(self, kind: str, value: int, start: int, end: int, head: int = 0, said: str | None = None) -> None: ...


def quote(text: str, start: int, end: int, head: int = 0) -> str:
    """The matched text, shortened to “head…tail” when long."""
    s = text[start:end]
    if len(s) <= 22:
        return s
    return s[: max(head, 2)] + "…" + s[-10:].lstrip()
