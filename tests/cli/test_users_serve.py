"""``gongkai user add|list`` (argon2 hashes, Chinese refusals) and ``gongkai serve`` refusing a store not at head."""

from __future__ import annotations

import io
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, select

from gongkai.store.web_tables import UserRow
from tests.cli.records_cli import BUREAU, make_store, ok, refused


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))


def test_users_cli_add_and_list_with_hashed_password(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 's.db'}"
    make_store(url, monkeypatch, capsys)
    _stdin(monkeypatch, "a long password\n")
    lines = ok(
        capsys, "user", "add", "wang", "--role", "clerk", "--agency", BUREAU, "--name", "王某", "--password-stdin"
    )
    assert lines == [f"已添加用户：wang（经办人，{BUREAU}）"]
    assert ok(capsys, "user", "list") == [f"wang\t王某\t经办人\t{BUREAU}"]
    engine = create_engine(url)
    with engine.connect() as db:
        stored = db.scalar(select(UserRow.password_hash))
    engine.dispose()
    assert stored is not None and stored.startswith("$argon2id$") and "a long password" not in stored


def test_users_cli_refusals_are_chinese(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    make_store(f"sqlite:///{tmp_path / 's.db'}", monkeypatch, capsys)
    _stdin(monkeypatch, "short\n")
    assert "密码至少 8 个字符" in refused(capsys, "user", "add", "li", "--role", "admin", "--password-stdin")
    _stdin(monkeypatch, "long enough pw\n")
    assert "须属于一个机关" in refused(capsys, "user", "add", "li", "--role", "approver", "--password-stdin")
    _stdin(monkeypatch, "long enough pw\n")
    ok(capsys, "user", "add", "li", "--role", "supervisor", "--region", "江苏省", "--password-stdin")
    _stdin(monkeypatch, "long enough pw\n")
    assert "用户名已被使用" in refused(capsys, "user", "add", "li", "--role", "admin", "--password-stdin")


def test_serve_refuses_a_store_not_at_head(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("GONGKAI_DATABASE_URL", f"sqlite:///{tmp_path / 'new.db'}")
    assert "gongkai db upgrade" in refused(capsys, "serve", "--port", "18099")


def test_serve_demo_answers_and_logs_in(tmp_path: Path) -> None:
    """The README's command: a demo store is made and seeded; the login page answers; a demo user logs in."""
    env = {"GONGKAI_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    port = 18000 + (int(time.time() * 1000) % 900)
    args = [sys.executable, "-c", "from gongkai.cli import main; main()", "serve", "--demo", "--port", str(port)]
    proc = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{base}/login", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.3)
        else:
            pytest.fail("the demo server did not answer")
        login = httpx.post(f"{base}/api/v1/session", json={"username": "clerk", "password": "gongkai-demo"})
        assert login.status_code == 200 and login.json()["user"]["role"] == "clerk"
        assert (tmp_path / "demo.db").exists()
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_serve_demo_refuses_several_workers(capsys: pytest.CaptureFixture[str]) -> None:
    assert "--demo 不能与 --workers 同用" in refused(capsys, "serve", "--demo", "--workers", "2")


def test_serve_passes_workers_to_uvicorn(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import uvicorn

    make_store(f"sqlite:///{tmp_path / 's.db'}", monkeypatch, capsys)
    seen: dict[str, object] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(app=app, **kw))
    ok_code = __import__("gongkai.cli", fromlist=["run"]).run(["serve", "--workers", "3", "--port", "18123"])
    assert ok_code == 0
    assert seen["app"] == "gongkai.web.app:create_app" and seen["factory"] is True and seen["workers"] == 3
