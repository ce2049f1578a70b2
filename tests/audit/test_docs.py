"""The rules reference: every rule is documented, and docs/rules.md is up to date."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from gongkai.audit import Rule, Severity, all_rules
from gongkai.audit.docs import docstring_problems, parse_docstring, rules_markdown
from gongkai.audit.rule import DOC_SECTIONS, FAMILIES

RULES_MD = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
REGEN_HINT = "docs/rules.md is out of date: run `GONGKAI_REGEN=1 pytest tests/audit/test_docs.py`"


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: f"{r.code}-{r.name}")
def test_rule_docs_declaration_and_docstring_complete(rule: type[Rule]) -> None:
    assert re.fullmatch(r"[SACMX]\d{3}", rule.code)
    assert rule.code[0] in FAMILIES
    assert re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", rule.name)
    assert isinstance(rule.severity, Severity)
    assert isinstance(rule.summary, str) and rule.summary.strip() and "\n" not in rule.summary.strip()
    assert docstring_problems(rule) == []
    parts = parse_docstring(rule)
    for section in DOC_SECTIONS:
        assert parts[section].strip(), f"{rule.code}: empty '{section}:'"


def test_rules_markdown_matches_docs_file() -> None:
    expected = rules_markdown()
    if os.environ.get("GONGKAI_REGEN") == "1":
        RULES_MD.parent.mkdir(parents=True, exist_ok=True)
        RULES_MD.write_text(expected, encoding="utf-8")
    actual = RULES_MD.read_text(encoding="utf-8") if RULES_MD.exists() else ""
    assert actual == expected, REGEN_HINT


def test_regen_not_set_in_ci() -> None:
    if os.environ.get("CI", "").lower() == "true":
        assert not os.environ.get("GONGKAI_REGEN"), "GONGKAI_REGEN must not be set in CI"


class _Documented(Rule):
    """Intro paragraph.

    What it checks:
        Row sums.

    Why: totals must add up.

    Example:
        | a | b |

    Correct:
        Fix it.
    """

    code = "A998"
    name = "test-documented"
    severity = Severity.WARNING
    summary = "测试 | 规则"


class _Undocumented(Rule):
    """Only an intro."""

    code = "A997"
    name = "test-undocumented"
    severity = Severity.INFO
    summary = ""


def test_parse_docstring_splits_sections() -> None:
    parts = parse_docstring(_Documented)
    assert parts == {
        "intro": "Intro paragraph.",
        "What it checks": "Row sums.",
        "Why": "totals must add up.",
        "Example": "| a | b |",
        "Correct": "Fix it.",
    }


def test_docstring_problems_reports_missing_parts() -> None:
    problems = docstring_problems(_Undocumented)
    assert any("summary" in p for p in problems)
    assert sum("docstring lacks" in p for p in problems) == len(DOC_SECTIONS)


def test_rules_markdown_table_and_sections() -> None:
    md = rules_markdown([_Documented])
    assert md.startswith("# ")
    assert "| A998 | test-documented | 警告 | arithmetic | 测试 \\| 规则 |" in md
    assert "## A998 test-documented" in md
    for section in DOC_SECTIONS:
        assert f"### {section}" in md
    assert md.endswith("\n") and not md.endswith("\n\n")
