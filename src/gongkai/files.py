"""Writing output files: whole or not at all, several as one, and no temporaries left behind.

Each output is first written to a temporary file beside it (``.NAME.PID.HEX.tmp``), then
renamed into place, so a reader never sees half a document and an existing file is only
ever replaced by a complete one.  A run that was killed leaves its temporary behind; the
next write to the same folder removes temporaries whose writing process is gone.
"""

from __future__ import annotations

import os
import re
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from gongkai.errors import OutputError

_TEMP = re.compile(r"^\.(?P<name>.+?)\.(?:(?P<pid>\d+)\.)?(?P<hex>[0-9a-f]{32})\.tmp$")
STALE_SECONDS = 24 * 3600
"""A temporary without a process id (older gongkai) is removed once this old."""


def _temp_path(path: Path) -> Path:
    return path.parent / f".{path.name}.{os.getpid()}.{uuid.uuid4().hex}.tmp"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Remove the temporaries a killed writer left in ``folder``; returns what was removed.

    A temporary belongs to a writer that is gone when its process id no longer runs (or,
    without a process id, when it is older than :data:`STALE_SECONDS`); those of a writer
    still running are left alone, so concurrent writers never break each other.
    """
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        m = _TEMP.match(entry.name)
        if m is None:
            continue
        try:
            if m.group("pid") is not None:
                stale = int(m.group("pid")) != os.getpid() and not _alive(int(m.group("pid")))
            else:
                stale = now - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS
            if stale:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def _write_temp(path: Path, data: bytes) -> Path:
    """``data`` in a new temporary beside ``path`` (mode 0666 less the umask, like any ordinary file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _temp_path(path)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary renamed into place (raises OSError)."""
    remove_stale_temporaries(path.parent)
    tmp = _write_temp(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path`` to write to; renamed into place when the body succeeds.

    For outputs written progressively (``check -o``): a reader of ``path`` sees the old file
    or the complete new one, never a partial one.  The temporary is removed on any failure.

    Raises:
        OutputError: naming ``path`` when the folder, the temporary or the rename fails.
    """
    try:
        remove_stale_temporaries(path.parent)
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_dir():
            raise IsADirectoryError(21, "是一个文件夹")
    except OSError as exc:
        raise OutputError(str(path), _reason(exc)) from exc
    tmp = _temp_path(path)
    try:
        yield tmp
        os.replace(tmp, path)
    except OSError as exc:
        raise OutputError(str(path), _reason(exc)) from exc
    finally:
        tmp.unlink(missing_ok=True)


def write_all(outputs: Sequence[tuple[Path, bytes]]) -> list[Path]:
    """Write every output or none: all temporaries are written before any file is replaced.

    Raises:
        OutputError: naming the output that could not be written; no output was replaced
            (a rename failing after others succeeded — not seen in practice within one
            folder — names what was already written).
    """
    for folder in {p.parent for p, _ in outputs}:
        remove_stale_temporaries(folder)
    temps: list[tuple[Path, Path]] = []
    try:
        for path, data in outputs:
            try:
                temps.append((path, _write_temp(path, data)))
            except OSError as exc:
                raise OutputError(str(path), _reason(exc)) from exc
    except BaseException:
        for _, tmp in temps:
            tmp.unlink(missing_ok=True)
        raise
    done: list[Path] = []
    for i, (path, tmp) in enumerate(temps):
        try:
            os.replace(tmp, path)
        except OSError as exc:
            for _, left in temps[i:]:
                left.unlink(missing_ok=True)
            already = f"（已写入：{'、'.join(map(str, done))}）" if done else ""
            raise OutputError(str(path), _reason(exc) + already) from exc
        done.append(path)
    return done


__all__ = ["remove_stale_temporaries", "replacing", "write_all", "write_atomic"]
