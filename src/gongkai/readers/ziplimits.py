"""Check a ZIP container (DOCX) before anything decompresses it.

Only the central directory is read.  Declared sizes are enough: ``zipfile``
never returns more than a member's declared size and fails on a CRC mismatch,
so a member lying about its size cannot inflate past these limits.
"""

from __future__ import annotations

import io
import zipfile

from gongkai.errors import InputError
from gongkai.paths import display_path

MAX_TOTAL = 200 * 1024 * 1024
"""Largest total uncompressed size of all members (bytes)."""
MAX_RATIO = 200
"""Largest compression ratio of one member ..."""
RATIO_FLOOR = 1024 * 1024
"""... once that member is larger than this (small XML parts compress well legitimately)."""
MAX_MEMBERS = 10_000


def open_checked(data: bytes) -> zipfile.ZipFile:
    """Open ``data`` as a ZIP archive after checking it cannot be a decompression bomb.

    The limits are this module's constants, read at each call.

    Raises:
        InputError: E110 not a readable ZIP archive, E109 encrypted members, E114 over a limit.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except NotImplementedError as exc:  # e.g. "zip file version 25.5": a damaged central directory
        raise InputError("E110", "文件已损坏：压缩包目录中记录的解压所需版本无效，目录已损坏") from exc
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise InputError("E110", "文件已损坏：无法作为 Word（DOCX）压缩包打开，文件可能不完整") from exc
    if len(members) > MAX_MEMBERS:
        raise InputError(
            "E114", f"压缩包内文件过多（{len(members)} 个，上限 {MAX_MEMBERS} 个），疑似压缩炸弹，已拒绝读取"
        )
    total = 0
    for m in members:
        if m.flag_bits & 0x1:
            raise InputError("E109", "文件已加密：压缩包内的文件设有密码，请去除密码后重新导出")
        total += m.file_size
        if total > MAX_TOTAL:
            limit = f"{MAX_TOTAL / 1024 / 1024:g}"
            raise InputError("E114", f"解压后总大小超过 {limit} MB 上限，疑似压缩炸弹，已拒绝读取")
        ratio = m.file_size / max(m.compress_size, 1)
        if m.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
            raise InputError(
                "E114",
                f"压缩包内文件 {display_path(m.filename)} 的压缩比异常（约 {ratio:.0f} 倍，上限 {MAX_RATIO} 倍），疑似压缩炸弹",
            )
    return archive
