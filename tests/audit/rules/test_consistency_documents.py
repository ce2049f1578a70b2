"""C111 narrative-documents-mismatch: 规章 / 行政规范性文件 counts in the narrative against table 2."""

from __future__ import annotations

import pytest

from gongkai.audit.rules.consistency.documents import NarrativeDocumentsMismatch
from tests.audit.rules.test_consistency_rules import narrate, run
from tests.factories import make_report, set_cell

# the factory's table 2: 规章 0 / 0 / 0, 行政规范性文件 制发 2, 废止 1, 现行有效 15


def test_narrative_documents_mismatch_reports_in_force_count() -> None:
    [f] = run(NarrativeDocumentsMismatch, narrate(1, "截至2024年底，本局现行有效行政规范性文件393件。"))
    assert f.code == "C111" and f.location.part == "section1" and f.location.source is not None
    assert f.message == "第一部分称“现行有效行政规范性文件393件”，表二行政规范性文件“现行有效件数”为 15 件"
    assert [(r.part, r.row, r.column) for r in f.related] == [("table2", "normative_documents", "in_force")]


def test_narrative_documents_mismatch_reads_each_item_of_an_enumeration() -> None:
    text = "本年制发规章1件、行政规范性文件2件，废止行政规范性文件3件，现行有效规章0件和行政规范性文件15件。"
    msgs = [f.message for f in run(NarrativeDocumentsMismatch, narrate(2, text))]
    assert msgs == [
        "第二部分称“制发规章1件”，表二规章“本年制发件数”为 0 件",
        "第二部分称“废止行政规范性文件3件”，表二行政规范性文件“本年废止件数”为 1 件",
    ]


def test_narrative_documents_mismatch_reads_noun_first_enumeration() -> None:
    [f] = run(NarrativeDocumentsMismatch, narrate(1, "行政规范性文件制发2件、废止1件、现行有效16件。"))
    assert f.message == "第一部分称“行政规范性文件现行有效16件”，表二行政规范性文件“现行有效件数”为 15 件"


@pytest.mark.parametrize(
    "text",
    [
        "本年制发规章0件、行政规范性文件2件，废止行政规范性文件1件，现行有效行政规范性文件15件。",
        "行政规范性文件制发2件、废止1件、现行有效15件。",
        "印发行政规范性文件 2 件（其中修订1件）。",
        # not this year's count, a plan, a clean-up, someone else's documents, a combined count
        "2023年制发行政规范性文件5件。",
        "截至2025年3月，现行有效行政规范性文件16件。",
        "2023年制发行政规范性文件5件，2024年制发行政规范性文件2件。",
        "上年现行有效行政规范性文件14件。",
        "拟废止行政规范性文件4件。",
        "对现行有效行政规范性文件16件开展全面清理，废止1件。",
        "制发市政府规章2件。",
        "部门规范性文件现行有效45件。",
        "现行有效的规章、行政规范性文件共15件。",
        "主动公开规章3件、行政规范性文件20件。",
    ],
)
def test_narrative_documents_mismatch_quiet_on_matches_and_non_claims(text: str) -> None:
    assert run(NarrativeDocumentsMismatch, narrate(1, text)) == []


def test_narrative_documents_mismatch_reads_the_count_dated_by_the_report_year() -> None:
    text = "2023年制发行政规范性文件5件，2024年制发行政规范性文件3件。"
    [f] = run(NarrativeDocumentsMismatch, narrate(1, text))
    assert f.message == "第一部分称“制发行政规范性文件3件”，表二行政规范性文件“本年制发件数”为 2 件"


def test_narrative_documents_mismatch_skips_cells_that_are_not_numbers() -> None:
    report = set_cell(make_report(), "table2", "normative_documents", "in_force", None, raw="/")
    assert run(NarrativeDocumentsMismatch, narrate(1, "现行有效行政规范性文件393件。", report)) == []
    report.table2.found = False
    assert run(NarrativeDocumentsMismatch, narrate(1, "现行有效行政规范性文件393件。", report)) == []


def test_narrative_documents_mismatch_reads_parts_one_and_two_only() -> None:
    assert run(NarrativeDocumentsMismatch, narrate(5, "现行有效行政规范性文件393件。")) == []
