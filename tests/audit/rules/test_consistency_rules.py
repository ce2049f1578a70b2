"""Consistency rules C101–C108 on factory reports whose narrative is rewritten."""

from __future__ import annotations

from copy import deepcopy

import pytest

from gongkai.audit import Finding, Rule
from gongkai.audit.rules.consistency.carryover import NarrativeCarryoverMismatch
from gongkai.audit.rules.consistency.category import CategoryCountedElsewhere
from gongkai.audit.rules.consistency.fee import FeeCollectionUnreported
from gongkai.audit.rules.consistency.outcome import NarrativeOutcomeMismatch
from gongkai.audit.rules.consistency.processed import NarrativeProcessedMismatch
from gongkai.audit.rules.consistency.received import NarrativeReceivedMismatch
from gongkai.audit.rules.consistency.review import NarrativeReviewMismatch
from gongkai.model import AnnualReport, Provenance, TextLine
from gongkai.model.template import SECTIONS
from tests.factories import FILE, make_report, set_cell


def narrate(section: int, text: str, report: AnnualReport | None = None) -> AnnualReport:
    """A copy of ``report`` (default: the factory report) with the prose of one section replaced."""
    out = deepcopy(report) if report is not None else make_report()
    title = SECTIONS[section - 1].title
    idx = next(i for i, ln in enumerate(out.lines) if ln.section == section and ln.text == title)
    if idx + 1 < len(out.lines) and out.lines[idx + 1].section == section:
        out.lines[idx + 1] = out.lines[idx + 1].model_copy(update={"text": text})
    else:
        prov = Provenance(file=FILE, line=(out.lines[idx].provenance.line or 0) + 1)
        out.lines.insert(idx + 1, TextLine(text=text, provenance=prov, section=section))
    sec = out.section(section)
    assert sec is not None
    sec.text = text
    return out


def run(rule: type[Rule], report: AnnualReport) -> list[Finding]:
    return list(rule().check(report))


@pytest.mark.parametrize(
    "rule",
    [NarrativeReceivedMismatch, NarrativeProcessedMismatch, NarrativeCarryoverMismatch, NarrativeOutcomeMismatch,
     NarrativeReviewMismatch, CategoryCountedElsewhere, FeeCollectionUnreported],
)  # fmt: skip
def test_consistency_rules_quiet_on_consistent_factory_report(rule: type[Rule]) -> None:
    assert run(rule, make_report()) == []


# C101 ----------------------------------------------------------------------------------------
def test_narrative_received_mismatch_reports_numbers_and_places() -> None:
    [f] = run(NarrativeReceivedMismatch, narrate(1, "2024年，本局共受理政府信息公开申请30件。"))
    assert f.code == "C101" and f.location.part == "section1" and f.location.source is not None
    assert "受理政府信息公开申请30件" in f.message and "24 件" in f.message and "合计 28 件" in f.message
    assert f.related[0].part == "table3" and f.related[0].row == "new_received" and f.related[0].column == "total"


@pytest.mark.parametrize(
    "text", ["本局共受理政府信息公开申请28件。", "本年度新收政府信息公开申请24件。", "收到人大代表建议 6 件。"]
)
def test_narrative_received_mismatch_accepts_new_or_new_plus_carried(text: str) -> None:
    assert run(NarrativeReceivedMismatch, narrate(1, text)) == []


def test_narrative_received_mismatch_reads_none_received_as_zero() -> None:
    [f] = run(NarrativeReceivedMismatch, narrate(3, "本年度未收到政府信息公开申请。"))
    assert "未收到政府信息公开申请" in f.message and "24 件" in f.message and f.location.part == "section3"
    zero = set_cell(set_cell(make_report(), "table3", "new_received", "total", 0), "table3", "carried_over", "total", 0)
    assert (
        run(NarrativeReceivedMismatch, narrate(3, "本年度未收到政府信息公开申请。", narrate(1, "概述。", zero))) == []
    )


