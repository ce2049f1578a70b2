"""Cells as staff type them: dates in every common spelling, day counts, amounts, labels and headers."""

from __future__ import annotations

import datetime as dt

import pytest

from gongkai.cases import ledger_columns as C

D = dt.date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.datetime(2025, 3, 4), D(2025, 3, 4)),  # an Excel date cell (openpyxl gives a datetime)
        (dt.datetime(2025, 3, 4, 9, 30), D(2025, 3, 4)),  # a date-time cell: the day counts
        (D(2025, 3, 4), D(2025, 3, 4)),
        ("2025-03-04", D(2025, 3, 4)),
        ("2025-3-4", D(2025, 3, 4)),
        ("2025/3/4", D(2025, 3, 4)),
        ("2025/03/04", D(2025, 3, 4)),
        ("2025.3.4", D(2025, 3, 4)),
        ("2025年3月4日", D(2025, 3, 4)),
        ("2025年3月4号", D(2025, 3, 4)),
        (" 2025 年 3 月 4 日 ", D(2025, 3, 4)),
        ("２０２５年３月４日", D(2025, 3, 4)),
        ("二〇二五年三月四日", D(2025, 3, 4)),
        ("2025-03-04 00:00:00", D(2025, 3, 4)),
        ("2025-03-04T00:00:00", D(2025, 3, 4)),
        ("2025-03-04T00:00", D(2025, 3, 4)),
        ("2025/3/4 0:00", D(2025, 3, 4)),  # Excel's CSV of a date cell, Chinese locale
        ("2024-02-29", D(2024, 2, 29)),
        ("2025年12月31日", D(2025, 12, 31)),
    ],
)
def test_ledger_columns_dates_as_staff_type_them(value: object, expected: dt.date) -> None:
    assert C.parse_date(value) == expected


SHAPE = "应写作 2025-03-04、2025/3/4 或 2025年3月4日"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2025-13-01", "无法识别的日期“2025-13-01”（没有13月）"),
        ("2025-02-29", "无法识别的日期“2025-02-29”（2025年2月只有28日）"),
        ("2025/4/31", "无法识别的日期“2025/4/31”（2025年4月只有30日）"),
        ("25/3/4", f"无法识别的日期“25/3/4”（{SHAPE}）"),
        ("3月4日", f"无法识别的日期“3月4日”（{SHAPE}）"),
        ("2025-03", f"无法识别的日期“2025-03”（{SHAPE}）"),
        ("2025年3-4", f"无法识别的日期“2025年3-4”（{SHAPE}）"),
        ("2025-03-04 25:99", f"无法识别的日期“2025-03-04 25:99”（{SHAPE}）"),
        ("待定", f"无法识别的日期“待定”（{SHAPE}）"),
        (45720, "无法识别的日期“45720”（单元格是数字，不是日期：请把单元格设为日期格式）"),
        (45720.0, "无法识别的日期“45720”（单元格是数字，不是日期：请把单元格设为日期格式）"),
        (True, "无法识别的日期“True”"),
        (dt.time(9, 30), "无法识别的日期“09:30:00”"),
        ("9999-12-30", "日期“9999-12-30”超出范围（应在 1990 到 2100 年之间）"),
        ("2205年3月4日", "日期“2205年3月4日”超出范围（应在 1990 到 2100 年之间）"),
        (dt.datetime(1900, 1, 1), "日期“1900-01-01”超出范围（应在 1990 到 2100 年之间）"),
    ],
)
def test_ledger_columns_bad_dates_say_why(value: object, message: str) -> None:
    with pytest.raises(C.CellProblem) as info:
        C.parse_date(value)
    assert info.value.args[0] == message


@pytest.mark.parametrize(
    ("value", "days"), [(1, 1), (20, 20), (15.0, 15), ("10", 10), ("10天", 10), ("１５", 15), ("20个工作日", 20)]
)
def test_ledger_columns_extension_days(value: object, days: int) -> None:
    assert C.parse_extension_days(value) == days


