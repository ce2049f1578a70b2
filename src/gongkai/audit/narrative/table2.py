"""Table-2 claims: 制发 / 废止 / 现行有效 counts of 规章 and 行政规范性文件.

Two word orders are read, each an enumeration whose numbers attach to their own item:

- verb first: “本年制发规章1件、行政规范性文件5件”, “现行有效行政规范性文件393件”;
- noun first: “行政规范性文件制发5件、废止2件、现行有效66件”.

The verb must be followed directly by the noun (“制发市政府规章” is not read: a qualifier may
name someone else's documents), items are joined only by “、” “和” “及” “与”, and an item that
is not exactly noun + count ends the enumeration.  Clauses about another year, a plan or a
total over years (上年, 拟, 累计…) are skipped, and so are 现行有效 counts in a clause about
a clean-up (清理, 评估…: the count before or after it is not said).
"""

from __future__ import annotations

import re

from gongkai.audit.narrative.text import COUNT_UNIT, NUMBER, Adder, clause_at, clause_start

TABLE2_NOUNS = {"regulations": "规章", "normative_documents": "规范性文件"}
"""Table-2 row → the word naming it in the narrative (行政规范性文件 contains 规范性文件)."""
_VERBS = {
    "制发": "issued",
    "印发": "issued",
    "出台": "issued",
    "制定": "issued",
    "废止": "abolished",
    "现行有效": "in_force",
}
_VERB = "|".join(_VERBS)
_NOUN = r"(?:政府)?规章|(?:行政)?规范性文件"
_AMOUNT = r"(?:的)?(?:件数)?(?:共计|共|合计|有|为)?" + NUMBER + COUNT_UNIT
_VERB_AT = re.compile(r"(?P<verb>" + _VERB + r")(?:的)?")
_NOUN_ITEM = re.compile(r"(?P<noun>" + _NOUN + r")" + _AMOUNT)
_NOUN_AT = re.compile(r"(?<![门内他])(?P<noun>规章|行政规范性文件)")
_VERB_ITEM = re.compile(r"(?P<verb>" + _VERB + r")" + _AMOUNT)
_JOIN = re.compile(r"[、和及与]")
_OTHER_TIME = re.compile(r"上年|去年|上一年|前年|以来|累计|历年|近[一二三四五六七八九十\d]+年|计划|拟|将|建议")
_CLEAN_UP = re.compile(r"清理|评估|梳理|审查|审核")


def _row(noun: str) -> str:
    return next(row for row, word in TABLE2_NOUNS.items() if noun.endswith(word))


def _items(text: str, pos: int, item: re.Pattern[str]) -> list[re.Match[str]]:
    """The enumeration of ``item`` starting at ``pos``: items joined by 、/和/及/与 only."""
    out: list[re.Match[str]] = []
    m = item.match(text, pos)
    while m is not None:
        out.append(m)
        join = _JOIN.match(text, m.end())
        m = item.match(text, join.end()) if join else None
    return out


def _skipped(text: str, start: int, field: str) -> bool:
    if _OTHER_TIME.search(text, clause_start(text, start), start):
        return True
    return field == "in_force" and bool(_CLEAN_UP.search(clause_at(text, start)))


def table2_claims(text: str, add: Adder) -> None:
    """Add the ``table2:<row>.<field>`` claims of ``text`` (one normalised paragraph)."""
    for v in _VERB_AT.finditer(text):
        field = _VERBS[v.group("verb")]
        if _skipped(text, v.start(), field):
            continue
        for i, m in enumerate(_items(text, v.end(), _NOUN_ITEM)):
            said = f"{v.group()}{m.group()}" if i else None  # “制发…行政规范性文件5件” names its own verb
            add(f"table2:{_row(m.group('noun'))}.{field}", int(m.group("n")), v.start(), m.end(), said=said)
    for n in _NOUN_AT.finditer(text):
        row = _row(n.group("noun"))
        for m in _items(text, n.end(), _VERB_ITEM):
            field = _VERBS[m.group("verb")]
            if not _skipped(text, n.start(), field):
                add(f"table2:{row}.{field}", int(m.group("n")), n.start(), m.end(), said=n.group() + m.group())
