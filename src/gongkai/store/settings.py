"""Where the store lives and who is working: ``GONGKAI_DATABASE_URL``, ``GONGKAI_DATA_DIR``, ``GONGKAI_USER``.

Three strings read from the environment, so a plain dataclass: every command that opens the store
reads them, and ``pydantic-settings`` alone took a fifth of a second to import (``gongkai cases due``
has a one-second budget, start-up included).
"""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass, field
from pathlib import Path

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


def env(name: str) -> str:
    """``GONGKAI_<name>`` from the environment, stripped; blank when unset (the variable's case does not matter)."""
    key = f"GONGKAI_{name}"
    value = os.environ.get(key)
    if value is None:
        value = next((v for k, v in os.environ.items() if k.upper() == key), "")
    return value.strip()


def _data_dir() -> Path:
    given = env("DATA_DIR")
    return Path(given) if given else default_data_dir()


@dataclass(frozen=True, slots=True)
class Settings:
    """The store's settings, read from the environment (``GONGKAI_`` prefix) when made."""

    data_dir: Path = field(default_factory=_data_dir)
    """``GONGKAI_DATA_DIR``: the user's data directory (holds the default SQLite file)."""
    database_url: str = field(default_factory=lambda: env("DATABASE_URL"))
    """``GONGKAI_DATABASE_URL``; default: ``sqlite:///<data_dir>/gongkai.db``."""
    user: str = field(default_factory=lambda: env("USER"))
    """``GONGKAI_USER``: the actor written to the audit log (default: the OS user)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "data_dir", Path(self.data_dir).expanduser())
        if not self.database_url.strip():
            object.__setattr__(self, "database_url", f"sqlite:///{self.data_dir / DB_FILE}")
        if not self.user.strip():
            object.__setattr__(self, "user", default_user())

    @property
    def default_database(self) -> Path:
        """The SQLite file used when ``GONGKAI_DATABASE_URL`` is not set."""
        return self.data_dir / DB_FILE


__all__ = ["DB_FILE", "Settings", "default_data_dir", "default_user", "env"]
