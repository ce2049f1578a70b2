"""Demo data for the year's report: the demo agency's texts for last year's draft, and a report for the
year before, approved and published (so the public pages show something from the start).

Independent of the other seeders: the draft is computed from whatever records the demo holds when
it is opened, and the published report is frozen at seeding time.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from gongkai.casework import report_state as rs
from gongkai.casework.report import agency_report_in
from gongkai.model import AnnualReport
from gongkai.store.repo.agencies import agency_row
from gongkai.web.settings import WebSettings

DEMO_TEXTS: dict[int, str] = {
    0: "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》"
    "（国办公开办函〔2021〕30号）要求编制。本报告所列数据的统计期限自{metadata.period_start}起至{metadata.period_end}止。"
    "如对本报告有疑问，请与区人民政府办公室政务公开科联系（电话：0517-80000000）。",
    1: "{metadata.year}年，{metadata.agency}认真贯彻落实《条例》，持续推进政务公开标准化规范化。\n（一）主动公开\n"
    "通过区政府门户网站和政务新媒体主动公开政策文件、财政预决算等信息。\n（二）依申请公开\n"
    "本年度共收到政府信息公开申请{table3.new_received.total}件，上年结转{table3.carried_over.total}件；"
    "办结{table3.total_processed.total}件，结转下年度继续办理{table3.carried_forward.total}件。\n"
    "（三）政府信息管理\n落实公开前保密审查。\n（四）平台建设\n优化门户网站政府信息公开专栏。\n"
    "（五）监督保障\n将政务公开纳入年度绩效考核。",
    5: "（一）存在的主要问题\n部分政策解读形式较为单一。\n（二）改进情况\n下一步将丰富图解、视频等解读形式。",
    6: "（一）收取信息处理费情况\n依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本年度未收取信息处理费。\n"
    "（二）其他需要报告的事项\n无。",
}


def demo_texts(report: AnnualReport, year: int) -> AnnualReport:
    """``report`` with the demo's texts in place of the scaffold's 【待填写】 marks."""
    out = report.model_copy(deep=True)
    out.preamble = DEMO_TEXTS[0]
    for section in out.sections:
        section.text = DEMO_TEXTS.get(section.number, section.text)
    out.metadata.signature_date = dt.date(year + 1, 1, 20)
    return out


def seed_report(session: Session, settings: WebSettings) -> None:
    from gongkai.web.demo import DEMO_AGENCY

    agency = agency_row(session, DEMO_AGENCY)
    last = dt.date.today().year - 1
    for year in (last - 1, last):
        rs.save_texts(session, agency, year, demo_texts(agency_report_in(session, agency.name, year), year))
    rs.approve(session, agency, last - 1, "approver")
    rs.publish(session, agency.id, last - 1, "approver")


__all__ = ["DEMO_TEXTS", "demo_texts", "seed_report"]
