"""``gongkai check`` on URLs from a local web site: in input order, hostile answers as per-document errors,
the documents archived and kept in the store with where they came from."""

from __future__ import annotations

import csv
import io
import sqlite3
from pathlib import Path

import pytest

from gongkai.cli import run
from tests.batch.fetch_server import Site


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_check_urls_in_order_with_hostile_answers_into_the_store(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    urls = tmp_path / "网址.txt"
    urls.write_text(
        "\n".join(
            [
                "# 洪泽区",
                site.url("/octet/hongze-district-2023.pdf"),  # a PDF served as application/octet-stream
                site.url("/status/404"),
                site.url("/loop/a"),
                site.url("/moved/002_3e5507a8093b4360.txt"),
                site.url("/private/hongze-district-2024.pdf"),  # robots.txt: Disallow: /private/
                "ftp://example.org/x.pdf",
                site.url("/endless"),
            ]
        ),
        encoding="utf-8",
    )
    store = tmp_path / "语料.db"
    code = run(
        [
            *("check", "--urls", str(urls), "--archive", str(tmp_path / "存档"), "--store", str(store)),
            *("--delay", "0", "--jobs", "2", "-f", "csv", "--exit-zero"),
        ]
    )
    out, err = capsys.readouterr()
    assert code == 2  # some inputs could not be read
    files: list[str] = []
    for row in _rows(out):
        if not files or files[-1] != row["file"]:
            files.append(row["file"])
    assert files == [
        site.url("/octet/hongze-district-2023.pdf"),
        site.url("/status/404"),
        site.url("/loop/a"),
        site.url("/moved/002_3e5507a8093b4360.txt"),
        site.url("/private/hongze-district-2024.pdf"),
        "ftp://example.org/x.pdf",
        site.url("/endless"),
    ]
    codes = {row["file"]: row["code"] for row in _rows(out) if row["status"] == "failed"}
    assert codes == {
        site.url("/status/404"): "E132",
        site.url("/loop/a"): "E134",
        site.url("/private/hongze-district-2024.pdf"): "E133",
        "ftp://example.org/x.pdf": "E137",
        site.url("/endless"): "E135",
    }
    assert "本次审核 2 份" in err
    with sqlite3.connect(store) as db:
        sources = db.execute(
            "SELECT s.source, s.http_status, s.content_type, s.archive FROM corpus_sources s ORDER BY s.id"
        ).fetchall()
    assert [(s[0], s[1], s[2]) for s in sources] == [
        (site.url("/octet/hongze-district-2023.pdf"), 200, "application/octet-stream"),
        (site.url("/moved/002_3e5507a8093b4360.txt"), 200, "text/plain; charset=utf-8"),
    ]
    samples = Path(__file__).resolve().parents[2] / "samples"
    assert Path(sources[0][3]).read_bytes() == (samples / "hongze-district-2023.pdf").read_bytes()


def test_check_url_list_missing_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["check", "--urls", str(tmp_path / "没有.txt")]) == 2
    assert "没有.txt" in capsys.readouterr().err


def test_check_without_inputs_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["check"]) == 2
    assert "错误：缺少参数：PATH...（要检查的文件、文件夹或 http(s):// 网址" in capsys.readouterr().err
