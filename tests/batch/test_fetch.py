"""fetch_all: real reports fetched into the archive, byte for byte, with their sidecars and log."""

from __future__ import annotations

import json
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from gongkai.batch.archive import LOG_NAME
from gongkai.batch.fetch import fetch_all
from gongkai.batch.fetched import USER_AGENT, Fetched, FetchFailure
from tests.batch.conftest import FAST
from tests.batch.fetch_server import CORPUS, Site

REPORTS = sorted(p.name for p in CORPUS.iterdir())


def _fetched(result: Fetched | FetchFailure) -> Fetched:
    assert isinstance(result, Fetched), result
    return result


def test_fetch_archives_every_corpus_report_byte_for_byte(site: Site, tmp_path: Path) -> None:
    before = datetime.now(UTC)
    results = list(fetch_all([site.url(f"/files/{name}") for name in REPORTS], tmp_path, FAST))
    assert [r.url for r in results] == [site.url(f"/files/{name}") for name in REPORTS]
    for name, result in zip(REPORTS, results, strict=True):
        fetched = _fetched(result)
        original = (CORPUS / name).read_bytes()
        assert fetched.path.read_bytes() == original
        assert fetched.path == tmp_path / fetched.sha256[:2] / fetched.sha256
        assert fetched.size == len(original) and fetched.status == 200
        assert fetched.final_url == fetched.url and fetched.redirects == () and fetched.attempts == 1
        assert before <= fetched.fetched_at <= datetime.now(UTC)
        assert fetched.headers["content-length"] == str(len(original))
    agents = {hit.user_agent for hit in site.hits}
    assert agents == {USER_AGENT} and USER_AGENT.startswith("gongkai/")


def test_fetch_sidecar_describes_the_fetch(site: Site, tmp_path: Path) -> None:
    (result,) = fetch_all([site.url("/moved/hongze-district-2024.pdf")], tmp_path, FAST)
    fetched = _fetched(result)
    sidecar = json.loads(fetched.path.with_name(fetched.sha256 + ".json").read_text("utf-8"))
    assert sidecar["sha256"] == fetched.sha256 and sidecar["size"] == fetched.size
    (entry,) = sidecar["fetches"]
    assert entry["url"] == site.url("/moved/hongze-district-2024.pdf")
    assert entry["final_url"] == site.url("/files/hongze-district-2024.pdf") == fetched.final_url
    assert entry["status"] == 200 and entry["attempts"] == 1
    assert entry["headers"]["content-type"] == "application/pdf"
    assert datetime.fromisoformat(entry["fetched_at"]) == fetched.fetched_at
    assert entry["redirects"] == [
        {"url": fetched.url, "status": 301, "location": site.url("/files/hongze-district-2024.pdf")}
    ]


def test_fetch_same_body_from_two_urls_is_stored_once_with_both_fetches(site: Site, tmp_path: Path) -> None:
    urls = [site.url("/files/huaian-city-2024.pdf"), site.url("/octet/huaian-city-2024.pdf")]
    first, second = (_fetched(r) for r in fetch_all(urls, tmp_path, FAST))
    assert first.path == second.path
    sidecar = json.loads(first.path.with_name(first.sha256 + ".json").read_text("utf-8"))
    assert sorted(f["url"] for f in sidecar["fetches"]) == sorted(urls)
    bodies = [p for p in tmp_path.rglob("*") if p.is_file() and p.parent != tmp_path and p.suffix != ".json"]
    assert bodies == [first.path]


def test_fetch_content_type_is_recorded_never_trusted(site: Site, tmp_path: Path) -> None:
    urls = [site.url("/as-html/hongze-district-2023.pdf"), site.url("/octet/hongze-district-2023.pdf")]
    results = [_fetched(r) for r in fetch_all(urls, tmp_path, FAST)]
    original = (CORPUS / "hongze-district-2023.pdf").read_bytes()
    assert [r.path.read_bytes() == original for r in results] == [True, True]
    assert [r.headers["content-type"] for r in results] == ["text/html; charset=utf-8", "application/octet-stream"]


def test_fetch_gzip_body_is_stored_inflated(site: Site, tmp_path: Path) -> None:
    (result,) = fetch_all([site.url("/gzip/shuyang-development-reform-2023.html")], tmp_path, FAST)
    fetched = _fetched(result)
    assert fetched.headers["content-encoding"] == "gzip"
    assert fetched.path.read_bytes() == (CORPUS / "shuyang-development-reform-2023.html").read_bytes()


def test_fetch_relative_redirect_is_resolved(site: Site, tmp_path: Path) -> None:
    (result,) = fetch_all([site.url("/relative/city-sample-2025.html")], tmp_path, FAST)
    assert _fetched(result).final_url == site.url("/files/city-sample-2025.html")


def test_fetch_log_has_a_line_per_url_failures_included(site: Site, tmp_path: Path) -> None:
    urls = [site.url("/files/city-sample-2025.html"), site.url("/status/404"), "ftp://example.org/x.pdf"]
    results = list(fetch_all(urls, tmp_path, FAST))
    lines = [json.loads(line) for line in (tmp_path / LOG_NAME).read_text("utf-8").splitlines()]
    by_url = {line["url"]: line for line in lines}
    assert sorted(by_url) == sorted(urls) and len(lines) == 3
    fetched = _fetched(results[0])
    assert by_url[urls[0]]["ok"] is True and by_url[urls[0]]["sha256"] == fetched.sha256
    assert (tmp_path / by_url[urls[0]]["path"]) == fetched.path
    assert by_url[urls[1]] | {"at": None} == by_url[urls[1]] | {
        "ok": False, "code": "E132", "status": 404, "attempts": 1, "at": None
    }  # fmt: skip
    assert by_url[urls[2]]["code"] == "E137" and by_url[urls[2]]["ok"] is False
    assert datetime.fromisoformat(by_url[urls[1]]["at"]) > datetime.now(UTC) - timedelta(minutes=1)


def test_fetch_leaves_no_temporaries(site: Site, tmp_path: Path) -> None:
    urls = [site.url("/files/huaian-city-2024.pdf"), site.url("/endless"), site.url("/status/500")]
    list(fetch_all(urls, tmp_path, replace(FAST, max_bytes=1024 * 1024)))
    assert list(tmp_path.rglob(".*.tmp")) == []


def test_fetch_closed_early_stops_the_downloads_under_way(site: Site, tmp_path: Path) -> None:
    urls = [site.url("/files/city-sample-2025.html")] + [site.url(f"/drip?{i}") for i in range(3)]
    results = fetch_all(urls, tmp_path, replace(FAST, timeout=30.0))
    assert isinstance(next(results), Fetched)
    start = time.monotonic()
    results.close()  # type: ignore[attr-defined]
    assert time.monotonic() - start < 1.0
    assert list(tmp_path.rglob(".*.tmp")) == []
