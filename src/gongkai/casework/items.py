"""Proactively disclosed items (第二十六条): each with its publication deadline, 20 working days after the
information is formed or changed, and its timeliness — published on time or late, pending or overdue."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from gongkai.cases import records as r
from gongkai.cases.clock import Deadline, publication_deadline
from gongkai.casework.case_view import store_session
from gongkai.errors import RegisterError
from gongkai.store import repo
from gongkai.store.repo._common import LABELS, get_live
from gongkai.store.repo.agencies import agency_row
from gongkai.store.tables import ItemRow

ItemStatus = Literal["on_time", "late", "pending", "overdue"]
ITEM_STATUS_LABELS: dict[str, str] = {
    "on_time": "按时公开",
    "late": "逾期公开",
    "pending": "尚未公开",
    "overdue": "逾期未公开",
}


@dataclass(frozen=True, slots=True)
class ItemView:
    """A proactive item with its publication deadline (第二十六条) and its timeliness on ``today``."""

    item: r.ProactiveItem
    deadline: Deadline
    status: ItemStatus

    @property
    def late(self) -> bool:
        return self.status in ("late", "overdue")


def item_view(item: r.ProactiveItem, deadline: Deadline, today: dt.date) -> ItemView:
    published = item.published_on
    if published is not None:
        return ItemView(item, deadline, "on_time" if published <= deadline.due else "late")
    return ItemView(item, deadline, "overdue" if today > deadline.due else "pending")


def _items(session: Session, agency: str, today: dt.date, only: str | None = None) -> list[ItemView]:
    cal = repo.load_calendar(session)
    items = repo.load_register(session, agency).items
    return [item_view(i, publication_deadline(cal, i.formed_on), today) for i in items if only in (None, i.id)]


def _own_item(session: Session, agency: str, item_id: str) -> ItemRow:
    row = get_live(session, ItemRow, item_id, "item")
    if row.agency_id != agency_row(session, agency).id:
        raise RegisterError("E203", f"{LABELS['item']}不存在：{agency.strip()} 没有记录号为 {item_id.strip()} 的记录")
    return row


def add_item_in(
    session: Session,
    agency: str,
    title: str,
    formed_on: dt.date,
    *,
    published_on: dt.date | None = None,
    today: dt.date,
) -> ItemView:
    """:func:`add_item` in the caller's session (the web request's)."""
    item_id = repo.add_item(session, agency, title, formed_on, published_on=published_on)
    return _items(session, agency, today, item_id)[0]


def add_item(
    agency: str,
    title: str,
    formed_on: dt.date,
    *,
    published_on: dt.date | None = None,
    today: dt.date,
    url: str | URL | None = None,
) -> ItemView:
    """Add an item formed or changed on ``formed_on`` (published on ``published_on`` when it is)."""
    with store_session(url) as session:
        return add_item_in(session, agency, title, formed_on, published_on=published_on, today=today)


def publish_item_in(session: Session, agency: str, item_id: str, published_on: dt.date, *, today: dt.date) -> ItemView:
    """:func:`publish_item` in the caller's session."""
    row = _own_item(session, agency, item_id)
    repo.publish_item(session, row.id, published_on)
    return _items(session, agency, today, str(row.id))[0]


def publish_item(
    agency: str, item_id: str, published_on: dt.date, *, today: dt.date, url: str | URL | None = None
) -> ItemView:
    """Record the day the item was published."""
    with store_session(url) as session:
        return publish_item_in(session, agency, item_id, published_on, today=today)


def list_items_in(session: Session, agency: str, *, late: bool = False, today: dt.date) -> list[ItemView]:
    """:func:`list_items` in the caller's session."""
    return [v for v in _items(session, agency, today) if v.late or not late]


def list_items(agency: str, *, late: bool = False, today: dt.date, url: str | URL | None = None) -> list[ItemView]:
    """The agency's live items with their deadlines (``late``: only those published late or overdue)."""
    with store_session(url, read_only=True) as session:
        return list_items_in(session, agency, late=late, today=today)


__all__ = [
    "ITEM_STATUS_LABELS",
    "ItemStatus",
    "ItemView",
    "add_item",
    "add_item_in",
    "item_view",
    "list_items",
    "list_items_in",
    "publish_item",
    "publish_item_in",
]
