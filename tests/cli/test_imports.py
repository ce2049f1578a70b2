"""``gongkai import applications`` and ``gongkai export applications`` through ``gongkai.cli.run``, on both backends."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine

from gongkai.cli import run
from gongkai.store.engine import session_scope
from gongkai.store.repo import add_agency
from tests.casework.ledger_files import AGENCY, ALL_ROWS, counts, edited, ledger

UNPAID = "注意：GK-012填了收费金额并已答复，但没有填缴费日期；年度报告只计入已登记缴费的信息处理费（补填“缴费日期”列后重新导入即可）。\n"
"""GK-012 charged 100元 and was answered (予以公开) with no 缴费日期 in the 台账 (GK-011 was not paid: （六）2)."""


@pytest.fixture
def db(engine: Engine, url_of: Callable[[Engine], str], monkeypatch: pytest.MonkeyPatch) -> Engine:
    monkeypatch.setenv("GONGKAI_DATABASE_URL", url_of(engine))
    monkeypatch.setenv("GONGKAI_USER", "张三")
    with session_scope(engine) as s:
        add_agency(s, AGENCY, "department")
    return engine


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_imports_applications_prints_what_it_added_then_that_nothing_changed(
    capsys: pytest.CaptureFixture[str], db: Engine, tmp_path: Path
) -> None:
    path = str(ledger(tmp_path / "台账.xlsx"))
    assert _run(capsys, "import", "applications", path, "--agency", AGENCY) == (
        0,
        "已导入：新增19件，更新0件，未变0件（新增事件47条）\n",
        UNPAID,
    )
    assert _run(capsys, "import", "applications", path, "--agency", AGENCY) == (
        0,
        "已导入：新增0件，更新0件，未变19件（新增事件0条）\n",
        UNPAID,
    )


def test_imports_applications_lists_every_problem_and_exits_2(
    capsys: pytest.CaptureFixture[str], db: Engine, tmp_path: Path
) -> None:
    rows = edited(edited(ALL_ROWS, "GK-001", 收到日期="明天"), "GK-019", 延期天数=30)
    before = counts(db)
    code, out, err = _run(
        capsys, "import", "applications", str(ledger(tmp_path / "有错.xlsx", rows)), "--agency", AGENCY
    )
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        "错误 E205：台账文件有2处错误，未导入任何记录",
        "  第3行「收到日期」：无法识别的日期“明天”（应写作 2025-03-04、2025/3/4 或 2025年3月4日）",
        "  第22行「延期天数」：“30”超出范围（应为 1–20 个工作日）",
    ]
    assert counts(db) == before


def test_imports_applications_into_a_missing_agency_is_e209(
    capsys: pytest.CaptureFixture[str], db: Engine, tmp_path: Path
) -> None:
    code, _, err = _run(capsys, "import", "applications", str(ledger(tmp_path / "台账.xlsx")), "--agency", "某县某局")
    assert (code, err) == (2, "错误 E209：机关不存在：某县某局（先运行 gongkai agency add 添加）\n")


def test_imports_export_applications_writes_a_ledger_the_import_reads_back(
    capsys: pytest.CaptureFixture[str], db: Engine, tmp_path: Path
) -> None:
    _run(capsys, "import", "applications", str(ledger(tmp_path / "台账.xlsx")), "--agency", AGENCY)
    target = tmp_path / "导出.xlsx"
    code, out, _ = _run(capsys, "export", "applications", "--agency", AGENCY, "--to", str(target))
    assert (code, out) == (0, f"已导出 19 件申请：{target}\n")
    assert _run(capsys, "import", "applications", str(target), "--agency", AGENCY)[1] == (
        "已导入：新增0件，更新0件，未变19件（新增事件0条）\n"
    )
    code, _, err = _run(capsys, "export", "applications", "--agency", AGENCY, "--to", str(tmp_path / "导出.csv"))
    assert (code, err) == (2, "错误：用法错误：台账只能导出为 .xlsx 工作簿，而不是“.csv”文件\n")
    assert not (tmp_path / "导出.csv").exists()
