"""Next year's notice typed as YAML or CSV: read whole, or refused (E207) with every problem by line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gongkai.cases.calendar_file import parse_calendar_file
from gongkai.errors import RegisterError

D = dt.date.fromisoformat
EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "calendar"


def _problems(path: Path) -> tuple[str, ...]:
    with pytest.raises(RegisterError) as info:
        parse_calendar_file(path)
    assert info.value.code == "E207"
    return info.value.details


def test_calendar_file_yaml_example_reads_weekday_holidays_and_weekend_workdays() -> None:
    year = parse_calendar_file(EXAMPLES / "2027.example.yaml")
    assert year.year == 2027 and year.source == "示例（非正式安排）"
    # 国庆节 10/1 (Fri) – 10/7 (Thu): the weekend 10/2–10/3 is not stored
    assert [d for d in year.holidays if d.month == 10] == [D(f"2027-10-0{n}") for n in (1, 4, 5, 6, 7)]
    assert year.holidays[D("2027-06-09")] == "端午节"
    assert dict(year.workdays) == {
        D("2027-02-14"): "春节",
        D("2027-02-20"): "春节",
        D("2027-04-25"): "劳动节",
        D("2027-05-08"): "劳动节",
        D("2027-09-26"): "国庆节",
        D("2027-10-09"): "国庆节",
    }


def test_calendar_file_csv_example_equals_the_yaml_example() -> None:
    yaml_year = parse_calendar_file(EXAMPLES / "2027.example.yaml")
    csv_year = parse_calendar_file(EXAMPLES / "2027.example.csv")
    assert csv_year.year == 2027 and csv_year.source == "2027.example.csv"
    assert dict(csv_year.holidays) == dict(yaml_year.holidays)
    assert dict(csv_year.workdays) == dict(yaml_year.workdays)


def test_calendar_file_the_examples_say_they_are_not_official() -> None:
    for name in ("2027.example.yaml", "2027.example.csv"):
        first = (EXAMPLES / name).read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("#") and "不是国务院办公厅的正式安排" in first


def test_calendar_file_csv_accepts_english_kinds_and_other_date_spellings(tmp_path: Path) -> None:
    path = tmp_path / "2027.csv"
    path.write_text("\ufeff日期,类型,名称\n2027年1月1日,holiday,元旦\n2027/2/20,workday,春节\n", encoding="utf-8")
    year = parse_calendar_file(path)
    assert dict(year.holidays) == {D("2027-01-01"): "元旦"}
    assert dict(year.workdays) == {D("2027-02-20"): "春节"}


YAML_BAD = """\
source: 示例
holidays:
  - {name: 春节, from: 2027-02-05, to: 2027-02-12}
  - {name: 国庆节, from: 2027-10-01, to: 2027-13-07}
  - {name: 元旦, days: [2028-01-01]}
  - {from: 2027-03-01, to: 2027-03-02}
workdays:
  - {date: 2027-02-15, name: 春节}
  - {date: 2027-02-07, name: 春节}
