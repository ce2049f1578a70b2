"""Phase 2 of a run into the store: the comparisons across reports, for the results the run touched."""

from __future__ import annotations

from sqlalchemy import Engine

from gongkai.batch.worker import Work
from gongkai.store.engine import session_scope


def cross_check(engine: Engine, touched: list[int], work: Work) -> list[str]:
    """Compare the results ``touched`` with the rest of the store (the same agency's previous and next
    year); one Chinese summary line per comparison."""
    from gongkai.audit import select_rules
    from gongkai.batch.pairing import pair_years

    if not touched:
        return []
    selected = list(work.select) if work.select else None
    ignored = list(work.ignore) if work.ignore else None
    rules = select_rules(selected, ignored) if selected or ignored else None
    with session_scope(engine) as session:
        pairing = pair_years(session, touched, rules=rules)
    return [pairing.summary()]


__all__ = ["cross_check"]
