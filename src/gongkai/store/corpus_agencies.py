"""The corpus store's agency registry: one row per body, every name its reports print as an alias.

:func:`resolve_agency` finds (or creates) the body of a printed name: a name already known as an
alias is its body (the registry decides, so a name told explicitly by :func:`alias_agency` stays
told); otherwise :func:`gongkai.extract.agency_names.parse_agency` names the body in full from the
division data — ``洪泽区人民政府`` and ``淮安市洪泽区人民政府`` are one body — and an ambiguous name
(``朝阳区人民政府``) stays a body of its own until the run's region or the registry says which.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from gongkai.errors import RegisterError
from gongkai.extract.agency_names import AgencyName, normalise, parse_agency
from gongkai.extract.divisions import Divisions
from gongkai.store.corpus_tables import CorpusAgencyNameRow, CorpusAgencyRow, CorpusResultRow

MAX_NAME = 200
"""The longest name kept (the column's size); a longer one is cut, the same way each time."""


def _key(name: str) -> str:
    key = normalise(name)[:MAX_NAME]
    if not key:
        raise RegisterError("E204", f"机关名称为空：“{name}”")
    return key


def _alias(session: Session, key: str, agency_id: int) -> None:
    if session.get(CorpusAgencyNameRow, key) is None:
        session.add(CorpusAgencyNameRow(name=key, agency_id=agency_id))
        session.flush()


def _body(session: Session, parsed: AgencyName) -> int:
    """The id of the body named ``parsed.full_name`` (an alias of it, else the body itself, else new)."""
    full = parsed.full_name[:MAX_NAME]
    alias = session.get(CorpusAgencyNameRow, full)
    if alias is not None:
        return alias.agency_id
    row = session.scalars(select(CorpusAgencyRow).where(CorpusAgencyRow.name == full)).first()
    if row is None:
        row = CorpusAgencyRow(name=full, region=parsed.region, division_code=parsed.division_code)
        session.add(row)
        session.flush()
    _alias(session, full, row.id)
    return row.id


def resolve_agency(
    session: Session, printed_name: str, *, region_hint: str | None = None, divisions: Divisions | None = None
) -> int:
    """The registry's id of the body a report printed as ``printed_name`` (created when new).

    ``region_hint`` (the run's region: a name or a GB/T 2260 code) only decides a division name that
    the data leaves ambiguous; what it decides is not kept as an alias of the printed name, which
    may be another region's in another run.

    Raises:
        RegisterError: E204 when the name is empty once normalised.
    """
    key = _key(printed_name)
    if region_hint:
        hinted = parse_agency(key, divisions, region_hint)
        if hinted.resolved and not parse_agency(key, divisions).resolved:
            return _body(session, hinted)
    alias = session.get(CorpusAgencyNameRow, key)
    if alias is not None:
        return alias.agency_id
    agency_id = _body(session, parse_agency(key, divisions))
    _alias(session, key, agency_id)
    return agency_id


def alias_agency(session: Session, name: str, full_name: str, *, divisions: Divisions | None = None) -> int:
    """Tell the registry that reports printed as ``name`` are the body ``full_name``; returns its id.

    The results already filed under the body ``name`` had are moved to it.

    Raises:
        RegisterError: E204 when either name is empty once normalised.
    """
    key = _key(name)
    agency_id = _body(session, parse_agency(_key(full_name), divisions))
    row = session.get(CorpusAgencyNameRow, key)
    if row is None:
        session.add(CorpusAgencyNameRow(name=key, agency_id=agency_id))
        session.flush()
        return agency_id
    before, row.agency_id = row.agency_id, agency_id
    if before != agency_id:
        filed = select(CorpusResultRow).where(CorpusResultRow.agency_id == before)
        for result in session.scalars(filed):
            if result.agency is not None and normalise(result.agency)[:MAX_NAME] == key:
                result.agency_id = agency_id
    session.flush()
    return agency_id


def agency_names(session: Session, agency_id: int) -> list[str]:
    """The aliases of one body, sorted."""
    query = select(CorpusAgencyNameRow.name).where(CorpusAgencyNameRow.agency_id == agency_id)
    return sorted(session.scalars(query))


__all__ = ["MAX_NAME", "agency_names", "alias_agency", "resolve_agency"]
