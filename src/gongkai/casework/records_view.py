"""An application as staff read it, in Chinese (text lines) or as JSON: its record, its event log
(voided events shown as voided), its state with the deadline that matters and how it was counted,
and its audit log (who, when, what, before → after)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from gongkai.cases import names
from gongkai.cases import records as r
from gongkai.cases.clock import Deadline
from gongkai.cases.outcomes import OUTCOME_NAMES
from gongkai.casework.due import STAGE_LABELS, SUGGESTIONS
from gongkai.casework.records import FIELD_LABELS, AuditEntry, CaseView, EventView, Voided

STATE_LABELS: dict[str, str] = {**STAGE_LABELS, "closed": "已办结"}
RECEIVED_RULES: dict[str, str] = {
    "in_person": "当面提交的，以提交之日为收到申请之日",
    "post_signed": "邮寄提交的，以签收之日为收到申请之日",
    "post_ordinary": "平常信函提交的，以与申请人确认之日为收到申请之日",
    "online": "通过互联网渠道提交的，以双方确认之日为收到申请之日",
    "fax": "通过传真提交的，以双方确认之日为收到申请之日",
}
"""条例第三十一条: the received date by channel (the date itself is staff's to give)."""


def outcome_label(key: str | None) -> str:
    return "（空）" if key is None else OUTCOME_NAMES.get(key, key)


def deadline_lines(title: str, d: Deadline) -> list[str]:
    """``答复期限：2025-10-30（暂定）`` and the explanation, indented."""
    return [f"{title}：{d.due.isoformat()}{'（暂定）' if d.provisional else ''}", *(f"  {x}" for x in d.explain())]


def _void_text(v: Voided) -> str:
    return f"已作废：{v.reason}（{v.by}，{_when(v.at)}）"


def _when(at: dt.datetime) -> str:
    return at.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def event_details(e: r.Event) -> str:
    parts: list[str] = []
    if e.outcome is not None:
        parts.append(f"结果：{outcome_label(e.outcome)}")
    if e.days is not None:
        parts.append(f"延长{e.days}个工作日")
    if e.reply_by is not None:
        parts.append(f"补正期限{e.reply_by.isoformat()}")
    if e.party is not None:
        parts.append(f"征求{names.CONSULT_PARTY.label(e.party)}意见")
    if e.basis is not None:
        quantity = ""
        if e.quantity is not None:
            quantity = f"{e.quantity}页" if e.basis == "pages" else f"（当月第{e.quantity}件）"
        parts.append(f"{names.FEE_BASIS.label(e.basis)}{quantity}")
    if e.amount is not None:
        parts.append(f"{e.amount}元")
    if e.note:
        parts.append(f"备注：{e.note}")
    return "，".join(parts)


def event_line(v: EventView) -> str:
    e = v.event
    details = event_details(e)
    line = f"#{e.id} {e.on.isoformat()} {names.EVENT_KIND.label(e.kind)}{'：' + details if details else ''}（{v.actor}录入）"
    return f"{line}［{_void_text(v.voided)}］" if v.voided is not None else line


def application_lines(view: CaseView) -> list[str]:
    app = view.application
    head = f"申请 {app.number}（{app.agency}，记录号 {app.id}）"
    lines = [head + (f"［{_void_text(view.voided)}］" if view.voided is not None else "")]
    applicant = app.applicant_name or "（未登记姓名）"
    lines.append(f"  申请人：{applicant}（{names.APPLICANT_TYPE.label(app.applicant_type)}）")
    rule = RECEIVED_RULES.get(app.channel, "")
    lines.append(
        f"  提交渠道：{names.CHANNEL.label(app.channel)}；收到申请之日：{app.received.isoformat()}"
        f"（条例第三十一条：{rule}）"
    )
    if app.content:
        lines.append(f"  申请内容：{app.content}")
    if app.submission:
        lines.append(f"  同一申请书：{app.submission}（一事一申请拆分）")
    return lines


def state_lines(view: CaseView) -> list[str]:
    """The stage, the deadlines that matter (each with its explanation), the suggestion and the problems."""
    s = view.state
    stage = STATE_LABELS[s.stage]
    if s.status == "closed" and s.closed_on is not None:
        timely = "" if s.answer is None else "，超过答复期限" if s.late else "，在答复期限内"
        stage = f"已办结：{outcome_label(s.outcome)}（{s.closed_on.isoformat()}{timely}）"
    elif s.stage == "consulting" and s.consulting_until is not None:
        stage += f"（征求意见最迟至{s.consulting_until.isoformat()}）"
    if s.overdue:
        stage += "，已超过答复期限"
    lines = [f"状态（截至{view.today.isoformat()}）：{stage}"]
    if s.stage == "awaiting_correction":
        reply = s.correction_reply_by.isoformat() if s.correction_reply_by else "未记录"
        lines.append(f"申请人补正期限：{reply}")
        lines.append("答复期限：自收到补正的申请之日起重新计算20个工作日（条例第三十条）")
    elif s.answer is not None:
        lines += deadline_lines("答复期限", s.answer)
    if s.stage == "awaiting_fee" and s.fee_payment is not None:
        lines += deadline_lines("缴费期限", s.fee_payment)
    requested = any(e.kind == "correction_requested" for e in r.live_events(view.application))
    if s.status == "open" and not requested and view.today <= s.correction_notice.due:
        notice = s.correction_notice.due.isoformat()
        lines.append(f"如需补正，应于{notice}前一次性告知申请人（条例第三十条，收到申请后7个工作日内）")
    if s.correction_notice_late:
        lines.append(f"注意：告知补正晚于补正告知期限（{s.correction_notice.due.isoformat()}）")
    if s.suggested_outcome is not None:
        lines.append(f"建议：{SUGGESTIONS.get(s.suggested_outcome, outcome_label(s.suggested_outcome))}")
    if s.problems:
        lines.append("问题：")
        lines += [f"  - {p}" for p in s.problems]
    return lines


def case_lines(view: CaseView) -> list[str]:
    """``gongkai cases show``: the application, its log, its state."""
    voided = sum(1 for v in view.events if v.voided is not None)
    log = f"事件（{len(view.events)}条" + (f"，其中已作废{voided}条" if voided else "") + "）："
    events = [f"  {event_line(v)}" for v in view.events] or ["  （尚无事件）"]
    return [*application_lines(view), log, *events, *state_lines(view)]


def _deadline(d: Deadline | None) -> dict[str, Any] | None:
    return None if d is None else d.as_dict()


def _void(v: Voided | None) -> dict[str, Any] | None:
    return None if v is None else {"at": v.at.isoformat(), "by": v.by, "reason": v.reason}


def case_dict(view: CaseView) -> dict[str, Any]:
    app, s = view.application, view.state
    return {
        "application": {
            "id": app.id,
            "agency": app.agency,
            "number": app.number,
            "applicant_name": app.applicant_name,
            "applicant_type": app.applicant_type,
            "applicant_type_label": names.APPLICANT_TYPE.label(app.applicant_type),
            "channel": app.channel,
            "channel_label": names.CHANNEL.label(app.channel),
            "received": app.received.isoformat(),
            "content": app.content,
            "submission": app.submission,
            "voided": _void(view.voided),
        },
        "events": [
            {
                "id": v.event.id,
                "kind": v.event.kind,
                "kind_label": names.EVENT_KIND.label(v.event.kind),
                "date": v.event.on.isoformat(),
                **{k: getattr(v.event, k) for k in ("outcome", "days", "party", "basis", "quantity", "amount")},
                "reply_by": None if v.event.reply_by is None else v.event.reply_by.isoformat(),
                "note": v.event.note,
                "actor": v.actor,
                "recorded_at": v.recorded_at.isoformat(),
                "voided": _void(v.voided),
            }
            for v in view.events
        ],
        "state": {
            "as_of": view.today.isoformat(),
            "status": s.status,
            "stage": s.stage,
            "stage_label": STATE_LABELS[s.stage],
            "outcome": s.outcome,
            "outcome_name": None if s.outcome is None else outcome_label(s.outcome),
            "closed_on": None if s.closed_on is None else s.closed_on.isoformat(),
            "answer": _deadline(s.answer),
            "correction_notice": _deadline(s.correction_notice),
            "correction_notice_late": s.correction_notice_late,
            "correction_reply_by": None if s.correction_reply_by is None else s.correction_reply_by.isoformat(),
            "fee_payment": _deadline(s.fee_payment),
            "consulting_until": None if s.consulting_until is None else s.consulting_until.isoformat(),
            "overdue": s.overdue,
            "late": s.late,
            "suggested_outcome": s.suggested_outcome,
            "suggestion": None if s.suggested_outcome is None else SUGGESTIONS.get(s.suggested_outcome),
            "problems": list(s.problems),
        },
    }


AUDIT_ACTIONS: dict[str, str] = {"insert": "新增", "update": "修改", "void": "作废"}
AUDIT_ENTITIES: dict[str, str] = {"application": "申请", "event": "事件"}
AUDIT_FIELDS: dict[str, str] = {
    "number": "编号",
    "applicant_name": "申请人",
    "applicant_type": "申请人类型",
    "channel": "提交渠道",
    "received": "收到日期",
    "content": "申请内容",
    "submission": "同一申请书",
    "kind": "事件类型",
    "on": "日期",
    **FIELD_LABELS,
    "note": "备注",
    "voided_at": "作废时间",
    "voided_by": "作废人",
    "void_reason": "作废理由",
}
"""The fields an audit entry shows (the store's cache columns and ids are left out)."""
_VALUE_NAMES: dict[str, names.Names] = {
    "applicant_type": names.APPLICANT_TYPE,
    "channel": names.CHANNEL,
    "kind": names.EVENT_KIND,
    "party": names.CONSULT_PARTY,
    "basis": names.FEE_BASIS,
}


def _value(field: str, value: Any) -> str:
    if value is None or value == "":
        return "（空）"
    if field == "outcome":
        return outcome_label(str(value))
    if field in _VALUE_NAMES:
        return _VALUE_NAMES[field].label(str(value))
    if field == "voided_at":
        try:
            return _when(dt.datetime.fromisoformat(str(value)))
        except ValueError:
            return str(value)
    return str(value)


def audit_changes(entry: AuditEntry) -> list[tuple[str, str, str]]:
    """(field, before, after) of the shown fields that the entry changed (or set, for an insert)."""
    before, after = entry.before or {}, entry.after or {}
    out: list[tuple[str, str, str]] = []
    for field, label in AUDIT_FIELDS.items():
        if field == "outcome" and entry.entity == "application":
            continue  # the application's outcome is a cache of its events'
        old, new = before.get(field), after.get(field)
        if old != new and not (old in (None, "") and new in (None, "")):
            out.append((label, _value(field, old), _value(field, new)))
    return out


def history_lines(number: str, agency: str, entries: list[AuditEntry]) -> list[str]:
    lines = [f"申请 {number}（{agency}）的修改记录，共{len(entries)}条："]
    for e in entries:
        what = f"{AUDIT_ACTIONS.get(e.action, e.action)}{AUDIT_ENTITIES.get(e.entity, e.entity)} #{e.entity_id}"
        lines.append(f"{_when(e.at)}  {e.actor}  {what}")
        lines += [f"  {label}：{old} → {new}" for label, old, new in audit_changes(e)]
    return lines


def history_dicts(entries: list[AuditEntry]) -> list[dict[str, Any]]:
    return [
        {
            "at": e.at.isoformat(),
            "actor": e.actor,
            "action": e.action,
            "entity": e.entity,
            "entity_id": e.entity_id,
            "before": e.before,
            "after": e.after,
        }
        for e in entries
    ]


__all__ = [
    "AUDIT_FIELDS",
    "RECEIVED_RULES",
    "STATE_LABELS",
    "audit_changes",
    "case_dict",
    "case_lines",
    "deadline_lines",
    "event_details",
    "event_line",
    "history_dicts",
    "history_lines",
    "outcome_label",
    "state_lines",
]
