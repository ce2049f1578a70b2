"""Who may do what: the role checks every route makes (tested by the role × route matrix).

- ``admin``: everything, and the users.
- ``clerk`` (经办人): its own agency's registers and draft report.
- ``approver`` (审核人): as the clerk, and approves extensions and the final report, publishes it.
- ``supervisor``: reads the agencies of its region (an agency whose region starts with the
  supervisor's; a supervisor without a region reads every agency) and the corpus; runs corpus audits.
- the public (no account): published reports and the statistics of published reports.
"""

from __future__ import annotations

from gongkai.errors import WebError
from gongkai.store.repo.users import UserInfo

AGENCY_STAFF = ("clerk", "approver")


def works_for(user: UserInfo, agency_id: int) -> bool:
    """May change ``agency_id``'s records (admin, or its clerk or approver)."""
    return user.role == "admin" or (user.role in AGENCY_STAFF and user.agency_id == agency_id)


def approves_for(user: UserInfo, agency_id: int) -> bool:
    """May approve ``agency_id``'s extensions and final report, and publish it."""
    return user.role == "admin" or (user.role == "approver" and user.agency_id == agency_id)


def reads(user: UserInfo, agency_id: int, agency_region: str | None) -> bool:
    """May read ``agency_id``'s records and reports (staff of it, admin, a supervisor of its region)."""
    if works_for(user, agency_id):
        return True
    if user.role != "supervisor":
        return False
    return not user.region or (agency_region or "").startswith(user.region)


def supervises(user: UserInfo) -> bool:
    """May read the corpus and start corpus runs."""
    return user.role in ("admin", "supervisor")


def require(allowed: bool, what: str = "") -> None:
    """E302 unless ``allowed``."""
    if not allowed:
        raise WebError("E302", f"无权访问{what}")


__all__ = ["AGENCY_STAFF", "approves_for", "reads", "require", "supervises", "works_for"]
