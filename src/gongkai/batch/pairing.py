"""One agency across years: each report compared with the same body's report of the year before.

After a run, :func:`pair_years` takes the results it touched, files them under their body (the
agency registry, :mod:`gongkai.store.corpus_agencies`), and for every result with a body and a year
runs the year-over-year rules (``needs_previous``) against that body's result of the year before —
checked by the same gongkai version with the same rule selection. A result of the year after a
touched one is compared again too, its previous year having changed. The findings are stored on the
later report (``scope = "pair"``, ``other_result_id`` the earlier one), replacing that report's
earlier pair findings: running it twice leaves the same rows.

When a body has several results for one year (a report published again, or in two formats), the one
published last is its previous year (publication date, then the latest recorded).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from gongkai.audit import Rule, all_rules, audit
from gongkai.extract.agency_names import normalise
from gongkai.extract.divisions import Divisions
from gongkai.model import AnnualReport
from gongkai.store.corpus import finding_row, unpack_report
from gongkai.store.corpus_agencies import resolve_agency
from gongkai.store.corpus_tables import CorpusFindingRow, CorpusResultRow

_CHUNK = 500


@dataclass(frozen=True, slots=True)
class Pair:
    result_id: int
    previous_id: int
    agency_id: int
    year: int
    findings: int


@dataclass(frozen=True, slots=True)
class Pairing:
    """What :func:`pair_years` compared."""

    pairs: tuple[Pair, ...]
    refreshed: tuple[int, ...]
    """Every result whose pair findings were recomputed (with or without a previous year)."""

    @property
    def findings(self) -> int:
        return sum(p.findings for p in self.pairs)

    def summary(self) -> str:
        """The run's line, in Chinese: ``上年对比：12 对报告，发现 3 个问题``."""
        return f"上年对比：{len(self.pairs)} 对报告，发现 {self.findings} 个问题"


@dataclass(frozen=True, slots=True)
class _Result:
    id: int
    agency_id: int
    year: int
    published: dt.date | None


