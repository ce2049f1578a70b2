"""S120: a blank template is reported once, as a template, and no other rule runs on it."""

from __future__ import annotations

from gongkai.audit import audit
from gongkai.audit.rules.structure.blank_template import BlankTemplate
from gongkai.model import Cell
from tests.factories import make_report


def _blank_everything() -> object:
    report = make_report()
    for table in (report.table2, report.table3, report.table4):
        for key, row in table.rows.items():
            table.rows[key] = {c: Cell(raw="", state="blank") for c in row}
    report.template = True
    return report


def test_blank_template_reported_once_and_alone() -> None:
    report = _blank_everything()
    found = audit(report)
    assert [f.code for f in found] == ["S120"]
    assert found[0].message == "这是未填写的年报空白模板：表二、表三、表四结构齐全，200 个单元格全部空白，没有任何数据"


def test_blank_template_silent_on_a_filled_report() -> None:
    assert list(BlankTemplate().check(make_report())) == []
    assert "S120" not in [f.code for f in audit(make_report())]
