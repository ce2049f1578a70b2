"""The default scaffold staff start from: a report for a year with every table row blank and
section texts that draw their numbers from the tables through placeholders.

【待填写：…】 marks the places only staff can write; the audit (S121) refuses a final
report while any is left, so a scaffold can never be published unedited.
"""

from __future__ import annotations

import datetime as dt

from gongkai.extract.metadata import agency_kind
from gongkai.model import SECTIONS, TABLES, AnnualReport, Cell, Metadata, Section, TableData
from gongkai.model.template import TOTALS
from gongkai.render.document import report_title

PREAMBLE = (
    "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作"
    "年度报告格式》（国办公开办函〔2021〕30号）要求编制。本报告所列数据的统计期限自{metadata.period_start}"
    "起至{metadata.period_end}止。如对本报告有疑问，请与【待填写：联系机构、地址、电话】联系。"
)

TEXTS: dict[str, str] = {
    "overview": "\n".join(
        (
            "{metadata.year}年，{metadata.agency}认真贯彻落实《条例》，【待填写：总体工作概述】。",
            "（一）主动公开",
            "【待填写：主动公开政府信息的数量、渠道和重点领域信息公开情况】。",
            "（二）依申请公开",
            "本年度共收到政府信息公开申请{table3.new_received.total}件，上年结转{table3.carried_over.total}件；"
            "办结{table3.total_processed.total}件，其中予以公开{table3.granted.total}件，"
            "部分公开{table3.partially_granted.total}件；结转下年度继续办理{table3.carried_forward.total}件。"
            "本年度发生政府信息公开行政复议{table4.administrative_review.total}件，行政诉讼中未经复议直接起诉"
            "{table4.litigation_direct.total}件、复议后起诉{table4.litigation_after_review.total}件。",
            "（三）政府信息管理",
            "【待填写：政府信息管理情况】。",
            "（四）政府信息公开平台建设",
            "【待填写：政府网站、政务新媒体等平台建设情况】。",
            "（五）监督保障",
            "【待填写：组织领导、培训、考核、社会评议和责任追究情况】。",
        )
    ),
    "problems": "\n".join(
        (
            "（一）存在的主要问题",
            "【待填写：本年度政府信息公开工作存在的主要问题】。",
            "（二）改进情况",
            "【待填写：上年度问题的整改情况和下一步改进措施】。",
        )
    ),
    "other_matters": "\n".join(
        (
            "（一）收取信息处理费情况",
            "依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），"
            "本机关本年度【待填写：未收取信息处理费 / 收取信息处理费X件、共X元】。",
            "（二）其他需要报告的事项",
            "【待填写：人大代表建议和政协提案办理结果公开、年度政务公开工作要点落实等情况；没有的写“无”】。",
        )
    ),
}
"""Default text per section key; sections 二–四 are the tables."""


def input_cells(table_id: str) -> list[tuple[str, str]]:
    """The ``(row, field)`` cells staff fill in: every template cell but the totals, which are computed."""
    spec = TABLES[table_id]
    return [
        (row.key, f.key)
        for row in spec.rows
        if not row.optional
        for f in spec.fields_of(row)
        if (row.key, f.key) not in TOTALS[table_id]
    ]


def _blank_table(table_id: str) -> TableData:
    table = TableData(id=table_id, found=True)
    for row, field in input_cells(table_id):
        table.rows.setdefault(row, {})[field] = Cell(raw="", state="blank")
    return table


def scaffold(year: int, agency: str | None = None) -> AnnualReport:
    """A blank 2021-format report for ``year``: input cells blank, totals left to be computed, default texts."""
    meta = Metadata(
        agency=agency,
        year=year,
        period_start=dt.date(year, 1, 1),
        period_end=dt.date(year, 12, 31),
        signature_agency=agency,
        agency_kind=agency_kind(agency),
    )
    report = AnnualReport(format="2021", metadata=meta, preamble=PREAMBLE)
    meta.title = report_title(report)
    report.sections = [Section(number=s.number, key=s.key, title=s.title, text=TEXTS.get(s.key, "")) for s in SECTIONS]
    report.table2 = _blank_table("table2")
    report.table3 = _blank_table("table3")
    report.table4 = _blank_table("table4")
    return report


__all__ = ["PREAMBLE", "TEXTS", "input_cells", "scaffold"]