@pytest.mark.parametrize("value", [0, 21, -1, 2.5, "", "十", "10 days", True])
def test_ledger_columns_extension_days_outside_1_to_20_are_refused(value: object) -> None:
    with pytest.raises(C.CellProblem):
        C.parse_extension_days(value)


@pytest.mark.parametrize(
    ("value", "amount"),
    [(0, 0), (100, 100), (1700.0, 1700), ("300", 300), ("300元", 300), ("1,700", 1700), ("1,700.00", 1700)],
)
def test_ledger_columns_amounts(value: object, amount: int) -> None:
    assert C.parse_amount(value) == amount


@pytest.mark.parametrize("value", [-5, "-5", 12.5, "12.5元", "一百元", "免费", False])
def test_ledger_columns_amounts_that_are_not_whole_yuan_are_refused(value: object) -> None:
    with pytest.raises(C.CellProblem):
        C.parse_amount(value)


@pytest.mark.parametrize(
    ("text", "key"),
    [("自然人", "natural_person"), ("商业企业", "commercial_enterprise"), ("科研机构", "research_institution"),
     ("社会公益组织", "social_welfare_org"), ("社会组织", "social_welfare_org"), ("法律服务机构", "legal_service_org"),
     ("其他", "other_org"), (" 自 然 人 ", "natural_person")],
)  # fmt: skip
def test_ledger_columns_applicant_types(text: str, key: str) -> None:
    assert C.parse_applicant_type(text) == key


@pytest.mark.parametrize("text", ["个人", "法人", "企业", "其它组织", "1"])
def test_ledger_columns_unknown_applicant_types_are_refused(text: str) -> None:
    with pytest.raises(C.CellProblem):
        C.parse_applicant_type(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [("当面提交", "in_person"), ("邮寄（需签收）", "post_signed"), ("邮寄(需签收)", "post_signed"),
     ("平常信函", "post_ordinary"), ("互联网渠道", "online"), ("网上", "online"), ("传真", "fax"), ("当面", "in_person")],
)  # fmt: skip
def test_ledger_columns_channels(text: str, key: str) -> None:
    assert C.parse_channel(text) == key


@pytest.mark.parametrize(
    ("value", "name"),
    [("收到日期", "收到日期"), (" 收到 日期 ", "收到日期"), ("收到日期（必填）", "收到日期"), ("收费金额(元)", "收费金额"),
     ("编号*", "编号"), ("处理结果\n", "处理结果"), ("（备注）", "(备注)"), (None, ""), (1, "1")],
)  # fmt: skip
def test_ledger_columns_header_names(value: object, name: str) -> None:
    assert C.header_name(value) == name


def test_ledger_columns_text_cells() -> None:
    assert C.parse_text(1001.0) == "1001"
    assert C.parse_text(12.5) == "12.5"
    assert C.parse_text("  GK-001 ") == "GK-001"
    assert C.parse_text(D(2025, 3, 4)) == "2025-03-04"


def test_ledger_columns_number_and_name_no_longer_than_the_register_keeps() -> None:
    # the store keeps a 编号 of 64 characters and a name of 200 (PostgreSQL refuses longer ones)
    assert C.parse_number("N" * 64) == "N" * 64
    assert C.parse_name("张" * 200) == "张" * 200
    with pytest.raises(C.CellProblem) as info:
        C.parse_number("N" * 65)
    assert info.value.args[0] == f"“{'N' * 50}…（共65字）”过长（最多64个字）"
    with pytest.raises(C.CellProblem) as info:
        C.parse_name("张" * 201)
    assert info.value.args[0] == f"“{'张' * 50}…（共201字）”过长（最多200个字）"


def test_ledger_columns_amount_larger_than_the_register_keeps() -> None:
    # the store's integer columns are PostgreSQL's integer (at most 2,147,483,647)
    assert C.parse_amount("2147483647") == 2_147_483_647
    with pytest.raises(C.CellProblem) as info:
        C.parse_amount("3000000000元")
    assert info.value.args[0] == "“3000000000元”超出范围（最多2147483647元）"