"""


def test_calendar_file_yaml_lists_every_problem_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "2027.yaml"
    path.write_text(YAML_BAD, encoding="utf-8")
    assert _problems(path) == (
        "文件：缺少年份（year）",
        "第4行：“2027-13-07”不是有效的日期（该日不存在）",
        "第6行：放假安排缺少 name（如 春节）",
        "第8行：2027-02-15（周一）不是周末，不能列为调休上班日",
        "第9行：2027-02-07 既列为放假日（第3行）又列为调休上班日",
    )


def test_calendar_file_yaml_date_outside_the_year_and_repeated_day(tmp_path: Path) -> None:
    path = tmp_path / "2027.yaml"
    path.write_text(
        "year: 2027\nholidays:\n  - {name: 元旦, days: [2028-01-01, 2027-01-01]}\n  - {name: 元旦, days: [2027-01-01]}\n",
        encoding="utf-8",
    )
    assert _problems(path) == (
        "第3行：2028-01-01 不在 2027 年内",
        "第4行：2027-01-01 已在第3行列为放假日，重复列出",
    )


def test_calendar_file_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "2027.yaml"
    path.write_text("year: 2027\nholidays: [\n", encoding="utf-8")
    (detail,) = _problems(path)
    assert detail.startswith("第3行") and "YAML 语法错误" in detail


CSV_BAD = """\
日期,类型,名称
2027-02-05至2027-02-12,休,春节
2027-02-15,班,春节
2027-02-07,班,春节
2027-13-01,休,x
2028-01-01,休,元旦
2027-03-01,放,x
2027-03-02,休,
"""


def test_calendar_file_csv_lists_every_problem_with_its_row(tmp_path: Path) -> None:
    path = tmp_path / "2027.csv"
    path.write_text(CSV_BAD, encoding="utf-8")
    assert _problems(path) == (
        "第3行：2027-02-15（周一）不是周末，不能列为调休上班日",
        "第4行：2027-02-07 既列为放假日（第2行）又列为调休上班日",
        "第5行：“2027-13-01”不是有效的日期（该日不存在）",
        "第6行：2028-01-01 不在 2027 年内",
        "第7行：类型应为“休”或“班”，而不是“放”",
        "第8行：放假日缺少名称（如 春节）",
    )


@pytest.mark.parametrize(
    ("name", "text", "problem"),
    [
        ("2027.csv", "date,kind,name\n2027-01-01,休,元旦\n", "第1行：表头应为“日期,类型,名称”"),
        ("2027.csv", "日期,类型,名称\n", "文件：没有任何有效的日期行"),
        ("2027.yaml", "year: 2027\n", "文件：没有列出任何放假日期"),
        ("2027.yaml", "year: 二〇二七\nholidays: []\n", "第1行：year 应为四位年份"),
    ],
)
def test_calendar_file_refuses_an_empty_or_malformed_file(tmp_path: Path, name: str, text: str, problem: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert any(p.startswith(problem) for p in _problems(path))


def test_calendar_file_refuses_other_formats_and_missing_files(tmp_path: Path) -> None:
    for path in (tmp_path / "2027.txt", tmp_path / "missing.yaml"):
        if path.suffix == ".txt":
            path.write_text("x", encoding="utf-8")
        with pytest.raises(RegisterError) as info:
            parse_calendar_file(path)
        assert info.value.code == "E207"


def test_calendar_file_names_no_longer_than_the_store_keeps(tmp_path: Path) -> None:
    # the store keeps a holiday's name in 100 characters (PostgreSQL refuses a longer one)
    long = "节" * 101
    path = tmp_path / "2028.yaml"
    path.write_text(
        f"year: 2028\nholidays:\n  - {{name: {long}, from: 2028-01-03, to: 2028-01-03}}\n"
        f"  - {{name: 元旦, days: [2028-01-04]}}\nworkdays:\n  - {{date: 2028-01-08, name: {long}}}\n",
        encoding="utf-8",
    )
    assert _problems(path) == ("第3行：名称过长（101个字，最多100个字）", "第6行：名称过长（101个字，最多100个字）")
    csv_path = tmp_path / "2028.csv"
    csv_path.write_text(f"日期,类型,名称\n2028-01-03,休,{long}\n", encoding="utf-8")
    assert _problems(csv_path) == ("第2行：名称过长（101个字，最多100个字）",)


def test_calendar_file_a_device_a_pipe_or_a_folder_is_refused_unread(tmp_path: Path) -> None:
    import os

    os.mkfifo(tmp_path / "2028.yaml")
    for path, name in ((Path("/dev/zero"), "zero"), (tmp_path / "2028.yaml", "2028.yaml"), (tmp_path, tmp_path.name)):
        with pytest.raises(RegisterError) as info:
            parse_calendar_file(path)
        assert (info.value.code, info.value.message) == ("E207", f"无法读取工作日历文件：{name}（不是普通文件）")


def test_calendar_file_missing_says_so_in_chinese(tmp_path: Path) -> None:
    with pytest.raises(RegisterError) as info:
        parse_calendar_file(tmp_path / "2028.yaml")
    assert (info.value.code, info.value.message) == ("E207", "找不到工作日历文件：2028.yaml")
