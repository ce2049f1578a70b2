"""Count the register's records into the cells of tables 2, 3 and 4: each cell → the refs of the records behind it.

Pure counting, no report model: :mod:`gongkai.cases.report` turns these tallies into cells.
The counting rules (also stated in :mod:`gongkai.cases.report`'s docs):

Table 3 — an application (not voided) in its applicant type's column:

* 一 ``new_received``: received in the year;
* 二 ``carried_over``: received before 1-1 and not closed before 1-1;
* the outcome rows: closed in the year, in the row of its closure's outcome
  (:func:`gongkai.cases.records.closure`: the first decision, or a withdrawal counted as （六）3.其他);
* （七）``total_processed``: the sum of the outcome rows (every application closed in the year);
* 四 ``carried_forward``: received by 12-31 and not closed by 12-31.

A closure dated before the application's receipt (a slip the store refuses) counts as made on the
day of receipt, so every application is in exactly one of "closed in the year" and "carried
forward" once it is counted as new or carried over: 一＋二＝（七）＋四 in every column by
construction, and one year's 四 is the next year's 二.

Table 4 — a review case (not voided) of the year: filed in the year, or filed earlier and not
concluded before 1-1; counted in its group under its result as of 12-31. A case is concluded on
its ``concluded_on`` date when its result is not ``pending``; a case concluded after 12-31, or
with a result but no conclusion date, counts as 尚未审结 (it stays in every year's table until it
has a date, never silently gone).

Table 2 — a 规章 / 行政规范性文件 (not voided): 本年制发 when issued in the year, 本年废止 when
abolished in the year, 现行有效 when issued by 12-31 and not abolished by 12-31.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from gongkai.cases.records import (
    APPLICANT_TYPES,
    REVIEW_KINDS,
    REVIEW_RESULTS,
    Application,
    NormativeDocument,
    Register,
    ReviewCase,
    closure,
    ref,
)
from gongkai.errors import RegisterError
from gongkai.model.template import OUTCOME_ROWS_2021

Tally = dict[tuple[str, str], list[str]]
"""``(row, column)`` → the refs of the records counted in that cell (unsorted)."""

TABLE3_COUNTED = ("new_received", "carried_over", *OUTCOME_ROWS_2021, "total_processed", "carried_forward")
"""Table 3's rows a computed report fills (the optional subtotal rows of older layouts are not printed)."""
TABLE4_FIELDS = (*REVIEW_RESULTS, "total")
DOCUMENT_FIELDS = ("issued", "abolished", "in_force")


def ref_key(record_ref: str) -> tuple[str, int, int, str]:
    """Order of refs: by kind, then numeric ids by number (``application:2`` before ``application:10``)."""
    kind, _, rid = record_ref.partition(":")
    return (kind, 0, int(rid), "") if rid.isdigit() else (kind, 1, 0, rid)


def sort_refs(refs: Iterable[str]) -> tuple[str, ...]:
    """The refs once each, in :func:`ref_key` order."""
    return tuple(sorted(set(refs), key=ref_key))


def _year(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def application_closure(app: Application) -> tuple[dt.date, str] | None:
    """When (never before its receipt) and how the application was closed; None while it is open.

    Raises:
        RegisterError: E204 when the applicant type or the outcome is not one of table 3's.
    """
    if app.applicant_type not in APPLICANT_TYPES:
        raise RegisterError("E204", f"申请{app.number}的申请人类型“{app.applicant_type}”不是表三的申请人类型")
    closed = closure(app)
    if closed is None:
        return None
    on, outcome = closed
    if outcome not in OUTCOME_ROWS_2021:
        raise RegisterError("E204", f"申请{app.number}的办理结果“{outcome}”不是表三的办理结果")
    return max(on, app.received), outcome


def tally_table3(applications: Iterable[Application], year: int) -> Tally:
    """Table 3's cells for ``year``: every counted row × the six applicant columns and 总计."""
    start, end = _year(year)
    out: Tally = {(row, col): [] for row in TABLE3_COUNTED for col in (*APPLICANT_TYPES, "total")}
    for app in applications:
        if app.voided:
            continue
        closed = application_closure(app)
        if app.received > end or (closed is not None and closed[0] < start):
            continue  # not yet received, or closed before the year
        rows = ["new_received" if app.received >= start else "carried_over"]
        if closed is not None and closed[0] <= end:
            rows += [closed[1], "total_processed"]
        else:
            rows.append("carried_forward")
        r = ref("application", app.id)
        for row in rows:
            out[(row, app.applicant_type)].append(r)
            out[(row, "total")].append(r)
    return out


def review_conclusion(case: ReviewCase) -> dt.date | None:
    """The day the case was concluded (never before it was filed); None while pending or undated."""
    if case.result == "pending" or case.concluded_on is None:
        return None
    return max(case.concluded_on, case.filed_on)


def tally_table4(reviews: Iterable[ReviewCase], year: int) -> Tally:
    """Table 4's cells for ``year``: each group × 结果维持 / 结果纠正 / 其他结果 / 尚未审结 / 总计."""
    start, end = _year(year)
    out: Tally = {(kind, f): [] for kind in REVIEW_KINDS for f in TABLE4_FIELDS}
    for case in reviews:
        if case.voided:
            continue
        if case.kind not in REVIEW_KINDS or case.result not in REVIEW_RESULTS:
            raise RegisterError("E204", f"复议诉讼案件{case.number}的类别或结果不是表四的类别或结果")
        concluded = review_conclusion(case)
        if case.filed_on > end or (concluded is not None and concluded < start):
            continue
        result = case.result if concluded is not None and concluded <= end else "pending"
        r = ref("review_case", case.id)
        out[(case.kind, result)].append(r)
        out[(case.kind, "total")].append(r)
    return out


def tally_documents(documents: Iterable[NormativeDocument], year: int) -> Tally:
    """Table 2's 规章 and 行政规范性文件 rows for ``year``: 本年制发, 本年废止, 现行有效."""
    start, end = _year(year)
    out: Tally = {(kind, f): [] for kind in ("regulations", "normative_documents") for f in DOCUMENT_FIELDS}
    for doc in documents:
        if doc.voided:
            continue
        if doc.kind not in ("regulations", "normative_documents"):
            raise RegisterError("E204", f"文件“{doc.title}”的类别“{doc.kind}”不是规章或行政规范性文件")
        r = ref("document", doc.id)
        if start <= doc.issued_on <= end:
            out[(doc.kind, "issued")].append(r)
        if doc.abolished_on is not None and start <= doc.abolished_on <= end:
            out[(doc.kind, "abolished")].append(r)
        if doc.issued_on <= end and (doc.abolished_on is None or doc.abolished_on > end):
            out[(doc.kind, "in_force")].append(r)
    return out


def tally_register(register: Register, year: int) -> dict[str, Tally]:
    """The counted cells of the three tables (table 2: its document rows only; figures are not counted)."""
    return {
        "table2": tally_documents(register.documents, year),
        "table3": tally_table3(register.applications, year),
        "table4": tally_table4(register.reviews, year),
    }


__all__ = [
    "DOCUMENT_FIELDS",
    "TABLE3_COUNTED",
    "TABLE4_FIELDS",
    "Tally",
    "application_closure",
    "ref_key",
    "review_conclusion",
    "sort_refs",
    "tally_documents",
    "tally_register",
    "tally_table3",
    "tally_table4",
]
