"""The case register's records as plain data: what the store keeps and every pure stage computes from.

Ids are strings the store assigns (its primary keys); a computed report cell names the records
behind it as ``"<kind>:<id>"`` (see :func:`ref`). Dates are :class:`datetime.date`. A voided record
stays in the store with its reason and is left out of every computation.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal, get_args

ApplicantType = Literal[
    "natural_person",
    "commercial_enterprise",
    "research_institution",
    "social_welfare_org",
    "legal_service_org",
    "other_org",
]
"""Table 3's six applicant columns (report-keys.md)."""

APPLICANT_TYPES: tuple[ApplicantType, ...] = get_args(ApplicantType)
APPLICANT_LABELS: dict[str, str] = {
    "natural_person": "自然人",
    "commercial_enterprise": "商业企业",
    "research_institution": "科研机构",
    "social_welfare_org": "社会公益组织",
    "legal_service_org": "法律服务机构",
    "other_org": "其他",
}

Channel = Literal["in_person", "post_signed", "post_ordinary", "online", "fax"]
"""How the application arrived; 条例第三十一条 fixes its received date from this."""

CHANNEL_LABELS: dict[str, str] = {
    "in_person": "当面提交",
    "post_signed": "邮寄（需签收）",
    "post_ordinary": "平常信函",
    "online": "互联网渠道",
    "fax": "传真",
}

EventKind = Literal[
    "received",
    "correction_requested",
    "correction_received",
    "consultation_sent",
    "consultation_answered",
    "extended",
    "fee_notice",
    "fee_paid",
    "decided",
    "delivered",
    "withdrawn",
]
EVENT_KINDS: tuple[EventKind, ...] = get_args(EventKind)
EVENT_LABELS: dict[str, str] = {
    "received": "收到申请",
    "correction_requested": "告知补正",
    "correction_received": "收到补正",
    "consultation_sent": "发出征求意见",
    "consultation_answered": "收到意见",
    "extended": "延期答复",
    "fee_notice": "发出收费通知",
    "fee_paid": "缴纳费用",
    "decided": "作出答复",
    "delivered": "送达",
    "withdrawn": "申请人撤回",
}

ConsultParty = Literal["third_party", "agency"]
"""第三十二条 (a third party) or 第三十四条 (another agency that made the information)."""

FeeBasis = Literal["count", "pages"]
"""国办函〔2020〕109号: by count (按件) or by volume (按量) — one standard per application."""

ReviewKind = Literal["administrative_review", "litigation_direct", "litigation_after_review"]
"""Table 4's groups (report-keys.md): 行政复议; 行政诉讼 未经复议直接起诉 / 复议后起诉."""

REVIEW_KINDS: tuple[ReviewKind, ...] = get_args(ReviewKind)
REVIEW_KIND_LABELS: dict[str, str] = {
    "administrative_review": "行政复议",
    "litigation_direct": "行政诉讼（未经复议直接起诉）",
    "litigation_after_review": "行政诉讼（复议后起诉）",
}

ReviewResult = Literal["upheld", "corrected", "other", "pending"]
REVIEW_RESULTS: tuple[ReviewResult, ...] = get_args(ReviewResult)
REVIEW_RESULT_LABELS: dict[str, str] = {
    "upheld": "结果维持",
    "corrected": "结果纠正",
    "other": "其他结果",
    "pending": "尚未审结",
}

DocumentKind = Literal["regulations", "normative_documents"]
"""Table 2's first two rows: 规章 and 行政规范性文件."""

FigureKey = Literal[
    "administrative_licensing.decisions",
    "administrative_penalty.decisions",
    "administrative_coercion.decisions",
    "administrative_fees.amount_10k_yuan",
]
"""The yearly figures of table 2 entered (or imported) as numbers: ``row.field``."""

FIGURE_KEYS: tuple[FigureKey, ...] = get_args(FigureKey)

AgencyKind = Literal["department", "government", "township"]

MAX_NUMBER_CHARS = 64
"""An application's or a review case's 编号, at most (the store's column)."""
MAX_NAME_CHARS = 200
"""An agency's, a region's or an applicant's name, at most (the store's columns)."""
MAX_STORED_INT = 2_147_483_647
"""A fee's amount or quantity, at most (the store's integer columns: PostgreSQL's ``integer``)."""


