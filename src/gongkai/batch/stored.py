"""Reading a corpus store that a run has filled: open it (never create it), pick the results to read.

Which results: by default each document's newest result (the one recorded last, whatever the
gongkai version or rule selection that produced it: a store filled again by a newer version is read
at that version, and documents the new run has not reached yet keep their older result), so every
document counts once. ``all_versions`` reads every result of every document (one row per document,
version and selection).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Engine, func, select
from sqlalchemy.orm import aliased

from gongkai.errors import RegisterError
from gongkai.store.corpus import store_url
from gongkai.store.corpus_tables import CorpusAgencyRow, CorpusResultRow, CorpusSourceRow


def open_existing(target: str) -> Engine:
    """The corpus store at ``target`` (a file path or a database URL), which must exist at the head
    revision: reading never creates a store.

    Raises:
        RegisterError: E201 (no such file, cannot connect), E202 (not a store at head).
    """
    from gongkai.store.engine import open_store

    url = store_url(target)
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:"):
        path = Path(url.removeprefix("sqlite:///"))
        if not path.is_file():
            raise RegisterError("E201", f"无法打开语料库：文件不存在（{target}）")
    return open_store(url)


def chosen(all_versions: bool = False) -> ColumnElement[bool]:
    """The condition on :class:`CorpusResultRow` selecting the results read (see the module's doc)."""
    if all_versions:
        return CorpusResultRow.id.is_not(None)
    newer = aliased(CorpusResultRow)
    newest = (
        select(func.max(newer.id))
        .where(newer.document_id == CorpusResultRow.document_id)
        .correlate(CorpusResultRow)
        .scalar_subquery()
    )
    return CorpusResultRow.id == newest


def first_source_id() -> Any:
    """The correlated id of the first place a result's document was found (its oldest source)."""
    other = aliased(CorpusSourceRow)
    return (
        select(func.min(other.id))
        .where(other.document_id == CorpusResultRow.document_id)
        .correlate(CorpusResultRow)
        .scalar_subquery()
    )


def agency_name() -> ColumnElement[str | None]:
    """A result's agency: the registry's full name where the run tied it to one, else as printed.

    Needs ``CorpusAgencyRow`` outer-joined on ``CorpusResultRow.agency_id``."""
    return func.coalesce(CorpusAgencyRow.name, CorpusResultRow.agency)


def shown_source(source: str, file_name: str) -> str:
    """A source as exports show it: a URL whole, a file by its name (the full path is provenance)."""
    return source if "://" in source else file_name


__all__ = ["agency_name", "chosen", "first_source_id", "open_existing", "shown_source"]
