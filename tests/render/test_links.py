from __future__ import annotations

import urllib.parse
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.render.links import file_uri, source_uri


def test_file_uri_keeps_chinese_and_escapes_what_ends_a_path() -> None:
    assert file_uri(PurePosixPath("/srv/年报/洪泽 区#2.pdf")) == "file:///srv/年报/洪泽%20区%232.pdf"
    assert file_uri(PurePosixPath("/a/100%?.txt")) == "file:///a/100%25%3F.txt"


def test_file_uri_windows_drive_and_share() -> None:
    assert file_uri(PureWindowsPath(r"C:\政务公开\2023\报告.pdf")) == "file:///C:/政务公开/2023/报告.pdf"
    assert file_uri(PureWindowsPath(r"\\server\share\报告.pdf")) == "file://server/share/报告.pdf"


def test_source_uri_absolute_from_the_working_directory_with_pdf_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert source_uri("年报/a.pdf", 3) == f"file://{tmp_path}/年报/a.pdf#page=3"
    assert source_uri("年报/a.PDF", 3).endswith("/年报/a.PDF#page=3")
    assert source_uri("年报/a.docx", 3) == f"file://{tmp_path}/年报/a.docx"
    assert source_uri("年报/a.pdf") == f"file://{tmp_path}/年报/a.pdf"


_NAMES = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="/\x00"), min_size=1).filter(
    lambda s: s not in (".", "..")
)


@given(_NAMES)
def test_file_uri_round_trips_any_file_name(name: str) -> None:
    uri = file_uri(PurePosixPath("/d") / name)
    assert uri.startswith("file:///d/")
    rest = uri.removeprefix("file://")
    assert not set(rest) & set(' #?"<>\\^`{|}[]')
    assert urllib.parse.unquote(rest) == f"/d/{name}"
