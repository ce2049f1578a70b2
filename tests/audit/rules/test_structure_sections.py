"""S101, S102, S114, S117: sections, format and headings."""

from __future__ import annotations

from gongkai.audit import Finding, Rule, Severity
from gongkai.audit.rules.structure.foreign_heading import ForeignHeading
from gongkai.audit.rules.structure.outdated_format import OutdatedFormat
from gongkai.audit.rules.structure.section_misnumbered import SectionMisnumbered
from gongkai.audit.rules.structure.section_missing import SectionMissing
from gongkai.model import AnnualReport, Provenance, TextLine
from tests.factories import FILE, make_report


def run(rule: type[Rule], report: AnnualReport) -> list[Finding]:
    return list(rule().check(report))


def test_section_missing_names_template_title() -> None:
    report = make_report()
    report.sections = [s for s in report.sections if s.number != 5]
    found = run(SectionMissing, report)
    assert [f.message for f in found] == ["未找到第五部分「五、存在的主要问题及改进情况」"]
    assert found[0].location.part == "section5"
    assert found[0].severity is Severity.ERROR
    assert run(SectionMissing, make_report()) == []


def test_section_missing_one_finding_per_section() -> None:
    report = make_report()
    report.sections = []
    assert [f.location.part for f in run(SectionMissing, report)] == [f"section{n}" for n in range(1, 7)]


def test_section_misnumbered_quotes_printed_heading() -> None:
    report = make_report()
    sec = report.sections[1]
    sec.printed_number, sec.title = "一", "一、主动公开政府信息情况"
    found = run(SectionMisnumbered, report)
    assert [f.message for f in found] == ["第二部分标题印为「一、主动公开政府信息情况」，序号应为“二”"]
    assert found[0].location.source == sec.provenance
    assert run(SectionMisnumbered, make_report()) == []


def test_outdated_format_is_error_for_2021_and_later() -> None:
    report = make_report()
    report.format = "2019"
    found = run(OutdatedFormat, report)
    assert [f.message for f in found] == [
        "本报告为2024年度报告，但统计表使用2019年试行格式（国办公开办函〔2019〕60号）"
    ]
    assert found[0].severity is Severity.ERROR


def test_outdated_format_is_info_for_2020_or_unknown_year() -> None:
    for year, text in ((2020, "2020年度报告"), (None, "本报告（年度未识别）")):
        report = make_report(year=year)
        report.format = "2019"
        found = run(OutdatedFormat, report)
        assert [f.message for f in found] == [f"{text}的统计表使用2019年试行格式（国办公开办函〔2019〕60号）"]
        assert found[0].severity is Severity.INFO
    assert run(OutdatedFormat, make_report()) == []


def _add_line(report: AnnualReport, text: str, line: int, section: int = 1) -> None:
    report.lines.append(TextLine(text=text, provenance=Provenance(file=FILE, line=line), section=section))


def test_foreign_heading_lists_pasted_headings() -> None:
    report = make_report()
    _add_line(report, "一、指导思想", 43)
    _add_line(report, "二、 工作任务", 47)
    found = run(ForeignHeading, report)
    assert [f.message for f in found] == [
        "第一部分中有 2 个不属于年报结构的一级标题：「一、指导思想」、「二、工作任务」（第43行、第47行）"
    ]
    assert found[0].location.part == "section1"
    assert found[0].location.source is not None and found[0].location.source.line == 43
    assert len(found[0].related) == 1


def test_foreign_heading_ignores_sentences_subheadings_and_own_headings() -> None:
    report = make_report()
    _add_line(report, "一、全年共收到申请24件。", 50)
    _add_line(report, "（一）主动公开情况", 51)
    _add_line(report, "二、" + "很长的一段话" * 6, 52)
    _add_line(report, "三、收到和处理政府信息公开申请情况", 53, section=3)
    _add_line(report, "四、政府信息公开行政复议、行政诉讼情况", 54, section=3)
    assert run(ForeignHeading, report) == []
    assert run(ForeignHeading, make_report()) == []
