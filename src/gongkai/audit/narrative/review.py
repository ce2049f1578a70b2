"""行政复议 / 行政诉讼 claims: counts, “未发生…” (0) and “均获维持”.

Each number belongs to the item it is written in: “行政复议案件2件、行政诉讼案件7件” is 2 reviews
and 7 lawsuits; a number is never read backwards across “、”, “，” or “；” into the next item.
The two litigation groups of table 4 are read on their own (“未经复议直接起诉4件”,
“复议后起诉1件”) and never as the litigation total.
"""

from __future__ import annotations

import re

from gongkai.audit.narrative.text import CASE_UNIT, ITEM_GAP, NUMBER, Adder, clause_at

RL_EXCLUDE = re.compile(r"纠|败诉|胜诉|撤销|维持|审结|确认违法|应诉|决定|责任追究")
"""Words of outcomes and handling, not of case counts."""
_REVIEW = re.compile(r"行政复议(?P<gap>" + ITEM_GAP + r"{0,8}?)" + NUMBER + CASE_UNIT)
_REVIEW_BACK = re.compile(r"(?P<n>\d+)\s*" + CASE_UNIT + r"(?P<gap>" + ITEM_GAP + r"{0,16}?)行政复议")
_LITIGATION = re.compile(r"(?:行政)?诉讼(?P<gap>" + ITEM_GAP + r"{0,8}?)" + NUMBER + CASE_UNIT)
_LITIGATION_BACK = re.compile(r"(?P<n>\d+)\s*" + CASE_UNIT + r"(?P<gap>" + ITEM_GAP + r"{0,16}?)(?:行政)?诉讼")
_SUED = r"(?:向(?:人民)?法院)?(?:提起|起诉)(?:行政)?(?:诉讼)?(?:的)?(?:案件)?(?:有|共|为)?"
_GROUPS = (
    ("litigation_direct", re.compile(r"(?:未经(?:行政)?复议)?直接" + _SUED + NUMBER + CASE_UNIT)),
    ("litigation_after_review", re.compile(r"(?:行政)?复议后(?:又|再)?" + _SUED + NUMBER + CASE_UNIT)),
)
_RL_NONE = re.compile(r"(?:未发生|没有|未有|未出现|无(?!论|法))(?P<gap>[^，。；！？\d]{0,20}?)(?:行政复议|行政诉讼)")
_SENTENCE = re.compile(r"[^。！？]+")
_UPHELD = re.compile(r"(?<!其余)(?<!其他)(?<!其它)(?:均|全部|都)(?:获|被|予以|得到)?(?:复议机关|法院)?维持")


def review_claims(text: str, add: Adder) -> None:
    """Add the review and litigation claims of ``text`` (one normalised paragraph)."""
    groups: list[tuple[int, int]] = []
    for kind, rx in _GROUPS:
        for m in rx.finditer(text):
            add(kind, int(m.group("n")), m.start(), m.end())
            groups.append((m.start(), m.end()))

    def in_group(m: re.Match[str]) -> bool:
        return any(m.start() < end and start < m.end() for start, end in groups)

    for kind, other, fwd, back in (
        ("review", "诉讼", _REVIEW, _REVIEW_BACK),
        ("litigation", "复议", _LITIGATION, _LITIGATION_BACK),
    ):
        for m in fwd.finditer(text):
            if not RL_EXCLUDE.search(m.group("gap")) and other not in m.group("gap") and not in_group(m):
                add(kind, int(m.group("n")), m.start(), m.end())
        for m in back.finditer(text):
            # what follows the noun up to the clause end is said of every item (“2件复议、1件诉讼尚未审结”)
            gap = m.group("gap") + clause_at(text, m.end())
            own = m.group("gap")  # “4件直接提起行政诉讼” counts one group only
            if not RL_EXCLUDE.search(gap) and other not in own and "直接" not in own and not in_group(m):
                add(kind, int(m.group("n")), m.start(), m.end(), 4)
    _none_claims(text, add)
    _upheld_claims(text, add)


def _none_claims(text: str, add: Adder) -> None:
    """“未发生行政复议和行政诉讼” → both 0; “没有行政复议” → review 0."""
    for m in _RL_NONE.finditer(text):
        clause = clause_at(text, m.start())
        if RL_EXCLUDE.search(clause) or re.search(r"\d", clause):
            continue
        tail = clause[clause.find(m.group()) :]
        review, litigation = "复议" in tail, "诉讼" in tail
        if review and litigation:
            add("review", 0, m.start(), m.start() + len(tail))
            add("litigation", 0, m.start(), m.start() + len(tail))
        elif m.group().startswith(("未发生", "没有", "未有", "未出现")):
            add("review" if review else "litigation", 0, m.start(), m.start() + len(tail))


def _upheld_claims(text: str, add: Adder) -> None:
    """“均获维持” after 复议 and/or 诉讼 in the same sentence."""
    for m in _UPHELD.finditer(text) if "维持" in text else ():
        sentence = next((s for s in _SENTENCE.finditer(text) if s.start() <= m.start() < s.end()), None)
        if sentence is None:
            continue
        before = text[sentence.start() : m.start()]
        review, litigation = "复议" in before, "诉讼" in before
        if review or litigation:
            kind = "upheld_all" if review and litigation else "upheld_review" if review else "upheld_litigation"
            add(kind, 0, m.start(), m.end())
