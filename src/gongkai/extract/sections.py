"""Find the six section headings and the report title in a row stream.

Headings are recognised by what they say, not only by their numeral: reports
paste work plans whose own ``一、`` / ``二、`` headings must not end section 一,
and converted documents print a section under the wrong numeral.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gongkai.limits import DEADLINE_EVERY, check_deadline
from gongkai.model.labels import squash, to_halfwidth_digits
from gongkai.readers.raw import RawRow

_NUMBERED = re.compile(r"^([一二三四五六七八九十])\s*[、.．,，]\s*(.+)$")
_HEADING_STARTS = frozenset("一二三四五六七八九十#")
"""What a heading line starts with (Markdown's ``#`` included), before :func:`section_of` looks closer."""
_KEYWORDS: dict[int, tuple[tuple[str, ...], ...]] = {
    1: (("总体情况",), ("总体概况",)),
    2: (("主动公开政府信息",),),
    3: (("收到和处理政府信息公开申请",), ("收到和处理", "申请情况")),
    4: (("行政复议", "行政诉讼"),),
    5: (("问题", "改进"), ("问题", "整改"), ("问题", "措施")),
    6: (("其他需要报告",), ("其他事项",)),
}
_TITLE = re.compile(r"(政府信息公开|政务公开).{0,6}(工作)?.{0,4}年度?报告")
_YEAR_IN = re.compile(r"\d{4}\s*年")
ORG_END = re.compile(
    r"(局|委|办|办公室|厅|政府|中心|处|院|会|所|站|部|署|队|街道|镇|乡|委员会|办事处|公司|集团|馆|社)$"
)
"""How an agency's name ends."""


@dataclass(frozen=True, slots=True)
class Heading:
    number: int
    index: int
    text: str
    numeral: str | None


def section_of(text: str) -> tuple[int, str | None] | None:
    """Which section a heading-like line names, with the numeral printed before it."""
    s = squash(text).lstrip("#")
    if len(s) > 40 or s.endswith(("。", "；", ";")):
        return None
    m = _NUMBERED.match(s)
    if m is None:
        return None
    numeral, body = m.group(1), m.group(2)
    for number, alternatives in _KEYWORDS.items():
        if any(all(k in body for k in keys) for keys in alternatives):
            return number, numeral
    return None


def find_headings(rows: list[RawRow]) -> list[Heading]:
    """Headings of sections 1–6 in order; a section may be missing.

    The first matching line after the previous section's heading wins, so a
    pasted plan's ``二、工作任务`` inside section 一 is not section 二.
    """
    found: list[Heading] = []
    last_number = 0
    for i, row in enumerate(rows):
        if i % DEADLINE_EVERY == 0:
            check_deadline("（查找章节标题时）")
        if row.kind != "text":
            continue
        first = row.cells[0].text.lstrip()[:1]
        if first not in _HEADING_STARTS:  # cheap test first: most lines are no heading
            continue
        hit = section_of(row.cells[0].text)
        if hit is None:
            continue
        number, numeral = hit
        if number <= last_number:
            continue
        found.append(Heading(number, i, row.cells[0].text.strip().lstrip("# "), numeral))
        last_number = number
    return found


def find_title(rows: list[RawRow], before: int) -> tuple[str, int] | None:
    """The report title: the first title-like line (not a sentence) before the first heading.

    A title broken over two lines (``…政府信息公开工作`` / ``年度报告``, or the agency
    on a line of its own above ``2023年政府信息公开工作年度报告``) is joined.
    """
    for i in range(min(before, len(rows))):
        row = rows[i]
        if row.kind != "text":
            continue
        text = squash(row.cells[0].text).lstrip("#")
        if len(text) > 60 or any(ch in text for ch in "《》，。；：:"):
            continue
        if _TITLE.search(text):
            if i > 0 and rows[i - 1].kind == "text" and re.match(r"^\d{4}\s*年", to_halfwidth_digits(text)):
                above = squash(rows[i - 1].cells[0].text)
                if (
                    2 <= len(above) <= 30
                    and not any(ch in above for ch in "《》，。；：:、")
                    and not _YEAR_IN.search(above)
                    and ORG_END.search(above)
                ):
                    return above + text, i - 1
            return text, i
        if i + 1 < before and ("政府信息公开" in text or "政务公开" in text) and rows[i + 1].kind == "text":
            joined = text + squash(rows[i + 1].cells[0].text)
            if _TITLE.search(joined) and len(joined) <= 60:
                return joined, i
    return None
