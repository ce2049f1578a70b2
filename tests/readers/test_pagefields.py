"""Page fields: the publication date a web page prints, and lines that are page fields, not report text."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.readers.pagefields import (
    field_date,
    is_date_line,
    is_field_line,
    is_label,
    leading_date,
    normalize,
    publication_field,
)


def _read(text: str) -> tuple[dt.date | None, str] | None:
    m = publication_field(normalize(text))
    return None if m is None else (field_date(m), m.group(0).strip())


@pytest.mark.parametrize(
    ("line", "date", "printed"),
    [("发布时间：2024-01-20", (2024, 1, 20), "发布时间：2024-01-20"),
     ("时间：2024年1月20日", (2024, 1, 20), "时间：2024年1月20日"),
     ("发布日期：2024-01-20 09:30", (2024, 1, 20), "发布日期：2024-01-20 09:30"),
     ("发布时间:2024-01-17 13:55:55", (2024, 1, 17), "发布时间:2024-01-17 13:55:55"),
     ("来源：某县人民政府　发布时间：2024-01-20 10:00 浏览次数：96", (2024, 1, 20), "发布时间：2024-01-20 10:00"),
     ("[ 公开日期 ] 2019-03-25", (2019, 3, 25), "[ 公开日期 ] 2019-03-25"),
     ("公开日期 2024-01-17", (2024, 1, 17), "公开日期 2024-01-17"),
     ("发布时间：２０２４－０１－２０", (2024, 1, 20), "发布时间：2024－01－20"),
     ("**发布时间**：2024/1/20", (2024, 1, 20), "发布时间 ：2024/1/20"),
     ("日期：2024.01.20", (2024, 1, 20), "日期：2024.01.20"),
     ("发布时间：2024年01月20日 09:30", (2024, 1, 20), "发布时间：2024年01月20日 09:30"),
     ("【发布日期：2024-01-20】【字号：大 中 小】", (2024, 1, 20), "【发布日期：2024-01-20"),
     ("公开时间：2024-1-5", (2024, 1, 5), "公开时间：2024-1-5")],
)  # fmt: skip
def test_pagefields_publication_date_forms(line: str, date: tuple[int, int, int], printed: str) -> None:
    assert _read(line) == (dt.date(*date), printed)


@pytest.mark.parametrize(
    "line",
    ["统计时间：2024年1月20日",  # a label glued to a word is not 时间 alone
     "采集时间：2025-12-30T21:37:37+08:00",  # when a crawler fetched the page
     "成文日期：2024-01-10",  # the document's date, not its publication
     "更新时间：2024-03-01",
     "时间：2023年1月1日至2023年12月31日",  # a period, not a date
     "日期：2024年1月1日起",
     "发布时间：2024-01-20至2024-02-01",
     "时间2024-01-20",  # a bare label needs its colon
     "本报告于2024年1月20日发布"],
)  # fmt: skip
def test_pagefields_not_a_publication_date(line: str) -> None:
    assert _read(line) is None


def test_pagefields_impossible_date_keeps_the_field_without_a_date() -> None:
    assert _read("发布时间：2024-02-30") == (None, "发布时间：2024-02-30")


@pytest.mark.parametrize(
    "content",
    ["2024-01-20 10:00", "2024/01/19 10:00", "2024-01-20-10:00:00", "2024-01-20T10:00:00+08:00", "2024年1月20日"],
)
def test_pagefields_leading_date_reads_meta_content(content: str) -> None:
    m = leading_date(content)
    assert m is not None and field_date(m) is not None and field_date(m).isoformat()[:4] == "2024"  # type: ignore[union-attr]


def test_pagefields_leading_date_refuses_epoch_and_text() -> None:
    assert leading_date("1557717913000") is None
    assert leading_date("页面生成时间 2024-05-28 15:46:43") is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [("发布时间:2024-01-17 13:55:55", True),
     ("来源：沭阳县人民政府 发布时间：2024-01-17 浏览次数：96", True),
     ("【字体：大 中 小】【打印】【关闭】", True),
     ("作者：县政府办", True),
     ("单位：沭阳县发改局", True),
     ("采集时间：2025-12-30T21:37:37+08:00", True),
     ("发布时间：", True),
     ("时间：2023年1月1日至2023年12月31日", False),
     ("本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。", False),
     ("来源：本机关统计，数据截至2023年12月31日。", False),
     ("数据来源：县政务服务中心", False),
     ("沐阳县人民政府", False),
     ("(2026年1月23日)", False)],
)  # fmt: skip
def test_pagefields_field_line(line: str, expected: bool) -> None:
    assert is_field_line(line) is expected


def test_pagefields_label_alone_and_date_alone() -> None:
    assert is_label("发布时间：") and is_label("[ 公开日期 ]") and is_label("公开日期")
    assert not is_label("发布时间：2024-01-17") and not is_label("统计时间：")
    assert is_date_line("2024-01-17 13:55:55") and is_date_line("2024年1月17日")
    assert not is_date_line("(2026年1月23日)") and not is_date_line("2024年1月17日发布")


_FORMS = (
    "发布时间：{y}-{m:02d}-{d:02d}",
    "发布日期：{y}/{m}/{d} 10:30",
    "时间：{y}年{m}月{d}日",
    "公开日期 {y}.{m:02d}.{d:02d}",
    "来源：某县人民政府 发布时间：{y}年{m:02d}月{d:02d}日 09:00:01 浏览次数：12",
)


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31)), st.sampled_from(_FORMS))
def test_pagefields_every_printed_form_gives_back_its_date(date: dt.date, form: str) -> None:
    line = form.format(y=date.year, m=date.month, d=date.day)
    found = _read(line)
    assert found is not None and found[0] == date
    assert is_field_line(line)


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 30)), st.sampled_from(("至", "到", "—")))
def test_pagefields_a_range_is_never_a_publication_date(start: dt.date, sep: str) -> None:
    end = start + dt.timedelta(days=1)
    line = f"时间：{start.year}年{start.month}月{start.day}日{sep}{end.year}年{end.month}月{end.day}日"
    assert _read(line) is None
