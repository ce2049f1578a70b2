"""What the agency workspace's pages share: which agency a request is about and who may do what with it,
the workspace's links, the day the state is shown for, and the form fields' parsing."""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote

from pydantic import BaseModel
from sqlalchemy.orm import Session

from gongkai.errors import WebError
from gongkai.store.repo.agencies import AgencyInfo, agency
from gongkai.store.repo.users import UserInfo
from gongkai.web.roles import approves_for, reads, require, works_for

LINKS: tuple[tuple[str, str], ...] = (
    ("/agency", "申请登记"),
    ("/agency/reviews", "复议诉讼"),
    ("/agency/items", "主动公开"),
    ("/agency/report", "年度报告"),
)
"""The workspace's link list (the year's report link is added beside them)."""


def today() -> dt.date:
    """The day the state is shown for (tests replace it)."""
    return dt.date.today()


class Workspace(BaseModel):
    """The agency a page is about and what the user may do with it."""

    agency: str
    region: str | None
    can_write: bool
    can_approve: bool
    query: str
    """``?agency=…`` when the agency was chosen by name (admin, supervisor), else empty: appended to links."""
    links: list[tuple[str, str]]
    today: dt.date


def workspace(db: Session, user: UserInfo, name: str | None, *, write: bool = False) -> Workspace:
    """The agency of the request (``?agency=`` or the user's own), E302 unless the user may read it (or
    change it, with ``write``); E308 when no agency is named and the user has none."""
    chosen = (name or "").strip()
    if not chosen:
        if user.agency is None:
            raise WebError("E308", "请在地址中用 ?agency=机关名称 指定要查看的机关")
        chosen = user.agency
    found: AgencyInfo = agency(db, chosen)
    agency_id = int(found.id)
    require(reads(user, agency_id, found.region), f"：{found.name} 的登记簿")
    if write:
        require(works_for(user, agency_id), f"：只有 {found.name} 的经办人、审核人可以修改其登记簿")
    query = f"?agency={quote(found.name)}" if name and name.strip() else ""
    return Workspace(
        agency=found.name,
        region=found.region,
        can_write=works_for(user, agency_id),
        can_approve=approves_for(user, agency_id),
        query=query,
        links=[
            (path + (_report_query(agency_id) if query and path == "/agency/report" else query), label)
            for path, label in LINKS
        ],
        today=today(),
    )


def _report_query(agency_id: int) -> str:
    """The report pages name another agency by id (``?agency_id=``), the registers by name."""
    return f"?agency_id={agency_id}"


def opt_date(value: str, what: str) -> dt.date | None:
    """A form's date field (empty: None; E308 when it is not a date)."""
    value = value.strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise WebError("E308", f"{what}应为日期（如 2025-03-18），而不是“{value}”") from None


def need_date(value: str, what: str) -> dt.date:
    found = opt_date(value, what)
    if found is None:
        raise WebError("E308", f"请填写{what}")
    return found


def opt_int(value: str, what: str) -> int | None:
    """A form's whole-number field (empty: None; E308 otherwise when it is not one)."""
    value = value.strip()
    if not value:
        return None
    if not value.isdigit() or len(value) > 9:
        raise WebError("E308", f"{what}应为正整数，而不是“{value}”")
    return int(value)


__all__ = ["LINKS", "Workspace", "need_date", "opt_date", "opt_int", "today", "workspace"]
