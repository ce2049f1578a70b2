"""Outputs are written whole or not at all, as ordinary files."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from gongkai.files import write_atomic


def test_written_file_has_the_umasks_ordinary_mode_and_no_temporary_is_left(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "sub" / "年报.md", "内容".encode())
    finally:
        os.umask(old)
    path = tmp_path / "sub" / "年报.md"
    assert path.read_text(encoding="utf-8") == "内容"
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert [p.name for p in path.parent.iterdir()] == ["年报.md"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "年报.md"
    path.write_text("旧", encoding="utf-8")

    def broken(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError):
        write_atomic(path, b"new")
    assert path.read_text(encoding="utf-8") == "旧"
    assert [p.name for p in tmp_path.iterdir()] == ["年报.md"]
