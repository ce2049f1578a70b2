"""Column types and constraint helpers the models share (portable: SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, DateTime, Dialect, Index, TypeDecorator, text

_LIVE = text("voided_at IS NULL")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UtcDateTime(TypeDecorator[dt.datetime]):
    """A point in time stored as UTC and read back timezone-aware on both backends
    (SQLite keeps no offset: the value is converted to UTC before it is stored)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("a naive datetime cannot be stored: give it a timezone")
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def one_of(column: str, values: tuple[str, ...]) -> CheckConstraint:
    """``ck_<table>_<column>``: the column holds one of ``values`` (or NULL)."""
    listed = ", ".join(f"'{v}'" for v in values)
    return CheckConstraint(f"{column} IN ({listed})", name=column)


def live_unique(table: str, *columns: str) -> Index:
    """Unique among the records not voided."""
    return Index(
        f"uq_{table}_live_{'_'.join(columns)}", *columns, unique=True, sqlite_where=_LIVE, postgresql_where=_LIVE
    )


__all__ = ["UtcDateTime", "live_unique", "one_of", "utcnow"]
