"""Phase 2 of a run into the store: the comparisons across reports.

Every result of the run's version and rule selection not yet compared (``compared`` false: checked by
this run, or by a run killed before it got here) is compared with the rest of the store — the same
agency's previous and next year, copied narrative — and marked compared in the same transaction that
stores the findings.
"""

from __future__ import annotations

from sqlalchemy import Engine, select, update

from gongkai.batch.worker import Work
from gongkai.store.corpus import CHUNK
from gongkai.store.corpus_tables import CorpusResultRow
from gongkai.store.engine import session_scope


def cross_check(engine: Engine, work: Work, *, version: str, config: str) -> list[str]:
    """Compare the results not yet compared; one Chinese summary line per comparison (none: nothing to do)."""
    from gongkai.audit import select_rules
    from gongkai.batch.copies import find_copies
    from gongkai.batch.pairing import pair_years

    selected = list(work.select) if work.select else None
    ignored = list(work.ignore) if work.ignore else None
    rules = select_rules(selected, ignored) if selected or ignored else None
    with session_scope(engine) as session:
        pending = list(
            session.scalars(
                select(CorpusResultRow.id)
                .where(CorpusResultRow.version == version, CorpusResultRow.config == config)
                .where(CorpusResultRow.compared.is_(False))
                .order_by(CorpusResultRow.id)
            )
        )
        if not pending:
            return []
        pairing = pair_years(session, pending, rules=rules)
        lines = [pairing.summary()]
        if rules is None or any(r.code == "X101" for r in rules):
            copies = find_copies(session, pending)
            lines.append(f"内容雷同：{copies} 份报告的正文与其他报告或本机关上年报告高度相似")
        for start in range(0, len(pending), CHUNK):
            chunk = pending[start : start + CHUNK]
            session.execute(update(CorpusResultRow).where(CorpusResultRow.id.in_(chunk)).values(compared=True))
    return lines


__all__ = ["cross_check"]
