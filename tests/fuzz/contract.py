"""The promise every input gets, checked by the fuzz harness.

Every input ends with a result — ok, partial, or failed with a stable E code and a Chinese
message — within its time limit, never an internal error (E108), and the process stays
under :data:`MEMORY_CAP_MB` while reading it.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path

from gongkai.api import check_path
from gongkai.errors import DOCUMENT_ERRORS

TIMEOUT = 10.0
"""``--timeout`` of each fuzzed input (seconds)."""
GRACE = 5.0
"""The time limit is checked between steps (pages, rows): one step may run past it."""
MEMORY_CAP_MB = 1536
"""Peak resident memory of the checking process while it reads one input (OCR included)."""
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _hwm_mb() -> float | None:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            m = re.search(r"VmHWM:\s+(\d+)", fh.read())
        return int(m.group(1)) / 1024 if m else None
    except OSError:
        return None


def _reset_hwm() -> None:
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as fh:
            fh.write("5")  # resets the peak-RSS counter of this process (Linux)
    except OSError:
        pass


@dataclass
class Outcome:
    status: str
    codes: list[str]
    messages: list[str]
    seconds: float
    peak_mb: float | None

    def violations(self) -> list[str]:
        out: list[str] = []
        if self.status not in ("ok", "partial", "failed"):
            out.append(f"status {self.status}")
        for code, message in zip(self.codes, self.messages, strict=True):
            if code == "E108" or code not in DOCUMENT_ERRORS:
                out.append(f"{code}: {message[:200]}")
            elif not _CJK.search(message) or "Traceback" in message:
                out.append(f"{code} without a Chinese message: {message[:200]}")
        if self.status == "failed" and not self.codes:
            out.append("failed without an error code")
        if self.seconds > TIMEOUT + GRACE:
            out.append(f"took {self.seconds:.1f} s (limit {TIMEOUT:.0f} s)")
        if self.peak_mb is not None and self.peak_mb > MEMORY_CAP_MB:
            out.append(f"peak RSS {self.peak_mb:.0f} MB (cap {MEMORY_CAP_MB} MB)")
        return out


def check(path: Path) -> Outcome:
    """Check one input as ``gongkai check`` does and record what the contract looks at."""
    _reset_hwm()
    start = time.perf_counter()
    result = check_path(path, timeout=TIMEOUT)
    seconds = time.perf_counter() - start
    return Outcome(
        status=result.status,
        codes=[e.code for e in result.errors],
        messages=[e.message for e in result.errors],
        seconds=seconds,
        peak_mb=_hwm_mb(),
    )
