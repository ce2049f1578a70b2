"""Every table-3 outcome row is named in both styles staff use, with any brackets, spaces and separators."""

from __future__ import annotations

import pytest

from gongkai.cases.outcomes import OUTCOME_NAMES, group_outcomes, outcome_key, outcome_name, outcome_spellings
from gongkai.model.template import OUTCOME_ROWS_2021

# Written by hand from the 2021 format (official-rules.md §1.4.2): the canonical staff name (label without
# numbering, group prefix for （三）–（六）) and the template's own wording with its numbering.
NAMES: dict[str, tuple[str, str]] = {
    "granted": ("予以公开", "（一）予以公开"),
    "partially_granted": ("部分公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    "denied_state_secret": ("不予公开-属于国家秘密", "（三）1.属于国家秘密"),
    "denied_prohibited_by_law": ("不予公开-其他法律行政法规禁止公开", "（三）2.其他法律行政法规禁止公开"),
    "denied_three_safeties_one_stability": ("不予公开-危及“三安全一稳定”", "（三）3.危及“三安全一稳定”"),
    "denied_third_party_rights": ("不予公开-保护第三方合法权益", "（三）4.保护第三方合法权益"),
    "denied_internal_affairs": ("不予公开-属于三类内部事务信息", "（三）5.属于三类内部事务信息"),
    "denied_process_information": ("不予公开-属于四类过程性信息", "（三）6.属于四类过程性信息"),
    "denied_enforcement_files": ("不予公开-属于行政执法案卷", "（三）7.属于行政执法案卷"),
    "denied_query_matters": ("不予公开-属于行政查询事项", "（三）8.属于行政查询事项"),
    "unavailable_not_held": ("无法提供-本机关不掌握相关政府信息", "（四）1.本机关不掌握相关政府信息"),
    "unavailable_needs_creation": ("无法提供-没有现成信息需要另行制作", "（四）2.没有现成信息需要另行制作"),
    "unavailable_unclear_after_correction": ("无法提供-补正后申请内容仍不明确", "（四）3.补正后申请内容仍不明确"),
    "not_processed_complaint": ("不予处理-信访举报投诉类申请", "（五）1.信访举报投诉类申请"),
    "not_processed_duplicate": ("不予处理-重复申请", "（五）2.重复申请"),
    "not_processed_publication": ("不予处理-要求提供公开出版物", "（五）3.要求提供公开出版物"),
    "not_processed_massive_repeated": ("不予处理-无正当理由大量反复申请", "（五）4.无正当理由大量反复申请"),
    "not_processed_confirmation": (
        "不予处理-要求行政机关确认或重新出具已获取信息",
        "（五）5.要求行政机关确认或重新出具已获取信息",
    ),
    "other_no_correction": (
        "其他处理-申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "（六）1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    ),
    "other_no_fee": (
        "其他处理-申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "（六）2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    ),
    "other_other": ("其他处理-其他", "（六）3.其他"),
}


def test_outcomes_cover_exactly_the_outcome_rows_in_order() -> None:
    assert tuple(NAMES) == OUTCOME_ROWS_2021
    assert tuple(OUTCOME_NAMES) == OUTCOME_ROWS_2021


@pytest.mark.parametrize("key", OUTCOME_ROWS_2021)
def test_outcomes_both_naming_styles_name_the_row(key: str) -> None:
    canonical, numbered = NAMES[key]
    assert outcome_name(key) == canonical
    assert outcome_key(canonical) == key
    assert outcome_key(numbered) == key
    assert outcome_spellings(key)[0] == canonical
    assert all(outcome_key(s) == key for s in outcome_spellings(key))


def _half_width(text: str) -> str:
    return text.translate(str.maketrans("（）“”，、", '()"",,'))


@pytest.mark.parametrize("key", OUTCOME_ROWS_2021)
def test_outcomes_brackets_spaces_and_separators_do_not_matter(key: str) -> None:
    canonical, numbered = NAMES[key]
    spelled = [
        _half_width(numbered),
        " ".join(numbered),
        numbered.replace(".", "．").replace("、", "，"),
        f"  {canonical}\n",
        _half_width(canonical),
        canonical.replace("-", "－"),
        canonical.replace("-", "—"),
        canonical.replace("-", " — "),
        canonical.replace("-", ""),
        key,
    ]
    assert [outcome_key(s) for s in spelled] == [key] * len(spelled)


@pytest.mark.parametrize(
    "text",
    ["", "  ", "公开", "同意公开", "不予公开", "（三）不予公开", "无法提供", "其他处理", "其他", "3.其他",
     "（七）总计", "结转下年度继续办理", "（三）9.属于国家秘密", "予以公开，部分公开", "GRANTED", "撤回"],
)  # fmt: skip
def test_outcomes_junk_names_no_row(text: str) -> None:
    assert outcome_key(text) is None


def test_outcomes_a_group_name_says_which_rows_it_holds() -> None:
    assert group_outcomes("不予公开") == tuple(k for k in OUTCOME_ROWS_2021 if k.startswith("denied_"))
    assert group_outcomes("（六）其他处理") == ("other_no_correction", "other_no_fee", "other_other")
    assert group_outcomes("予以公开") == ()
    assert group_outcomes("") == ()


def test_outcomes_outcome_name_of_a_non_outcome_row_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        outcome_name("total_processed")
