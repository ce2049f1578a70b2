"""C106 parts-exceed-whole and its sentence reader, on sentences from real reports."""

from __future__ import annotations

import pytest

from gongkai.audit.narrative import normalise
from gongkai.audit.rules.consistency._parts import find_parts
from gongkai.audit.rules.consistency.parts_exceed import PartsExceedWhole
from tests.audit.rules.test_consistency_rules import narrate, run
from tests.factories import make_report

ZIBO = (
    "全年主动公开政府信息 138 条，其中，通过政府信息公开专栏主动公开政府信息 35 条，通过局门户网站主动公开政府信息 103 条，"
    "通过政务微博、微信公众号等新媒体公开政府信息 235 条。发布政策解读 3 件。"
)


def groups(text: str) -> list[tuple[int, str, tuple[int, ...]]]:
    return [(g.whole, g.unit, g.parts) for g in find_parts(normalise(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ZIBO, [(138, "条", (35, 103, 235))]),
        (  # 上海市科委 2024
            "“上海科技”网站全年累计发布信息 2139 条，其中动态类信息发布 1744 条，政务信息发布 393 条，解读类信息发布 21 条，回应公众关注热点信息 2 条。",
            [(2139, "条", (1744, 393, 21, 2))],
        ),
        (  # 其中： opens a list separated by ；
            "全年共审核发布各类公开政府信息249条，其中：发布行政公文和政策解读信息9条；机构设置和人事任免信息7条；重点工作39条；"
            "财政预决算信息6条。全年受理网络问政182件。",
            [(249, "条", (9, 7, 39, 6))],
        ),
        (  # ； without a colon and a new total (共) end the parts
            "全县全年共受理政府信息公开申请 749 件，其中自然人申请 741 件，法人或其他组织申请 8 件；共办理 718 件，结转下一年 31 件。",
            [(749, "件", (741, 8))],
        ),
        (  # years, brackets and dates are left out
            "发布政府信息 393 件，其中包括：行政规范性文件 13 件；规划计划文件 2 件；2024 年度部门预算；"
            "《上海市促进科技成果转移转化行动方案（2024－2027 年）》；主合办人大代表建议 50 件（含 12 月 31 日前 40 件（其中 9 件））。",
            [(393, "件", (13, 2, 50))],
        ),
    ],
)  # fmt: skip
def test_find_parts_on_real_sentences(text: str, expected: list[tuple[int, str, tuple[int, ...]]]) -> None:
    assert groups(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "微信公众号共编发文章 1640 篇，其中原创文章 294 篇，微信公众号目前关注人数达 1016823 人。",  # one part only
        "共发布各类信息 13528 条，总浏览量为 536 万，同比显著增长 82%，其中 47%来自海外。",  # whole is a percentage
        "粉丝数累积超 3170 万，其中，微信公众号粉丝达 1360 万，海外平台粉丝突破 300 万。",  # unit 万, approximate
        "全年累计发布解读类信息 21 条，打造全品类解读产品矩阵，其中图文及视频类产品共 17 篇。",  # whole not adjacent
        "共发布信息约 100 条，其中网站 80 条，微信 40 条。",  # approximate whole
    ],
)
def test_find_parts_skips_ambiguous_sentences(text: str) -> None:
    assert groups(text) == []


def test_parts_exceed_whole_reports_numbers() -> None:
    [f] = run(PartsExceedWhole, narrate(1, ZIBO))
    assert f.code == "C106" and f.location.part == "section1"
    assert f.message == "第一部分称“138条，其中35条、103条、235条”：分项之和 373 大于总数 138"


def test_parts_exceed_whole_quiet_when_parts_fit() -> None:
    assert run(PartsExceedWhole, make_report()) == []
    assert (
        run(
            PartsExceedWhole,
            narrate(1, "全年主动公开政府信息 431 条，其中政府网站发布 222 条，微信公众号发布 209 条。"),
        )
        == []
    )


ISSUE9 = (
    "办结81件，其中：予以公开42件、部分公开5件、不予公开31件、无法提供1件、不予处理2件；"
    "因政府信息公开引起的行政复议案件2件、行政诉讼案件7件。"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ISSUE9, [(81, "件", (42, 5, 31, 1, 2))]),
        (ISSUE9.replace("其中：", "其中，"), [(81, "件", (42, 5, 31, 1, 2))]),
        (  # every item separated by “；”: the review and litigation cases are not outcomes of the 81
            ISSUE9.replace("、", "；"),
            [(81, "件", (42, 5, 31, 1, 2))],
        ),
        (ISSUE9.replace("、", "，").replace("；", "，"), [(81, "件", (42, 5, 31, 1, 2))]),
        (  # a whole that counts cases keeps its case parts (淮安 2024)
            "政府信息公开行政复议351件，其中结果维持72件，结果纠正64件，其他结果178件，尚未审结37件；"
            "政府信息公开行政诉讼46件，其中结果维持25件，结果纠正5件，其他结果9件，尚未审结7件。",
            [(351, "件", (72, 64, 178, 37)), (46, "件", (25, 5, 9, 7))],
        ),
        (  # a list separated by “，” ends at “；” even after 其中：
            "共受理申请20件，其中：自然人12件，法人或其他组织8件；办结19件，结转1件。",
            [(20, "件", (12, 8))],
        ),
        (  # “、” inside items of a “；” list does not end it
            "共发布信息30条，其中：动态信息10条；政策文件、解读8条；通知公告12条。",
            [(30, "条", (10, 8, 12))],
        ),
    ],
)  # fmt: skip
def test_find_parts_end_at_the_clause_boundary(text: str, expected: list[tuple[int, str, tuple[int, ...]]]) -> None:
    assert groups(text) == expected


def test_parts_exceed_whole_quiet_on_a_list_followed_by_review_counts() -> None:
    assert run(PartsExceedWhole, narrate(1, ISSUE9)) == []
