"""URL lists: one URL a line, comments and blanks skipped, bad lines reported in place with their number."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.batch.fetch import fetch_all
from gongkai.batch.fetched import FetchFailure
from gongkai.batch.urls import host_key, origin_of, read_url_list, url_problem
from gongkai.errors import UsageError


def test_urls_list_skips_comments_and_blanks_and_reports_bad_lines_in_place(tmp_path: Path) -> None:
    text = (
        "\ufeff# reports of 2024\n"
        "https://www.gov.cn/a.pdf\n"
        "\n"
        "   http://example.org/报告.html   # the city's\n"
        "www.example.org/no-scheme.pdf\n"
        "ftp://example.org/x.pdf\n"
        "https://a.example/1 https://a.example/2\n"
        "http://[::1]:80/ok\n"
        "http://example.org:99999/bad-port\n"
        "https:///no-host\n"
    )
    path = tmp_path / "urls.txt"
    path.write_text(text, "utf-8")
    items = list(read_url_list(path))
    assert items[:2] == ["https://www.gov.cn/a.pdf", "http://example.org/报告.html"]
    assert items[5] == "http://[::1]:80/ok"
    failures = [item for item in items if isinstance(item, FetchFailure)]
    assert [(f.line, f.code) for f in failures] == [(5, "E137"), (6, "E137"), (7, "E137"), (9, "E137"), (10, "E137")]
    assert failures[0].message.startswith("第 5 行：网址无效（缺少 http:// 或 https://）")
    assert "ftp:" in failures[1].message and "一行只能写一个网址" in failures[2].message
    assert "主机名" in failures[4].message


def test_urls_list_line_not_utf8_is_e137_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "urls.txt"
    path.write_bytes(b"http://a.example/\xff.pdf\nhttp://b.example/ok.pdf\n")
    first, second = read_url_list(path)
    assert isinstance(first, FetchFailure) and first.line == 1 and "UTF-8" in first.message
    assert second == "http://b.example/ok.pdf"


def test_urls_list_missing_file_is_a_usage_error_at_the_call(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="无法读取网址列表"):
        read_url_list(tmp_path / "missing.txt")


def test_urls_bad_lines_pass_through_fetch_all_in_order(tmp_path: Path) -> None:
    path = tmp_path / "urls.txt"
    path.write_text("nonsense\n# only bad lines\nmailto:x@example.org\n", "utf-8")
    results = list(fetch_all(read_url_list(path), tmp_path / "archive"))
    assert [(r.code, r.line) for r in results if isinstance(r, FetchFailure)] == [("E137", 1), ("E137", 3)]
    assert len(results) == 2


def test_urls_host_key_and_origin_spell_out_the_default_port() -> None:
    assert host_key("https://WWW.Gov.CN/a") == "www.gov.cn:443"
    assert host_key("http://user:pw@example.org:8080/a") == "example.org:8080"
    assert host_key("http://[::1]/a") == "[::1]:80"
    assert origin_of("HTTPS://example.org/x?y") == "https://example.org:443"


@given(st.text(max_size=60))
def test_urls_problem_never_raises_and_accepts_only_http_urls_with_a_host(text: str) -> None:
    problem = url_problem(text)
    if problem is None:
        assert text.lower().startswith(("http://", "https://")) and host_key(text).split(":")[0]
