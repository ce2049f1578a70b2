"""The audit log: every insert, update and void of a record, with who, when, and the record before
and after as JSON, written in the same transaction as the change itself."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Literal

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from gongkai.store.columns import utcnow
from gongkai.store.settings import Settings
from gongkai.store.tables import AuditRow, Base

Action = Literal["insert", "update", "void"]


def actor(session: Session) -> str:
    """Who is working: the session's ``actor`` (see ``session_scope``), else ``GONGKAI_USER`` / the OS user."""
    who = session.info.get("actor")
    return who if isinstance(who, str) and who else Settings().user


def plain(value: object) -> Any:
    """A column value as JSON: dates and times in ISO 8601, decimals as strings (exact)."""
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def snapshot(row: Base) -> dict[str, Any]:
    """Every column of ``row`` as JSON-ready values."""
    return {attr.key: plain(getattr(row, attr.key)) for attr in inspect(row).mapper.column_attrs}


VERSION_WINDOW = 10_000
"""How far below the newest audit row :func:`store_version` counts rows (see there)."""


def store_version(session: Session) -> tuple[int, int]:
    """A token that changes whenever a record changes: every change writes an audit row in its own
    transaction (imports too, in bulk), so the newest audit id grows with each commit. The count of the
    rows among the newest :data:`VERSION_WINDOW` ids catches a transaction committing after a later one
    (PostgreSQL hands out ids before the commit); both read through the primary key, in the session's
    own snapshot — what is computed from that snapshot is what the token names."""
    newest = int(session.scalar(select(func.max(AuditRow.id))) or 0)
    recent = select(func.count()).select_from(AuditRow).where(AuditRow.id > newest - VERSION_WINDOW)
    return newest, int(session.scalar(recent) or 0)


def log(
    session: Session,
    action: Action,
    entity: str,
    entity_id: object,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> AuditRow:
    """Add one audit row (flushed with the change it describes)."""
    row = AuditRow(
        at=utcnow(),
        actor=actor(session),
        action=action,
        entity=entity,
        entity_id=str(entity_id),
        before=before,
        after=after,
    )
    session.add(row)
    return row


def history(session: Session, entity: str, entity_id: object) -> list[AuditRow]:
    """The audit rows of one record, oldest first."""
    query = select(AuditRow).where(AuditRow.entity == entity, AuditRow.entity_id == str(entity_id))
    return list(session.scalars(query.order_by(AuditRow.id)))


__all__ = ["Action", "actor", "history", "log", "plain", "snapshot", "store_version"]
