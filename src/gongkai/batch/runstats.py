"""What a run into the corpus store did: its own module, so a run without a store never imports SQLAlchemy."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RunStats:
    """What a run into the store did."""

    checked: int = 0
    skipped: int = 0
    unstored: int = 0
    touched: list[int] = field(default_factory=list)


__all__ = ["RunStats"]
