"""Legacy Word (.doc), WPS (.wps) and OpenDocument text (.odt) reader: converted by LibreOffice.

.doc/.wps are OLE2 compound files; .odt is a ZIP archive, checked against
decompression bombs (:func:`open_checked`) before LibreOffice opens it.  Each call runs ``soffice --headless --convert-to docx`` in a temporary directory
with its own user profile (LibreOffice instances sharing a profile silently drop
conversions), under a time limit; the DOCX is then read by :func:`read_docx`.
Provenance names the original file, not the temporary one.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import zipfile
import zlib
from pathlib import Path

from gongkai.errors import InputError
from gongkai.readers.docx import read_docx
from gongkai.readers.raw import RawDocument
from gongkai.readers.ziplimits import open_checked

TIMEOUT = 60.0
"""Seconds one conversion may take before LibreOffice is killed (E112)."""
_MIN_OLE = 3 * 512
"""Header, one FAT sector and one directory sector: the smallest compound file."""
_PROGRAMS = ("soffice", "libreoffice")
_INSTALL = (
    "读取 {kind} 文件需要 LibreOffice，但未找到 soffice 程序。"
    "请安装 LibreOffice（Debian/Ubuntu：apt-get install libreoffice-writer-nogui），"
    "或在 Word/WPS 中将文件另存为 .docx 后再检查"
)
_OTHER_OLE = {
    "Workbook": "Excel 工作簿（.xls）",
    "Book": "Excel 工作簿（.xls）",
    "PowerPoint Document": "PowerPoint 演示文稿（.ppt）",
}


def has_ole_stream(data: bytes, name: str) -> bool:
    """True when the compound file has a directory entry called ``name``.

    A directory entry is 128 bytes at a 128-byte boundary: the name in UTF-16LE,
    zero-padded to 64 bytes, then its length in bytes (with the terminator).
    Text mentioning the name inside a stream does not match.
    """
    needle = name.encode("utf-16-le") + b"\x00\x00"
    size = len(needle).to_bytes(2, "little")
    start = data.find(needle)
    while start != -1:
        if start % 128 == 0 and data[start + 64 : start + 66] == size:
            return True
        start = data.find(needle, start + 1)
    return False


def find_soffice() -> str | None:
    for name in _PROGRAMS:
        found = shutil.which(name)
        if found:
            return found
    return None


def _convert(soffice: str, data: bytes, timeout: float, suffix: str = "doc") -> bytes:
    """Run LibreOffice on ``data`` saved as ``source.<suffix>``; returns the DOCX bytes."""
    with tempfile.TemporaryDirectory(prefix="gongkai-lo-") as tmp:
        work = Path(tmp)
        src = work / f"source.{suffix}"
        src.write_bytes(data)
        out = work / "out"
        cmd = [
            soffice,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--invisible",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            "--norestore",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(out),
            str(src),
        ]
        env = {**os.environ, "HOME": str(work), "SAL_USE_VCLPLUGIN": "svp"}
        proc = subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            start_new_session=True,
        )
        try:
            proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            raise InputError("E112", f"转换文档超时（超过 {timeout:g} 秒），已放弃读取") from None
        finally:
            # timed out, interrupted or finished: never leave LibreOffice processes behind
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
        result = out / "source.docx"
        if not result.is_file() or result.stat().st_size == 0:
            raise InputError("E110", "文件已损坏：LibreOffice 无法转换该文档，文件可能不完整或格式异常")
        return result.read_bytes()


def read_legacy(data: bytes, path: str, *, timeout: float = TIMEOUT) -> RawDocument:
    """Read a .doc or .wps file by converting it to DOCX with LibreOffice.

    Raises:
        InputError: E109 encrypted, E104 another Office format, E110 conversion failed,
            E112 timeout, E113 LibreOffice missing, and those of :func:`read_docx`.
    """
    if len(data) < _MIN_OLE:
        raise InputError("E110", "文件已损坏：Word/WPS 文档不完整（文件过短）")
    if has_ole_stream(data, "EncryptedPackage"):
        raise InputError("E109", "文件已加密：这是设有打开密码的 Office 文档，请去除密码后重新导出")
    if not has_ole_stream(data, "WordDocument"):
        for stream, kind in _OTHER_OLE.items():
            if has_ole_stream(data, stream):
                raise InputError("E104", f"不支持读取{kind}（支持 PDF、Word、图片、HTML、Markdown 和纯文本）")
    return _via_libreoffice(data, path, "doc", timeout)


def read_odt(data: bytes, path: str, *, timeout: float = TIMEOUT) -> RawDocument:
    """Read an OpenDocument text (.odt) file by converting it to DOCX with LibreOffice.

    Raises:
        InputError: E114 decompression bomb, E109 encrypted, E110 corrupt or conversion failed,
            E112 timeout, E113 LibreOffice missing, and those of :func:`read_docx`.
    """
    broken = "文件已损坏：无法解压 OpenDocument 文档，文件可能不完整"
    try:
        with open_checked(data) as archive:
            names = set(archive.namelist())
            manifest = archive.read("META-INF/manifest.xml") if "META-INF/manifest.xml" in names else b""
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as exc:
        raise InputError("E110", broken) from exc
    except InputError as exc:  # the archive checks' own "corrupt" message speaks of DOCX
        if exc.code != "E110":
            raise
        raise InputError("E110", broken) from exc
    if b"encryption-data" in manifest:
        raise InputError("E109", "文件已加密：这是设有打开密码的 OpenDocument 文档，请去除密码后重新导出")
    if "content.xml" not in names:
        raise InputError("E110", "文件已损坏：OpenDocument 文档中缺少正文（content.xml）")
    return _via_libreoffice(data, path, "odt", timeout)


def _via_libreoffice(data: bytes, path: str, suffix: str, timeout: float) -> RawDocument:
    soffice = find_soffice()
    if soffice is None:
        raise InputError("E113", _INSTALL.format(kind=".odt" if suffix == "odt" else ".doc/.wps"))
    raw = read_docx(_convert(soffice, data, timeout, suffix), path)
    raw.format = suffix
    return raw
