"""Agency names: normalised, split into divisions and body, named in full only when the divisions are unique."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.extract.agency_names import normalise, parse_agency, same_body
from gongkai.extract.divisions import Division, shipped


@pytest.mark.parametrize(
    ("printed", "normalised"),
    [("洪泽区人民政府", "洪泽区人民政府"), (" 淮安市 洪泽区\u3000人民政府 ", "淮安市洪泽区人民政府"),
     ("（淮安市洪泽区人民政府）", "淮安市洪泽区人民政府"), ("【洪泽区人民政府】", "洪泽区人民政府"),
     ("《洪泽区人民政府", "洪泽区人民政府"), ("洪泽区人民政府２０２３年度", "洪泽区人民政府"),
     ("洪泽区人民政府2023年政府信息公开工作年度报告", "洪泽区人民政府"), ("洪泽区人民政府本级", "洪泽区人民政府"),
     ("洪泽区人民政府（机关本级）", "洪泽区人民政府"), ("关于洪泽区人民政府的", "洪泽区人民政府"),
     ("洪泽区政府", "洪泽区人民政府"), ("洪泽区政府办公室", "洪泽区人民政府办公室"),
     ("淮安市政府采购中心", "淮安市政府采购中心"), ("中国（上海）自由贸易试验区管理委员会", "中国上海自由贸易试验区管理委员会"),
     ("ＡＢＣ局", "ABC局"), ("", ""), ("  （） ", "")],
)  # fmt: skip
def test_agency_names_normalise(printed: str, normalised: str) -> None:
    assert normalise(printed) == normalised


_NAME = st.text(
    st.sampled_from("淮安市洪泽区人民政府办公室局委员会镇街道年度本级的0123456789ABab（）()【】《》、，. "), max_size=30
)
_FULL_WIDTH = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)} | {" ": "\u3000"}


@given(st.one_of(_NAME, st.text(max_size=30)))
def test_agency_names_normalise_is_idempotent(name: str) -> None:
    assert normalise(normalise(name)) == normalise(name)


@given(_NAME, st.lists(st.integers(min_value=0, max_value=30), max_size=5))
def test_agency_names_normalise_ignores_spaces_and_width(name: str, cuts: list[int]) -> None:
    spaced = name
    for at in sorted(cuts, reverse=True):
        spaced = spaced[:at] + " \u3000\t" + spaced[at:]
    wide = "".join(_FULL_WIDTH.get(c, c) for c in spaced)
    assert normalise(wide) == normalise(spaced) == normalise(name)


@pytest.mark.parametrize(
    ("printed", "full", "region", "code"),
    [("洪泽区人民政府", "淮安市洪泽区人民政府", "淮安市", "320813"),
     ("淮安市洪泽区人民政府", "淮安市洪泽区人民政府", "淮安市", "320813"),
     ("江苏省淮安市洪泽区人民政府", "淮安市洪泽区人民政府", "淮安市", "320813"),
     ("淮安市 洪泽区 政府", "淮安市洪泽区人民政府", "淮安市", "320813"),
     ("淮安市人民政府", "淮安市人民政府", None, "320800"), ("淮安市", "淮安市人民政府", None, "320800"),
     ("沭阳县发展和改革局", "宿迁市沭阳县发展和改革局", "宿迁市", "321322"),
     ("蓬莱区大数据服务中心", "烟台市蓬莱区大数据服务中心", "烟台市", "370614"),
     ("莱阳市人民政府办公室", "烟台市莱阳市人民政府办公室", "烟台市", "370682"),
     ("淄博市大数据局", "淄博市大数据局", None, "370300"),
     ("上海市人民政府办公厅", "上海市人民政府办公厅", None, "310000"),
     ("浦东新区人民政府", "上海市浦东新区人民政府", "上海市", "310115"),
     ("仙桃市人民政府", "仙桃市人民政府", None, "429004"),
     ("洪泽区蒋坝镇人民政府", "淮安市洪泽区蒋坝镇人民政府", "淮安市", None)],
)  # fmt: skip
def test_agency_names_parse_names_the_body_in_full_from_unique_divisions(
    printed: str, full: str, region: str | None, code: str | None
) -> None:
    name = parse_agency(printed)
    assert (name.full_name, name.region, name.division_code, name.resolved) == (full, region, code, True)


@pytest.mark.parametrize(
    ("printed", "full"),
    [("朝阳区人民政府", "朝阳区人民政府"), ("市中区人民政府", "市中区人民政府"), ("朝阳区", "朝阳区人民政府"),
     ("城关镇人民政府", "城关镇人民政府"), ("城关镇", "城关镇人民政府"), ("某某街道", "某某街道办事处"),
     ("宿迁市洪泽区人民政府", "宿迁市洪泽区人民政府"), ("测试市", "测试市人民政府"),
     ("国家税务总局淮安市税务局", "国家税务总局淮安市税务局"), ("沐阳县人民政府", "沐阳县人民政府")],
)  # fmt: skip
def test_agency_names_parse_never_completes_an_ambiguous_or_unknown_division(printed: str, full: str) -> None:
    name = parse_agency(printed)
    assert (name.full_name, name.division_code, name.resolved) == (full, None, False)


def test_agency_names_parse_region_hint_chooses_among_divisions_of_one_name() -> None:
    assert parse_agency("朝阳区人民政府", region_hint="北京市").full_name == "北京市朝阳区人民政府"
    assert parse_agency("朝阳区人民政府", region_hint="吉林省长春市").division_code == "220104"
    assert parse_agency("朝阳区人民政府", region_hint="220000").full_name == "长春市朝阳区人民政府"
    for hint in ("江苏省", "不存在市", "999999"):  # fits none of them: ignored
        assert not parse_agency("朝阳区人民政府", region_hint=hint).resolved
    # a hint never adds a region to a name that prints none, nor overrides the printed one
    assert parse_agency("城关镇人民政府", region_hint="320813").full_name == "城关镇人民政府"
    assert parse_agency("淮安市人民政府", region_hint="北京市").division_code == "320800"


def test_agency_names_parse_a_township_is_unique_only_under_its_county() -> None:
    divisions = shipped().merged([Division("320813100", "高良涧街道", "320813")])
    alone = parse_agency("高良涧街道办事处", divisions)
    assert not alone.resolved and alone.full_name == "高良涧街道办事处"  # no file lists every township
    under = parse_agency("洪泽区高良涧街道", divisions)
    assert (under.full_name, under.division_code, under.region) == (
        "淮安市洪泽区高良涧街道办事处",
        "320813100",
        "淮安市洪泽区",
    )
    assert parse_agency("高良涧街道办事处", divisions, region_hint="洪泽区").full_name == "淮安市洪泽区高良涧街道办事处"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [("洪泽区人民政府", "淮安市洪泽区人民政府", True), ("淮安市人民政府", "淮安市洪泽区人民政府", False),
     ("淮安市洪泽区人民政府", "淮安市洪泽区人民政府办公室", False), ("淮安市 洪泽区政府", "洪泽区人民政府", True),
     ("朝阳区人民政府", "北京市朝阳区人民政府", None), ("城关镇人民政府", "城关镇人民政府", True),
     ("朝阳区人民政府", "淮安市人民政府", False), ("测试市", "测试市人民政府", True),
     (None, "淮安市人民政府", None), ("", "淮安市人民政府", None), ("（）", "淮安市人民政府", None)],
)  # fmt: skip
def test_agency_names_same_body(a: str | None, b: str | None, same: bool | None) -> None:
    assert same_body(a, b) is same and same_body(b, a) is same
