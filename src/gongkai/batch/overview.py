"""A corpus store in figures (``gongkai report-corpus``): counted by SQL aggregates, never by loading the
reports, so memory stays flat however many reports the store holds. Each document counts once, by its
newest result (:mod:`gongkai.batch.stored`).

Publication timeliness reuses rule M104's judgement: its deadlines (条例第四十九条, ``DEADLINES``) and
its kind of agency (``report_agency_kind`` of the agency the title names); a report M104 found late
counts as late even where the title alone does not tell the kind (the rule also reads the signature).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from sqlalchemy import ColumnElement, Connection, Engine, and_, case, distinct, exists, func, select

from gongkai.batch.stored import agency_name, chosen
from gongkai.render.corpus_overview import CorpusOverview, Count, Timeliness, YearApplications
from gongkai.store.corpus_tables import (
    CorpusAgencyRow,
    CorpusCellRow,
    CorpusErrorRow,
    CorpusFindingRow,
    CorpusResultRow,
)

LATE_RULE = "M104"
LATE_BANDS = ((30, "超出 1–30 天"), (90, "超出 31–90 天"), (None, "超出 90 天以上"))
R = CorpusResultRow


def _scalar(connection: Connection, query: Any) -> int:
    return int(connection.execute(query).scalar() or 0)


def _statuses(connection: Connection, where: ColumnElement[bool]) -> Counter[str]:
    query = select(R.status, func.count()).where(where).group_by(R.status)
    return Counter({status: int(n) for status, n in connection.execute(query)})


def _years(connection: Connection, where: ColumnElement[bool]) -> tuple[Count, ...]:
    query = select(R.year, func.count()).where(where, R.year.is_not(None)).group_by(R.year).order_by(R.year)
    return tuple(Count(str(year), int(n)) for year, n in connection.execute(query))


def _agencies(connection: Connection, where: ColumnElement[bool]) -> int:
    name = agency_name()
    query = (
        select(func.count(distinct(name))).select_from(R).outerjoin(CorpusAgencyRow, CorpusAgencyRow.id == R.agency_id)
    )
    return _scalar(connection, query.where(where, name.is_not(None)))


def _severities(connection: Connection, where: ColumnElement[bool]) -> Counter[str]:
    query = (
        select(CorpusFindingRow.severity, func.count())
        .join(R, R.id == CorpusFindingRow.result_id)
        .where(where)
        .group_by(CorpusFindingRow.severity)
    )
    return Counter({severity: int(n) for severity, n in connection.execute(query)})


def _rules(connection: Connection, where: ColumnElement[bool], top: int) -> tuple[tuple[Count, ...], int]:
    from gongkai.audit import all_rules

    summaries = {rule.code: rule.summary for rule in all_rules()}
    n = func.count().label("n")
    query = (
        select(CorpusFindingRow.code, func.max(CorpusFindingRow.name), n)
        .join(R, R.id == CorpusFindingRow.result_id)
        .where(where)
        .group_by(CorpusFindingRow.code)
    )
    counts = [Count(code, int(k), summaries.get(code, name)) for code, name, k in connection.execute(query)]
    counts.sort(key=lambda c: (-c.count, c.label))
    return tuple(counts[:top]), len(counts)


def _agencies_top(connection: Connection, where: ColumnElement[bool], top: int) -> tuple[Count, ...]:
    name = agency_name().label("agency")
    n = func.count().label("n")
    query = (
        select(name, n, func.count(distinct(R.id)))
        .select_from(CorpusFindingRow)
        .join(R, R.id == CorpusFindingRow.result_id)
        .outerjoin(CorpusAgencyRow, CorpusAgencyRow.id == R.agency_id)
        .where(where, name.is_not(None))
        .group_by(name)
        .order_by(n.desc(), name)
        .limit(top)
    )
    return tuple(Count(str(agency), int(k), f"{reports} 份报告") for agency, k, reports in connection.execute(query))


def _failures(connection: Connection, where: ColumnElement[bool]) -> tuple[Count, ...]:
    from gongkai.errors import DOCUMENT_ERRORS

    query = (
        select(CorpusErrorRow.code, func.count(distinct(R.id)))
        .join(R, R.id == CorpusErrorRow.result_id)
        .where(where, R.status == "failed")
        .group_by(CorpusErrorRow.code)
        .order_by(CorpusErrorRow.code)
    )
    return tuple(Count(code, int(n), DOCUMENT_ERRORS.get(code, "")) for code, n in connection.execute(query))


def _due(agency: str | None, year: int | None) -> dt.date | None:
    """M104's deadline for a report of ``agency`` (as its title names it) on ``year``."""
    from gongkai.audit.rules.metadata._dates import DEADLINES
    from gongkai.extract.metadata import report_agency_kind

    month_day = DEADLINES.get(report_agency_kind(agency, None))
    return dt.date(year + 1, *month_day) if month_day is not None and year is not None else None


