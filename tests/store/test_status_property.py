"""Property: whatever events are appended and voided, an application's status columns are what
``cases.records.closure`` says of its live events."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine

from gongkai.cases.records import closure
from gongkai.errors import RegisterError
from gongkai.store import repo
from gongkai.store.engine import session_scope
from gongkai.store.tables import ApplicationRow

_agencies = itertools.count(1)
_EVENT = st.tuples(
    st.just("event"),
    st.sampled_from(["correction_requested", "extended", "decided", "withdrawn", "delivered", "fee_paid"]),
    st.integers(0, 60),
)
_VOID = st.tuples(st.just("void"), st.integers(0, 9), st.just(0))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(st.one_of(_EVENT, _VOID), max_size=10))
def test_status_columns_follow_the_live_events(engine: Engine, ops: list[tuple[str, object, int]]) -> None:
    name = f"局{next(_agencies)}"
    received = dt.date(2025, 9, 26)
    with session_scope(engine) as s:
        repo.add_agency(s, name, "department")
        app_id = repo.add_application(s, name, "1", "natural_person", received)
    events: list[str] = []
    for op, what, offset in ops:
        try:
            with session_scope(engine) as s:
                if op == "event":
                    kind = str(what)
                    fields = {"outcome": "granted"} if kind == "decided" else {"days": 10} if kind == "extended" else {}
                    on = received + dt.timedelta(days=offset)
                    events.append(repo.append_event(s, app_id, kind, on, **fields))  # type: ignore[arg-type]
                elif events:
                    repo.void(s, "event", events[int(str(what)) % len(events)], "测试作废")
        except RegisterError as exc:
            assert exc.code in ("E203", "E204")  # a refused event or an event voided twice
    with session_scope(engine) as s:
        (app,) = repo.load_register(s, name).applications
        row = s.get(ApplicationRow, int(app_id))
        assert row is not None
        closed = closure(app)
        assert (row.status, row.closed_on, row.outcome) == (("closed", *closed) if closed else ("open", None, None))
