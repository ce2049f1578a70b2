"""Done-when check: each seed, extracted to JSON and written again as a draft, reads back cell for cell.

``gongkai extract`` JSON → ``gongkai write --draft`` to every format in one run → each file read
back by gongkai's own readers → the same report as the JSON (content: metadata, preamble,
sections, every table cell).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongkai.api import read_report, write_report
from gongkai.render.json import report_to_json
from gongkai.write.compare import differences

SEEDS = sorted(Path("samples").glob("00*.txt"))
FORMATS = (".docx", ".pdf", ".html", ".md", ".xlsx", ".json")


@pytest.mark.parametrize("seed", SEEDS, ids=[s.name[:3] for s in SEEDS])
def test_seed_written_as_draft_reads_back_cell_for_cell(seed: Path, tmp_path: Path) -> None:
    extracted = tmp_path / "extracted.json"
    extracted.write_text(json.dumps(report_to_json(read_report(seed)), ensure_ascii=False), encoding="utf-8")
    expected = read_report(extracted)
    assert differences(read_report(seed), expected) == []
    result = write_report(extracted, [tmp_path / f"draft{s}" for s in FORMATS], draft=True)
    assert [p.suffix for p in result.written] == list(FORMATS)
    for path in result.written:
        assert differences(expected, read_report(path)) == [], path.suffix


def test_annotated_numbers_keep_their_annotation_in_every_format(tmp_path: Path) -> None:
    from tests.factories import make_report, set_cell

    report = set_cell(make_report(), "table2", "normative_documents", "in_force", 15, raw="15（其中修订3件）")
    report.table2.rows["normative_documents"]["in_force"].note = "其中修订3件"
    report.source_format = "json"  # data: completed (the period stated) like any report typed by staff
    source = tmp_path / "r.json"
    source.write_text(json.dumps(report_to_json(report), ensure_ascii=False), encoding="utf-8")
    expected = read_report(source)
    assert expected.table2.rows["normative_documents"]["in_force"].note == "其中修订3件"
    result = write_report(source, [tmp_path / f"r{s}" for s in FORMATS if s != ".json"], draft=True)
    for path in result.written:
        assert differences(expected, read_report(path)) == [], path.suffix
