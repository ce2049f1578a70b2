"""Start-up stays light: checking a text report imports neither the writer nor any heavy library."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "002_3e5507a8093b4360.txt"

HEAVY = (
    "openpyxl", "xlsxwriter", "weasyprint", "cv2", "onnxruntime", "rapidocr", "pdfplumber", "pdfminer",
    "pypdfium2", "docx", "PIL", "numpy", "jinja2", "yaml", "lxml",
)  # fmt: skip

_PROBE = """
import json, sys
from gongkai.cli import run
code = run(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.stderr)
"""


def _modules_after(*args: str, env: dict[str, str] | None = None) -> tuple[int, list[str]]:
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, timeout=120, check=False, env=env
    )
    data = json.loads(proc.stderr.strip().splitlines()[-1])
    return data["code"], data["modules"]


def _loaded(modules: list[str], names: tuple[str, ...]) -> list[str]:
    return sorted({m for m in modules for n in names if m == n or m.startswith(n + ".")})


def test_lazy_imports_check_of_a_text_report_imports_no_writer_and_no_heavy_library() -> None:
    code, modules = _modules_after("check", str(SAMPLE), "--exit-zero")
    assert code == 0
    assert _loaded(modules, ("gongkai.write",)) == []
    assert _loaded(modules, HEAVY) == []


def test_lazy_imports_check_of_a_folder_without_a_store_imports_no_sqlalchemy() -> None:
    # the parent of a run in worker processes: the store's modules only for --store (62 → 40 MB of RSS)
    code, modules = _modules_after(
        "check", str(SAMPLE.parent / "000_531ecae6516f2ca1.txt"), str(SAMPLE), "--jobs", "2", "--exit-zero"
    )
    assert code == 0
    assert _loaded(modules, ("sqlalchemy", "gongkai.batch.resume", "gongkai.store.corpus")) == []


def test_lazy_imports_version_imports_neither_readers_nor_pydantic() -> None:
    code, modules = _modules_after("--version")
    assert code == 0
    assert _loaded(modules, ("gongkai.readers", "gongkai.audit", "gongkai.api", "pydantic", *HEAVY)) == []


def test_lazy_imports_import_gongkai_alone_loads_nothing_else_of_it() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", "import sys, gongkai; print(sorted(m for m in sys.modules if 'gongkai' in m or m == 'pydantic'))"],
        capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    assert proc.stdout.strip() == "['gongkai']"


def test_lazy_imports_cases_due_reads_with_core_alone(tmp_path: Path) -> None:
    # a one-second budget over 100,000 applications: neither the ORM, nor Alembic, nor pydantic-settings
    # (pydantic itself comes with typer: it validates every option's value)
    from gongkai.store.engine import open_engine
    from gongkai.store.migrate import upgrade

    url = f"sqlite:///{tmp_path / 'g.db'}"
    engine = open_engine(url)
    upgrade(engine)
    engine.dispose()
    env = os.environ | {"GONGKAI_DATABASE_URL": url}
    code, modules = _modules_after("cases", "due", env=env)
    assert code == 0
    assert _loaded(modules, ("sqlalchemy.orm", "alembic", "pydantic_settings", "gongkai.cases.state")) == []