def test_narrative_received_mismatch_skips_when_table_cell_is_not_a_number() -> None:
    report = set_cell(make_report(), "table3", "new_received", "total", None, raw="/")
    assert run(NarrativeReceivedMismatch, narrate(1, "本局共受理政府信息公开申请30件。", report)) == []


# C102 ----------------------------------------------------------------------------------------
def test_narrative_processed_mismatch_reports_numbers() -> None:
    [f] = run(NarrativeProcessedMismatch, narrate(1, "本局办结 30 件（含上年结转 4 件）。"))
    assert "办结 30 件" in f.message and "（七）总计" in f.message and "26 件" in f.message


@pytest.mark.parametrize(
    "text", ["今年共答复26件。", "共办理 26 件。", "全县共办理相关案件 74 件。", "其中当场答复 5 件。"]
)
def test_narrative_processed_mismatch_quiet_on_match_or_non_claims(text: str) -> None:
    assert run(NarrativeProcessedMismatch, narrate(1, text)) == []


# C103 ----------------------------------------------------------------------------------------
def test_narrative_carryover_mismatch_reports_both_directions() -> None:
    found = run(NarrativeCarryoverMismatch, narrate(1, "上年结转5件，结转下一年度3件。"))
    assert len(found) == 2
    assert "上年结转5件" in found[0].message and "4 件" in found[0].message
    assert (
        "结转下一年度3件" in found[1].message
        and "四、结转下年度继续办理" in found[1].message
        and "2 件" in found[1].message
    )


def test_narrative_carryover_mismatch_reads_no_carryover_as_zero() -> None:
    text = "没有上年结转继续办理事项，也没有结转至下一年度办理事项。"
    assert len(run(NarrativeCarryoverMismatch, narrate(3, text))) == 2
    report = set_cell(
        set_cell(make_report(), "table3", "carried_over", "total", 0), "table3", "carried_forward", "total", 0
    )
    assert run(NarrativeCarryoverMismatch, narrate(3, text, narrate(1, "概述。", report))) == []


# C104 ----------------------------------------------------------------------------------------
def test_narrative_outcome_mismatch_reports_each_outcome() -> None:
    text = "予以公开15件，予以公开及部分公开 20 件，不予公开 3 件，无法提供 5 件，不予处理 2 件，其他处理 1 件。"
    msgs = [f.message for f in run(NarrativeOutcomeMismatch, narrate(1, text))]
    assert len(msgs) == 4
    assert "予以公开15件" in msgs[0] and "13 件" in msgs[0]
    assert "予以公开及部分公开 20 件" in msgs[1] and "16 件" in msgs[1]
    assert "不予公开 3 件" in msgs[2] and "1 件" in msgs[2]
    assert "无法提供 5 件" in msgs[3] and "6 件" in msgs[3]


def test_narrative_outcome_mismatch_adds_applicant_cells_when_total_is_blank() -> None:
    report = set_cell(make_report(), "table3", "granted", "total", None)
    [f] = run(NarrativeOutcomeMismatch, narrate(1, "予以公开15件。", report))
    assert "13 件" in f.message and "总计栏空白" in f.message
    marker = set_cell(make_report(), "table3", "granted", "total", None, raw="—")
    assert run(NarrativeOutcomeMismatch, narrate(1, "予以公开15件。", marker)) == []


# C105 ----------------------------------------------------------------------------------------
def test_narrative_review_mismatch_reports_counts() -> None:
    found = run(NarrativeReviewMismatch, narrate(4, "本年度发生政府信息公开行政复议5件，行政诉讼2件。"))
    assert [("行政复议5件" in f.message, "3 件" in f.message) for f in found[:1]] == [(True, True)]
    assert "行政诉讼2件" in found[1].message and "1 件" in found[1].message


