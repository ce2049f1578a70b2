"""Random consistent reports for the writer's round-trip property tests."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from gongkai.model import SECTIONS, TABLE2, TABLE3, TABLE4, AnnualReport, Cell, Metadata, Section, TableData
from tests.extract.test_extract_roundtrip import consistent_tables

AGENCIES = ("某市某局", "某县人民政府办公室", "某市生态环境局", "某区大数据服务中心", "某省科学技术厅")
SENTENCES = (
    "本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政府信息公开工作。",
    "全年主动公开政府信息1,256条，其中政策文件48件。",
    "（一）主动公开",
    "（二）依申请公开",
    "坚持“公开为常态、不公开为例外”原则，及时回应社会关切。",
    "一是加强组织领导；二是完善工作机制；三是强化监督保障。",
    "本年度未收取信息处理费。",
    "存在的主要问题：信息公开的及时性有待提高。",
    "2025年，将进一步规范依申请公开办理流程。",
    "Email: gk@example.gov.cn，电话0535-1234567。",
)


def _cell(value: int | float | str | None) -> Cell:
    if value is None:
        return Cell(raw="", state="blank")
    if isinstance(value, str):
        return Cell(raw=value, state="marker")
    return Cell(raw=str(value), value=value, state="number")


def report_from_tables(
    t2: dict[str, list[int]], t3: dict[str, list[int]], t4: dict[str, list[int]], **meta: object
) -> AnnualReport:
    """A 2021-format report with these table values, standard metadata and one paragraph per section."""
    year = int(meta.pop("year", 2024))  # type: ignore[call-overload]
    agency = str(meta.pop("agency", "某市某局"))
    metadata = Metadata(
        title=f"{agency}{year}年政府信息公开工作年度报告",
        agency=agency,
        year=year,
        period_start=dt.date(year, 1, 1),
        period_end=dt.date(year, 12, 31),
        signature_agency=agency,
        signature_date=dt.date(year + 1, 1, 20),
    )
    for k, v in meta.items():
        setattr(metadata, k, v)
    report = AnnualReport(format="2021", metadata=metadata)
    report.preamble = f"本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"
    for spec, values in ((TABLE2, t2), (TABLE3, t3), (TABLE4, t4)):
        table = TableData(id=spec.id, found=True)
        for row in spec.rows:
            if row.key in values:
                fields = spec.fields_of(row)
                table.rows[row.key] = {f.key: _cell(v) for f, v in zip(fields, values[row.key], strict=True)}
        setattr(report, spec.id, table)
    report.sections = [
        Section(number=s.number, key=s.key, title=s.title, text="" if s.number in (2, 3, 4) else SENTENCES[0])
        for s in SECTIONS
    ]
    return report


@st.composite
def reports(draw: st.DrawFn, blanks: bool = True) -> AnnualReport:
    """A random consistent report: random tables, texts, agency and year; some cells blank or ``/``."""
    t2, t3, t4 = draw(consistent_tables())
    if blanks and draw(st.booleans()):
        # a few untouched cells of table 2 left blank or marked, as published reports do
        for key in draw(st.lists(st.sampled_from(sorted(t2)), max_size=2, unique=True)):
            t2[key] = [None if draw(st.booleans()) else "/" for _ in t2[key]]  # type: ignore[misc]
    if draw(st.booleans()):
        t2["administrative_fees"] = [draw(st.sampled_from([0, 0.35, 1.2, 12.5, 3]))]
    report = report_from_tables(t2, t3, t4, year=draw(st.integers(2021, 2025)), agency=draw(st.sampled_from(AGENCIES)))
    for section in report.sections:
        if section.number in (1, 5, 6) or draw(st.booleans()):
            lines = draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4))
            section.text = "\n".join(lines)
    return report
