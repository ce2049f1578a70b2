"""A corpus store filled from real files, for the export and overview tests.

The files: two text-layer PDFs (洪泽区 2023, 淮安市 2024), a plain-text seed (蓬莱区大数据服务中心 2023), a
department's web page published on time (沭阳县发展和改革局 2023, 发布 2024-01-17, deadline 1月31日), the
same page with its publication date moved to 2024-02-20 (20 days late), and an empty PDF that
cannot be read (E103).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine

from gongkai.api import check_path
from gongkai.result import DocumentResult
from gongkai.store.corpus import Source, record
from gongkai.store.engine import session_scope

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
HONGZE = "hongze-district-2023.pdf"
HUAIAN = "huaian-city-2024.pdf"
SEED = "000_531ecae6516f2ca1.txt"
ON_TIME = "shuyang-development-reform-2023.html"
LATE = "沭阳发改局-改发布日期.html"
FAILED = "空.pdf"
FETCHED = dt.datetime(2026, 12, 1, 8, 30, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Checked:
    path: Path
    result: DocumentResult

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.path.read_bytes()).hexdigest()


def corpus_files(folder: Path) -> list[Path]:
    """The files of the test corpus (the edited and the empty one written to ``folder``)."""
    late = folder / LATE
    page = (SAMPLES / ON_TIME).read_text(encoding="utf-8")
    assert page.count("<publishtime>2024-01-17</publishtime>") == 1
    late.write_text(page.replace("<publishtime>2024-01-17", "<publishtime>2024-02-20"), encoding="utf-8")
    empty = folder / FAILED
    empty.write_bytes(b"")
    return [SAMPLES / HONGZE, SAMPLES / HUAIAN, SAMPLES / SEED, SAMPLES / ON_TIME, late, empty]


def check_all(folder: Path) -> dict[str, Checked]:
    """Every test file checked, by file name."""
    return {p.name: Checked(p, check_path(p)) for p in corpus_files(folder)}


@pytest.fixture(scope="session")
def checked(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Checked]:
    """The test corpus checked once per session (reading the PDFs takes about a second)."""
    return check_all(tmp_path_factory.mktemp("corpus"))


def fill(
    engine: Engine, checked: dict[str, Checked], *, version: str = "1.0", only: tuple[str, ...] = ()
) -> dict[str, int]:
    """Record the checked files (``only`` these, when given); returns each file's result id."""
    ids: dict[str, int] = {}
    for name, c in checked.items():
        if only and name not in only:
            continue
        with session_scope(engine) as s:
            source = Source(str(c.path), c.path.name, FETCHED)
            ids[name] = record(
                s,
                sha256=c.sha256,
                size=c.path.stat().st_size,
                source=source,
                result=c.result,
                version=version,
                config="all",
            )
    return ids


__all__ = ["FAILED", "HONGZE", "HUAIAN", "LATE", "ON_TIME", "SEED", "Checked", "check_all", "checked", "fill"]
