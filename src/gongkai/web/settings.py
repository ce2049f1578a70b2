"""The web application's settings, from the environment (``GONGKAI_`` prefix, pydantic-settings)."""

from __future__ import annotations

import secrets
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from gongkai.store.settings import Settings as StoreSettings

SECRET_FILE = "web-secret"


class WebSettings(BaseSettings):
    """``GONGKAI_DATABASE_URL``, ``GONGKAI_DATA_DIR`` as the store; the rest for the web app alone."""

    model_config = SettingsConfigDict(env_prefix="GONGKAI_", extra="ignore")

    database_url: str = ""
    """The store (default: the SQLite file in the data directory, as every command)."""
    data_dir: Path | None = None
    session_hours: float = Field(default=12.0, gt=0, le=24 * 30)
    secure_cookies: bool = False
    """Mark cookies ``Secure`` (set it when the app is served over HTTPS, as it should be in production)."""
    upload_max_mb: int = Field(default=50, ge=1, le=1024)
    upload_max_files: int = Field(default=500, ge=1, le=100_000)
    login_limit: int = Field(default=5, ge=1, le=1000)
    """Failed logins allowed per user name (and per client address) in ``login_window_minutes``."""
    login_window_minutes: int = Field(default=15, ge=1, le=24 * 60)
    demo: bool = False
    """Seed a demo agency, users and sample data into the store when it is empty (``gongkai serve --demo``)."""
    run_jobs: int = Field(default=1, ge=1, le=256)
    """Worker processes of a corpus run started from the browser."""
    run_wait: bool = False
    """Check a corpus run started from the browser within the request, not in a background thread
    (tests; a run normally goes on while the browser polls its page)."""

    def store(self) -> StoreSettings:
        base = StoreSettings() if self.data_dir is None else StoreSettings(data_dir=self.data_dir)
        url = self.database_url.strip() or base.database_url
        return StoreSettings(data_dir=base.data_dir, database_url=url, user=base.user)

    @property
    def files_dir(self) -> Path:
        """Where uploaded files are kept (under the data directory)."""
        return self.store().data_dir / "web-files"


def secret_of(settings: WebSettings) -> str:
    """A per-installation secret kept in the data directory (made on first use, mode 0600)."""
    path = settings.store().data_dir / SECRET_FILE
    try:
        return path.read_text(encoding="ascii").strip()
    except OSError:
        path.parent.mkdir(parents=True, exist_ok=True)
        value = secrets.token_hex(32)
        path.write_text(value, encoding="ascii")
        path.chmod(0o600)
        return value


__all__ = ["WebSettings", "secret_of"]
