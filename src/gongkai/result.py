"""The outcome of reading and auditing one document, and the running totals of a batch.

Below the renderers (which show results) and above the audit (whose findings a result
holds); ``api.check_path`` makes one, ``api.check_paths`` yields them one at a time.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, Field

from gongkai.audit.finding import Finding
from gongkai.errors import DocumentError
from gongkai.model import AnnualReport

HEAD_FIELDS = {"schema_version", "format", "source_file", "source_format", "metadata", "template"}
"""What a run's output shows of a report (the header of its results): a batch worker sends back only
these, and the corpus store keeps them apart so a resumed run prints a document again without
reading its whole report back."""

Status = Literal["ok", "partial", "failed"]


class DocumentResult(BaseModel):
    """The outcome of reading and auditing one document."""

    path: str
    status: Status
    errors: list[DocumentError] = Field(default_factory=list)
    report: AnnualReport | None = None
    findings: list[Finding] = Field(default_factory=list)
    seconds: float = 0.0

    @property
    def counts(self) -> dict[str, int]:
        out = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            out[f.severity.value] += 1
        return out


@dataclass
class Summary:
    """Counts over a batch, kept as results stream past: files by status, findings by severity."""

    files: int = 0
    ok: int = 0
    partial: int = 0
    failed: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0

    def add(self, result: DocumentResult) -> None:
        self.files += 1
        setattr(self, result.status, getattr(self, result.status) + 1)
        counts = result.counts
        self.errors += counts["error"]
        self.warnings += counts["warning"]
        self.infos += counts["info"]

    def as_dict(self) -> dict[str, int]:
        return {
            "files": self.files,
            "ok": self.ok,
            "partial": self.partial,
            "failed": self.failed,
            "errors": self.errors,
            "warnings": self.warnings,
            "infos": self.infos,
        }


__all__ = ["DocumentResult", "Status", "Summary"]
