"""Agencies: the organisations whose registers the store keeps (unique by name among live ones)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from gongkai.cases import records as r
from gongkai.cases.records import AgencyKind
from gongkai.errors import RegisterError
from gongkai.store.lists import unknown_agency
from gongkai.store.repo._common import insert, no_longer, rule
from gongkai.store.tables import AGENCY_KINDS, AgencyRow

AGENCY_KIND_LABELS: dict[str, str] = {"department": "部门", "government": "政府", "township": "乡镇（街道）"}


@dataclass(frozen=True, slots=True)
class AgencyInfo:
    id: str
    name: str
    kind: AgencyKind
    region: str | None = None


def _info(row: AgencyRow) -> AgencyInfo:
    return AgencyInfo(str(row.id), row.name, cast(AgencyKind, row.kind), row.region)


def find_agency(session: Session, name: str) -> AgencyRow | None:
    """The live agency named ``name`` (surrounding spaces ignored), or None."""
    query = select(AgencyRow).where(AgencyRow.name == name.strip(), AgencyRow.voided_at.is_(None))
    return session.scalars(query).first()


def agency_row(session: Session, name: str) -> AgencyRow:
    """The live agency named ``name`` (E209 when there is none)."""
    row = find_agency(session, name)
    if row is None:
        raise unknown_agency(name)
    return row


def add_agency(session: Session, name: str, kind: str, region: str | None = None) -> AgencyInfo:
    """Add an agency (E209 when one of that name exists; E204 for an empty name or an unknown kind)."""
    name = name.strip()
    rule(bool(name), "机关名称不能为空")
    rule(kind in AGENCY_KINDS, f"机关类型应为 {'、'.join(AGENCY_KINDS)} 之一，而不是“{kind}”")
    if find_agency(session, name) is not None:
        raise RegisterError("E209", f"机关已存在：{name}")
    region = region.strip() if region and region.strip() else None
    no_longer(name, r.MAX_NAME_CHARS, "机关名称")
    no_longer(region, r.MAX_NAME_CHARS, "地区名称")
    return _info(insert(session, "agency", AgencyRow(name=name, kind=kind, region=region)))


def agency(session: Session, name: str) -> AgencyInfo:
    """The agency named ``name`` (E209 when missing)."""
    return _info(agency_row(session, name))


def agencies(session: Session, region: str | None = None) -> list[AgencyInfo]:
    """The live agencies (of ``region`` when given), by name."""
    query = select(AgencyRow).where(AgencyRow.voided_at.is_(None))
    if region is not None:
        query = query.where(AgencyRow.region == region)
    return [_info(r) for r in session.scalars(query.order_by(AgencyRow.name))]


__all__ = ["AGENCY_KIND_LABELS", "AgencyInfo", "add_agency", "agencies", "agency", "agency_row", "find_agency"]
