"""The 信息处理费 collected in a year, and the sentence section 六 states it in.

Counted on payment (国办函〔2020〕109号: the fee is collected when paid): an application (not
voided) counts once when it has a ``fee_paid`` event dated in the year, whenever its notice
was sent; each such payment is of the amount of the last ``fee_notice`` before it (or the
payment's own ``amount`` where the store recorded one). A fee notified but not paid is not
collected (unpaid, the application ends as （六）2 in table 3).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gongkai.cases.records import Register, live_events, ref
from gongkai.cases.tally import sort_refs
from gongkai.errors import RegisterError

NONE_COLLECTED = "本年度未收取信息处理费。"
COLLECTED = "本年度共对{count}件政府信息公开申请收取信息处理费，合计{yuan}元。"
_COLLECTED = re.compile(r"本年度共对(\d+)件政府信息公开申请收取信息处理费，合计(\d+)元。")


@dataclass(frozen=True, slots=True)
class FeesCollected:
    """The applications that paid in the year (refs, sorted) and the yuan paid in all."""

    applications: tuple[str, ...] = ()
    yuan: int = 0

    @property
    def sentence(self) -> str:
        return fee_text(len(self.applications), self.yuan)


def fee_text(count: int, yuan: int) -> str:
    """``本年度共对3件政府信息公开申请收取信息处理费，合计450元。`` or ``本年度未收取信息处理费。``"""
    return COLLECTED.format(count=count, yuan=yuan) if count else NONE_COLLECTED


def parse_fee_text(text: str) -> tuple[int, int] | None:
    """The (count, yuan) a text states in :func:`fee_text`'s words; None when it states neither sentence."""
    m = _COLLECTED.search(text)
    if m:
        return int(m.group(1)), int(m.group(2))
    return (0, 0) if NONE_COLLECTED in text else None


def replace_fee_text(text: str, sentence: str) -> str | None:
    """``text`` with the fee sentence it states (in :func:`fee_text`'s words) replaced by ``sentence``;
    None when it states none."""
    m = _COLLECTED.search(text)
    if m:
        return text[: m.start()] + sentence + text[m.end() :]
    if NONE_COLLECTED in text:
        return text.replace(NONE_COLLECTED, sentence, 1)
    return None


def fees_collected(register: Register, year: int) -> FeesCollected:
    """The fees paid in ``year``.

    Raises:
        RegisterError: E204 for a payment with no amount: neither its own nor a fee notice before it.
    """
    refs: list[str] = []
    total = 0
    for app in register.applications:
        if app.voided:
            continue
        notified: int | None = None
        paid = False
        for event in live_events(app):
            if event.kind == "fee_notice":
                notified = event.amount
            elif event.kind == "fee_paid" and event.on.year == year:
                amount = event.amount if event.amount is not None else notified
                if amount is None:
                    raise RegisterError(
                        "E204", f"申请{app.number}的缴费记录（{event.on.isoformat()}）之前没有收费通知及金额"
                    )
                total += amount
                paid = True
        if paid:
            refs.append(ref("application", app.id))
    return FeesCollected(sort_refs(refs), total)


def fee_sentence(register: Register, year: int) -> str:
    """Section 六's sentence on the 信息处理费 of ``year`` (see the module docs for what is counted)."""
    return fees_collected(register, year).sentence


__all__ = [
    "COLLECTED",
    "NONE_COLLECTED",
    "FeesCollected",
    "fee_sentence",
    "fee_text",
    "fees_collected",
    "parse_fee_text",
]
