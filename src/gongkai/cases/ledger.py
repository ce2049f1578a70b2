"""Import the 台账 (application ledger) staff already keep: one row per application, all or nothing.

:func:`read_ledger` reads an .xlsx or .csv file whose header row names the columns
(:data:`gongkai.cases.ledger_columns.HEADERS`; other columns are ignored) and returns its rows, or
raises ``RegisterError("E205", …)`` listing every problem by row and column — never part of the
file. :func:`to_application` turns a row into a :class:`~gongkai.cases.records.Application` with
its event log. The store decides what is new (编号 unique per agency); this module only reads.

Columns beyond the issue's list, each optional: ``征求意见对象`` (第三方 / 其他机关; third party when
empty), ``延期日期``, ``收费通知日期``, ``收费标准`` (按件 / 按量; 按件 when empty: the
ledger rarely says, and by-count is the standard that applies to every kind of decision,
国办函〔2020〕109号 第四条) and ``缴费日期`` (the day the applicant paid the fee: a ``fee_paid`` event,
what section 六 counts; it needs a 收费金额, is not before the 收费通知日期 — or the 收到日期 when that
is empty — nor after the 答复日期, and an application closed as 申请人逾期未缴费 has none). When the
date of an extension or fee notice is not given, the event is dated on the day the count of working
days started (收到日期, or 补正收到日期 after a correction) — a fee notice of a decided application on
its 答复日期 — or on the 缴费日期 when that is earlier, and its ``note`` says so. ``收费金额`` 0 means no fee.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gongkai.cases import ledger_columns as C
from gongkai.cases.ledger_file import open_table, refuse
from gongkai.cases.outcomes import OUTCOME_NAMES, group_outcomes, outcome_key
from gongkai.cases.records import ApplicantType, Application, Channel, ConsultParty, Event, EventKind, FeeBasis

MAX_LISTED = 1_000
"""Most problems listed in the error's details (the count in its message is always complete)."""


@dataclass(frozen=True, slots=True)
class LedgerRow:
    """One application as the 台账 gives it (``line``: the row's number in the file, not compared)."""

    number: str
    applicant_type: ApplicantType
    received: dt.date
    applicant_name: str = ""
    channel: Channel | None = None
    content: str = ""
    correction_requested: dt.date | None = None
    correction_received: dt.date | None = None
    consultation_sent: dt.date | None = None
    consultation_party: ConsultParty | None = None
    consultation_answered: dt.date | None = None
    extended_on: dt.date | None = None
    extension_days: int | None = None
    fee_notice_on: dt.date | None = None
    fee_basis: FeeBasis | None = None
    fee_amount: int | None = None
    fee_paid_on: dt.date | None = None
    decided_on: dt.date | None = None
    outcome: str | None = None
    """A table-3 outcome row key (``OUTCOME_ROWS_2021``); None while the application is open."""
    line: int = field(default=0, compare=False)


def _parse_outcome(value: object) -> str:
    key = outcome_key(value) if isinstance(value, str) else None
    if key is None:
        raise C.CellProblem(_unknown_outcome(value))
    return key


def _unknown_outcome(value: object) -> str:
    under = group_outcomes(value) if isinstance(value, str) else ()
    if under:
        examples = "”“".join(OUTCOME_NAMES[k] for k in under[:2])
        return f"{C.quoted(value)}是分组名称，不是处理结果：请写明具体情形，如“{examples}”"
    return f"无法识别的处理结果{C.quoted(value)}（应为表三的一个处理结果，如“予以公开”“不予公开-属于国家秘密”）"


