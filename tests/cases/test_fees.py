"""信息处理费 (国办函〔2020〕109号): worked amounts and the bands as properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.cases.fees import fee_by_count, fee_by_pages, fee_for_rank


@pytest.mark.parametrize(
    ("count", "yuan"),
    [
        (0, 0),
        (10, 0),  # 1–10 free
        (11, 100),
        (30, 2000),  # 20 × 100
        (31, 2200),  # + 200
        (40, 4000),  # 2000 + 10 × 200
        (41, 4300),  # + 300
        (50, 7000),  # 4000 + 10 × 300
        (55, 9000),  # 7000 + 5 × 400
        (100, 37000),  # 2000 + 10 × (200 + 300 + … + 800) = 2000 + 35000
    ],
)
def test_fees_by_count_worked_amounts(count: int, yuan: int) -> None:
    assert fee_by_count(count) == yuan


@pytest.mark.parametrize(
    ("pages", "yuan"),
    [
        (0, 0),
        (30, 0),
        (31, 10),
        (100, 700),  # 70 × 10
        (101, 720),
        (150, 1700),  # 70 × 10 + 50 × 20 (official-rules §3)
        (200, 2700),  # 700 + 100 × 20
        (201, 2740),
        (250, 4700),  # 2700 + 50 × 40
    ],
)
def test_fees_by_pages_worked_amounts(pages: int, yuan: int) -> None:
    assert fee_by_pages(pages) == yuan


@pytest.mark.parametrize(("rank", "yuan"), [(1, 0), (10, 0), (11, 100), (30, 100), (31, 200), (40, 200), (41, 300)])
def test_fees_for_rank_worked_amounts(rank: int, yuan: int) -> None:
    assert fee_for_rank(rank) == yuan


@pytest.mark.parametrize(
    "call", [lambda: fee_by_count(-1), lambda: fee_by_pages(-5), lambda: fee_for_rank(0), lambda: fee_by_pages(True)]
)
def test_fees_refuse_negative_or_non_integer_input(call: object) -> None:
    with pytest.raises(ValueError):
        call()  # type: ignore[operator]


def _band_price(k: int) -> int:
    """The k-th application's price written from the rule: 0 to 10, 100 to 30, then +100 per band of 10."""
    if k <= 10:
        return 0
    if k <= 30:
        return 100
    return 100 + 100 * ((k - 31) // 10 + 1)


@given(st.integers(0, 2000))
def test_fees_by_count_marginal_price_is_the_band_and_never_falls(n: int) -> None:
    step = fee_by_count(n + 1) - fee_by_count(n)
    assert step == fee_for_rank(n + 1) == _band_price(n + 1)
    assert step >= (fee_by_count(n) - fee_by_count(n - 1) if n >= 1 else 0)


@given(st.integers(0, 5000))
def test_fees_by_pages_marginal_price_is_the_band_and_never_falls(p: int) -> None:
    step = fee_by_pages(p + 1) - fee_by_pages(p)
    page = p + 1
    assert step == (0 if page <= 30 else 10 if page <= 100 else 20 if page <= 200 else 40)
    assert fee_by_pages(p + 1) >= fee_by_pages(p)
