"""File names are shown with control characters and undecodable bytes escaped (fuzz case 20)."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.api import check_path
from gongkai.paths import display_path

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "002_3e5507a8093b4360.txt"
_UNSAFE = {"Cc", "Cf", "Cs", "Zl", "Zp"}


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("2024年报.pdf", "2024年报.pdf"),
        ("某局　年报.txt", "某局　年报.txt"),  # an ideographic space is kept
        (os.fsdecode(b"\xff\xfe.txt"), "\\xff\\xfe.txt"),
        ("a\x1b[31mb\n.txt", "a\\x1b[31mb\\n.txt"),
        ("evil\u202etxt.pdf", "evil\\u202etxt.pdf"),
        ("\x85\u2028\t\r\x7f", "\\x85\\u2028\\t\\r\\x7f"),
    ],
)
def test_paths_display_path_escapes_only_what_is_unsafe(name: str, shown: str) -> None:
    assert display_path(name) == shown


def test_paths_display_path_accepts_bytes_and_path_objects() -> None:
    assert display_path(b"/tmp/\xff.txt") == display_path(Path(os.fsdecode(b"/tmp/\xff.txt"))) == "/tmp/\\xff.txt"


_NAME_CHARS = st.one_of(
    st.characters(),
    st.integers(0xDC80, 0xDCFF).map(chr),  # bytes that are not UTF-8, as os.fsdecode keeps them
    st.integers(0, 0x9F).map(chr),  # C0 and C1 controls
    st.sampled_from("\u202e\u200b\ufeff\u2028\u2029"),
)


@given(st.text(_NAME_CHARS, max_size=40))
def test_paths_display_path_is_utf8_and_free_of_control_characters(name: str) -> None:
    shown = display_path(name)
    shown.encode("utf-8")  # never raises: no lone surrogate is left
    assert not any(unicodedata.category(ch) in _UNSAFE for ch in shown)
    if name.isprintable():
        assert shown == name


def test_paths_report_named_with_byte_ff_and_escape_sequence_is_safe_to_write(tmp_path: Path) -> None:
    name = os.fsdecode(b"\xff\x1b[2J\xe5\xb9\xb4\xe6\x8a\xa5.txt")  # 0xFF, a clear-screen sequence, then 年报
    path = tmp_path / name
    path.write_bytes(SAMPLE.read_bytes())
    result = check_path(path)
    assert result.status == "ok" and result.report is not None
    assert result.report.source_file == display_path(path)
    assert result.report.source_file.endswith("\\xff\\x1b[2J年报.txt")
    files = {line.provenance.file for line in result.report.lines} | {result.report.source_file}
    for f in result.findings:
        files |= {loc.source.file for loc in (f.location, *f.related) if loc.source is not None}
    assert all(f.encode("utf-8") and f.isprintable() for f in files)


def test_paths_error_messages_name_the_file_safely(tmp_path: Path) -> None:
    missing = tmp_path / os.fsdecode(b"\xff\x1b.txt")
    result = check_path(missing)
    assert [e.code for e in result.errors] == ["E101"]
    assert result.errors[0].message.endswith("\\xff\\x1b.txt")
    result.errors[0].message.encode("utf-8")
