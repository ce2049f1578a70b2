"""The narrative prose normalised for copy detection: what is masked, what is left out."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.batch.similar_text import AGENCY_MASK, NUMBER_MASK, agency_forms, mask_text, narrative_text, same_agency
from tests.factories import make_report


def test_similar_text_sections_only_masked_in_order() -> None:
    report = make_report(agency="淮安市洪泽区人民政府", signature_agency="淮安市洪泽区人民政府办公室")
    report.preamble = "本报告由淮安市洪泽区人民政府办公室根据《条例》要求编制。"
    report.sections[
        0
    ].text = "2024年，洪泽区人民政府\n  坚持公开为常态。\n全区受理申请1 136件，\n洪泽区政府办答复21件。"
    report.sections[4].text = "二〇二四年，淮安市洪泽区政府公开12.5万元收费信息。"
    report.sections.reverse()
    text = narrative_text(report)
    assert text.startswith("#年，@坚持公开为常态。全区受理申请#件，@办答复#件。")  # 1 136: the space goes first
    assert "#年，@公开#万元收费信息。" in text
    assert "本报告" not in text and "一、" not in text  # no preamble, no heading
    assert text.endswith("本年度未收取信息处理费。")


def test_similar_text_table_cells_are_not_prose() -> None:
    report = make_report()
    assert "120" not in report.sections[1].text and narrative_text(report).count(NUMBER_MASK) == 9


@pytest.mark.parametrize(
    ("name", "forms"),
    [("淮安市洪泽区人民政府", ["淮安市洪泽区人民政府", "淮安市洪泽区政府", "洪泽区人民政府", "淮安市洪泽区", "洪泽区政府", "洪泽区", "洪泽"]),
     ("上海市浦东新区人民政府", ["上海市浦东新区人民政府", "上海市浦东新区政府", "浦东新区人民政府", "上海市浦东新区", "浦东新区政府",
                              "浦东新区", "浦东"]),
     ("沭阳县发展和改革局", ["沭阳县发展和改革局", "沭阳县", "沭阳"]),
     ("上海市市场监督管理局", ["上海市市场监督管理局", "上海市", "上海"]),
     ("测试市", ["测试市"]),
     ("某镇人民政府", ["某镇人民政府", "某镇政府", "某镇"])],
)  # fmt: skip
def test_similar_text_agency_forms_longest_first(name: str, forms: list[str]) -> None:
    assert agency_forms([name]) == forms


def test_similar_text_agency_forms_of_several_names_and_none() -> None:
    assert agency_forms([None, "", "  "]) == []
    assert agency_forms(["沭阳县发展和改革局", "沭阳县发改局"])[:2] == ["沭阳县发展和改革局", "沭阳县发改局"]


def test_similar_text_parent_city_is_not_the_agency() -> None:
    assert mask_text("淮安市委、洪泽区委", ["淮安市洪泽区人民政府"]) == "淮安市委、@委"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [("洪泽区人民政府", "淮安市洪泽区人民政府", True), ("淮安市洪泽区人民政府", "洪泽区人民政府", True),
     ("上海市人民政府办公厅", "上海市人民政府 办公厅", True), ("上海市科委", "上海市科委", True),
     ("淮安市人民政府", "淮安市洪泽区人民政府", False), ("洪泽区人民政府", "人民政府", False),
     ("淮安市洪泽区人民政府", "淮安市清江浦区人民政府", False), (None, "淮安市人民政府", None), ("", "x", None)],
)  # fmt: skip
def test_similar_text_same_agency(a: str | None, b: str | None, same: bool | None) -> None:
    assert same_agency(a, b) is same


WORDS = [
    "政府",
    "信息",
    "公开",
    " ",
    "\n",
    "\u3000",
    "12",
    "１２",
    "3.5元",
    "洪泽区",
    "洪泽",
    "洪泽区人民政府",
    "二〇二四年",
]


@given(st.lists(st.sampled_from(WORDS), max_size=30).map("".join))
def test_similar_text_mask_leaves_no_digit_space_or_name(text: str) -> None:
    out = mask_text(text, ["洪泽区人民政府"])
    assert set(out) <= set("政府信息公开年元" + NUMBER_MASK + AGENCY_MASK)
    assert mask_text(out, ["洪泽区人民政府"]) == out
