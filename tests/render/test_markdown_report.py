"""The Markdown report: reads back identically, pipe tables, draft front matter, golden text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.api import read_report
from gongkai.model import AnnualReport
from gongkai.readers import read_bytes
from gongkai.render.markdown_report import render_markdown
from gongkai.write.compare import differences
from tests.render.test_html_report import SEEDS, check_golden_text, golden_report, read_back
from tests.write_strategies import reports


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report=reports(), draft=st.booleans())
def test_markdown_random_reports_read_back_identically(report: AnnualReport, draft: bool) -> None:
    assert differences(report, read_back(render_markdown(report, draft=draft), "x.md")) == []


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_markdown_seed_reports_read_back_identically_as_draft(seed: Path) -> None:
    report = read_report(seed)
    assert differences(report, read_back(render_markdown(report, draft=True), "x.md")) == []


def test_markdown_layout_title_headings_and_pipe_tables() -> None:
    lines = render_markdown(golden_report()).decode("utf-8").splitlines()
    assert lines[0] == "# 某市某局2024年政府信息公开工作年度报告"
    assert next(x for x in lines if x.startswith("## ")) == "## 一、总体情况"
    assert len([x for x in lines if x.startswith("## ")]) == 6
    rules = [x for x in lines if x.startswith("|---")]
    assert rules == [
        "|---|---:|---:|---:|",
        "|---|---|---|" + "---:|" * 7,
        "|" + "---:|" * 15,
    ]
    table3 = lines[lines.index(rules[1]) - 1 :]
    assert table3[0].split(" | ")[1:4] == ["", "", "申请人情况"]
    assert "| 一、本年新收政府信息公开申请数量 |  |  | 20 | 3 | 0 | 0 | 1 | 0 | 24 |" in lines
    assert lines[-2:] == ["", "2025年1月20日"]


def test_markdown_draft_front_matter_is_skipped_by_the_reader() -> None:
    report = golden_report()
    final, draft = render_markdown(report), render_markdown(report, draft=True)
    head = draft.decode("utf-8").split("\n\n")[0]
    assert head == "---\ndraft: true\nstatus: 草稿\n---"
    assert draft.endswith(final)
    texts = [r.text for r in read_bytes(draft, "x.md").rows]
    assert texts == [r.text for r in read_bytes(final, "x.md").rows] and not any("草稿" in t for t in texts)
    commented = b"<!-- \xe8\x8d\x89\xe7\xa8\xbf -->\n" + final  # <!-- 草稿 --> by hand: not text either
    assert [r.text for r in read_bytes(commented, "x.md").rows] == texts


def test_markdown_golden() -> None:
    check_golden_text(render_markdown(golden_report()), "report.md")
