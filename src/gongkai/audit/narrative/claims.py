"""Count claims in one normalised paragraph: “受理申请31件”, “上年结转4件”, “不予公开2件”.

:func:`find_claims` lists every count a paragraph states, in text order; review and
litigation claims come from :mod:`.review`, table-2 claims from :mod:`.table2`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from gongkai.audit.narrative.review import RL_EXCLUDE, review_claims
from gongkai.audit.narrative.table2 import table2_claims
from gongkai.audit.narrative.text import COUNT_UNIT, GAP, ITEM_GAP, NUMBER, Claim, quote

KINDS = (
    "received", "processed", "carried_over", "carried_forward", "granted", "partially_granted",
    "granted_or_partial", "denied", "unavailable", "not_processed", "other", "review", "litigation",
    "litigation_direct", "litigation_after_review", "upheld_review", "upheld_litigation", "upheld_all",
)  # fmt: skip
"""Claim kinds; category claims are ``category:<table3 row key>``, table-2 claims
``table2:<row key>.<field key>`` (see :data:`~gongkai.audit.narrative.table2.TABLE2_NOUNS`)."""

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

_FILL = r"(?:答复|决定)?(?:的)?(?:申请)?(?:的)?(?:有|共|为)?"
_SIMPLE: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern + NUMBER + COUNT_UNIT))
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
    r"(?P<v>收到|受理|新收|接收|接到)(?P<gap>"
    + GAP
    + r"{0,30}?)"
    + NUMBER
    + COUNT_UNIT
    + r"(?P<after>"
    + ITEM_GAP
    + r"{0,12})"
)
_RECEIVED_NONE = re.compile(r"(?:未|没有|无)(?:收到|受理|接到|接收)(?P<gap>[^，。；！？\d]{0,20}?)申请")
_RECEIVED_EXCLUDE = re.compile(
    r"复议|诉讼|提案|建议|投诉|咨询|来信|留言|问政|增|减|较|比|同比|申请中|其中|予以|不予|无法|办结|答复|结转|处理"
)
_NOT_APPLICATION = re.compile(r"复议|诉讼|提案|建议|投诉")
_NEGATED = re.compile(r"(?:未|没有|无)\s*$")
_CARRIED_OVER_NONE = re.compile(r"(?:没有|无|未有)\s*上一?年度?结转")
_FORWARD_BACK = re.compile(
    r"(?P<n>\d+)\s*" + COUNT_UNIT + r"(?:申请)?(?P<gap>" + ITEM_GAP + r"{0,15}?)(?:结转|顺延|转)(?:至|到)?下一?年度?"
)
_FORWARD_NONE = re.compile(r"(?:没有|无|未有)(?:[^，。；！？\d]{0,8}?)结转(?:至|到)?\s*下一?年度?")
_CATEGORY = re.compile(
    r"(?P<p>" + "|".join(sorted(map(re.escape, CATEGORY_ROWS), key=len, reverse=True)) + r")"
    r"(?:举报投诉)?(?:类)?(?:相关)?(?:政府)?(?:信息)?(?:的)?(?:申请)?(?:的)?(?:有|共)?" + NUMBER + COUNT_UNIT
)


@lru_cache(maxsize=512)
def find_claims(text: str) -> tuple[Claim, ...]:
    """Every count claim in ``text`` (one normalised paragraph), in text order."""
    out: list[Claim] = []

    def add(kind: str, value: int, start: int, end: int, head: int = 0, said: str | None = None) -> None:
        out.append(Claim(kind, value, start, end, said if said is not None else quote(text, start, end, head)))

    for m in _RECEIVED.finditer(text):
        gap, after = m.group("gap"), m.group("after")
        if _NEGATED.search(text, max(0, m.start() - 3), m.start()) or _RECEIVED_EXCLUDE.search(gap):
            continue
        # the number's own item is the text after the gap's last “、” (“收到人大建议、申请5件” is 申请 5)
        if "申请" in gap.rpartition("、")[2] or (
            "申请" in after and not RL_EXCLUDE.search(after) and "复议" not in after
        ):
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
        review_claims(text, add)
    if "规章" in text or "规范性文件" in text:
        table2_claims(text, add)
    for m in _CATEGORY.finditer(text):
        add("category:" + CATEGORY_ROWS[m.group("p")], int(m.group("n")), m.start(), m.end())
    out.sort(key=lambda c: c.start)
    return tuple(out)
