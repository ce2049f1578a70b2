"""``gongkai export cells|reports|findings`` through ``gongkai.cli.run``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest
from sqlalchemy import Engine

from gongkai.cli import run
from gongkai.store.corpus import open_corpus
from tests.batch.corpus_files import HONGZE, Checked, fill


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_export_corpus_reports_to_parquet(
    capsys: pytest.CaptureFixture[str], engine: Engine, url_of: Callable[[Engine], str], checked: dict[str, Checked],
    tmp_path: Path,
) -> None:  # fmt: skip
    fill(engine, checked)
    target = tmp_path / "报告.parquet"
    code, out, err = _run(capsys, "export", "reports", "--store", url_of(engine), "--to", str(target))
    assert (code, err) == (0, "") and out == f"已导出 {len(checked)} 行：{target}\n"
    table = pq.read_table(target)
    (hongze,) = [r for r in table.to_pylist() if r["source"] == HONGZE]
    assert hongze["table3.total_processed.natural_person"] == 21.0 and hongze["agency"] == "洪泽区人民政府"


def test_export_corpus_findings_to_csv_with_provenance_from_a_store_file(
    capsys: pytest.CaptureFixture[str], checked: dict[str, Checked], tmp_path: Path
) -> None:
    store = tmp_path / "语料.db"
    engine = open_corpus(str(store))
    try:
        fill(engine, checked, only=(HONGZE,))
    finally:
        engine.dispose()
    target = tmp_path / "问题.csv"
    assert _run(capsys, "export", "findings", "--store", str(store), "-t", str(target), "--with-provenance")[0] == 0
    rows = pacsv.read_csv(target).to_pylist()
    assert len(rows) == len(checked[HONGZE].result.findings)
    (s106,) = [r for r in rows if r["code"] == "S106"]
    assert s106["page"] == 3 and s106["location"].startswith("表三（依申请公开）·")
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")


def test_export_corpus_refuses_an_unknown_suffix_in_chinese(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = _run(
        capsys, "export", "cells", "--store", str(tmp_path / "没有.db"), "--to", str(tmp_path / "a.xlsx")
    )
    assert code == 2 and out == ""
    assert err == "错误：用法错误：不支持的导出格式 .xlsx：文件名应以 .parquet 或 .csv 结尾（a.xlsx）\n"


def test_export_corpus_names_a_missing_store(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "没有.db"
    code, _, err = _run(capsys, "export", "cells", "--store", str(missing), "--to", str(tmp_path / "a.csv"))
    assert code == 2 and err == f"错误 E201：无法打开语料库：文件不存在（{missing}）\n"
    assert not missing.exists() and not (tmp_path / "a.csv").exists()


def test_export_corpus_help_is_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "export", "--help")
    assert code == 0 and "cells" in out and "findings" in out and "applications" in out
    code, out, _ = _run(capsys, "export", "cells", "--help")
    assert code == 0 and "--with-provenance" in out and "--all-versions" in out and "语料库" in out
