"""The library API the CLI (and later the web app and batch runner) are thin shells over."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from gongkai.audit import Finding, Rule, audit
from gongkai.errors import DocumentError, InputError
from gongkai.extract import extract
from gongkai.limits import MAX_SECONDS, time_limit
from gongkai.model import AnnualReport
from gongkai.readers import read_bytes, read_file

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


def read_report(path: str | Path) -> AnnualReport:
    """Read one report file into the model.

    A structured report (JSON/YAML with the stable keys) or gongkai's fill-in workbook
    is loaded as data and prepared as the writer prepares it (totals computed where
    blank, placeholders filled), so ``check`` and ``write`` audit the same report.

    Raises:
        InputError: the file cannot be read or is not a report (with a stable code).
    """
    from gongkai.write.prepare import prepare

    report, structured = load_report(path)
    if structured:
        prepare(report)
    return report


def load_report(path: str | Path) -> tuple[AnnualReport, bool]:
    """The report in ``path``, not yet prepared, and whether it came as data (JSON/YAML/workbook).

    The file is read once: sniffed as data first, else read as a published report.
    """
    from gongkai.write.prepare import structured_report

    data = read_file(path)
    report = structured_report(data, str(path))
    if report is not None:
        return report, True
    return extract(read_bytes(data, str(path))), False


def check_path(
    path: str | Path,
    rules: list[type[Rule]] | None = None,
    timeout: float | None = MAX_SECONDS,
    previous: AnnualReport | None = None,
) -> DocumentResult:
    """Read and audit one file within ``timeout`` seconds (E112 past it); never raises for bad input.

    ``previous`` is last year's report: the year-over-year rules compare with it.
    """
    start = time.perf_counter()
    p = str(path)
    with time_limit(timeout):  # one deadline for reading, extracting and auditing
        try:
            report = read_report(path)
        except InputError as exc:
            return DocumentResult(path=p, status="failed", errors=[exc.to_error()], seconds=time.perf_counter() - start)
        except Exception as exc:
            err = DocumentError(
                code="E108", message=f"读取时发生内部错误：{type(exc).__name__}: {exc}", stage="extract"
            )
            return DocumentResult(path=p, status="failed", errors=[err], seconds=time.perf_counter() - start)
        errors: list[DocumentError] = []
        try:
            findings = audit(report, rules, previous=previous)
        except InputError as exc:
            findings = []
            errors.append(exc.to_error("audit"))
        except Exception as exc:
            findings = []
            errors.append(DocumentError(code="E108", message=f"审核时发生内部错误：{exc}", stage="audit"))
    return DocumentResult(
        path=p,
        status="partial" if errors else "ok",
        errors=errors,
        report=report,
        findings=findings,
        seconds=time.perf_counter() - start,
    )


def iter_inputs(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Expand directories (recursively, sorted, hidden files skipped); files are yielded as given."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and not any(part.startswith(".") for part in child.relative_to(p).parts):
                    yield child
        else:
            yield p