_PARSERS: dict[str, Callable[[object], object]] = {
    C.NUMBER: C.parse_number,
    C.APPLICANT_TYPE: C.parse_applicant_type,
    C.APPLICANT: C.parse_name,
    C.CHANNEL: C.parse_channel,
    C.CONTENT: C.parse_text,
    C.CONSULTATION_PARTY: C.parse_party,
    C.EXTENSION_DAYS: C.parse_extension_days,
    C.FEE_BASIS: C.parse_fee_basis,
    C.FEE_AMOUNT: C.parse_amount,
    C.OUTCOME: _parse_outcome,
}
_PARSERS.update(dict.fromkeys(C.DATE_COLUMNS, C.parse_date))
_FIELDS: dict[str, str] = {
    C.NUMBER: "number",
    C.APPLICANT_TYPE: "applicant_type",
    C.APPLICANT: "applicant_name",
    C.CHANNEL: "channel",
    C.RECEIVED: "received",
    C.CONTENT: "content",
    C.CORRECTION_REQUESTED: "correction_requested",
    C.CORRECTION_RECEIVED: "correction_received",
    C.CONSULTATION_SENT: "consultation_sent",
    C.CONSULTATION_PARTY: "consultation_party",
    C.CONSULTATION_ANSWERED: "consultation_answered",
    C.EXTENDED_ON: "extended_on",
    C.EXTENSION_DAYS: "extension_days",
    C.FEE_NOTICE_ON: "fee_notice_on",
    C.FEE_BASIS: "fee_basis",
    C.FEE_AMOUNT: "fee_amount",
    C.FEE_PAID_ON: "fee_paid_on",
    C.DECIDED_ON: "decided_on",
    C.OUTCOME: "outcome",
}
_REQUIRED_FIELDS = frozenset(_FIELDS[name] for name in C.REQUIRED)
_KNOWN = frozenset(C.HEADERS)


def _is_header(row: Sequence[object]) -> bool:
    return len({C.header_name(v) for v in row if v is not None} & _KNOWN) >= 2


def _columns(header: Sequence[object], line: int, problems: list[str]) -> dict[str, int]:
    """Column name → index; a missing required column or a repeated one is a problem."""
    where: dict[str, list[int]] = {}
    for i, value in enumerate(header):
        name = C.header_name(value) if value is not None else ""
        if name in _KNOWN:
            where.setdefault(name, []).append(i)
    for name, idx in where.items():
        if len(idx) > 1:
            letters = "、".join(_letter(i) for i in idx)
            problems.append(f"第{line}行（表头）：列「{name}」出现了 {len(idx)} 次（第 {letters} 列）")
    given = "、".join(str(v).strip() for v in header if v is not None and str(v).strip())
    for name in C.REQUIRED:
        if name not in where:
            problems.append(f"第{line}行（表头）：缺少必填列「{name}」（表头中的列：{given}）")
    return {name: idx[0] for name, idx in where.items()}


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


_Spec = tuple[int, str, str, Callable[[object], object]]
"""A column read: its index, its name, the LedgerRow field it fills and the parser of its cells."""


def _specs(columns: dict[str, int]) -> list[_Spec]:
    return [(i, name, _FIELDS[name], _PARSERS[name]) for name, i in columns.items()]


def _parse_row(line: int, values: Sequence[object], specs: list[_Spec], problems: list[str]) -> LedgerRow | None:
    got: dict[str, Any] = {}
    bad = len(problems)
    for i, name, name_of_field, parse in specs:
        value = values[i]
        if value is None or (isinstance(value, str) and not value.strip()):
            if name in C.REQUIRED:
                problems.append(f"第{line}行「{name}」：必填，但单元格是空的")
            continue
        try:
            got[name_of_field] = parse(value)
        except C.CellProblem as exc:
            problems.append(f"第{line}行「{name}」：{exc.args[0]}")
    if len(problems) > bad or len(got.keys() & _REQUIRED_FIELDS) < len(_REQUIRED_FIELDS):
        return None
    zero_fee = got.get("fee_amount") == 0
    if zero_fee:
        del got["fee_amount"]  # 0 元: no fee was charged
    row = LedgerRow(line=line, **got)
    for column, text in _rule_problems(row, zero_fee=zero_fee):
        problems.append(f"第{line}行「{column}」：{text}")
    return row if len(problems) == bad else None


