"""A computed report goes through the writer: draft and final, JSON and DOCX, read back with the same tables."""

from __future__ import annotations

import json
import re
from pathlib import Path

from gongkai.api import read_report
from gongkai.cases.report import compute_report
from gongkai.model import AnnualReport
from gongkai.model.placeholders import TO_FILL
from gongkai.write import write_loaded
from tests.cases.report_registers import APPLICATIONS, FEE_APPLICATIONS, register, table_values

FEES = "本年度共对2件政府信息公开申请收取信息处理费，合计350元。"


def _computed() -> AnnualReport:
    return compute_report(register(applications=APPLICATIONS + FEE_APPLICATIONS), 2025)


def _staff_texts(report: AnnualReport) -> AnnualReport:
    """What staff write in place of every 【待填写】 mark, and the signature date."""
    report.preamble = TO_FILL.sub("某市某局办公室（电话：0000-00000000）", report.preamble)
    for section in report.sections:
        section.text = TO_FILL.sub("按要求开展工作", section.text)
    return report


def test_report_write_draft_json_and_docx_read_back_with_the_same_tables(tmp_path: Path) -> None:
    report = _computed()
    expected = table_values(report)
    targets = [tmp_path / "草稿.json", tmp_path / "草稿.docx"]
    result = write_loaded(report, targets, structured=True, draft=True)
    assert result.written == targets and all(t.stat().st_size > 0 for t in targets)
    back = read_report(targets[0])
    assert table_values(back) == expected
    six = back.section(6)
    assert six is not None and FEES in six.text
    data = json.loads(targets[0].read_text(encoding="utf-8"))
    assert data["draft"] is True and data["source"] == {"file": "登记簿:某市某局", "format": "cases"}
    assert data["provenance"]["table3.new_received.total"]["records"] == [
        "application:3",
        "application:4",
        "application:6",
        "application:7",
        "application:22",
        "application:23",
        "application:25",
    ]
    assert data["provenance"]["sections.other_matters"]["records"] == ["application:21", "application:25"]


def test_report_write_fills_the_scaffold_placeholders_from_the_computed_tables(tmp_path: Path) -> None:
    report = _computed()
    write_loaded(report, [tmp_path / "草稿.json"], structured=True, draft=True)
    one = report.section(1)
    assert one is not None
    # 一: 3, 4, 6, 7 + fee applications 22, 23, 25 (24 voided; 21 received 2024) = 7; 二: 1, 8, 9, 21 = 4
    # closed: 1, 3, 7, 8, 21 = 5 (granted: 1, 21); 四: 4, 6, 9, 22, 23, 25 = 6
    assert (
        "本年度共收到政府信息公开申请7件，上年结转4件；办结5件，其中予以公开2件，部分公开0件；结转下年度继续办理6件。"
        in (one.text)
    )
    assert "{table" not in one.text


def test_report_write_final_is_refused_while_the_scaffold_marks_are_left(tmp_path: Path) -> None:
    targets = [tmp_path / "年报.json", tmp_path / "年报.docx"]
    result = write_loaded(_computed(), targets, structured=True, draft=False)
    assert result.refused and result.written == []
    assert {f.code for f in result.errors} == {"S121"}  # only the 【待填写】 marks: the tables pass every rule
    assert not any(t.exists() for t in targets)


def test_report_write_final_once_staff_wrote_their_texts(tmp_path: Path) -> None:
    report = _staff_texts(_computed())
    expected = table_values(report)
    targets = [tmp_path / "年报.json", tmp_path / "年报.docx"]
    result = write_loaded(report, targets, structured=True, draft=False)
    assert result.errors == [] and result.written == targets
    assert table_values(read_report(targets[0])) == expected
    printed = read_report(targets[1])  # the DOCX read back as a published report
    assert table_values(printed) == expected
    six = printed.section(6)
    assert six is not None and FEES in re.sub(r"\s+", "", six.text)
