"""Dates as people type them: Arabic or Chinese numerals read; an impossible date says why."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.model.dates import cn_number, read_date

CN = "〇一二三四五六七八九"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-01-20", dt.date(2025, 1, 20)),
        ("2025/1/20", dt.date(2025, 1, 20)),
        ("2025.1.20", dt.date(2025, 1, 20)),
        ("2025年1月20日", dt.date(2025, 1, 20)),
        (" 2025 年 1 月 20 日 ", dt.date(2025, 1, 20)),
        ("２０２５年１月２０日", dt.date(2025, 1, 20)),
        ("二〇二五年一月二十日", dt.date(2025, 1, 20)),
        ("二〇二四年十二月三十一日", dt.date(2024, 12, 31)),
        ("二○二四年二月二十九日", dt.date(2024, 2, 29)),
        ("二〇二五年十月十日", dt.date(2025, 10, 10)),
    ],
)
def test_dates_read(text: str, expected: dt.date) -> None:
    assert read_date(text) == (expected, None)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("2025年2月30日", "2025年2月只有28日"),
        ("2024-02-30", "2024年2月只有29日"),
        ("2025-13-01", "没有13月"),
        ("二〇二五年十三月一日", "没有13月"),
        ("二〇二五年二月三十日", "2025年2月只有28日"),
        ("2025-04-31", "2025年4月只有30日"),
        ("去年", "无法识别为日期"),
        ("2025-1月20日", "无法识别为日期"),
        ("二〇二五年一月二十二十日", "无法识别为日期"),
    ],
)
def test_dates_impossible_say_why(text: str, why: str) -> None:
    read = read_date(text)
    assert read.date is None and read.problem is not None and read.problem.startswith(why)


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2999, 12, 31)))
def test_dates_every_real_date_reads_back_in_both_numeral_styles(day: dt.date) -> None:
    def cn(n: int) -> str:
        tens, ones = divmod(n, 10)
        return (f"{CN[tens] if tens > 1 else ''}十" if tens else "") + (CN[ones] if ones or not tens else "")

    year = "".join(CN[int(d)] for d in str(day.year))
    assert read_date(f"{year}年{cn(day.month)}月{cn(day.day)}日").date == day
    assert read_date(f"{day.year}年{day.month}月{day.day}日").date == day
    assert read_date(day.isoformat()).date == day


def test_dates_chinese_numbers() -> None:
    assert [cn_number(t) for t in ("十", "十九", "二十", "三十一", "二〇二五", "十十", "二三十")] == [
        10, 19, 20, 31, 2025, None, None,
    ]  # fmt: skip
