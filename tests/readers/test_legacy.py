"""Legacy Word (.doc/.wps) files: converted by LibreOffice, read as DOCX; failures have stable codes."""

from __future__ import annotations

import shutil
import stat
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from gongkai.errors import InputError
from gongkai.extract import extract
from gongkai.readers import read_bytes
from gongkai.readers.legacy import has_ole_stream, read_legacy
from tests.docx_layout import docx_layout
from tests.layouts import T3_ROWS
from tests.readers.test_docx import _cells

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
T2 = {
    "regulations": [1, 0, 3],
    "normative_documents": [2, 1, 15],
    "administrative_licensing": [120],
    "administrative_penalty": [30],
    "administrative_coercion": [1],
    "administrative_fees": [0],
}
T3 = {r.key: [i % 3, 0, 1, 0, 0, 0, i % 3 + 1] for i, r in enumerate(T3_ROWS)}
T4 = {
    "administrative_review": [1, 0, 0, 1, 2],
    "litigation_direct": [0] * 5,
    "litigation_after_review": [0, 1, 0, 0, 1],
}


def _ole(*names: str) -> bytes:
    """A minimal compound-file image with directory entries called ``names`` (enough for sniffing)."""
    data = bytearray(OLE_MAGIC + b"\0" * (1024 - len(OLE_MAGIC)))
    for name in names:
        entry = name.encode("utf-16-le").ljust(64, b"\0") + ((len(name) + 1) * 2).to_bytes(2, "little")
        data += entry.ljust(128, b"\0")
    return bytes(data.ljust(2048, b"\0"))


def _fake_soffice(directory: Path, script: str) -> None:
    exe = directory / "soffice"
    exe.write_text("#!/bin/sh\n" + script + "\n")
    exe.chmod(exe.stat().st_mode | stat.S_IEXEC)


@pytest.fixture(scope="module")
def doc_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    soffice = shutil.which("soffice")
    assert soffice is not None, "LibreOffice (soffice) missing: scripts/setup.sh installs it"
    work = tmp_path_factory.mktemp("legacy")
    (work / "report.docx").write_bytes(docx_layout(T2, T3, T4))
    profile = (work / "profile").as_uri()
    cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "doc", "--outdir", str(work)]
    subprocess.run([*cmd, str(work / "report.docx")], check=True, capture_output=True, timeout=120)
    data = (work / "report.doc").read_bytes()
    assert data.startswith(OLE_MAGIC)
    return data


def test_legacy_doc_reads_back_every_value(doc_bytes: bytes) -> None:
    raw = read_bytes(doc_bytes, "年报.doc")
    assert raw.format == "doc"
    assert {c.prov.file for r in raw.rows for c in r.cells} == {"年报.doc"}
    report = extract(raw)
    assert {k: [c.plain() for c in row.values()] for k, row in report.table2.rows.items()} == T2
    assert {k: [c.plain() for c in row.values()] for k, row in report.table3.rows.items()} == T3
    assert {k: [c.plain() for c in row.values()] for k, row in report.table4.rows.items()} == T4
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    granted = next(r for r in raw.rows if r.kind == "cells" and r.cells[0].text == "三、本年度办理结果")
    assert (granted.cells[0].rowspan, granted.cells[1].colspan) == (22, 2)


def test_legacy_concurrent_conversions_each_succeed(doc_bytes: bytes) -> None:
    with ThreadPoolExecutor(2) as pool:
        docs = list(pool.map(lambda i: read_legacy(doc_bytes, f"{i}.doc"), range(2)))
    assert _cells(docs[0]) == _cells(docs[1]) and len(_cells(docs[0])) == 46


def test_legacy_missing_soffice_is_e113(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(InputError) as info:
        read_bytes(_ole("Root Entry", "WordDocument"), "a.doc")
    assert info.value.code == "E113" and "LibreOffice" in info.value.message


def test_legacy_encrypted_ooxml_is_e109() -> None:
    with pytest.raises(InputError) as info:
        read_bytes(_ole("Root Entry", "EncryptionInfo", "EncryptedPackage"), "secret.docx")
    assert info.value.code == "E109" and info.value.message.startswith("文件已加密")


def test_legacy_spreadsheet_is_unsupported() -> None:
    with pytest.raises(InputError) as info:
        read_bytes(_ole("Root Entry", "Workbook"), "a.xls")
    assert info.value.code == "E104"


def test_legacy_conversion_without_output_is_e110(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _fake_soffice(tmp_path, "exit 0")
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(InputError) as info:
        read_bytes(_ole("Root Entry", "WordDocument"), "a.doc")
    assert info.value.code == "E110"


def test_legacy_hanging_conversion_is_killed_as_e112(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    marker = tmp_path / "child.pid"
    _fake_soffice(tmp_path, f"/bin/sleep 30 & echo $! > {marker}; wait")
    monkeypatch.setenv("PATH", f"{tmp_path}:/bin:/usr/bin")
    with pytest.raises(InputError) as info:
        read_legacy(_ole("Root Entry", "WordDocument"), "a.doc", timeout=0.5)
    assert info.value.code == "E112"
    child = int(marker.read_text())
    assert not Path(f"/proc/{child}").exists() or "Z" in Path(f"/proc/{child}/stat").read_text().split()[2]


def test_legacy_truncated_file_is_e110_without_conversion(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no LibreOffice needed to tell
    with pytest.raises(InputError) as info:
        read_bytes(OLE_MAGIC + b"\0" * 100, "a.doc")
    assert info.value.code == "E110"


def test_legacy_stream_name_in_text_is_not_a_directory_entry() -> None:
    text = b"\0" * 1000 + "EncryptedPackage".encode("utf-16-le") + b"\0\0"
    assert not has_ole_stream(OLE_MAGIC + text, "EncryptedPackage")
    assert has_ole_stream(_ole("EncryptedPackage"), "EncryptedPackage")
