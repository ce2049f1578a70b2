"""A deadline's explanation in Chinese, read off its trace (see :meth:`gongkai.cases.clock.Deadline.explain`)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from gongkai.cases.dates import weekday

if TYPE_CHECKING:
    from gongkai.cases.clock import Deadline, TraceDay


def _span(first: dt.date, last: dt.date) -> str:
    return first.isoformat() if first == last else f"{first.isoformat()}至{last.isoformat()}"


def _off_runs(trace: tuple[TraceDay, ...]) -> list[list[TraceDay]]:
    """Runs of consecutive days off (weekends and holidays) in the trace."""
    runs: list[list[TraceDay]] = []
    for t in trace:
        if t.kind in ("weekend", "holiday"):
            if runs and runs[-1][-1].on + dt.timedelta(days=1) == t.on:
                runs[-1].append(t)
            else:
                runs.append([t])
    return runs


def _holidays(trace: tuple[TraceDay, ...]) -> tuple[list[str], int]:
    """The holiday breaks skipped (each with its weekend days) and the count of plain weekend days."""
    breaks: list[str] = []
    weekends = 0
    for run in _off_runs(trace):
        names = list(dict.fromkeys(t.name for t in run if t.kind == "holiday" and t.name))
        if not names:
            weekends += len(run)
            continue
        breaks.append(f"{'、'.join(names)} {_span(run[0].on, run[-1].on)}（{len(run)}天）")
    return breaks, weekends


def explain(d: Deadline) -> list[str]:
    base = d.days - d.extension
    lines = [f"{d.start_label}（{d.start.isoformat()}）不计入，自次日起计算{base}个工作日。"]
    lines += [f"{note}。" for note in d.notes]
    breaks, weekends = _holidays(d.trace)
    if breaks:
        lines.append("节假日不计入：" + "；".join(breaks) + "。")
    if weekends:
        lines.append(f"其间周末{weekends}天不计入。")
    makeup = [t for t in d.trace if t.kind == "makeup_workday"]
    if makeup:
        lines.append(
            "调休上班日照常计入："
            + "、".join(
                f"{t.on.isoformat()}（{weekday(t.on)}，{t.name or ''}调休上班，第{t.n}个工作日）" for t in makeup
            )
            + "。"
        )
    paused: dict[str, list[TraceDay]] = {}
    for t in d.trace:
        if t.kind == "paused":
            paused.setdefault(t.name or "暂停计算", []).append(t)
    for reason, days in paused.items():
        lines.append(f"{reason}期间不计入：{_span(days[0].on, days[-1].on)}的{len(days)}个工作日。")
    if d.extension:
        base_due = next(t.on for t in d.trace if t.n == base)
        lines.append(
            f"原{d.label}为第{base}个工作日（{base_due.isoformat()}）；延长{d.extension}个工作日，自次日起接着计算。"
        )
    lines.append(f"第{d.days}个工作日为{d.due.isoformat()}，即{d.label}的最后一天。")
    if d.uncovered:
        years = "、".join(f"{y}年" for y in d.uncovered)
        lines.append(f"（暂定：{years}的节假日安排尚未导入，仅按周末计算）")
    return lines


__all__ = ["explain"]
