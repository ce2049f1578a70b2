"""A consistent report gives no arithmetic or structure finding; every rule is registered and documented."""

from __future__ import annotations

import pytest

from gongkai.audit import all_rules, audit
from gongkai.audit.rule import DOC_SECTIONS, Rule
from tests.factories import make_report

MINE = [r for r in all_rules() if r.code[0] in "AS"]


def test_structure_and_arithmetic_rules_quiet_on_consistent_report() -> None:
    assert audit(make_report(), MINE) == []


def test_structure_and_arithmetic_codes_registered() -> None:
    codes = {r.code for r in MINE}
    assert {f"A10{i}" for i in range(1, 8)} <= codes
    assert {f"S1{i:02d}" for i in range(1, 19)} <= codes


@pytest.mark.parametrize("rule", MINE, ids=lambda r: r.code)
def test_structure_and_arithmetic_rule_docs(rule: type[Rule]) -> None:
    doc = rule.__doc__ or ""
    positions = [doc.find(f"{s}:") for s in DOC_SECTIONS]
    assert all(p >= 0 for p in positions) and positions == sorted(positions)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in rule.summary)
