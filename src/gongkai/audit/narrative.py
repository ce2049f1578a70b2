"""Numeric claims in narrative text (“受理申请31件”, “上年结转4件”, “共138条，其中…”).

Pure functions over strings: :func:`paragraphs` joins wrapped source lines back into
paragraphs (so “不予公开答复 2⏎件” reads as one claim), :func:`find_claims` lists the
counts a paragraph states, :func:`find_parts` lists “whole, 其中 parts” groups.  All
regexes are compiled at import; results for a text are cached.  Patterns are tight on
purpose: an ambiguous sentence yields no claim rather than a wrong one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from gongkai.model import TextLine

_NORMALISE = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？"} | {
    chr(0xFF10 + i): str(i) for i in range(10)
}
_TO_NORMALISE = re.compile("[" + re.escape("".join(_NORMALISE)) + "]")
_PAGE_MARK = re.compile(r"^\s*[—–\-－]*\s*\d+\s*[—–\-－]+\s*$|^\s*[—–\-－]+\s*\d+\s*$")


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


def paragraphs(lines: Iterable[TextLine], sections: Collection[int] | None = None) -> list[Paragraph]:
    """Join wrapped lines: same section, at most one blank line apart, previous line not ending a sentence."""
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
            and prev.provenance.line is not None
            and line.provenance.line is not None
            and 0 <= line.provenance.line - prev.provenance.line <= 2
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


@dataclass(frozen=True)
class Claim:
    """A count the narrative states: ``kind`` (see :data:`KINDS`), its value and where it is."""

    kind: str
    value: int
    start: int
    end: int
    quote: str


KINDS = (
    "received", "processed", "carried_over", "carried_forward", "granted", "partially_granted",
    "granted_or_partial", "denied", "unavailable", "not_processed", "other", "review", "litigation",
    "upheld_review", "upheld_litigation", "upheld_all",
)  # fmt: skip
"""Claim kinds; category claims are ``category:<table3 row key>``."""

CATEGORY_ROWS: dict[str, str] = {
    "信息不存在": "unavailable_not_held",
    "本机关不掌握": "unavailable_not_held",
    "不掌握相关政府信息": "unavailable_not_held",
    "另行制作": "unavailable_needs_creation",
    "国家秘密": "denied_state_secret",
    "三安全一稳定": "denied_three_safeties_one_stability",
    "第三方合法权益": "denied_third_party_rights",
    "内部事务": "denied_internal_affairs",
    "过程性信息": "denied_process_information",
    "行政执法案卷": "denied_enforcement_files",
    "行政查询事项": "denied_query_matters",
    "信访": "not_processed_complaint",
    "重复申请": "not_processed_duplicate",
    "公开出版物": "not_processed_publication",
    "大量反复申请": "not_processed_massive_repeated",
    "逾期不补正": "other_no_correction",
}
"""Narrative phrase → the table-3 row that counts it (the one place this mapping lives)."""

_N = r"\s*(?P<n>\d+)\s*"
_GAP = r"[^，。；：！？\d]"
_U = r"(?:件|份)"
_CASE = r"(?:件|起|宗)"
_FILL = r"(?:答复|决定)?(?:的)?(?:申请)?(?:的)?(?:有|共|为)?"
_SIMPLE: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern + _N + _U))
    for kind, pattern in (
        ("processed", r"(?P<v>办结|答复|办理(?:完成|完毕)?)(?:了)?\s*(?:各类)?\s*(?:政府信息公开|依申请公开|信息公开)?\s*(?:申请件|申请)?(?:共|合计)?"),
        ("carried_over", r"上一?年度?结转(?:的|下来的|来的)?\s*(?:政府信息公开|依申请公开)?\s*(?:申请件|申请)?(?:共|有)?"),
        ("carried_forward", r"(?:结转|转入|转|顺延|延续)(?:至|到)?\s*下一?(?:个)?年度?(?:继续)?(?:办理|答复)*(?:的)?(?:有|共)?"),
        ("granted_or_partial", r"(?<!不)(?<!不予)(?<!不予以)(?:予以公开|同意公开|公开)(?:及|和|与|、|或)部分公开" + _FILL),
        ("granted", r"(?<!不)(?:予以公开|同意公开)" + _FILL),
        ("partially_granted", r"(?<!公开[及和与、或])部分公开" + _FILL),
        ("denied", r"不予(?:以)?公开" + _FILL),
        ("unavailable", r"无法提供" + _FILL),
        ("not_processed", r"不予处理" + _FILL),
        ("other", r"其他处理" + _FILL),
    )
)  # fmt: skip
_PROCESSED_BEFORE = re.compile(
    r"(?:当场|延期|逾期|超期|未|待|按时|网上|现场|书面|电话|口头|复议|诉讼|提案|建议|公开|提供|处理|继续)\s*$"
)
_RECEIVED = re.compile(
    r"(?P<v>收到|受理|新收|接收|接到)(?P<gap>" + _GAP + r"{0,30}?)" + _N + _U + r"(?P<after>[^，。；！？\d]{0,12})"
)
_RECEIVED_NONE = re.compile(r"(?:未|没有|无)(?:收到|受理|接到|接收)(?P<gap>[^，。；！？\d]{0,20}?)申请")
_RECEIVED_EXCLUDE = re.compile(
    r"复议|诉讼|提案|建议|投诉|咨询|来信|留言|问政|增|减|较|比|同比|申请中|其中|予以|不予|无法|办结|答复|结转|处理"
)
_NOT_APPLICATION = re.compile(r"复议|诉讼|提案|建议|投诉")
_NEGATED = re.compile(r"(?:未|没有|无)\s*$")
_CARRIED_OVER_NONE = re.compile(r"(?:没有|无|未有)\s*上一?年度?结转")
_FORWARD_BACK = re.compile(
    r"(?P<n>\d+)\s*" + _U + r"(?:申请)?(?P<gap>" + _GAP + r"{0,15}?)(?:结转|顺延|转)(?:至|到)?下一?年度?"
)
_FORWARD_NONE = re.compile(r"(?:没有|无|未有)(?:[^，。；！？\d]{0,8}?)结转(?:至|到)?\s*下一?年度?")
_RL_EXCLUDE = re.compile(r"纠|败诉|胜诉|撤销|维持|审结|确认违法|应诉|决定|责任追究")
_REVIEW = re.compile(r"行政复议(?P<gap>" + _GAP + r"{0,8}?)" + _N + _CASE)
_REVIEW_BACK = re.compile(
    r"(?P<n>\d+)\s*" + _CASE + r"(?P<gap>" + _GAP + r"{0,16}?)行政复议(?P<after>[^，。；！？]{0,4})"
)
_LITIGATION = re.compile(r"(?:行政)?诉讼(?P<gap>" + _GAP + r"{0,8}?)" + _N + _CASE)
_LITIGATION_BACK = re.compile(
    r"(?P<n>\d+)\s*" + _CASE + r"(?P<gap>" + _GAP + r"{0,16}?)(?:行政)?诉讼(?P<after>[^，。；！？]{0,4})"
)
_RL_NONE = re.compile(r"(?:未发生|没有|未有|未出现|无(?!论|法))(?P<gap>[^，。；！？\d]{0,20}?)(?:行政复议|行政诉讼)")
_CLAUSE = re.compile(r"[^，。；！？]+")
_SENTENCE = re.compile(r"[^。！？]+")
_UPHELD = re.compile(r"(?:均|全部|都)(?:获|被|予以|得到)?(?:复议机关|法院)?维持")
_CATEGORY = re.compile(
    r"(?P<p>" + "|".join(sorted(map(re.escape, CATEGORY_ROWS), key=len, reverse=True)) + r")"
    r"(?:举报投诉)?(?:类)?(?:相关)?(?:政府)?(?:信息)?(?:的)?(?:申请)?(?:的)?(?:有|共)?" + _N + _U
)


class _Adder(Protocol):
    def __call__(self, kind: str, value: int, start: int, end: int, head: int = 0) -> None: ...


def _quote(text: str, start: int, end: int, head: int = 0) -> str:
    """The matched text, shortened to “head…tail” when long."""
    s = text[start:end]
    if len(s) <= 22:
        return s
    return s[: max(head, 2)] + "…" + s[-10:].lstrip()


def _clause_at(text: str, pos: int) -> str:
    for m in _CLAUSE.finditer(text):
        if m.start() <= pos < m.end():
            return m.group()
    return ""


@lru_cache(maxsize=512)
def find_claims(text: str) -> tuple[Claim, ...]:
    """Every count claim in ``text`` (one normalised paragraph), in text order."""
    out: list[Claim] = []

    def add(kind: str, value: int, start: int, end: int, head: int = 0) -> None:
        out.append(Claim(kind, value, start, end, _quote(text, start, end, head)))

    for m in _RECEIVED.finditer(text):
        gap, after = m.group("gap"), m.group("after")
        if _NEGATED.search(text, max(0, m.start() - 3), m.start()) or _RECEIVED_EXCLUDE.search(gap):
            continue
        if "申请" in gap or ("申请" in after and not _RL_EXCLUDE.search(after) and "复议" not in after):
            add("received", int(m.group("n")), m.start(), m.start("after"), len(m.group("v")))
    for m in _RECEIVED_NONE.finditer(text):
        if not _NOT_APPLICATION.search(m.group("gap")):
            add("received", 0, m.start(), m.end())
    for kind, rx in _SIMPLE:
        for m in rx.finditer(text):
            if kind == "processed" and _PROCESSED_BEFORE.search(text, max(0, m.start() - 4), m.start()):
                continue
            add(kind, int(m.group("n")), m.start(), m.end())
    for m in _FORWARD_BACK.finditer(text) if "下" in text else ():
        if "上年" not in m.group("gap") and not any(
            c.kind == "carried_forward" and c.start <= m.end() <= c.end for c in out
        ):
            add("carried_forward", int(m.group("n")), m.start(), m.end(), 4)
    for rx_none, kind in ((_CARRIED_OVER_NONE, "carried_over"), (_FORWARD_NONE, "carried_forward")):
        for m in rx_none.finditer(text):
            add(kind, 0, m.start(), m.end())
    if "复议" in text or "诉讼" in text:
        _review_claims(text, add)
    for m in _CATEGORY.finditer(text):
        add("category:" + CATEGORY_ROWS[m.group("p")], int(m.group("n")), m.start(), m.end())
    out.sort(key=lambda c: c.start)
    return tuple(out)


def _review_claims(text: str, add: _Adder) -> None:
    for kind, other, fwd, back in (
        ("review", "诉讼", _REVIEW, _REVIEW_BACK),
        ("litigation", "复议", _LITIGATION, _LITIGATION_BACK),
    ):
        for m in fwd.finditer(text):
            if not _RL_EXCLUDE.search(m.group("gap")) and other not in m.group("gap"):
                add(kind, int(m.group("n")), m.start(), m.end())
        for m in back.finditer(text):
            gap = m.group("gap") + m.group("after")
            if not _RL_EXCLUDE.search(gap) and other not in m.group("gap"):
                add(kind, int(m.group("n")), m.start(), m.end(), 4)
    for m in _RL_NONE.finditer(text):
        clause = _clause_at(text, m.start())
        if _RL_EXCLUDE.search(clause) or re.search(r"\d", clause):
            continue
        tail = clause[clause.find(m.group()) :]
        review, litigation = "复议" in tail, "诉讼" in tail
        if review and litigation:
            add("review", 0, m.start(), m.start() + len(tail))
            add("litigation", 0, m.start(), m.start() + len(tail))
        elif m.group().startswith(("未发生", "没有", "未有", "未出现")):
            add("review" if review else "litigation", 0, m.start(), m.start() + len(tail))
    for m in _UPHELD.finditer(text) if "维持" in text else ():
        sentence = next((s for s in _SENTENCE.finditer(text) if s.start() <= m.start() < s.end()), None)
        if sentence is None:
            continue
        before = text[sentence.start() : m.start()]
        review, litigation = "复议" in before, "诉讼" in before
        if review or litigation:
            kind = "upheld_all" if review and litigation else "upheld_review" if review else "upheld_litigation"
            add(kind, 0, m.start(), m.end())
