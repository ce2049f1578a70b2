"""What the register's command-line tests share: running ``gongkai`` in-process (never an English word,
never a traceback) and a store on the test's backend with the real 2025 calendar and one agency."""

from __future__ import annotations

import re
import sys
import types

import pytest

from gongkai.cli import run
from tests.store.calendars import Y2025

ENGLISH = re.compile(r"\b(Usage|Options|Arguments|Commands|Show this message|Error|Try|Traceback)\b")
BUREAU = "某市某某局"


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    out, err = capsys.readouterr()
    assert not ENGLISH.search(out + err), out + err
    return code, out, err


def ok(capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    """The lines printed by a command that must succeed (nothing on standard error)."""
    code, out, err = run_cli(capsys, *args)
    assert (code, err) == (0, ""), err
    return out.splitlines()


def refused(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """What a command that must be refused (exit 2, nothing on standard output) prints on standard error."""
    code, out, err = run_cli(capsys, *args)
    assert (code, out) == (2, ""), out
    return err


def make_store(url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """``gongkai db upgrade`` on ``url`` (its calendar: 2025 only) and ``gongkai agency add`` the bureau."""
    monkeypatch.setenv("GONGKAI_DATABASE_URL", url)
    seed = types.ModuleType("gongkai.cases.calendar_seed")
    seed.seed_years = lambda: [Y2025]  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "gongkai.cases.calendar_seed", seed)
    ok(capsys, "db", "upgrade")
    ok(capsys, "agency", "add", BUREAU, "--kind", "department")
