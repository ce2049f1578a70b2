"""Several outputs are written as one, the error names the file, and a killed run's temporaries are cleaned up."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from gongkai.errors import OutputError
from gongkai.files import remove_stale_temporaries, replacing, write_all


def test_write_all_writes_nothing_when_one_output_fails(tmp_path: Path) -> None:
    first = tmp_path / "年报.md"
    first.write_text("旧", encoding="utf-8")
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    bad = tmp_path / "a-file" / "年报.json"
    with pytest.raises(OutputError) as info:
        write_all([(first, b"new"), (bad, b"{}")])
    assert info.value.path == str(bad) and str(bad) in str(info.value)
    assert first.read_text(encoding="utf-8") == "旧"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file", "年报.md"]


def test_write_all_names_the_file_when_the_disk_is_full(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_fdopen = os.fdopen

    class Full:
        def __init__(self, fh: object) -> None:
            self.fh = fh

        def __enter__(self) -> Full:
            return self

        def __exit__(self, *exc: object) -> None:
            self.fh.close()  # type: ignore[attr-defined]

        def write(self, data: bytes) -> int:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fdopen", lambda fd, mode: Full(real_fdopen(fd, mode)))
    target = tmp_path / "年报.docx"
    with pytest.raises(OutputError) as info:
        write_all([(target, b"x")])
    assert str(info.value) == f"无法写入输出文件 {target}：No space left on device"
    assert list(tmp_path.iterdir()) == []


def _dead_pid() -> int:
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(proc.stdout)


def test_remove_stale_temporaries_removes_a_killed_writers_and_keeps_a_running_ones(tmp_path: Path) -> None:
    dead = tmp_path / f".年报.docx.{_dead_pid()}.{'a' * 32}.tmp"
    live = tmp_path / f".年报.docx.{os.getppid()}.{'b' * 32}.tmp"
    mine = tmp_path / f".年报.docx.{os.getpid()}.{'c' * 32}.tmp"
    other = tmp_path / ".hidden.tmp"
    for p in (dead, live, mine, other):
        p.write_bytes(b"partial")
    assert remove_stale_temporaries(tmp_path) == [dead]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in (live, mine, other))


def test_remove_stale_temporaries_old_style_only_when_a_day_old(tmp_path: Path) -> None:
    old = tmp_path / f".年报.pdf.{'d' * 32}.tmp"
    new = tmp_path / f".年报.md.{'e' * 32}.tmp"
    for p in (old, new):
        p.write_bytes(b"x")
    os.utime(old, (0, 0))
    assert remove_stale_temporaries(tmp_path) == [old]


def test_replacing_leaves_the_old_file_when_the_body_fails(tmp_path: Path) -> None:
    target = tmp_path / "r.csv"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), replacing(target) as tmp:
        tmp.write_text("half", encoding="utf-8")
        raise RuntimeError("stop")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.csv"]
