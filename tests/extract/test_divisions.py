"""The division data: county level and above, one code per division, parents inside the data; users add rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.errors import UsageError
from gongkai.extract.divisions import Division, parse_rows, shipped, with_file


def test_divisions_shipped_data_is_whole_and_consistent() -> None:
    data = shipped()
    assert len(data.by_code) > 3000
    provinces = [d for d in data.by_code.values() if d.province]
    assert len(provinces) == 34  # 23 provinces, 5 autonomous regions, 4 municipalities, Hong Kong and Macao
    for division in data.by_code.values():
        assert len(division.code) == 6 and division.complete
        assert division.parent is None or division.parent in data.by_code
        assert division.parent is None or division.code[:2] == division.parent[:2]


@pytest.mark.parametrize(
    ("name", "code", "prefix"),
    [("淮安市", "320800", "淮安市"), ("洪泽区", "320813", "淮安市洪泽区"), ("宿迁市", "321300", "宿迁市"),
     ("沭阳县", "321322", "宿迁市沭阳县"), ("烟台市", "370600", "烟台市"), ("蓬莱区", "370614", "烟台市蓬莱区"),
     ("莱阳市", "370682", "烟台市莱阳市"), ("淄博市", "370300", "淄博市"), ("上海市", "310000", "上海市"),
     ("浦东新区", "310115", "上海市浦东新区"), ("江苏省", "320000", "江苏省")],
)  # fmt: skip
def test_divisions_corpus_regions_have_their_codes(name: str, code: str, prefix: str) -> None:
    data = shipped()
    assert [d.code for d in data.named(name)] == [code]
    assert data.prefix(code) == prefix


def test_divisions_same_name_in_several_regions() -> None:
    assert {d.code for d in shipped().named("朝阳区")} == {"110105", "220104"}
    assert len(shipped().named("市中区")) >= 4


def test_divisions_user_file_adds_townships(tmp_path: Path) -> None:
    path = tmp_path / "乡镇.csv"
    path.write_text("# 洪泽区的街道\ncode,name,parent\n320813100,高良涧街道,320813\n", encoding="utf-8")
    data = with_file(path)
    (town,) = data.named("高良涧街道")
    assert town == Division("320813100", "高良涧街道", "320813") and not town.complete
    assert data.within("320813100", "320800") and data.prefix("320813100") == "淮安市洪泽区高良涧街道"
    assert shipped().named("高良涧街道") == ()  # the shipped data is not changed


@pytest.mark.parametrize(
    ("text", "said"),
    [("32081,洪泽区,320800", "应为6、9或12位数字"), ("320813,洪泽区,3208", "应为6、9或12位数字"),
     ("320813,,320800", "缺少名称"), ("320813", "三列"), ("320813,洪泽区,320800,多", "三列")],
)  # fmt: skip
def test_divisions_bad_rows_are_refused_with_their_number(text: str, said: str) -> None:
    with pytest.raises(UsageError) as caught:
        parse_rows("code,name,parent\n" + text, "用户.csv")
    assert "用户.csv 第2条记录" in str(caught.value) and said in str(caught.value)


def test_divisions_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="无法读取行政区划文件"):
        with_file(tmp_path / "没有.csv")
