"""An archived body reads like the file it was fetched from: gongkai checks it with the same findings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongkai.api import check_path
from gongkai.batch.fetch import fetch_all
from gongkai.batch.fetched import Fetched
from gongkai.result import DocumentResult
from tests.batch.conftest import FAST
from tests.batch.fetch_server import CORPUS, Site


def _comparable(result: DocumentResult, path: Path) -> str:
    data = result.model_dump(mode="json", include={"status", "errors", "findings"})
    return (
        json.dumps(data, ensure_ascii=False, sort_keys=True).replace(str(path), "<file>").replace(path.name, "<file>")
    )


@pytest.mark.parametrize(
    ("name", "route"),
    [
        ("hongze-district-2024.pdf", "octet"),  # a PDF served as application/octet-stream
        ("shuyang-development-reform-2023.html", "gzip"),
        ("shuyang-county-2025.txt", "files"),
        ("shanghai-government-office-2025.md", "files"),
    ],
)
def test_fetch_check_archived_body_gives_the_findings_of_the_original(
    site: Site, tmp_path: Path, name: str, route: str
) -> None:
    (fetched,) = fetch_all([site.url(f"/{route}/{name}")], tmp_path, FAST)
    assert isinstance(fetched, Fetched)
    original = check_path(CORPUS / name)
    archived = check_path(fetched.path)
    assert original.status == archived.status != "failed"
    assert original.findings  # a real comparison: the report has findings to compare
    assert _comparable(archived, fetched.path) == _comparable(original, CORPUS / name)