def _chunks(values: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _file_agencies(
    session: Session, ids: Sequence[int], version: str, config: str, hint: str | None, divisions: Divisions | None
) -> None:
    """Give the touched results (and any of the run's version not yet filed) their body."""
    known: dict[str, int] = {}
    touched = set(ids)
    unfiled = select(CorpusResultRow.id).where(
        CorpusResultRow.version == version,
        CorpusResultRow.config == config,
        CorpusResultRow.agency_id.is_(None),
        CorpusResultRow.agency.is_not(None),
    )
    todo = sorted(touched | set(session.scalars(unfiled)))
    for chunk in _chunks(todo):
        query = select(CorpusResultRow.id, CorpusResultRow.agency, CorpusResultRow.agency_id)
        for rid, printed, filed in session.execute(query.where(CorpusResultRow.id.in_(chunk))).all():
            agency_id = None
            if printed and normalise(printed):
                if printed not in known:
                    known[printed] = resolve_agency(session, printed, region_hint=hint, divisions=divisions)
                agency_id = known[printed]
            if filed != agency_id:
                session.execute(update(CorpusResultRow).where(CorpusResultRow.id == rid).values(agency_id=agency_id))


def _results(session: Session, agencies: Sequence[int], version: str, config: str) -> list[_Result]:
    out: list[_Result] = []
    for chunk in _chunks(agencies):
        query = select(
            CorpusResultRow.id, CorpusResultRow.agency_id, CorpusResultRow.year, CorpusResultRow.publication_date
        ).where(
            CorpusResultRow.agency_id.in_(chunk),
            CorpusResultRow.version == version,
            CorpusResultRow.config == config,
            CorpusResultRow.year.is_not(None),
            CorpusResultRow.report.is_not(None),
        )
        out += [_Result(i, a, y, p) for i, a, y, p in session.execute(query) if a is not None and y is not None]
    return out


def _latest(candidates: list[_Result]) -> _Result | None:
    if not candidates:
        return None
    return max(candidates, key=lambda r: (r.published is not None, r.published or dt.date.min, r.id))


class _Reports:
    """Reports read back from the store, the last few kept (a report is wanted as this year's and as the
    next year's previous, close together in id order): memory stays bounded however large the store."""

    KEEP = 64

    def __init__(self, session: Session) -> None:
        self.session = session
        self.cache: dict[int, AnnualReport] = {}

    def get(self, result_id: int) -> AnnualReport | None:
        if result_id in self.cache:
            return self.cache[result_id]
        data = self.session.scalar(select(CorpusResultRow.report).where(CorpusResultRow.id == result_id))
        if data is None:
            return None
        if len(self.cache) >= self.KEEP:
            del self.cache[next(iter(self.cache))]
        self.cache[result_id] = unpack_report(data)
        return self.cache[result_id]


def _pair_group(
    session: Session, ids: Sequence[int], version: str, config: str, rules: list[type[Rule]]
) -> tuple[list[Pair], list[int]]:
    touched = set(ids)
    agencies: set[int] = set()
    for chunk in _chunks(ids):
        filed = select(CorpusResultRow.agency_id).where(
            CorpusResultRow.id.in_(chunk), CorpusResultRow.agency_id.is_not(None)
        )
        agencies.update(a for a in session.scalars(filed) if a is not None)
    by_year: dict[tuple[int, int], list[_Result]] = {}
    for r in _results(session, sorted(agencies), version, config):
        by_year.setdefault((r.agency_id, r.year), []).append(r)
    later: dict[int, _Result] = {}
    for group in by_year.values():
        for r in group:
            if r.id in touched:
                later[r.id] = r
                later.update((n.id, n) for n in by_year.get((r.agency_id, r.year + 1), []))
    reports = _Reports(session)
    pairs: list[Pair] = []
    for rid in sorted(later):
        r = later[rid]
        previous = _latest(by_year.get((r.agency_id, r.year - 1), []))
        session.execute(
            delete(CorpusFindingRow).where(CorpusFindingRow.result_id == rid, CorpusFindingRow.scope == "pair")
        )
        if previous is None:
            continue
        report, last = reports.get(rid), reports.get(previous.id)
        if report is None or last is None:
            continue
        findings = audit(report, rules, previous=last)
        for finding in findings:
            row = finding_row(rid, finding, "pair")
            row.other_result_id = previous.id
            session.add(row)
        pairs.append(Pair(rid, previous.id, r.agency_id, r.year, len(findings)))
    return pairs, sorted(later)


def pair_years(
    session: Session,
    result_ids: Iterable[int],
    *,
    rules: list[type[Rule]] | None = None,
    region_hint: str | None = None,
    divisions: Divisions | None = None,
) -> Pairing:
    """Compare the touched results with their body's previous year, and the next year's with them.

    ``rules`` is the run's selection (default all); only its year-over-year rules run. ``region_hint``
    is the run's region (see :func:`~gongkai.store.corpus_agencies.resolve_agency`).
    """
    ids = sorted(set(result_ids))
    yoy = [r for r in (rules if rules is not None else all_rules()) if r.needs_previous]
    groups: dict[tuple[str, str], list[int]] = {}
    for chunk in _chunks(ids):
        query = select(CorpusResultRow.id, CorpusResultRow.version, CorpusResultRow.config).where(
            CorpusResultRow.id.in_(chunk)
        )
        for rid, version, config in session.execute(query):
            groups.setdefault((version, config), []).append(rid)
    pairs: list[Pair] = []
    refreshed: list[int] = []
    for (version, config), group in sorted(groups.items()):
        _file_agencies(session, group, version, config, region_hint, divisions)
        for chunk in _chunks(group):
            session.execute(
                delete(CorpusFindingRow).where(CorpusFindingRow.result_id.in_(chunk), CorpusFindingRow.scope == "pair")
            )
        found, again = _pair_group(session, group, version, config, yoy)
        pairs += found
        refreshed += again
    session.flush()
    return Pairing(tuple(sorted(pairs, key=lambda p: p.result_id)), tuple(sorted(set(refreshed))))


__all__ = ["Pair", "Pairing", "pair_years"]