def _rule_problems(r: LedgerRow, *, zero_fee: bool = False) -> Iterator[tuple[str, str]]:
    """What a row says that cannot be: a date before the one it follows, a value without the one it needs
    (``zero_fee``: the 收费金额 given was 0, no fee)."""
    yield from _order(C.CORRECTION_REQUESTED, r.correction_requested, C.RECEIVED, r.received)
    yield from _order(C.CORRECTION_RECEIVED, r.correction_received, C.CORRECTION_REQUESTED, r.correction_requested)
    yield from _order(C.CONSULTATION_SENT, r.consultation_sent, C.RECEIVED, r.received)
    yield from _order(C.CONSULTATION_ANSWERED, r.consultation_answered, C.CONSULTATION_SENT, r.consultation_sent)
    yield from _order(C.EXTENDED_ON, r.extended_on, C.RECEIVED, r.received)
    yield from _order(C.FEE_NOTICE_ON, r.fee_notice_on, C.RECEIVED, r.received)
    if r.fee_notice_on is not None:
        yield from _order(C.FEE_PAID_ON, r.fee_paid_on, C.FEE_NOTICE_ON, r.fee_notice_on)
    else:
        yield from _order(C.FEE_PAID_ON, r.fee_paid_on, C.RECEIVED, r.received)
    for column, value in (
        (C.RECEIVED, r.received),
        (C.CORRECTION_REQUESTED, r.correction_requested),
        (C.CORRECTION_RECEIVED, r.correction_received),
        (C.CONSULTATION_SENT, r.consultation_sent),
        (C.EXTENDED_ON, r.extended_on),
        (C.FEE_NOTICE_ON, r.fee_notice_on),
        (C.FEE_PAID_ON, r.fee_paid_on),
    ):
        if r.decided_on is not None and value is not None and r.decided_on < value:
            yield C.DECIDED_ON, f"答复日期 {r.decided_on.isoformat()} 早于{column} {value.isoformat()}"
    needed: tuple[tuple[str, object, str, object], ...] = (
        (C.CORRECTION_RECEIVED, r.correction_received, C.CORRECTION_REQUESTED, r.correction_requested),
        (C.CONSULTATION_ANSWERED, r.consultation_answered, C.CONSULTATION_SENT, r.consultation_sent),
        (C.CONSULTATION_PARTY, r.consultation_party, C.CONSULTATION_SENT, r.consultation_sent),
        (C.EXTENDED_ON, r.extended_on, C.EXTENSION_DAYS, r.extension_days),
        (C.FEE_NOTICE_ON, r.fee_notice_on, C.FEE_AMOUNT, r.fee_amount),
        (C.FEE_BASIS, r.fee_basis, C.FEE_AMOUNT, r.fee_amount),
        (C.FEE_PAID_ON, r.fee_paid_on, C.FEE_AMOUNT, r.fee_amount),
        (C.DECIDED_ON, r.decided_on, C.OUTCOME, r.outcome),
        (C.OUTCOME, r.outcome, C.DECIDED_ON, r.decided_on),
    )
    for column, given, needs, present in needed:
        if given is not None and present is None:
            zero = needs == C.FEE_AMOUNT and zero_fee
            yield column, f"填了{column}，但{needs}为 0（不收费）" if zero else f"填了{column}，但没有填{needs}"
    if r.outcome is None:
        return
    name = OUTCOME_NAMES[r.outcome]
    if r.outcome == "other_no_correction":
        if r.correction_requested is None:
            yield C.OUTCOME, f"处理结果为“{name}”，但没有填补正告知日期"
        if r.correction_received is not None:
            yield C.OUTCOME, f"处理结果为“{name}”，但填了补正收到日期（申请人已补正）"
    if r.outcome == "unavailable_unclear_after_correction" and r.correction_received is None:
        yield C.OUTCOME, f"处理结果为“{name}”，但没有填补正收到日期"
    if r.outcome == "other_no_fee":
        if r.fee_amount is None:
            yield C.OUTCOME, f"处理结果为“{name}”，但没有填收费金额"
        if r.fee_paid_on is not None:
            yield C.OUTCOME, f"处理结果为“{name}”，但填了缴费日期（申请人已缴费）"


def _order(column: str, value: dt.date | None, before: str, earlier: dt.date | None) -> Iterator[tuple[str, str]]:
    if value is not None and earlier is not None and value < earlier:
        yield column, f"{column} {value.isoformat()} 早于{before} {earlier.isoformat()}"


