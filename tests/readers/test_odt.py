"""OpenDocument text (.odt): sniffed by its mimetype member, checked as a ZIP archive, converted by LibreOffice."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from gongkai.errors import InputError
from gongkai.extract import extract
from gongkai.readers import read_bytes, ziplimits
from tests.docx_layout import docx_layout
from tests.readers.test_docx_numbering import numbered_report
from tests.readers.test_legacy import T2, T3, T4

ODT_TYPE = "application/vnd.oasis.opendocument.text"


@pytest.fixture(scope="module")
def odt_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The round-trip report and the one with Word-numbered headings, both saved as .odt by LibreOffice."""
    soffice = shutil.which("soffice")
    assert soffice is not None, "LibreOffice (soffice) missing: scripts/setup.sh installs it"
    work = tmp_path_factory.mktemp("odt")
    (work / "plain.docx").write_bytes(docx_layout(T2, T3, T4))
    (work / "numbered.docx").write_bytes(numbered_report())
    profile = (work / "profile").as_uri()
    cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "odt", "--outdir", str(work)]
    subprocess.run(
        [*cmd, str(work / "plain.docx"), str(work / "numbered.docx")], check=True, capture_output=True, timeout=180
    )
    files = {name: (work / f"{name}.odt").read_bytes() for name in ("plain", "numbered")}
    assert all(data[30:38] == b"mimetype" for data in files.values())
    return files


def _values(data: bytes, path: str) -> tuple[object, ...]:
    raw = read_bytes(data, path)
    assert raw.format == "odt"
    assert {c.prov.file for r in raw.rows for c in r.cells} == {path}
    report = extract(raw)
    return (
        {k: [c.plain() for c in row.values()] for k, row in report.table2.rows.items()},
        {k: [c.plain() for c in row.values()] for k, row in report.table3.rows.items()},
        {k: [c.plain() for c in row.values()] for k, row in report.table4.rows.items()},
        [s.number for s in report.sections],
    )


def test_odt_reads_back_every_value(odt_files: dict[str, bytes]) -> None:
    assert _values(odt_files["plain"], "年报.odt") == (T2, T3, T4, [1, 2, 3, 4, 5, 6])


def test_odt_with_list_numbered_headings_keeps_its_sections(odt_files: dict[str, bytes]) -> None:
    """LibreOffice writes the list numbering back as Word numbering; the labels are read again."""
    assert _values(odt_files["numbered"], "编号.odt") == (T2, T3, T4, [1, 2, 3, 4, 5, 6])


def _odt(members: dict[str, bytes], compress: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), ODT_TYPE, compress_type=zipfile.ZIP_STORED)
        for name, data in members.items():
            z.writestr(name, data, compress_type=compress)
    return out.getvalue()


def _error(data: bytes) -> InputError:
    with pytest.raises(InputError) as info:
        read_bytes(data, "a.odt")
    return info.value


@pytest.fixture
def no_soffice(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Archive checks come before conversion: they must not need LibreOffice."""
    monkeypatch.setenv("PATH", str(tmp_path))


@pytest.mark.usefixtures("no_soffice")
def test_odt_decompression_bomb_is_rejected_before_conversion() -> None:
    err = _error(_odt({"content.xml": b"\0" * (5 * 1024 * 1024)}))
    assert err.code == "E114" and "压缩比" in err.message


@pytest.mark.usefixtures("no_soffice")
def test_odt_total_size_bomb_is_rejected(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ziplimits, "MAX_TOTAL", 64 * 1024)
    assert _error(_odt({"content.xml": bytes(range(256)) * 300})).code == "E114"


@pytest.mark.usefixtures("no_soffice")
def test_odt_with_password_is_encrypted() -> None:
    manifest = b'<manifest:manifest><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/>'
    err = _error(_odt({"content.xml": b"x", "META-INF/manifest.xml": manifest + b"</manifest:file-entry>"}))
    assert err.code == "E109" and err.message.startswith("文件已加密")


@pytest.mark.usefixtures("no_soffice")
def test_odt_without_content_or_truncated_is_corrupt() -> None:
    err = _error(_odt({"styles.xml": b"<x/>"}))
    assert err.code == "E110" and "content.xml" in err.message
    data = _odt({"content.xml": b"<office:document-content/>" * 100})
    err = _error(data[: len(data) - 30])
    assert err.code == "E110" and "OpenDocument" in err.message


@pytest.mark.usefixtures("no_soffice")
def test_odt_without_libreoffice_is_e113() -> None:
    err = _error(_odt({"content.xml": b"<office:document-content/>"}))
    assert err.code == "E113" and ".odt" in err.message
