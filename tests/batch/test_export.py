"""Corpus exports read back with pyarrow: real values, proper types, one row per document by default."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest
from sqlalchemy import Engine, func, select

from gongkai.batch import export_rows
from gongkai.batch.export import BOM, export_corpus
from gongkai.batch.stored import open_existing
from gongkai.errors import RegisterError, UsageError
from gongkai.store.corpus import finding_row
from gongkai.store.corpus_tables import CorpusCellRow, CorpusFindingRow
from gongkai.store.engine import session_scope
from tests.batch.corpus_files import FAILED, HONGZE, HUAIAN, LATE, ON_TIME, SEED, Checked, fill


def _rows(data: pa.Table, /, **match: object) -> list[dict[str, Any]]:
    return [r for r in data.to_pylist() if all(r[k] == v for k, v in match.items())]


def test_export_cells_parquet_keeps_printed_values_with_types(
    engine: Engine, checked: dict[str, Checked], tmp_path: Path
) -> None:
    fill(engine, checked)
    n = export_corpus(engine, "cells", tmp_path / "cells.parquet")
    table = pq.read_table(tmp_path / "cells.parquet")
    with session_scope(engine, read_only=True) as s:
        assert n == table.num_rows == s.scalar(select(func.count()).select_from(CorpusCellRow))
    assert table.schema.field("value").type == pa.float64() and table.schema.field("year").type == pa.int64()
    assert "page" not in table.column_names and "sha256" not in table.column_names
    # table 3's （七）总计 row of 洪泽区 2023, printed on page 4: 自然人 21
    (total,) = _rows(table, source=HONGZE, table="table3", row="total_processed", column="natural_person")
    assert (total["agency"], total["year"], total["value"], total["raw"], total["state"]) == (
        "洪泽区人民政府", 2023, 21.0, "21", "number"
    )  # fmt: skip
    export_corpus(engine, "cells", tmp_path / "prov.parquet", provenance=True)
    proven = pq.read_table(tmp_path / "prov.parquet")
    (total,) = _rows(proven, source=HONGZE, table="table3", row="total_processed", column="natural_person")
    assert total["page"] == 4 and total["source_path"] == str(checked[HONGZE].path)
    assert total["sha256"] == checked[HONGZE].sha256


def test_export_cells_csv_has_a_bom_and_reads_back_the_same(
    engine: Engine, checked: dict[str, Checked], tmp_path: Path
) -> None:
    fill(engine, checked, only=(HONGZE, SEED))
    export_corpus(engine, "cells", tmp_path / "cells.csv")
    export_corpus(engine, "cells", tmp_path / "cells.parquet")
    assert (tmp_path / "cells.csv").read_bytes().startswith(BOM + b'"agency","year","source","table"')
    schema = pq.read_schema(tmp_path / "cells.parquet")
    options = pacsv.ConvertOptions(column_types=schema, strings_can_be_null=True, quoted_strings_can_be_null=False)
    from_csv = pacsv.read_csv(tmp_path / "cells.csv", convert_options=options)
    assert from_csv.equals(pq.read_table(tmp_path / "cells.parquet"))
    (row,) = _rows(from_csv, agency="蓬莱区大数据服务中心", table="table3", row="new_received", column="total")
    assert row["value"] is not None and row["source"] == SEED


def test_export_reports_one_row_per_document_with_stable_key_columns(
    engine: Engine, checked: dict[str, Checked], tmp_path: Path
) -> None:
    fill(engine, checked)
    assert export_corpus(engine, "reports", tmp_path / "reports.parquet") == len(checked)
    table = pq.read_table(tmp_path / "reports.parquet")
    assert table.schema.field("publication_date").type == pa.date32()
    assert table.schema.field("table3.total_processed.natural_person").type == pa.float64()
    (hongze,) = _rows(table, source=HONGZE)
    result = checked[HONGZE].result
    assert (hongze["agency"], hongze["year"], hongze["status"]) == ("洪泽区人民政府", 2023, "ok")
    assert (hongze["errors"], hongze["warnings"]) == (result.counts["error"], result.counts["warning"])
    assert hongze["table3.total_processed.natural_person"] == 21.0
    assert hongze["table2.administrative_fees.amount_10k_yuan"] == 7730.28
    assert hongze["table4.administrative_review.upheld"] == 10.0
    (page,) = _rows(table, source=ON_TIME)
    assert page["publication_date"] == dt.date(2024, 1, 17) and page["agency"] == "沭阳县发展和改革局"
    (failed,) = _rows(table, source=FAILED)
    assert (failed["status"], failed["error_codes"], failed["agency"]) == ("failed", "E103", None)
    assert failed["table3.new_received.total"] is None
    assert "fetched_at" not in table.column_names and "version" not in table.column_names


def test_export_findings_one_row_each_with_its_chinese_location(
    engine: Engine, checked: dict[str, Checked], tmp_path: Path
) -> None:
    fill(engine, checked)
    export_corpus(engine, "findings", tmp_path / "findings.csv", provenance=True)
    export_corpus(engine, "findings", tmp_path / "findings.parquet")
    table = pq.read_table(tmp_path / "findings.parquet")
    with session_scope(engine, read_only=True) as s:
        assert table.num_rows == s.scalar(select(func.count()).select_from(CorpusFindingRow)) > 0
    assert table.num_rows == sum(len(c.result.findings) for c in checked.values())
    assert "page" not in table.column_names
    (s106,) = _rows(table, source=HONGZE, code="S106")
    assert s106["location"].startswith("表三（依申请公开）·") and s106["scope"] == "report"
    assert s106["severity"] == "warning" and s106["name"] and s106["message"]
    (late,) = _rows(table, code="M104")
    assert late["source"] == LATE and "超出 20 天" in late["message"]
    csv = pacsv.read_csv(tmp_path / "findings.csv")
    (s106,) = _rows(csv, source=HONGZE, code="S106")
    assert s106["page"] == 3 and s106["location"].startswith("表三（依申请公开）·")


def test_export_findings_name_the_other_report_of_a_cross_report_finding(
    engine: Engine, checked: dict[str, Checked], tmp_path: Path
) -> None:
    ids = fill(engine, checked, only=(ON_TIME, LATE))
    finding = checked[ON_TIME].result.findings[0]
    with session_scope(engine) as s:
        row = finding_row(ids[LATE], finding, scope="corpus")
        row.other_result_id, row.similarity = ids[ON_TIME], 0.97
        s.add(row)
    export_corpus(engine, "findings", tmp_path / "f.parquet")
    (cross,) = _rows(pq.read_table(tmp_path / "f.parquet"), scope="corpus")
    assert (cross["source"], cross["other_source"], cross["other_year"]) == (LATE, ON_TIME, 2023)
    assert (cross["other_agency"], cross["similarity"]) == ("沭阳县发展和改革局", 0.97)


def test_export_reads_each_documents_newest_result_unless_all_versions(
    engine: Engine, checked: dict[str, Checked], tmp_path: Path
) -> None:
    fill(engine, checked, only=(HONGZE, HUAIAN), version="1.0")
    fill(engine, checked, only=(HONGZE,), version="2.0")
    export_corpus(engine, "reports", tmp_path / "newest.parquet")
    newest = pq.read_table(tmp_path / "newest.parquet")
    assert sorted(newest.column("source").to_pylist()) == [HONGZE, HUAIAN]
    export_corpus(engine, "reports", tmp_path / "all.parquet", all_versions=True)
    every = pq.read_table(tmp_path / "all.parquet")
    assert sorted(zip(every.column("source").to_pylist(), every.column("version").to_pylist(), strict=True)) == [
        (HONGZE, "1.0"), (HONGZE, "2.0"), (HUAIAN, "1.0"),
    ]  # fmt: skip


def test_export_in_small_slices_and_row_groups_writes_the_same_rows(
    engine: Engine, checked: dict[str, Checked], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(engine, checked)
    export_corpus(engine, "cells", tmp_path / "whole.parquet")
    monkeypatch.setitem(export_rows.SLICE, "cells", 2)
    monkeypatch.setattr("gongkai.batch.export.ROW_GROUP_VALUES", 3_000)
    export_corpus(engine, "cells", tmp_path / "sliced.parquet")
    sliced = pq.ParquetFile(tmp_path / "sliced.parquet")
    assert sliced.metadata.num_row_groups > 1
    assert sliced.read().equals(pq.read_table(tmp_path / "whole.parquet"))


def test_export_an_empty_store_writes_the_header_only(engine: Engine, tmp_path: Path) -> None:
    assert export_corpus(engine, "findings", tmp_path / "f.csv") == 0
    assert (tmp_path / "f.csv").read_bytes().decode("utf-8-sig").startswith('"agency","year","source","scope"')
    assert export_corpus(engine, "reports", tmp_path / "r.parquet") == 0
    assert pq.read_table(tmp_path / "r.parquet").num_rows == 0


def test_export_refuses_an_unknown_suffix_and_writes_nothing(engine: Engine, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"\.xlsx.*\.parquet 或 \.csv"):
        export_corpus(engine, "cells", tmp_path / "cells.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_export_opens_only_an_existing_store(tmp_path: Path) -> None:
    with pytest.raises(RegisterError) as missing:
        open_existing(str(tmp_path / "没有.db"))
    assert missing.value.code == "E201" and "文件不存在" in missing.value.message
    assert not (tmp_path / "没有.db").exists()
    (tmp_path / "空.db").write_bytes(b"")
    with pytest.raises(RegisterError) as empty:
        open_existing(str(tmp_path / "空.db"))
    assert empty.value.code == "E202"
