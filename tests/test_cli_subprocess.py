"""The installed ``gongkai`` console script, run as a real process."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "002_3e5507a8093b4360.txt"
SCRIPT = Path(sys.executable).parent / "gongkai"

pytestmark = pytest.mark.skipif(not SCRIPT.exists(), reason="console script not installed")


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "GONGKAI_DEBUG", "FORCE_COLOR")}
    env.update(extra)
    return env


def gongkai(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, env=_env(**env), timeout=120)


def _on_tty(*args: str, **env: str) -> str:
    """Run with stdout on a pseudo-terminal; return what it printed."""
    master, slave = pty.openpty()
    with subprocess.Popen([str(SCRIPT), *args], stdout=slave, stderr=subprocess.DEVNULL, env=_env(**env)) as proc:
        os.close(slave)
        chunks = []
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
        proc.wait(timeout=120)
    os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


def test_console_script_version() -> None:
    proc = gongkai("--version")
    assert proc.returncode == 0 and proc.stdout.startswith("gongkai ")


def test_console_script_check_not_a_tty_has_no_colour() -> None:
    proc = gongkai("check", str(SAMPLE), "--exit-zero")
    assert proc.returncode == 0
    assert "\033[" not in proc.stdout
    assert "共检查 1 份报告" in proc.stdout


def test_console_script_colour_on_tty_unless_no_color() -> None:
    assert "\033[" in _on_tty("check", str(SAMPLE), "--exit-zero")
    assert "\033[" not in _on_tty("check", str(SAMPLE), "--exit-zero", NO_COLOR="1")


def test_console_script_failures_have_no_traceback(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    for args, code in (
        (("extract", str(empty)), 2),
        (("extract", str(tmp_path / "missing.txt")), 2),
        (("check", str(tmp_path)), 2),
        (("check", str(SAMPLE), "--bogus"), 2),
        (("check", str(SAMPLE), "--select", "Z999"), 2),
        (("nosuchcommand",), 2),
    ):
        proc = gongkai(*args)
        assert proc.returncode == code, (args, proc.stderr)
        assert "Traceback" not in proc.stdout + proc.stderr
        assert "错误" in proc.stdout + proc.stderr