def _band(days: int) -> str:
    return next(label for limit, label in LATE_BANDS if limit is None or days <= limit)


def _timeliness(connection: Connection, where: ColumnElement[bool]) -> Timeliness:
    found_late = exists().where(CorpusFindingRow.result_id == R.id, CorpusFindingRow.code == LATE_RULE)
    flagged = case((found_late, 1), else_=0).label("flagged")
    query = (
        select(R.agency, R.year, R.publication_date, flagged, func.count())
        .where(where, R.status != "failed")
        .group_by(R.agency, R.year, R.publication_date, flagged)
    )
    counts: Counter[str] = Counter()
    bands: Counter[str] = Counter()
    for agency, year, published, late_found, n in connection.execution_options(yield_per=2000).execute(query):
        due = _due(agency, year)
        if published is None:
            counts["undated"] += n
        elif due is not None and published > due:
            counts["late"] += n
            bands[_band((published - due).days)] += n
        elif late_found:
            counts["late"] += n
            bands["超出天数未计（期限按落款机关判断）"] += n
        elif due is None:
            counts["no_deadline"] += n
        else:
            counts["on_time"] += n
    order = [label for _, label in LATE_BANDS] + ["超出天数未计（期限按落款机关判断）"]
    return Timeliness(
        on_time=counts["on_time"],
        late=counts["late"],
        late_by=tuple(Count(label, bands[label]) for label in order if bands[label]),
        undated=counts["undated"],
        no_deadline=counts["no_deadline"],
    )


def _applications(connection: Connection, where: ColumnElement[bool]) -> tuple[YearApplications, ...]:
    c = CorpusCellRow
    query = (
        select(R.year, func.sum(c.value), func.count())
        .join(R, R.id == c.result_id)
        .where(
            where,
            R.year.is_not(None),
            and_(c.table == "table3", c.row == "new_received", c.column == "total", c.state == "number"),
        )
        .group_by(R.year)
        .order_by(R.year)
    )
    rows = connection.execute(query)
    return tuple(YearApplications(int(year or 0), float(total or 0), int(n)) for year, total, n in rows)


def overview(
    engine: Engine, *, store: str, generated: dt.date, top: int = 15, only: ColumnElement[bool] | None = None
) -> CorpusOverview:
    """The store's figures for the overview page (``store``: how the page names the store); ``only``:
    a further condition on the results counted (a supervisor's region)."""
    from gongkai import __version__
    from gongkai.store.engine import reader

    where = chosen() if only is None else and_(chosen(), only)
    with reader(engine).connect() as connection:
        statuses = _statuses(connection, where)
        severities = _severities(connection, where)
        rules, rule_codes = _rules(connection, where, top)
        return CorpusOverview(
            store=store,
            generated=generated,
            version=__version__,
            reports=sum(statuses.values()),
            failed=statuses["failed"],
            partial=statuses["partial"],
            agencies=_agencies(connection, where),
            years=_years(connection, where),
            errors=severities["error"],
            warnings=severities["warning"],
            infos=severities["info"],
            rules=rules,
            rule_codes=rule_codes,
            agencies_top=_agencies_top(connection, where, top),
            timeliness=_timeliness(connection, where),
            applications=_applications(connection, where),
            top=top,
            failures=_failures(connection, where),
        )


__all__ = ["overview"]
