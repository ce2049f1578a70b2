"""Option value parsers with Chinese messages (typer's own conversion speaks English)."""

from __future__ import annotations

import math
from collections.abc import Callable

import typer


def choice(*values: str) -> Callable[[str], str]:
    """A parser accepting one of ``values`` exactly."""

    def parse(value: str) -> str:
        if value not in values:
            raise typer.BadParameter(f"“{value}”不是可选值之一（可选：{'、'.join(values)}）")
        return value

    return parse


def seconds(value: str) -> float:
    """A time limit in seconds: a finite number ≥ 1."""
    try:
        number = float(value)
    except ValueError:
        raise typer.BadParameter(f"应为秒数，而不是“{value}”") from None
    if not math.isfinite(number) or number < 1:
        raise typer.BadParameter(f"应为不小于 1 的秒数，而不是“{value}”")
    return number


def year(value: str) -> int:
    """A report year, 2021–2100 (the 2021 format's years)."""
    try:
        number = int(value.strip())
    except ValueError:
        raise typer.BadParameter(f"应为四位年份，而不是“{value}”") from None
    if not 2021 <= number <= 2100:
        raise typer.BadParameter(f"应在 2021 到 2100 之间（2021年格式的年度），而不是 {number}")
    return number


__all__ = ["choice", "seconds", "year"]
