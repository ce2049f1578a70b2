"""``gongkai check`` draws its progress bar on a terminal's standard error and leaves standard output alone."""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
RUN = [sys.executable, "-c", "from gongkai.cli import main; main()"]


def _drain(fd: int, proc: subprocess.Popen[bytes]) -> bytes:
    data = b""
    while True:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # the terminal's other end closed
                break
            if not chunk:
                break
            data += chunk
        elif proc.poll() is not None:
            break
    return data


def test_check_progress_bar_on_terminal_stderr_stdout_unchanged(tmp_path: Path) -> None:
    for p in sorted(SAMPLES.glob("00*.txt"))[:4]:
        shutil.copy(p, tmp_path / p.name)
    args = [*RUN, "check", str(tmp_path), "-f", "json", "--jobs", "2", "--exit-zero"]
    env = {**os.environ, "COLUMNS": "100", "TERM": "xterm"}
    plain = subprocess.run(args, capture_output=True, check=True, env=env, timeout=300)
    assert plain.stderr == b""  # not a terminal: silent

    primary, secondary = os.openpty()
    try:
        proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=secondary, env=env)
        os.close(secondary)
        terminal = _drain(primary, proc)
        out, _ = proc.communicate(timeout=300)
    finally:
        os.close(primary)
    assert proc.returncode == 0
    assert out == plain.stdout  # the same results, byte for byte: nothing of the bar on standard output
    assert "审核".encode() in terminal  # the bar was drawn on the terminal
