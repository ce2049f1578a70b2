"""Hostile and damaged PDFs built at test time, and a child process that reads files and reports its memory.

``deflate_bomb`` writes gigabytes of spaces as a valid zlib stream in a second:
one megabyte is compressed once, with a full flush, and its bytes repeated.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zlib
from pathlib import Path
from typing import Any

_MOD = 65521
ROOT = Path(__file__).resolve().parents[1]


def deflate_bomb(size: int, byte: int = 0x20) -> bytes:
    """A zlib stream of ``size`` bytes (a multiple of 1 MiB) of ``byte``, about 1/1000 of that long."""
    chunk = bytes((byte,)) * (1 << 20)
    c = zlib.compressobj(9)
    first = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    piece = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    assert first[2:] == piece  # after a full flush each megabyte compresses to the same bytes
    n = size >> 20
    a = (1 + byte * size) % _MOD
    b = (size + byte * size * (size + 1) // 2) % _MOD
    return first[:2] + piece * n + b"\x03\x00" + ((b << 16) | a).to_bytes(4, "big")


def pdf(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """A PDF of ``objects`` (object 1 is the catalog), with a correct cross-reference table."""
    out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, xref)
    return out


def stream(attrs: bytes, data: bytes) -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(data), attrs) + data + b"\nendstream"


def one_page(
    content: bytes, filters: bytes = b"", more: list[bytes] | None = None, mediabox: bytes = b"0 0 595 842"
) -> bytes:
    """One page (object 3) whose content stream (object 4) is ``content`` with ``filters``;
    ``more`` objects follow as 5, 6 …"""
    font = b"/Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >>"
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [%s] /Contents 4 0 R /Resources << %s >> >>" % (mediabox, font),
            stream(filters, content),
            *(more or []),
        ]
    )


def image_page(width: float, height: float, pixels: tuple[int, int] = (10, 10), data: bytes | None = None) -> bytes:
    """An image-only page of ``width`` × ``height`` points, one grey Flate image drawn 500 × 700 pt."""
    w, h = pixels
    raw = zlib.compress(data if data is not None else bytes(w * h))
    image = b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray " % (w, h)
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %g %g] /Contents 4 0 R "
            b"/Resources << /XObject << /Im1 5 0 R >> >> >>" % (width, height),
            stream(b"", b"q 500 0 0 700 50 50 cm /Im1 Do Q"),
            stream(image + b"/BitsPerComponent 8 /Filter /FlateDecode", raw),
        ]
    )


_CHILD = """
import json, resource, sys, time
from gongkai.api import check_path
out = []
for path in sys.argv[2:]:
    start = time.perf_counter()
    r = check_path(path, timeout=float(sys.argv[1]))
    out.append({"path": path, "status": r.status, "codes": [e.code for e in r.errors],
                "messages": [e.message for e in r.errors], "seconds": time.perf_counter() - start})
hwm = [line for line in open("/proc/self/status") if line.startswith("VmHWM:")]  # this program's own peak
peak = int(hwm[0].split()[1]) / 1024 if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"results": out, "peak_mb": peak}))
"""


def check_in_child(paths: list[Path], timeout: float, wall: float) -> dict[str, Any]:
    """``check_path`` of each file in a fresh process (killed after ``wall`` seconds): results and peak RSS.

    The peak is the child's VmHWM: ``ru_maxrss`` would include the parent's peak at the fork (Linux keeps it
    across ``execve``).
    """
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(timeout), *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=wall,
        env=env,
        check=True,
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result
