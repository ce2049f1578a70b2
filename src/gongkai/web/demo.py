"""The demo: a store with an agency, one user of each role and sample data (``gongkai serve --demo``).

Seeding runs only on an empty store (no web users yet), so restarting the demo keeps what was done
in it. The store is created at the migration head when it is new: the demo is an explicit request
for a fresh database, unlike ``gongkai serve`` on a real store, which never migrates.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from gongkai.store.engine import open_engine, session_scope
from gongkai.store.migrate import current, upgrade
from gongkai.store.repo.agencies import add_agency, find_agency
from gongkai.store.repo.users import add_user
from gongkai.store.web_tables import UserRow
from gongkai.web.security import hash_password
from gongkai.web.settings import WebSettings

DEMO_PASSWORD = "gongkai-demo"
DEMO_AGENCY = "淮安市洪泽区人民政府办公室"
DEMO_REGION = "江苏省淮安市洪泽区"
DEMO_USERS: tuple[tuple[str, str, str], ...] = (
    ("admin", "admin", "系统管理员"),
    ("clerk", "clerk", "王经办"),
    ("approver", "approver", "李审核"),
    ("supervisor", "supervisor", "赵监督"),
)
"""(user name, role, display name); every demo user's password is :data:`DEMO_PASSWORD`."""

SEEDERS: list[Callable[[Session, WebSettings], None]] = []
"""Further sample data (applications, reports, the corpus): each called once on a new demo store."""


def seed_demo(settings: WebSettings) -> bool:
    """Fill an empty store with the demo (creating it at head when new); whether it seeded."""
    engine = open_engine(settings.store().database_url)
    try:
        if current(engine) is None:
            upgrade(engine)
        with session_scope(engine, actor="demo") as session:
            if session.scalar(select(func.count()).select_from(UserRow)):
                return False
            if find_agency(session, DEMO_AGENCY) is None:
                add_agency(session, DEMO_AGENCY, "government", DEMO_REGION)
            secret = hash_password(DEMO_PASSWORD)
            for username, role, name in DEMO_USERS:
                agency = DEMO_AGENCY if role in ("clerk", "approver") else None
                region = "江苏省淮安市" if role == "supervisor" else None
                add_user(session, username, secret, role, display_name=name, agency=agency, region=region)
            for seed in SEEDERS:
                seed(session, settings)
        return True
    finally:
        engine.dispose()


def _register_seeders() -> None:
    """The registers first (applications, reviews, items), then the reports computed from them."""
    from gongkai.web.demo_cases import seed_cases
    from gongkai.web.demo_corpus import seed_corpus
    from gongkai.web.demo_report import seed_report

    SEEDERS.extend((seed_cases, seed_report, seed_corpus))


_register_seeders()

__all__ = ["DEMO_AGENCY", "DEMO_PASSWORD", "DEMO_REGION", "DEMO_USERS", "SEEDERS", "seed_demo"]
