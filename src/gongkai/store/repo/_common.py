"""What the repository's record families share: ids, live-record lookup, audited insert/update/void."""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session

from gongkai.errors import RegisterError
from gongkai.store import audit
from gongkai.store.columns import utcnow
from gongkai.store.tables import Base, Voidable

R = TypeVar("R", bound=Base)

LABELS: dict[str, str] = {
    "agency": "机关",
    "application": "申请",
    "event": "申请事件",
    "review_case": "复议诉讼案件",
    "document": "规章或规范性文件",
    "item": "主动公开信息",
    "figure": "年度数据",
    "calendar_year": "工作日历年度",
}


def rule(ok: bool, message: str) -> None:
    """E204 unless ``ok``: the record or event breaks a rule."""
    if not ok:
        raise RegisterError("E204", message)


def no_longer(text: str | None, limit: int, what: str) -> None:
    """E204 when ``text`` has more than ``limit`` characters (its column's size: PostgreSQL refuses a
    longer value, SQLite would keep it)."""
    rule(text is None or len(text) <= limit, f"{what}过长（{len(text or '')}个字，最多{limit}个字）")


def record_id(value: str | int, entity: str) -> int:
    """A record id given as text or number (E203 when it cannot be one)."""
    try:
        number = int(str(value).strip())
    except ValueError:
        raise RegisterError("E203", f"{LABELS[entity]}不存在：编号“{value}”不是记录号") from None
    if number <= 0:
        raise RegisterError("E203", f"{LABELS[entity]}不存在：{value}")
    return number


def get_live(session: Session, model: type[R], value: str | int, entity: str) -> R:
    """The record with this id, not voided (E203 otherwise)."""
    rid = record_id(value, entity)
    row = session.get(model, rid)
    if row is None:
        raise RegisterError("E203", f"{LABELS[entity]}不存在：{rid}")
    if isinstance(row, Voidable) and row.voided_at is not None:
        raise RegisterError("E203", f"{LABELS[entity]} {rid} 已作废（{row.void_reason}）")
    return row


def flush(session: Session, entity: str) -> None:
    """Flush; a constraint the checks before missed (another writer was faster) becomes a RegisterError."""
    try:
        session.flush()
    except IntegrityError as exc:
        text = str(exc.orig).lower()
        if "uq_" in text or "unique" in text:
            raise RegisterError("E206", f"{LABELS[entity]}编号重复（另一用户刚刚录入了相同编号）") from None
        if "foreign key" in text or "fk_" in text:
            raise RegisterError("E203", f"{LABELS[entity]}引用的记录不存在") from None
        raise RegisterError("E204", f"{LABELS[entity]}不符合规定：{str(exc.orig).splitlines()[0]}") from None
    except DataError as exc:  # PostgreSQL: a text longer than its column, a number out of range
        reason = str(exc.orig).splitlines()[0]
        raise RegisterError("E204", f"{LABELS[entity]}的内容超出数据库允许的长度或范围（{reason}）") from None


def insert(session: Session, entity: str, row: R) -> R:
    """Add ``row`` and its audit entry (``insert``, after = the row)."""
    session.add(row)
    flush(session, entity)
    audit.log(session, "insert", entity, _pk(row), None, audit.snapshot(row))
    return row


def update(session: Session, entity: str, row: R, changes: dict[str, Any]) -> R:
    """Change ``row``'s fields and log ``update`` with before and after (nothing when nothing changes)."""
    before = audit.snapshot(row)
    for key, value in changes.items():
        setattr(row, key, value)
    flush(session, entity)
    after = audit.snapshot(row)
    if after != before:
        audit.log(session, "update", entity, _pk(row), before, after)
    return row


def void_row(session: Session, entity: str, row: Base, reason: str) -> None:
    """Mark ``row`` voided (kept, never deleted) and log ``void`` with before and after."""
    assert isinstance(row, Voidable)
    before = audit.snapshot(row)
    row.voided_at = utcnow()
    row.voided_by = audit.actor(session)
    row.void_reason = reason
    flush(session, entity)
    audit.log(session, "void", entity, _pk(row), before, audit.snapshot(row))


def _pk(row: Base) -> object:
    return getattr(row, "id", None) or getattr(row, "year", None)


def check_order(first: dt.date | None, then: dt.date | None, message: str) -> None:
    """E204 when ``then`` is before ``first``."""
    rule(first is None or then is None or then >= first, message)


__all__ = [
    "LABELS",
    "check_order",
    "flush",
    "get_live",
    "insert",
    "no_longer",
    "record_id",
    "rule",
    "update",
    "void_row",
]


def number_free(session: Session, model: Any, agency_id: int, number: str, taken: str) -> None:
    """E206 (``taken``) when a live record of ``model`` in the agency already has ``number`` (a voided
    one frees its number)."""
    query = select(model.id).where(model.agency_id == agency_id, model.number == number, model.voided_at.is_(None))
    if session.scalars(query).first() is not None:
        raise RegisterError("E206", taken)
