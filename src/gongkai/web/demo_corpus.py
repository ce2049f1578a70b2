"""The demo's corpus: the bundled sample reports audited into the store, so the supervisor's
workspace has reports, findings and sources to show."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

import gongkai
from gongkai.web.settings import WebSettings

SUFFIXES = (".pdf", ".html", ".txt", ".md", ".docx")


def samples_dir() -> Path | None:
    """The repository's ``samples`` folder, when gongkai runs from a checkout."""
    folder = Path(gongkai.__file__).resolve().parents[2] / "samples"
    return folder if folder.is_dir() else None


def seed_corpus(session: Session, settings: WebSettings) -> None:
    """Audit the sample reports into the demo store (in this process: no workers to start)."""
    from gongkai.batch.executors import Executor
    from gongkai.batch.inputs import run_items
    from gongkai.batch.run import RunOptions, run_check

    folder = samples_dir()
    if folder is None:
        return
    files = sorted(str(p) for p in folder.iterdir() if p.suffix.lower() in SUFFIXES and "blank" not in p.name)
    if not files:
        return
    session.commit()  # the run writes through its own connection: let it take the write lock
    items = list(run_items(files, archive=settings.files_dir.resolve() / "archive"))
    options = RunOptions(executor=Executor(inline=True), store=settings.store().database_url)
    for _ in run_check(items, options):
        pass


__all__ = ["samples_dir", "seed_corpus"]
