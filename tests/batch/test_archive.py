"""The archive: bodies named by their SHA-256, sidecars rewritten whole, a killed run's temporaries removed."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

from gongkai.batch.archive import MAX_SIDECAR_FETCHES, Archive


def test_archive_removes_the_temporaries_of_a_killed_run(tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = tmp_path / f".download.{dead.stdout.strip()}.{'0' * 32}.tmp"
    stale.write_bytes(b"half a report")
    Archive(tmp_path)
    assert not stale.exists()


def test_archive_keeps_a_body_under_its_hash_and_repairs_a_damaged_sidecar(tmp_path: Path) -> None:
    archive = Archive(tmp_path)
    body = archive.open_body()
    body.write(b"%PDF-1.7 ")
    body.write(b"report")
    digest = hashlib.sha256(b"%PDF-1.7 report").hexdigest()
    sidecar = tmp_path / digest[:2] / f"{digest}.json"
    sidecar.parent.mkdir()
    sidecar.write_text("{not json", "utf-8")
    path = archive.keep(body, {"url": "https://a.example/r.pdf"})
    assert path == tmp_path / digest[:2] / digest and path.read_bytes() == b"%PDF-1.7 report"
    data = json.loads(sidecar.read_text("utf-8"))
    assert data == {"sha256": digest, "size": 15, "fetches": [{"url": "https://a.example/r.pdf"}]}
    assert list(tmp_path.glob(".*.tmp")) == []


def test_archive_sidecar_of_a_body_many_urls_give_stays_small(tmp_path: Path) -> None:
    archive = Archive(tmp_path)
    for i in range(MAX_SIDECAR_FETCHES + 5):
        body = archive.open_body()
        body.write(b"<html>404 page served with 200</html>")
        path = archive.keep(body, {"url": f"https://a.example/{i}"})
    fetches = json.loads(archive.sidecar_path(path).read_text("utf-8"))["fetches"]
    expected = [f"https://a.example/{i}" for i in range(5, MAX_SIDECAR_FETCHES + 5)]
    assert [f["url"] for f in fetches] == expected  # the latest, one per URL
