"""The store's repository API, by record family; every function takes the session first.

Every insert, update and void writes an ``audit_log`` row in the same transaction (who is
``session.info["actor"]``, set by :func:`gongkai.store.engine.session_scope`). Ids are strings.
"""

from gongkai.store.repo.agencies import AGENCY_KIND_LABELS, AgencyInfo, add_agency, agencies, agency
from gongkai.store.repo.applications import Due, DueFn, add_application, append_event, refresh_due
from gongkai.store.repo.calendar import CoveredYear, covered_years, load_calendar, save_year, seed_calendar
from gongkai.store.repo.load import load_register
from gongkai.store.repo.registers import (
    abolish_document,
    add_document,
    add_item,
    add_review_case,
    conclude_review_case,
    publish_item,
    set_figure,
    void,
)

__all__ = [
    "AGENCY_KIND_LABELS",
    "AgencyInfo",
    "CoveredYear",
    "Due",
    "DueFn",
    "abolish_document",
    "add_agency",
    "add_application",
    "add_document",
    "add_item",
    "add_review_case",
    "agencies",
    "agency",
    "append_event",
    "conclude_review_case",
    "covered_years",
    "load_calendar",
    "load_register",
    "publish_item",
    "refresh_due",
    "save_year",
    "seed_calendar",
    "set_figure",
    "void",
]