def test_narrative_review_mismatch_reads_none_as_zero_and_checks_upheld() -> None:
    found = run(NarrativeReviewMismatch, narrate(4, "本年度未发生行政复议和行政诉讼案件。"))
    assert len(found) == 2 and "3 件" in found[0].message and "1 件" in found[1].message
    [f] = run(NarrativeReviewMismatch, narrate(4, "本年度发生行政复议3件，行政诉讼1件，均获维持。"))
    assert "均获维持" in f.message and "结果纠正”1 件" in f.message and "尚未审结”1 件" in f.message
    assert {loc.column for loc in f.related} == {"corrected", "pending"}


@pytest.mark.parametrize(
    "text",
    [
        # issue 9: the number before “、” belongs to its own item (both word orders)
        "因政府信息公开引起的行政复议案件3件、行政诉讼案件1件。",
        "因政府信息公开引起的行政诉讼案件1件、行政复议案件3件。",
        # gongkai's own scaffold sentence, filled
        "本年度发生政府信息公开行政复议3件，未经复议直接起诉1件、复议后起诉0件。",
        "未经复议直接提起行政诉讼1件，复议后提起行政诉讼0件。",
        # the docstring's “Correct” form: the cases not upheld named, “其余均获维持” is no blanket claim
        "行政复议3件，行政诉讼1件，其中1件行政复议被纠正、1件尚未审结，其余均获维持。",
    ],
)
def test_narrative_review_mismatch_quiet_on_enumerations_that_match(text: str) -> None:
    assert run(NarrativeReviewMismatch, narrate(4, text)) == []


def test_narrative_review_mismatch_compares_litigation_groups_with_their_own_rows() -> None:
    [f] = run(NarrativeReviewMismatch, narrate(4, "未经复议直接起诉1件、复议后起诉2件。"))
    assert f.message == "第四部分称“复议后起诉2件”（2 件），表四行政诉讼“复议后起诉”总计为 0 件"
    assert [(r.row, r.column) for r in f.related] == [("litigation_after_review", "total")]


def test_narrative_review_mismatch_ignores_corrections_and_losses() -> None:
    text = "全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。"
    assert run(NarrativeReviewMismatch, narrate(4, text)) == []


# C107 ----------------------------------------------------------------------------------------
def test_category_counted_elsewhere_reports_sum_and_other_row() -> None:
    report = set_cell(
        set_cell(make_report(), "table3", "unavailable_not_held", "total", 1), "table3", "other_other", "total", 9
    )
    text = "其中，予以公开13件、信息不存在7件、重复申请2件、本机关不掌握1件。"
    [f] = run(CategoryCountedElsewhere, narrate(1, text, report))
    assert f.message == (
        "第一部分称“信息不存在7件”“本机关不掌握1件”（共8件），表三（四）1.本机关不掌握相关政府信息 仅 1 件，（六）3.其他 为 9 件"
    )


@pytest.mark.parametrize(
    "text", ["本机关不掌握6件，重复申请2件。", "属信访、重复申请等不予处理 80 件。", "信息不存在5件。"]
)
def test_category_counted_elsewhere_quiet_when_table_holds_enough(text: str) -> None:
    assert run(CategoryCountedElsewhere, narrate(1, text)) == []


# C108 ----------------------------------------------------------------------------------------
def test_fee_collection_unreported_when_part_six_is_silent() -> None:
    [f] = run(FeeCollectionUnreported, narrate(6, "无。"))
    assert f.location.part == "section6" and "信息处理费" in f.message


@pytest.mark.parametrize("text", ["政府信息公开未发生收费情况。", "依申请公开政府信息未收费。", "未收取任何费用。"])
def test_fee_collection_unreported_accepts_fee_statements(text: str) -> None:
    assert run(FeeCollectionUnreported, narrate(6, text)) == []


def test_fee_collection_unreported_skips_missing_part_and_old_years() -> None:
    report = narrate(6, "无。")
    report.sections = [s for s in report.sections if s.number != 6]
    assert run(FeeCollectionUnreported, report) == []
    old = narrate(6, "无。", make_report(year=2019))
    assert run(FeeCollectionUnreported, old) == []
