"""The amount of a fee notice worked out from the standard (国办函〔2020〕109号), with how it was reached.

By volume (按量): the application's pages, band by band. By count (按件): the application's rank among
the applicant's applications received in the same natural month (the same name and applicant type,
in the same agency, live, by received date then registration order) → :func:`fee_for_rank`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from gongkai.cases.fees import FIRST_BAND_END, FREE_APPLICATIONS, PAGE_BANDS, fee_by_pages, fee_for_rank
from gongkai.errors import RegisterError
from gongkai.store.tables import ApplicationRow


@dataclass(frozen=True, slots=True)
class FeeWorked:
    """A fee notice's amount as computed: the standard, the quantity stored (pages or rank), yuan, and how."""

    basis: str
    quantity: int
    amount: int
    how: tuple[str, ...]


def by_pages(pages: int) -> FeeWorked:
    """按量: one application's pages, 超额累进 band by band."""
    if pages < 1:
        raise RegisterError("E204", f"按量计收的页数应为正整数，而不是 {pages}")
    parts: list[str] = []
    for first, last, price in PAGE_BANDS:
        top = pages if last is None else min(pages, last)
        if top < first:
            break
        span = f"第{first}–{top}页" if top > first else f"第{first}页"
        n = top - first + 1
        parts.append(f"{span}免费" if price == 0 else f"{span}{n}页×{price}元＝{n * price}元")
    amount = fee_by_pages(pages)
    how = f"按量计收：共{pages}页，" + "；".join(parts) + f"；合计{amount}元。"
    return FeeWorked("pages", pages, amount, (how,))


def _band(rank: int) -> str:
    if rank <= FREE_APPLICATIONS:
        return f"第1–{FREE_APPLICATIONS}件免费"
    if rank <= FIRST_BAND_END:
        return f"第{FREE_APPLICATIONS + 1}–{FIRST_BAND_END}件每件{fee_for_rank(rank)}元"
    first = FIRST_BAND_END + 1 + (rank - FIRST_BAND_END - 1) // 10 * 10
    return f"第{first}–{first + 9}件每件{fee_for_rank(rank)}元"


def by_rank(rank: int, *, given: bool, applicant: str = "", month: dt.date | None = None, count: int = 0) -> FeeWorked:
    """按件: the application is the applicant's ``rank``-th of the month (``given``: stated by staff)."""
    if rank < 1:
        raise RegisterError("E204", f"按件计收的序号应为正整数，而不是 {rank}")
    amount = fee_for_rank(rank)
    if given:
        lead = f"按件计收：本件为申请人当月第{rank}件申请（登记时指定）"
    else:
        when = f"{month.year}年{month.month}月" if month is not None else "当月"
        lead = f"按件计收：申请人{applicant}{when}共登记申请{count}件，本件按收到日期排第{rank}件"
    return FeeWorked("count", rank, amount, (f"{lead}；{_band(rank)}，本件收费{amount}元。",))


def rank_in_month(session: Session, row: ApplicationRow) -> FeeWorked:
    """按件 with the rank found in the register (E204 when the application names no applicant)."""
    name = (row.applicant_name or "").strip()
    if not name:
        raise RegisterError(
            "E204", f"申请 {row.number} 未登记申请人姓名或名称，无法计算其当月序号：请指明本件为当月第几件申请"
        )
    first = row.received.replace(day=1)
    after = (first + dt.timedelta(days=32)).replace(day=1)
    query = select(ApplicationRow.id).where(
        ApplicationRow.agency_id == row.agency_id,
        ApplicationRow.applicant_name == name,
        ApplicationRow.applicant_type == row.applicant_type,
        ApplicationRow.received >= first,
        ApplicationRow.received < after,
        ApplicationRow.voided_at.is_(None),
    )
    ids = list(session.scalars(query.order_by(ApplicationRow.received, ApplicationRow.id)))
    return by_rank(ids.index(row.id) + 1, given=False, applicant=name, month=first, count=len(ids))


def fee_explained(basis: str, quantity: int | None, amount: int | None) -> tuple[str, ...]:
    """How a recorded fee notice's amount follows from its standard and quantity (shown on the case page)."""
    if quantity is None or quantity < 1:
        return () if amount is None else (f"收费金额{amount}元（由经办人填写）。",)
    if basis == "pages":
        worked = by_pages(quantity)
    else:
        worked = FeeWorked("count", quantity, fee_for_rank(quantity), (
            f"按件计收：本件为申请人当月第{quantity}件申请；{_band(quantity)}，本件收费{fee_for_rank(quantity)}元。",
        ))  # fmt: skip
    if amount is not None and amount != worked.amount:
        return (*worked.how, f"登记的收费金额为{amount}元（由经办人填写，与按标准计算的{worked.amount}元不同）。")
    return worked.how


__all__ = ["FeeWorked", "by_pages", "by_rank", "fee_explained", "rank_in_month"]
