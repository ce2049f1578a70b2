"""C106 helper: “whole<unit>，其中 part<unit>、part<unit>…” groups inside one sentence.

The parts are one enumeration: they end at the clause boundary — a separator stronger than
the one between the first two parts (“、” < “，” < “；”), a “；” unless 其中 opens a list with
“：”, a new total, another unit, 复议/诉讼 cases after a count of something else — so a
number after the list is never counted as a part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_SENTENCE = re.compile(r"[^。！？]+")


@dataclass(frozen=True)
class PartsGroup:
    """“whole<unit>，其中 part<unit>、part<unit>…” inside one sentence."""

    whole: int
    unit: str
    parts: tuple[int, ...]
    start: int
    end: int


COUNT_UNITS = "条件篇个次份项场人"
_TOKEN = re.compile(
    r"(?P<pre>共计|合计|累计|总计|共|约|近|超过|超|逾)?\s*(?P<n>\d+(?:\.\d+)?)\s*"
    r"(?P<unit>[条件篇个次份项场人万亿%年月日号天名家])(?P<post>余|多|以上)?"
)
_BRACKET = re.compile(r"（[^（）]*）|《[^《》]*》|“[^“”]*”|【[^【】]*】")
_QIZHONG = re.compile(r"其中(?:包括)?(?P<colon>：)?")
_ADJACENT = re.compile(r"[\s，：■]*")
_CASES = re.compile(r"复议|诉讼")
_NEW_WHOLE = re.compile(r"共|累计|合计|总计|全年|总数|另有|此外|另外")
_SEPARATORS = "、，；"
_APPROX = frozenset({"约", "近", "超过", "超", "逾", "余", "多", "以上"})


def _strength(sep: str) -> int:
    """The strongest separator in ``sep``: 0 none, 1 “、”, 2 “，”, 3 “；”."""
    return max((i + 1 for i, c in enumerate(_SEPARATORS) if c in sep), default=0)


def _approx(t: re.Match[str]) -> bool:
    return bool({t.group("pre"), t.group("post")} & _APPROX) or "." in t.group("n")


@lru_cache(maxsize=512)
def find_parts(text: str) -> tuple[PartsGroup, ...]:
    """Whole/parts groups with at least two parts of the whole's unit (numbers in brackets, years, dates, % ignored)."""
    out: list[PartsGroup] = []
    for s in _SENTENCE.finditer(text):
        if "其中" not in s.group():
            continue
        masked = s.group()
        for _ in range(3):  # nested brackets: innermost first
            masked, n = _BRACKET.subn(lambda m: "■" * len(m.group()), masked)
            if not n:
                break
        tokens = [t for t in _TOKEN.finditer(masked) if masked[t.start("n") - 1 : t.start("n")] != "第"]
        marks = list(_QIZHONG.finditer(masked))
        for i, q in enumerate(marks):
            before = [t for t in tokens if t.end() <= q.start()]
            if not before:
                continue
            w = before[-1]
            if w.group("unit") not in COUNT_UNITS or _approx(w) or not _ADJACENT.fullmatch(masked, w.end(), q.start()):
                continue
            stop = marks[i + 1].start() if i + 1 < len(marks) else len(masked)
            parts: list[int] = []
            prev_end, approximate, level = q.end(), False, -1
            # applications and the 复议/诉讼 cases they led to are counted apart
            of_cases = bool(_CASES.search(masked, max(masked.rfind(c, 0, w.start()) for c in "，；：") + 1, w.start()))
            for t in (t for t in tokens if q.end() <= t.start() < stop):
                sep = masked[prev_end : t.start("n")]
                if ("；" in sep and not q.group("colon")) or (parts and _NEW_WHOLE.search(sep)):
                    break
                if not of_cases and _CASES.search(sep):
                    break
                if t.group("unit") in "年月日号天%":
                    continue
                if parts:
                    # the enumeration's separator is the one between its first two parts; a stronger
                    # one ends it (“其中：42件、5件；因…引起的复议2件” stops at “；”)
                    strength = _strength(sep)
                    if level < 0:
                        level = strength
                    elif strength > level:
                        break
                if t.group("unit") != w.group("unit"):
                    break
                if _approx(t):
                    approximate = True
                    break
                parts.append(int(t.group("n")))
                prev_end = t.end()
            if len(parts) >= 2 and not approximate:
                out.append(
                    PartsGroup(
                        int(w.group("n")), w.group("unit"), tuple(parts), s.start() + w.start("n"), s.start() + prev_end
                    )
                )
    return tuple(out)
