"""Claim extraction from narrative text, on sentences taken from real reports."""

from __future__ import annotations

import pytest

from gongkai.audit.narrative import CATEGORY_ROWS, find_claims, normalise, paragraphs
from gongkai.model import Provenance, TextLine
from gongkai.model.template import TABLE3


def kinds(text: str) -> list[tuple[str, int]]:
    return [(c.kind, c.value) for c in find_claims(normalise(text))]


def line(text: str, no: int | None, section: int | None = 1) -> TextLine:
    return TextLine(text=text, provenance=Provenance(file="t.txt", line=no), section=section)


def test_normalise_keeps_length_and_maps_punctuation_and_digits() -> None:
    assert normalise("其中,予以公开(１１)件;") == "其中，予以公开（11）件；"


def test_paragraphs_join_wrapped_lines_and_map_positions_back() -> None:
    lines = [
        line("全年收到政府信息公开申请 34 件，上年结转政府信息公开", 42),
        line("申请 2 件，所有申请均已按要求办理完成。", 43),
        line("— 3 —", 44),
        line("下一段。", 45),
    ]
    paras = paragraphs(lines)
    assert [p.text for p in paras] == [
        "全年收到政府信息公开申请 34 件，上年结转政府信息公开申请 2 件，所有申请均已按要求办理完成。",
        "下一段。",
    ]
    claim = next(c for c in find_claims(paras[0].text) if c.kind == "carried_over")
    assert claim.value == 2
    assert paras[0].line_at(claim.start).provenance.line == 42
    assert paras[0].line_at(paras[0].text.index("所有")).provenance.line == 43


def test_paragraphs_keep_sections_and_distant_lines_apart() -> None:
    lines = [
        line("办结 12", 1),
        line("3 件", 2),
        line("没有句号", 3),
        line("另一部分", 4, section=3),
        line("远处", 9, 3),
    ]
    assert [p.text for p in paragraphs(lines)] == ["办结 12 3 件没有句号", "另一部分", "远处"]
    assert [p.text for p in paragraphs(lines, {3})] == ["另一部分", "远处"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # 002 莱阳: 受理 with the word 申请 inside the gap, outcomes and reasons
            "市政府办公室共受理向市政府和政府办公室提起的依申请公开信函31件,较2022年增长63%。"
            "其中,予以公开11件、部分公开6件、信息不存在7件、属于内部事务信息2件、重复申请2件、不属于政府信息1件、本机关不掌握1件、补正1件。",
            [("received", 31), ("granted", 11), ("partially_granted", 6), ("category:unavailable_not_held", 7),
             ("category:denied_internal_affairs", 2), ("category:not_processed_duplicate", 2),
             ("category:unavailable_not_held", 1)],
        ),
        (  # 上海市政府办公厅 2025
            "市政府共受理政府信息公开申请 1295 件，办结 1191 件（含上年结转 189 件），均在法定期限内答复。其中，予以公开及部"
            "分公开 208 件（17.46%），不予公开 20 件（1.68%），因本机关不掌握等原因无法提供 564 件（47.36%），属信访、重复申请等"
            "不予处理 80 件（6.72%），其他处理 319 件（26.78%，含申请人主动撤回 157 件）。全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。",
            [("received", 1295), ("processed", 1191), ("carried_over", 189), ("granted_or_partial", 208), ("denied", 20),
             ("unavailable", 564), ("not_processed", 80), ("other", 319)],
        ),
        (  # 上海市科委 2024
            "所有办结的信息公开申请中同意公开答复 9 件，部分公开答复 0 件，不予公开答复 2件，无法提供的 10 件，不予处理 0 件，"
            "其他处理 14 件，转下一年度办理答复的有 1 件。",
            [("granted", 9), ("partially_granted", 0), ("denied", 2), ("unavailable", 10), ("not_processed", 0),
             ("other", 14), ("carried_forward", 1)],
        ),
        (  # 上海市政府办公厅 2019: number before 顺延到下年度; 诉讼 without 行政; 均获维持
            "答复政府信息公开申请805件（含上年度结转申请18件，另有72件申请按照《条例》顺延到下年度答复）。"
            "信息公开类行政复议7件，诉讼9件，均获维持。",
            [("processed", 805), ("carried_over", 18), ("carried_forward", 72), ("review", 7), ("litigation", 9),
             ("upheld_all", 0)],
        ),
        (  # 沭阳县 2025: 其中 sub-counts and 相关案件 are not claims
            "全县全年共受理政府信息公开申请 749 件，其中自然人申请 741 件，法人或其他组织申请 8 件；共办理 718 件，结转下一年 31 件。"
            "依法做好相关行政复议、行政诉讼案件的应诉工作，全县共办理相关案件 74 件。",
            [("received", 749), ("processed", 718), ("carried_forward", 31)],
        ),
        ("2023年收到依申请公开申请0件，总数较去年持平，无收费情况。", [("received", 0)]),
        ("2023 年，我局未收到申请政府信息公开案件。", [("received", 0)]),
        ("本年度我局受理政府信息公开申请 1 份，涉及我市 2020 年中小企业数量信息。", [("received", 1)]),
        ("没有上年结转继续办理事项，也没有结转至下一年度办理事项。", [("carried_over", 0), ("carried_forward", 0)]),
        ("今年共答复3件依申请答复件。", [("processed", 3)]),
        # gongkai's own scaffold sentence: 继续办理 is the carry-forward, not the processed count
        ("办结26件，其中予以公开12件；结转下年度继续办理2件。",
         [("processed", 26), ("granted", 12), ("carried_forward", 2)]),
        ("2024 年市科委有 1 件涉及政府信息公开工作的行政复议，该行政复议件未被复议审查机关纠错。涉及的行政诉讼数为 0 件。",
         [("review", 1), ("litigation", 0)]),
        ("2023 年，我局未有行政复议、行政诉讼情况。", [("review", 0), ("litigation", 0)]),
        ("未发生行政复议和行政诉讼案件。", [("review", 0), ("litigation", 0)]),
    ],
)  # fmt: skip
def test_find_claims_on_real_sentences(text: str, expected: list[tuple[str, int]]) -> None:
    assert kinds(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2023年共收到3位群众通过信函发来的《依申请公开政府信息申请表》，比2022年相比增加2件，同比增长200%。",
        "我局共收到人大代表建议 6 件、政协委员提案 8 件。",
        "全年受理网络问政182件。",
        "统一受理平台接入53个部门2261项事项。",
        "全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。",
        "依法做好相关行政复议、行政诉讼案件的应诉工作，全县共办理相关案件 74 件。",
        "其中当场答复 5 件，延期答复 3 件。",
        "因本机关不掌握等原因无法提供的申请较多。",
        "无论是否发生行政复议或行政诉讼，均依法应诉。",
        "不予公开和部分公开 5 件。",
    ],
)
def test_find_claims_ignores_sentences_that_are_not_claims(text: str) -> None:
    assert kinds(text) == []


