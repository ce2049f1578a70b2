"""Run the rules over a report.  A crashing rule becomes a finding, not a crash."""

from __future__ import annotations

from gongkai.audit.finding import Finding, Location, Severity
from gongkai.audit.rule import Rule, all_rules
from gongkai.limits import check_deadline

_ORDER = {
    "document": 0,
    "metadata": 1,
    "section1": 2,
    "section2": 3,
    "table2": 4,
    "section3": 5,
    "table3": 6,
    "section4": 7,
    "table4": 8,
    "section5": 9,
    "section6": 10,
}


def audit(report: object, rules: list[type[Rule]] | None = None, previous: object = None) -> list[Finding]:
    """Return the findings of ``rules`` (default: all) on ``report``, sorted by place then code.

    ``previous`` is last year's report of the same agency; the year-over-year rules run only with it.
    The cross-report rules (``needs_corpus``) never run here: the corpus runner builds their findings.
    """
    from gongkai.model import AnnualReport

    assert isinstance(report, AnnualReport)
    assert previous is None or isinstance(previous, AnnualReport)
    findings: list[Finding] = []
    for rule_cls in rules if rules is not None else all_rules():
        if report.template and not rule_cls.on_template:
            continue
        if rule_cls.needs_previous and previous is None:
            continue
        if rule_cls.needs_corpus:
            continue
        check_deadline("（审核时）")
        rule = rule_cls(previous)
        try:
            findings.extend(rule.check(report))
        except Exception as exc:
            findings.append(
                Finding(
                    code=rule.code,
                    name=rule.name,
                    severity=Severity.WARNING,
                    message=f"规则 {rule.code} 执行出错：{type(exc).__name__}: {exc}",
                    hint="这是 gongkai 的内部错误，请报告此问题。",
                    location=Location(part="document"),
                )
            )
    findings.sort(
        key=lambda f: (_ORDER.get(f.location.part, 99), f.location.source.line or 0 if f.location.source else 0, f.code)
    )
    return findings
