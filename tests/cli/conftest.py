"""The command-line tests: no store but the one a test makes (``GONGKAI_DATA_DIR`` in a temporary
folder), the store fixtures of ``tests/conftest.py`` for the commands that use one (both backends)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.batch.corpus_files import checked  # a fixture: the corpus store's commands

__all__ = ["checked", "no_user_store"]


@pytest.fixture(autouse=True)
def no_user_store(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A user's own register (``~/.local/share/gongkai``) never takes part in a test."""
    folder = tmp_path_factory.mktemp("gongkai-data")
    monkeypatch.delenv("GONGKAI_DATABASE_URL", raising=False)
    monkeypatch.setenv("GONGKAI_DATA_DIR", str(folder))
    return folder
