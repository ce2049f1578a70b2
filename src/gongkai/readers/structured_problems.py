"""The problems of a structured report (E117, every bad key path at once) and the bounds on its texts and lists."""

from __future__ import annotations

import re

from gongkai.errors import InputError
from gongkai.model.labels import shorten

MAX_PROBLEMS = 30
"""Most problems listed in one E117 message (the count of all is given)."""
MAX_ITEMS = 200
"""Most labels or printed cells in one row."""
MAX_CELL_TEXT = 500
"""Longest label or printed cell (characters)."""

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class Problems:
    """Every bad key path of a structured report, raised at once as E117."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, where: str, what: str) -> None:
        self.items.append(f"{shorten(where, 120)}：{what}")

    def raise_if_any(self) -> None:
        if self.items:
            shown = self.items[:MAX_PROBLEMS]
            more = f"\n  ……另有 {len(self.items) - MAX_PROBLEMS} 处" if len(self.items) > MAX_PROBLEMS else ""
            lines = "\n  ".join(shown)
            raise InputError("E117", f"结构化报告有 {len(self.items)} 处错误：\n  {lines}{more}")


def walk_strings(data: object, where: str, problems: Problems) -> None:
    """Control characters cannot be printed in any output format (and break DOCX/XLSX): refused, not dropped."""
    stack: list[tuple[object, str]] = [(data, where)]
    while stack and len(problems.items) <= MAX_PROBLEMS:
        value, at = stack.pop()
        if isinstance(value, str):
            m = _CONTROL.search(value)
            if m:
                problems.add(at, f"含有不可打印的控制字符 U+{ord(m.group()):04X}（第{m.start() + 1}个字符）")
        elif isinstance(value, dict):
            stack.extend((v, f"{at}.{k}" if at else str(k)) for k, v in reversed(list(value.items())))
        elif isinstance(value, list):
            stack.extend((v, f"{at}[{i}]") for i, v in reversed(list(enumerate(value, 1))))


def check_text(where: str, text: str, max_chars: int, max_lines: int, problems: Problems) -> None:
    """A free text within its bounds (a longer one is not a report, and would take long to render)."""
    if len(text) > max_chars:
        problems.add(where, f"文字过长（{len(text)}字，最多{max_chars}字）")
    elif (lines := text.count("\n") + 1) > max_lines:
        problems.add(where, f"段落过多（{lines}段，最多{max_lines}段）")


def strings(value: object, where: str, problems: Problems) -> list[str] | None:
    if value is None:
        return []
    if not isinstance(value, list) or len(value) > MAX_ITEMS:
        problems.add(where, f"应为不超过{MAX_ITEMS}项的文字列表")
        return None
    out = [str(x) if isinstance(x, str | int | float) and not isinstance(x, bool) else None for x in value]
    if any(x is None or len(x) > MAX_CELL_TEXT for x in out):
        problems.add(where, f"每项应为不超过{MAX_CELL_TEXT}字的文字")
        return None
    return [x for x in out if x is not None]
