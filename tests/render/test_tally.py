from __future__ import annotations

from gongkai.audit import Finding, Location, Severity
from gongkai.render.tally import AgencyCount, RuleCount, Tally
from gongkai.result import DocumentResult
from tests.factories import make_report
from tests.render.helpers import sample_findings, sample_results


def test_tally_counts_per_agency_and_year_and_per_rule() -> None:
    tally = Tally()
    for result in sample_results():
        tally.add(result)
    assert tally.agency_keys() == [("某市某局", 2024), (None, None)]
    assert tally.agencies[("某市某局", 2024)] == AgencyCount(files=1, ok=1, error=1, warning=1, info=1)
    assert tally.agencies[(None, None)] == AgencyCount(files=1, failed=1, read_errors=1)
    assert tally.rule_keys() == [("A901", "error"), ("C901", "info"), ("M901", "warning"), ("E103", "error")]
    assert tally.rules[("E103", "error")] == RuleCount(findings=1, reports=1)


def test_tally_counts_a_report_once_per_rule_and_severity() -> None:
    first = sample_findings()[0]
    info = Finding(**{**first.model_dump(), "severity": Severity.INFO, "location": Location(part="table3")})
    twice = DocumentResult(path="b.txt", status="partial", report=make_report(), findings=[first, first, info])
    tally = Tally()
    tally.add(twice)
    tally.add(twice)
    assert tally.rules[("A901", "error")] == RuleCount(findings=4, reports=2)
    assert tally.rules[("A901", "info")] == RuleCount(findings=2, reports=2)
    assert tally.rule_keys() == [("A901", "error"), ("A901", "info")]
    assert tally.agencies[("某市某局", 2024)].values() == [2, 0, 2, 0, 4, 0, 2, 0]
