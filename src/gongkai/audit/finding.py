"""Finding: one defect in a report's data, stated as a fact with its numbers."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from gongkai.model import Provenance


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def label(self) -> str:
        return {"error": "错误", "warning": "警告", "info": "提示"}[self.value]

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


class Location(BaseModel):
    """Where a finding points: a report part plus the source position (1-based)."""

    model_config = ConfigDict(frozen=True)

    part: str = Field(description="table2 | table3 | table4 | section1…section6 | metadata | document")
    row: str | None = Field(default=None, description="Row key (report-keys.md)")
    column: str | None = Field(default=None, description="Column/field key")
    source: Provenance | None = None

    def describe(self) -> str:
        from gongkai.audit.describe import describe_location

        return describe_location(self)


class Finding(BaseModel):
    """A defect found by a rule.  Returned, never raised."""

    model_config = ConfigDict(frozen=True)

    code: str
    name: str
    severity: Severity
    message: str = Field(description="The observed fact, with numbers and location (Chinese)")
    hint: str = Field(default="", description="How to correct it (Chinese)")
    location: Location
    related: tuple[Location, ...] = Field(default=(), description="Further places involved")