def test_category_rows_exist_in_table3_template() -> None:
    keys = {r.key for r in TABLE3.rows}
    assert set(CATEGORY_ROWS.values()) <= keys


def test_claim_quote_is_short_and_from_the_text() -> None:
    text = normalise("市政府办公室共受理向市政府和政府办公室提起的依申请公开信函31件,较2022年增长63%。")
    claim = find_claims(text)[0]
    assert claim.quote.startswith("受理…") and claim.quote.endswith("31件")
    assert text[claim.start : claim.end].startswith("受理")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # issue 9: the number before “、” belongs to the item before it, not to the noun after it
        ("因政府信息公开引起的行政复议案件2件、行政诉讼案件7件。", [("review", 2), ("litigation", 7)]),
        ("因政府信息公开引起的行政诉讼案件7件、行政复议案件2件。", [("litigation", 7), ("review", 2)]),
        ("行政复议2件，诉讼7件。", [("review", 2), ("litigation", 7)]),
        ("不予处理2件、转至下一年度办理。", [("not_processed", 2)]),
        ("不予处理2件、结转至下年度办理。", [("not_processed", 2)]),
        ("受理行政许可5件、政府信息公开申请若干。", []),
        ("共受理政府信息公开申请、政务咨询5件。", []),
        ("共收到信函、网络申请5件。", [("received", 5)]),
        # a number before its noun still counts when nothing separates them
        ("2024 年有 1 件涉及政府信息公开工作的行政复议。", [("review", 1)]),
        ("另有3件申请顺延到下年度答复。", [("carried_forward", 3)]),
    ],
)  # fmt: skip
def test_find_claims_attach_each_number_to_its_own_item(text: str, expected: list[tuple[str, int]]) -> None:
    assert kinds(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("未经复议直接提起行政诉讼4件、复议后提起行政诉讼1件。",
         [("litigation_direct", 4), ("litigation_after_review", 1)]),
        ("本年度发生政府信息公开行政复议3件，未经复议直接起诉4件、复议后起诉1件。",
         [("review", 3), ("litigation_direct", 4), ("litigation_after_review", 1)]),
        ("经行政复议后起诉2件。", [("litigation_after_review", 2)]),
        ("直接向人民法院提起行政诉讼的案件有2件。", [("litigation_direct", 2)]),
        # number first: the group's count is not the litigation total, and is not read
        ("有4件直接提起行政诉讼、1件复议后提起行政诉讼。", []),
    ],
)  # fmt: skip
def test_find_claims_reads_litigation_groups_of_table4(text: str, expected: list[tuple[str, int]]) -> None:
    assert kinds(text) == expected


def page_line(text: str, page: int, top: float, section: int | None = 1) -> TextLine:
    prov = Provenance(file="t.pdf", page=page, bbox=(74.3, top, 518.5, top + 16))
    return TextLine(text=text, provenance=prov, section=section)


def test_paragraphs_join_wrapped_page_lines_by_position() -> None:
    # a PDF page's prose lines have no line numbers: the next line down (or on the next page) continues
    lines = [
        page_line("和针对性。2024年，全市共受理政府信息公开申请3119件，答", 2, 258.0),
        page_line("复3050件（含上年度结转申请34件）。", 2, 286.0),
        page_line("（三）政府信息管理情况。加强区政府门户网站及政务新媒", 2, 500.0),  # far below: new paragraph
        page_line("体日常管理", 3, 90.0),  # next page
        page_line("另一页", 5, 90.0),
    ]
    assert [p.text for p in paragraphs(lines)] == [
        "和针对性。2024年，全市共受理政府信息公开申请3119件，答复3050件（含上年度结转申请34件）。",
        "（三）政府信息管理情况。加强区政府门户网站及政务新媒体日常管理",
        "另一页",
    ]