def ref(kind: str, record_id: str) -> str:
    """The reference a computed cell's provenance carries: ``application:17``."""
    return f"{kind}:{record_id}"


@dataclass(frozen=True, slots=True)
class Event:
    """One entry of an application's append-only log. Fields not used by its kind stay None."""

    id: str
    kind: EventKind
    on: dt.date
    outcome: str | None = None
    """``decided``: a table-3 outcome row key (``model.template.OUTCOME_ROWS_2021``)."""
    days: int | None = None
    """``extended``: the extra working days (1–20)."""
    reply_by: dt.date | None = None
    """``correction_requested``: the correction deadline given to the applicant."""
    party: ConsultParty | None = None
    """``consultation_sent``: who was asked."""
    basis: FeeBasis | None = None
    """``fee_notice``: the standard applied."""
    quantity: int | None = None
    """``fee_notice``: pages (by volume) or the application's rank in the applicant's month (by count)."""
    amount: int | None = None
    """``fee_notice``: yuan."""
    note: str = ""
    voided: bool = False


@dataclass(frozen=True, slots=True)
class Application:
    """One application counted as one 件 (一事一申请: a letter split in several shares its ``submission``)."""

    id: str
    agency: str
    number: str
    applicant_type: ApplicantType
    received: dt.date
    applicant_name: str = ""
    channel: Channel = "online"
    content: str = ""
    submission: str | None = None
    events: tuple[Event, ...] = ()
    voided: bool = False


@dataclass(frozen=True, slots=True)
class ReviewCase:
    """A 行政复议 or 行政诉讼 about the agency's disclosure work."""

    id: str
    agency: str
    number: str
    kind: ReviewKind
    filed_on: dt.date
    result: ReviewResult = "pending"
    concluded_on: dt.date | None = None
    application_id: str | None = None
    voided: bool = False


@dataclass(frozen=True, slots=True)
class NormativeDocument:
    """A 规章 or 行政规范性文件 of the agency's ledger (制发, 废止, in force)."""

    id: str
    agency: str
    kind: DocumentKind
    title: str
    issued_on: dt.date
    abolished_on: dt.date | None = None
    doc_number: str = ""
    voided: bool = False


@dataclass(frozen=True, slots=True)
class ProactiveItem:
    """A piece of information published proactively; timely when published within 20 working days (第二十六条)."""

    id: str
    agency: str
    title: str
    formed_on: dt.date
    published_on: dt.date | None = None
    voided: bool = False


@dataclass(frozen=True, slots=True)
class YearFigure:
    """A yearly figure of table 2 entered as a number (licences, penalties, coercions, fees in 万元)."""

    id: str
    agency: str
    year: int
    key: FigureKey
    value: Decimal
    note: str = ""
    voided: bool = False


@dataclass(frozen=True, slots=True)
class Register:
    """Everything recorded for one agency: what a report is computed from."""

    agency: str
    agency_kind: AgencyKind = "department"
    applications: tuple[Application, ...] = ()
    reviews: tuple[ReviewCase, ...] = ()
    documents: tuple[NormativeDocument, ...] = ()
    items: tuple[ProactiveItem, ...] = ()
    figures: tuple[YearFigure, ...] = field(default_factory=tuple)


CLOSING_KINDS = ("decided", "withdrawn")
WITHDRAWN_OUTCOME = "other_other"
"""An application the applicant withdrew is counted under （六）3.其他."""


def live_events(app: Application) -> tuple[Event, ...]:
    """The application's events that are not voided, in the order they happened (date, then log order)."""
    return tuple(sorted((e for e in app.events if not e.voided), key=lambda e: e.on))


def closure(app: Application) -> tuple[dt.date, str] | None:
    """When and how the application was closed: its first decision or withdrawal (outcome row key), or None if open."""
    for e in live_events(app):
        if e.kind == "decided" and e.outcome is not None:
            return e.on, e.outcome
        if e.kind == "withdrawn":
            return e.on, WITHDRAWN_OUTCOME
    return None
