"""Import the 台账 staff already keep into an agency's register, and export the register back.

:func:`import_applications` is all or nothing, in one transaction: the whole file is read first
(:func:`gongkai.cases.ledger.read_ledger`: E205 with every problem of the file, nothing written);
then each row is a new application (its 编号 not live in the agency) with its event log, or is
compared with the application registered under its number
(:func:`gongkai.cases.ledger_merge.merge_row`): events the log already holds are skipped, new ones
(答复日期 or 缴费日期 filled in since the last import) appended, and a field or event that disagrees is a
problem. Any problem → E205 listing every one by row and column, and nothing is written. Importing
the same file again changes nothing — no row, no audit entry.

Rows are written with bulk inserts (10,000 applications in a few seconds on SQLite), each
application's derived columns (status, outcome, closed_on; due_on and due_provisional when a
:data:`~gongkai.store.repo.DueFn` is given) set as it is inserted, and the audit log written in the
same transaction: one ``insert`` entry per application (its row and its events) and one per event
appended to an application registered before.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, insert, inspect, select, text, update
from sqlalchemy.engine import URL
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from gongkai.cases.calendar import WorkCalendar
from gongkai.cases.ledger import MAX_LISTED, LedgerRow, read_ledger
from gongkai.cases.ledger_export import export_ledger
from gongkai.cases.ledger_file import refuse
from gongkai.cases.ledger_merge import ledger_application, merge_row, new_application_problems
from gongkai.cases.records import Application, Event, closure
from gongkai.errors import RegisterError, UsageError
from gongkai.store.audit import actor, plain
from gongkai.store.columns import utcnow
from gongkai.store.engine import open_store, session_scope
from gongkai.store.repo import DueFn, load_calendar, load_register
from gongkai.store.repo.agencies import agency_row
from gongkai.store.repo.due import due_fn
from gongkai.store.repo.load import live_applications
from gongkai.store.tables import AgencyRow, ApplicationRow, AuditRow, EventRow

_APP_COLUMNS: dict[str, Any] = dict.fromkeys(a.key for a in inspect(ApplicationRow).column_attrs)
_EVENT_COLUMNS: dict[str, Any] = dict.fromkeys(a.key for a in inspect(EventRow).column_attrs)
_EVENT_FIELDS = ("outcome", "days", "reply_by", "party", "basis", "quantity", "amount", "note")


@dataclass(frozen=True, slots=True)
class ImportResult:
    """How many applications a 台账 added, updated (events appended) or left as they were."""

    added: int
    updated: int
    unchanged: int
    events_added: int
    unpaid: tuple[str, ...] = dataclasses.field(default=(), compare=False)
    """编号 of rows that charge a fee (收费金额) and were answered other than as unpaid (（六）2) but give no
    缴费日期: the report counts a fee as collected only once its payment is recorded."""


def unpaid_rows(rows: Sequence[LedgerRow]) -> tuple[str, ...]:
    """The 编号 of :attr:`ImportResult.unpaid`."""
    return tuple(
        r.number
        for r in rows
        if r.fee_amount and r.decided_on is not None and r.outcome != "other_no_fee" and r.fee_paid_on is None
    )


@dataclass(slots=True)
class _Plan:
    new: list[Application] = dataclasses.field(default_factory=list)
    appended: list[tuple[Application, tuple[Event, ...]]] = dataclasses.field(default_factory=list)
    unchanged: int = 0
    problems: list[str] = dataclasses.field(default_factory=list)


def import_applications(
    path: Path | str, agency: str, *, url: str | URL | None = None, due: DueFn | None = None
) -> ImportResult:
    """Import the 台账 at ``path`` (.xlsx or .csv) into ``agency``'s register (store at ``url``, default
    from the settings); ``due`` computes the deadline columns (default: the statutory clock on the store's calendar).

    Raises:
        RegisterError: E205 for any problem of the file or any row that disagrees with the register
            (every one listed, nothing written); E201/E202 for the store; E209 for a missing agency.
    """
    rows = read_ledger(path)
    engine = open_store(url)
    try:
        return import_into(engine, agency, rows, due=due)
    finally:
        engine.dispose()


def import_into(engine: Engine, agency: str, rows: Sequence[LedgerRow], *, due: DueFn | None = None) -> ImportResult:
    """:func:`import_rows` in one transaction of its own."""
    with session_scope(engine) as session:
        return import_rows(session, agency, rows, due=due)


def import_rows(session: Session, agency: str, rows: Sequence[LedgerRow], *, due: DueFn | None = None) -> ImportResult:
    """Import rows read from a 台账 in ``session``'s transaction (E205 before anything is written)."""
    ag = agency_row(session, agency)
    # imports into one agency take turns (PostgreSQL; SQLite's BEGIN IMMEDIATE already serialises writers)
    session.execute(select(AgencyRow.id).where(AgencyRow.id == ag.id).with_for_update())
    calendar = load_calendar(session)
    plan = _plan(rows, ag.name, _registered(session, ag.id, ag.name), calendar)
    if plan.problems:
        listed = tuple(plan.problems[:MAX_LISTED])
        if len(plan.problems) > MAX_LISTED:
            listed += (f"……另有 {len(plan.problems) - MAX_LISTED} 处错误未列出",)
        raise refuse(f"台账有{len(plan.problems)}处与登记簿不一致或不符合规定，未导入任何记录", listed)
    try:
        _write(session, ag.id, plan, due if due is not None else due_fn(calendar))
    except IntegrityError:
        raise RegisterError(
            "E206", f"编号重复：导入时另一用户向{ag.name}录入了相同编号的申请，未导入任何记录"
        ) from None
    events_added = sum(len(a.events) for a in plan.new) + sum(len(new) for _, new in plan.appended)
    return ImportResult(len(plan.new), len(plan.appended), plan.unchanged, events_added, unpaid_rows(rows))


def _registered(session: Session, agency_id: int, agency: str) -> dict[str, Application]:
    """The agency's live applications by number, each with its live events."""
    return {a.number: a for a in live_applications(session, agency_id, agency)}


def _plan(rows: Iterable[LedgerRow], agency: str, registered: dict[str, Application], cal: WorkCalendar) -> _Plan:
    plan = _Plan()
    for row in rows:
        have = registered.get(row.number)
        if have is None:
            app = ledger_application(row, agency)
            plan.problems += new_application_problems(row, app, cal)
            plan.new.append(app)
            continue
        merge = merge_row(row, have, cal)
        plan.problems += merge.problems
        if merge.new:
            plan.appended.append((have, merge.new))
        else:
            plan.unchanged += 1
    return plan


def _derived(app: Application, due: DueFn | None) -> dict[str, Any]:
    closed = closure(app)
    out: dict[str, Any] = {
        "status": "closed" if closed else "open",
        "closed_on": closed[0] if closed else None,
        "outcome": closed[1] if closed else None,
    }
    if due is not None:
        d = due(app)
        out |= {
            "due_on": d.on,
            "due_provisional": d.provisional,
            "due_kind": d.kind,
            "consulting_until": d.consulting_until,
        }
    return out


def _event_values(event_id: int, application_id: int, e: Event, now: dt.datetime, who: str) -> dict[str, Any]:
    values = {k: getattr(e, k) for k in _EVENT_FIELDS} | {"id": event_id, "application_id": application_id}
    return values | {"kind": e.kind, "on": e.on, "recorded_at": now, "actor": who}


def _snapshot(columns: dict[str, Any], values: dict[str, Any], now: dt.datetime, stamp: str) -> dict[str, Any]:
    """What :func:`gongkai.store.audit.snapshot` gives for the row ``values`` were inserted as: every
    column (``columns``, in order), dates in ISO 8601 (``stamp`` is ``now``'s). The rows hold no decimals."""
    out: dict[str, Any] = dict(columns)
    for k, v in values.items():
        out[k] = stamp if v is now else v.isoformat() if isinstance(v, dt.date) else v
    return out


def _new_ids(session: Session, model: Any, n: int) -> list[int]:
    """``n`` ids for new rows of ``model``: drawn from the table's sequence on PostgreSQL; on SQLite the
    ones after the largest (the transaction holds the database's write lock: BEGIN IMMEDIATE)."""
    if n == 0:
        return []
    table = model.__table__.name
    if session.get_bind().dialect.name == "postgresql":
        drawn = text(f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, :n)")
        return [int(i) for i in session.scalars(drawn, {"n": n})]
    last = session.scalar(select(func.max(model.id))) or 0
    return list(range(last + 1, last + n + 1))


def _insert(session: Session, model: Any, values: list[dict[str, Any]]) -> None:
    """Insert ``values`` (the same keys in each) with one Core executemany: no ORM unit of work."""
    if values:
        session.execute(insert(model.__table__), values)


def _app_values(app_id: int, agency_id: int, a: Application, now: dt.datetime, due: DueFn | None) -> dict[str, Any]:
    values = {k: getattr(a, k) for k in ("number", "applicant_name", "applicant_type", "channel", "received")}
    values |= {"content": a.content, "submission": a.submission, "due_on": None, "due_provisional": False}
    values |= {"due_kind": None, "consulting_until": None}
    return values | {"id": app_id, "agency_id": agency_id, "created_at": now} | _derived(a, due)


def _write(session: Session, agency_id: int, plan: _Plan, due: DueFn | None) -> None:
    now, who = utcnow(), actor(session)
    stamp = plain(now)
    app_ids = _new_ids(session, ApplicationRow, len(plan.new))
    n_events = sum(len(a.events) for a in plan.new) + sum(len(new) for _, new in plan.appended)
    event_ids = iter(_new_ids(session, EventRow, n_events))
    apps: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    audit: list[dict[str, Any]] = []
    for app_id, app in zip(app_ids, plan.new, strict=True):
        values = _app_values(app_id, agency_id, app, now, due)
        logged = [_event_values(next(event_ids), app_id, e, now, who) for e in app.events]
        apps.append(values)
        events += logged
        logged_events = [_snapshot(_EVENT_COLUMNS, e, now, stamp) for e in logged]
        after = _snapshot(_APP_COLUMNS, values, now, stamp) | {"events": logged_events}
        audit.append(_audit_row(now, who, "application", app_id, after))
    changed: list[dict[str, Any]] = []
    for app, new in plan.appended:
        added: list[Event] = []
        for e in new:
            values = _event_values(next(event_ids), int(app.id), e, now, who)
            events.append(values)
            audit.append(_audit_row(now, who, "event", values["id"], _snapshot(_EVENT_COLUMNS, values, now, stamp)))
            added.append(dataclasses.replace(e, id=str(values["id"])))
        changed.append({"id": int(app.id)} | _derived(dataclasses.replace(app, events=(*app.events, *added)), due))
    _insert(session, ApplicationRow, apps)
    _insert(session, EventRow, events)
    _insert(session, AuditRow, audit)
    if changed:
        session.execute(update(ApplicationRow), changed)


def _audit_row(now: dt.datetime, who: str, entity: str, entity_id: int, after: dict[str, Any]) -> dict[str, Any]:
    return {"at": now, "actor": who, "action": "insert", "entity": entity, "entity_id": str(entity_id), "after": after}


def export_applications(agency: str, path: Path | str, *, url: str | URL | None = None) -> int:
    """Write ``agency``'s live applications as a 台账 workbook at ``path`` (what the import reads back);
    returns the rows written.

    Raises:
        RegisterError: E201/E202 for the store, E209 for a missing agency.
        UsageError: ``path`` does not end in ``.xlsx``.
        OutputError: ``path`` cannot be written.
    """
    suffix = Path(path).suffix
    if suffix.lower() != ".xlsx":
        raise UsageError(f"台账只能导出为 .xlsx 工作簿，而不是“{suffix or '无后缀'}”文件")
    engine = open_store(url)
    try:
        with session_scope(engine, read_only=True) as session:
            register = load_register(session, agency)
    finally:
        engine.dispose()
    return export_ledger(register.applications, path)


__all__ = ["ImportResult", "export_applications", "import_applications", "import_into", "import_rows"]
