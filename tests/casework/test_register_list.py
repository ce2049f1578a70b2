"""The register's page reads the shown applications' logs in one query: the same views as one by one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from gongkai.casework.case_view import case_view
from gongkai.casework.register_list import ListFilter, application_list
from gongkai.store import repo
from gongkai.store.engine import open_engine, session_scope
from gongkai.store.tables import ApplicationRow
from tests.web.conftest import AGENCY, OTHER, make_store

TODAY = dt.date(2025, 4, 30)


def test_register_list_page_equals_each_case_view(tmp_path: Path) -> None:
    settings = make_store(tmp_path)
    engine = open_engine(settings.store().database_url)
    try:
        with session_scope(engine, actor="test") as session:
            for i in range(12):
                received = dt.date(2025, 3, 3) + dt.timedelta(days=i)
                app_id = repo.add_application(session, AGENCY, f"A-{i:02}", "natural_person", received)
                if i % 3 == 0:
                    repo.append_event(session, app_id, "decided", received + dt.timedelta(days=5), outcome="granted")
                elif i % 4 == 1:
                    repo.append_event(session, app_id, "extended", received + dt.timedelta(days=10), days=20)
            repo.add_application(session, OTHER, "B-01", "natural_person", dt.date(2025, 3, 3))
        with session_scope(engine, read_only=True) as session:
            listed = application_list(session, AGENCY, ListFilter(), today=TODAY, limit=5, offset=5)
            assert listed.total == 12
            numbers = [x.view.application.number for x in listed.rows]
            # open first by due date (extended ones later), then closed, the latest closed first
            everything = application_list(session, AGENCY, ListFilter(), today=TODAY, limit=50)
            assert [x.view.application.number for x in everything.rows][5:10] == numbers
            assert [x.view.application.number for x in everything.rows][-4:] == ["A-09", "A-06", "A-03", "A-00"]
            for x in listed.rows:
                row = session.get(ApplicationRow, int(x.view.application.id))
                assert row is not None
                assert x.view == case_view(session, row, TODAY)
            closed = application_list(session, AGENCY, ListFilter(status="closed"), today=TODAY)
            assert [x.view.application.number for x in closed.rows] == ["A-09", "A-06", "A-03", "A-00"]
    finally:
        engine.dispose()
