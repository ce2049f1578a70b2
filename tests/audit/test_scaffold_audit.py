"""A report written from gongkai's own scaffold, completed consistently, audits clean.

The scaffold's texts draw their numbers from the tables through placeholders; staff replace
the 【待填写：…】 marks with their own text (here: plausible sentences, some stating table 2's
counts) and fill the tables (here: random consistent tables). Prepared as the writer prepares
it, such a report must give no finding at all — a finding would be a false alarm on
gongkai's own wording.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.audit import audit
from gongkai.model import TABLES, AnnualReport, TableData
from gongkai.model.placeholders import TO_FILL
from gongkai.model.template import TOTALS
from gongkai.write.prepare import prepare  # the writer's preparation (one import to move if it moves)
from gongkai.write.scaffold import scaffold
from tests.extract.test_extract_roundtrip import consistent_tables
from tests.write_strategies import AGENCIES, report_from_tables

Tables = tuple[dict[str, list[int]], dict[str, list[int]], dict[str, list[int]]]


@st.composite
def _texts(draw: st.DrawFn, t2: dict[str, list[int]]) -> dict[str, str]:
    """Text for each 【待填写：…】 mark, keyed by a word of the mark; some state table 2's counts."""
    web, media = draw(st.integers(0, 500)), draw(st.integers(0, 500))
    (reg_issued, reg_abolished, reg_in_force), (doc_issued, doc_abolished, doc_in_force) = (
        t2["regulations"],
        t2["normative_documents"],
    )
    proactive = [
        f"全年主动公开政府信息{web + media}条，其中通过门户网站发布{web}条，通过政务新媒体发布{media}条",
        "围绕重点领域及时公开政府信息，做好政策解读和回应关切",
        "本年制发行政规范性文件{table2.normative_documents.issued}件，"
        "现行有效规章{table2.regulations.in_force}件、行政规范性文件{table2.normative_documents.in_force}件",
        f"本年度制发规章{reg_issued}件、行政规范性文件{doc_issued}件，废止规章{reg_abolished}件、"
        f"行政规范性文件{doc_abolished}件，截至年底现行有效规章{reg_in_force}件、行政规范性文件{doc_in_force}件",
        f"行政规范性文件制发{doc_issued}件、废止{doc_abolished}件、现行有效{doc_in_force}件",
    ]
    cases, amount = draw(st.integers(1, 9)), draw(st.integers(10, 900))
    return {
        "联系机构": draw(
            st.sampled_from(["本机关办公室（地址：某市某路1号，电话：0535-1234567）", "本机关政务公开科"])
        ),
        "总体工作概述": draw(st.sampled_from(["扎实推进政务公开工作", "以公开促落实、以公开促规范、以公开促服务"])),
        "主动公开": draw(st.sampled_from(proactive)),
        "政府信息管理": "健全政府信息公开审查机制，动态更新政府信息公开目录",
        "平台建设": "加强政府网站和政务新媒体内容保障，及时发布权威信息",
        "组织领导": draw(st.sampled_from(["加强组织领导，组织业务培训2次", "将政务公开纳入年度绩效考核"])),
        "存在的主要问题": "政策解读形式较为单一，公开内容的及时性有待提高",
        "整改": "针对上年度问题已逐项整改；下一步将继续规范依申请公开办理流程",
        "信息处理费": draw(st.sampled_from(["未收取信息处理费", f"收取信息处理费{cases}件、共{amount}元"])),
        "人大代表": draw(st.sampled_from(["无", "办理人大代表建议3件、政协提案2件，办理结果均已公开"])),
    }


def _fill_marks(report: AnnualReport, texts: dict[str, str]) -> None:
    def text_for(mark: str) -> str:
        keys = [k for k in texts if k in mark]
        assert len(keys) == 1, f"no single text for the scaffold mark {mark}"
        return texts[keys[0]]

    report.preamble = TO_FILL.sub(lambda m: text_for(m.group()), report.preamble)
    for section in report.sections:
        section.text = TO_FILL.sub(lambda m: text_for(m.group()), section.text)


def _copy_tables(source: AnnualReport, target: AnnualReport, with_totals: bool) -> None:
    """The source's cells into the scaffold's input cells; its totals too when ``with_totals``."""
    for table_id in TABLES:
        src: TableData = source.table(table_id)
        dst: TableData = target.table(table_id)
        for row, cells in dst.rows.items():
            for field in cells:
                cells[field] = src.rows[row][field]
        if with_totals:
            for row, field in TOTALS[table_id]:
                dst.rows.setdefault(row, {})[field] = src.rows[row][field]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.data(),
    tables=consistent_tables(),
    year=st.integers(2021, 2025),
    agency=st.sampled_from(AGENCIES),
    with_totals=st.booleans(),
    day=st.integers(5, 25),
)
def test_scaffold_report_filled_consistently_has_no_findings(
    data: st.DataObject, tables: Tables, year: int, agency: str, with_totals: bool, day: int
) -> None:
    random = report_from_tables(*tables)
    report = scaffold(year, agency)
    _copy_tables(random, report, with_totals)
    _fill_marks(report, data.draw(_texts(tables[0])))
    report.metadata.signature_date = dt.date(year + 1, 1, day)
    report.metadata.publication_date = dt.date(year + 1, 1, day + 2)
    prepare(report)
    assert [(f.code, f.message) for f in audit(report)] == []
