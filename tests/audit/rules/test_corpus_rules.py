"""Cross-report rules (family X): X101 copied-narrative's finding, and the per-report runner skipping them."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.audit import Finding, Location, Rule, Severity, audit, select_rules
from gongkai.audit.rules.corpus.copied_narrative import CopiedNarrative, copied_finding
from tests.factories import make_report

OTHER = "《淮安市洪泽区人民政府2023年政府信息公开工作年度报告》（hongze-district-2023.pdf）"


class _CorpusAlways(Rule):
    """A corpus rule that would report every report."""

    code = "X990"
    name = "test-corpus-always"
    severity = Severity.ERROR
    summary = "测试"
    needs_corpus = True

    def check(self, report: object) -> Iterator[Finding]:
        yield self.finding("测试", Location(part="document"))


def test_x101_registered_as_cross_report_family() -> None:
    assert select_rules(["X"]) == [CopiedNarrative]
    assert CopiedNarrative.family() == "cross-report" and CopiedNarrative.needs_corpus


def test_x101_per_report_runner_skips_corpus_rules() -> None:
    report = make_report()
    assert audit(report, [_CorpusAlways, CopiedNarrative]) == []
    assert all(f.code[0] != "X" for f in audit(report))
    assert list(CopiedNarrative().check(report)) == []  # one report alone: nothing to compare with


def test_x101_other_agency_states_report_and_similarity() -> None:
    f = copied_finding(make_report(), OTHER, 0.9296875)
    assert (f.code, f.name, f.severity) == ("X101", "copied-narrative", Severity.WARNING)
    assert f.message == f"第一至第六部分正文与{OTHER}相似度 93%"
    assert "其他机关" in f.hint and OTHER not in f.hint


def test_x101_own_previous_year_names_the_year() -> None:
    f = copied_finding(make_report(), OTHER, 0.97, own_previous=True)
    assert f.message == f"第一至第六部分正文与本机关上年（2023年）年报{OTHER}正文相似度 97%，疑似照搬上年内容"
    assert "上年" in f.hint
    g = copied_finding(make_report(year=None), OTHER, 0.97, own_previous=True)
    assert g.message.startswith("第一至第六部分正文与本机关上年年报《")


def test_x101_points_at_the_sections_with_prose() -> None:
    report = make_report()
    f = copied_finding(report, OTHER, 0.85)
    assert f.location.part == "section1" and f.location.source == report.sections[0].provenance
    assert [loc.part for loc in f.related] == ["section3", "section4", "section5", "section6"]  # 二 has no prose
    for s in report.sections:
        s.text = " "
    assert copied_finding(report, OTHER, 0.85).location == Location(part="document")
