"""``gongkai check`` prints each document's result as soon as it is done and keeps none of them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import gongkai.api
from gongkai.cli import run
from gongkai.result import DocumentResult

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
TEXTS = sorted(SAMPLES.glob("00*.txt"))[:3]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for p in TEXTS:
        shutil.copy(p, tmp_path / p.name)
    return tmp_path


@pytest.mark.parametrize("fmt", ["text", "json", "csv"])
def test_check_stream_prints_each_result_before_reading_the_next(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, folder: Path, fmt: str
) -> None:
    real = gongkai.api.check_path
    seen: list[str] = []
    printed: list[str] = []

    def spy(path: Path, *args: object, **kwargs: object) -> DocumentResult:
        printed.append(capsys.readouterr().out)  # what was on stdout before this document was read
        seen.append(Path(path).name)
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(gongkai.api, "check_path", spy)
    assert run(["check", str(folder), "--exit-zero", "-f", fmt]) == 0
    printed.append(capsys.readouterr().out)
    assert seen == [p.name for p in TEXTS]
    for i, name in enumerate(seen[:-1]):
        assert name in "".join(printed[: i + 2]), f"{name} was not printed before the next file was read"
    if fmt == "json":
        data = json.loads("".join(printed))
        assert [Path(r["file"]).name for r in data["reports"]] == seen
        assert data["summary"]["files"] == 3


def test_check_stream_keeps_no_report_after_printing_it(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    import weakref

    real = gongkai.api.check_path
    refs: list[weakref.ref[object]] = []

    def spy(path: Path, *args: object, **kwargs: object) -> DocumentResult:
        result = real(path, *args, **kwargs)  # type: ignore[arg-type]
        refs.append(weakref.ref(result.report))
        return result

    monkeypatch.setattr(gongkai.api, "check_path", spy)
    assert run(["check", str(folder), "--exit-zero", "-f", "csv", "-o", str(folder / "out" / "r.csv")]) == 0
    import gc

    gc.collect()
    assert len(refs) == 3 and all(r() is None for r in refs)


def test_check_stream_empty_folder_is_an_input_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run(["check", str(tmp_path)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "没有找到要检查的文件" in err


def test_check_stream_unreadable_subfolder_is_reported_not_skipped(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, folder: Path
) -> None:
    locked = folder / "locked"
    locked.mkdir()
    import os

    real_scandir = os.scandir

    def scandir(path: object) -> object:
        if Path(str(path)) == locked:  # root reads every folder: simulate what another user meets
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "scandir", scandir)
    assert run(["check", str(folder), "-f", "json"]) == 2
    data = json.loads(capsys.readouterr().out)
    failed = [r for r in data["reports"] if r["status"] == "failed"]
    assert [Path(r["file"]).name for r in failed] == ["locked"]
    assert failed[0]["errors"][0]["code"] == "E102" and "没有读取权限" in failed[0]["errors"][0]["message"]
    assert data["summary"] == data["summary"] | {"files": 4, "failed": 1}
