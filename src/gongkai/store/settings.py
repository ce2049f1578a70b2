"""Where the store lives and who is working: ``GONGKAI_DATABASE_URL``, ``GONGKAI_DATA_DIR``, ``GONGKAI_USER``."""

from __future__ import annotations

import getpass
import os
from pathlib import Path

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DB_FILE = "gongkai.db"


def default_data_dir() -> Path:
    """``$XDG_DATA_HOME/gongkai``, else ``~/.local/share/gongkai`` (``$GONGKAI_DATA_DIR`` overrides both)."""
    xdg = os.environ.get("XDG_DATA_HOME", "").strip()
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".local" / "share"
    return base / "gongkai"


def default_user() -> str:
    """The operating system's user name (``unknown`` when there is none, as in some containers)."""
    try:
        return getpass.getuser() or "unknown"
    except (OSError, KeyError):
        return "unknown"


class Settings(BaseSettings):
    """The store's settings, read from the environment (``GONGKAI_`` prefix)."""

    model_config = SettingsConfigDict(env_prefix="GONGKAI_", extra="ignore")

    data_dir: Path = Field(default_factory=default_data_dir)
    """``GONGKAI_DATA_DIR``: the user's data directory (holds the default SQLite file)."""
    database_url: str = ""
    """``GONGKAI_DATABASE_URL``; default: ``sqlite:///<data_dir>/gongkai.db``."""
    user: str = Field(default_factory=default_user)
    """``GONGKAI_USER``: the actor written to the audit log."""

    @model_validator(mode="after")
    def _defaults(self) -> Settings:
        self.data_dir = self.data_dir.expanduser()
        if not self.database_url.strip():
            self.database_url = f"sqlite:///{self.data_dir / DB_FILE}"
        if not self.user.strip():
            self.user = default_user()
        return self

    @property
    def default_database(self) -> Path:
        """The SQLite file used when ``GONGKAI_DATABASE_URL`` is not set."""
        return self.data_dir / DB_FILE


__all__ = ["DB_FILE", "Settings", "default_data_dir", "default_user"]