def read_ledger(path: Path | str) -> list[LedgerRow]:
    """Every row of the 台账 at ``path`` (.xlsx or .csv), in file order; blank rows are skipped.

    Raises:
        RegisterError: E205 when the file cannot be read as a 台账, or when any row has a problem —
            ``details`` lists every problem as ``第12行「收到日期」：…`` (rows numbered as Excel shows
            them), at most :data:`MAX_LISTED` of them.
    """
    problems: list[str] = []
    rows: list[LedgerRow] = []
    first_line: dict[str, int] = {}
    with open_table(Path(path), _is_header) as table:
        columns = _columns(table.header, table.header_line, problems)
        specs = _specs(columns)
        read = tuple(columns.values())
        for line, values in table.rows:
            if all(C.is_blank(values[i]) for i in read):
                continue  # only columns the import ignores (a pre-filled 序号, a 备注)
            row = _parse_row(line, values, specs, problems)
            number = row.number if row is not None else _raw_number(values, columns)
            if number:
                seen = first_line.setdefault(number, line)
                if seen != line:
                    problems.append(f"第{line}行「{C.NUMBER}」：编号“{number}”与第{seen}行重复")
                    continue
            if row is not None:
                rows.append(row)
    if problems:
        listed = tuple(problems[:MAX_LISTED])
        if len(problems) > MAX_LISTED:
            listed += (f"……另有 {len(problems) - MAX_LISTED} 处错误未列出",)
        raise refuse(f"台账文件有{len(problems)}处错误，未导入任何记录", listed)
    return rows


def _raw_number(values: Sequence[object], columns: dict[str, int]) -> str:
    i = columns.get(C.NUMBER)
    if i is None or C.is_blank(values[i]):
        return ""
    try:
        return C.parse_text(values[i])
    except C.CellProblem:
        return ""


def to_application(row: LedgerRow, agency: str, app_id: str, event_ids: Iterator[str]) -> Application:
    """The application a row records, its events in the order they happened (ids drawn from ``event_ids`` in that order)."""
    steps: list[tuple[EventKind, dt.date, dict[str, Any]]] = [("received", row.received, {})]
    if row.correction_requested is not None:
        steps.append(("correction_requested", row.correction_requested, {}))
    if row.correction_received is not None:
        steps.append(("correction_received", row.correction_received, {}))
    if row.consultation_sent is not None:
        steps.append(("consultation_sent", row.consultation_sent, {"party": row.consultation_party or "third_party"}))
    if row.consultation_answered is not None:
        steps.append(("consultation_answered", row.consultation_answered, {}))
    start = row.correction_received or row.received
    if row.extension_days is not None:
        on, note = _dated(row.extended_on, start, C.EXTENDED_ON)
        steps.append(("extended", on, {"days": row.extension_days, "note": note}))
    if row.fee_amount is not None:
        fallback = row.decided_on or start
        if row.fee_paid_on is not None:
            fallback = min(fallback, row.fee_paid_on)  # notified before (or when) paid
        on, note = _dated(row.fee_notice_on, fallback, C.FEE_NOTICE_ON)
        steps.append(("fee_notice", on, {"basis": row.fee_basis or "count", "amount": row.fee_amount, "note": note}))
        if row.fee_paid_on is not None:
            steps.append(("fee_paid", row.fee_paid_on, {}))
    if row.decided_on is not None and row.outcome is not None:
        steps.append(("decided", row.decided_on, {"outcome": row.outcome}))
    steps.sort(key=lambda s: s[1])  # stable: same-day events keep the order above
    return Application(
        id=app_id,
        agency=agency,
        number=row.number,
        applicant_type=row.applicant_type,
        received=row.received,
        applicant_name=row.applicant_name,
        channel=row.channel or "online",
        content=row.content,
        events=tuple(Event(id=next(event_ids), kind=kind, on=on, **extra) for kind, on, extra in steps),
    )


def inferred_note(column: str, on: dt.date) -> str:
    """The note of an event the 台账 gave no date for (``column`` empty), dated ``on`` by :func:`to_application`."""
    return f"台账未填{column}，按 {on.isoformat()} 记"


def _dated(given: dt.date | None, fallback: dt.date, column: str) -> tuple[dt.date, str]:
    return (given, "") if given is not None else (fallback, inferred_note(column, fallback))


__all__ = ["MAX_LISTED", "LedgerRow", "inferred_note", "read_ledger", "to_application"]
