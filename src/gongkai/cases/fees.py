"""信息处理费 per 国办函〔2020〕109号 (official-rules §3), in whole yuan, 超额累进.

By count (按件, 第四条): one applicant's applications in one natural month — the 1st to the 10th free,
the 11th to the 30th 100 元 each, then bands of ten, each band 100 元 more per application (31st–40th
200 元, 41st–50th 300 元 …; the reading of issue 10). By volume (按量, 第五条): one application's pages —
1–30 free, 31–100 10 元/页, 101–200 20 元/页, from the 201st 40 元/页. One standard per application,
never both (第三条).
"""

from __future__ import annotations

FREE_APPLICATIONS = 10
FIRST_BAND_END = 30
FIRST_BAND_PRICE = 100
BAND_SIZE = 10
BAND_STEP = 100

PAGE_BANDS: tuple[tuple[int, int | None, int], ...] = ((1, 30, 0), (31, 100, 10), (101, 200, 20), (201, None, 40))
"""(first page, last page or None, yuan per page)."""


def _count(value: int, what: str, minimum: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{what}应为整数，而不是 {value!r}")
    if value < minimum:
        raise ValueError(f"{what}不能小于 {minimum}，而不是 {value}")
    return value


def fee_for_rank(k: int) -> int:
    """The fee of the applicant's ``k``-th application in the month (k ≥ 1)."""
    _count(k, "申请的序号", minimum=1)
    if k <= FREE_APPLICATIONS:
        return 0
    if k <= FIRST_BAND_END:
        return FIRST_BAND_PRICE
    return FIRST_BAND_PRICE + BAND_STEP * ((k - FIRST_BAND_END - 1) // BAND_SIZE + 1)


def fee_by_count(monthly_count: int) -> int:
    """The total for ``monthly_count`` applications of one applicant in one natural month."""
    n = _count(monthly_count, "当月申请件数")
    total = FIRST_BAND_PRICE * max(0, min(n, FIRST_BAND_END) - FREE_APPLICATIONS)
    if n > FIRST_BAND_END:
        full, rest = divmod(n - FIRST_BAND_END, BAND_SIZE)
        # band b (1-based) charges FIRST_BAND_PRICE + b·BAND_STEP per application
        total += BAND_SIZE * (FIRST_BAND_PRICE * full + BAND_STEP * full * (full + 1) // 2)
        total += rest * (FIRST_BAND_PRICE + BAND_STEP * (full + 1))
    return total


def fee_by_pages(pages: int) -> int:
    """The total for one application of ``pages`` pages."""
    p = _count(pages, "页数")
    total = 0
    for first, last, price in PAGE_BANDS:
        top = p if last is None else min(p, last)
        if top >= first:
            total += (top - first + 1) * price
    return total


__all__ = ["PAGE_BANDS", "fee_by_count", "fee_by_pages", "fee_for_rank"]
