"""The library API every shell (CLI, batch runner, web app) is a thin layer over.

One load path: :func:`load_report` reads any input (readers) and, for a published
report, extracts it; :func:`read_report` also completes a report given as data, so
``check``, ``extract`` and ``write`` see the same report.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from gongkai.audit import Rule, audit
from gongkai.errors import DocumentError, InputError
from gongkai.extract import extract
from gongkai.extract.agency_names import same_body
from gongkai.extract.complete import complete
from gongkai.limits import MAX_SECONDS, time_limit
from gongkai.model import AnnualReport
from gongkai.model.report import DATA_FORMATS
from gongkai.paths import display_path
from gongkai.readers import Document, read_path
from gongkai.result import DocumentResult, Summary

if TYPE_CHECKING:  # the writer (and its renderers) is imported only when something is written
    from gongkai.write import WriteResult


def read_raw(path: str | Path) -> Document:
    """What the reader gives for ``path``: a published report's raw rows, or a data report as given.

    Raises:
        InputError: the file cannot be read or is not a report (with a stable code).
    """
    return read_path(path)


def load_report(path: str | Path) -> tuple[AnnualReport, bool]:
    """The report in ``path`` and whether it came as data (JSON/YAML/workbook), not yet completed.

    The extract JSON of a printed report is that printed report, not data.

    Raises:
        InputError: the file cannot be read or is not a report (with a stable code).
    """
    doc = read_path(path)
    if isinstance(doc, AnnualReport):
        return doc, doc.source_format in DATA_FORMATS
    return extract(doc), False


def read_report(path: str | Path) -> AnnualReport:
    """Read one report file into the model; a report given as data is completed (totals, placeholders).

    Raises:
        InputError: the file cannot be read or is not a report (with a stable code).
    """
    report, structured = load_report(path)
    if structured:
        complete(report)
    return report


def _failed(path: str, error: DocumentError, start: float) -> DocumentResult:
    return DocumentResult(path=path, status="failed", errors=[error], seconds=time.perf_counter() - start)


def _named(report: AnnualReport) -> str:
    meta = report.metadata
    agency = f"“{meta.agency}”" if meta.agency else "未写明机关的"
    return agency + (f"{meta.year}年报告" if meta.year else "报告（未写明年度）")


def previous_mismatch(report: AnnualReport, previous: AnnualReport) -> list[DocumentError]:
    """Why ``previous`` cannot be ``report``'s previous year: E118 (not the year before), E123 (not the
    same body, by :func:`gongkai.extract.agency_names.same_body`); empty when it can.

    A year or an agency missing on either side, or a name that cannot be told apart without its
    region (``朝阳区人民政府`` and ``北京市朝阳区人民政府``), is no reason to refuse, nor a guess that
    they match: the comparison asked for is made, as given.
    """
    now, last = report.metadata, previous.metadata
    both = f"上年报告为{_named(previous)}，本报告为{_named(report)}"
    errors: list[DocumentError] = []
    if now.year and last.year and last.year != now.year - 1:
        message = f"{both}，不是相邻年度（上年报告应为{now.year - 1}年报告），未与上年报告对比"
        errors.append(DocumentError(code="E118", message=message, stage="audit"))
    if same_body(now.agency, last.agency) is False:
        errors.append(DocumentError(code="E123", message=f"{both}，不是同一机关，未与上年报告对比", stage="audit"))
    return errors


def check_path(
    path: str | Path,
    rules: list[type[Rule]] | None = None,
    timeout: float | None = MAX_SECONDS,
    previous: AnnualReport | None = None,
) -> DocumentResult:
    """Read and audit one file within ``timeout`` seconds (E112 past it); never raises for bad input.

    ``previous`` is last year's report: the year-over-year rules compare with it. A previous report of
    another year or another body (:func:`previous_mismatch`) is not compared: the result is partial
    with the error (E118, E123).
    """
    start = time.perf_counter()
    p = display_path(path)  # results are printed in every format: no stray bytes or control characters
    with time_limit(timeout):  # one deadline for reading, extracting and auditing
        try:
            report = read_report(path)
        except InputError as exc:
            return _failed(p, exc.to_error(), start)
        except Exception as exc:  # a defect of gongkai, reported per document so a batch goes on
            err = DocumentError(
                code="E108", message=f"读取时发生内部错误：{type(exc).__name__}: {exc}", stage="extract"
            )
            return _failed(p, err, start)
        errors = previous_mismatch(report, previous) if previous is not None else []
        try:
            findings = audit(report, rules, previous=None if errors else previous)
        except InputError as exc:  # E112: the time ran out while auditing; the report was read
            findings = []
            errors.append(exc.to_error("audit"))
        except Exception as exc:
            findings = []
            errors.append(
                DocumentError(code="E108", message=f"审核时发生内部错误：{type(exc).__name__}: {exc}", stage="audit")
            )
    return DocumentResult(
        path=p,
        status="partial" if errors else "ok",
        errors=errors,
        report=report,
        findings=findings,
        seconds=time.perf_counter() - start,
    )


def iter_inputs(paths: Iterable[str | Path]) -> Iterator[tuple[Path, InputError | None]]:
    """Each input file, or a folder that cannot be listed with its error (E102), in order.

    Folders are walked recursively, sorted, hidden files and folders skipped; files are
    yielded as given (a missing one is reported when it is read).
    """
    for raw in paths:
        p = Path(raw)
        if not p.is_dir():
            yield p, None
            continue
        yield from _walk(p)


def _walk(root: Path) -> Iterator[tuple[Path, InputError | None]]:
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except PermissionError:
        yield root, InputError("E102", f"没有读取权限，无法列出文件夹中的文件：{display_path(root)}")
        return
    except OSError as exc:
        yield root, InputError("E102", f"无法列出文件夹中的文件：{display_path(root)}（{exc.strerror or exc}）")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        child = Path(entry.path)
        try:
            is_dir = entry.is_dir()
            is_file = entry.is_file()
        except OSError:
            is_dir = is_file = False
        if is_dir:
            yield from _walk(child)
        elif is_file:
            yield child, None


def check_inputs(
    inputs: Iterable[tuple[Path, InputError | None]],
    rules: list[type[Rule]] | None = None,
    timeout: float | None = MAX_SECONDS,
    previous: AnnualReport | None = None,
) -> Iterator[DocumentResult]:
    """Check each input of :func:`iter_inputs` one at a time, yielding each result as soon as it is done.

    Nothing is kept between documents, so a batch of any size runs in the memory of one.
    A folder that cannot be listed gives a failed result with its error (E102).
    """
    for path, error in inputs:
        if error is not None:
            yield DocumentResult(path=display_path(path), status="failed", errors=[error.to_error()])
        else:
            yield check_path(path, rules, timeout=timeout, previous=previous)


def check_paths(
    paths: Iterable[str | Path],
    rules: list[type[Rule]] | None = None,
    timeout: float | None = MAX_SECONDS,
    previous: AnnualReport | None = None,
) -> Iterator[DocumentResult]:
    """Check files and folders (walked recursively): :func:`check_inputs` over :func:`iter_inputs`."""
    return check_inputs(iter_inputs(paths), rules, timeout, previous)


def refuse_unwritable(report: AnnualReport) -> None:
    """gongkai writes the 2021 format only: a 2019 report, or table 3 printed with （六） as one row, is refused.

    Raises:
        InputError: E120 naming the report's format.
    """
    target = "gongkai 只能按2021年格式（国办公开办函〔2021〕30号）生成报告"
    if report.format == "2019" or "format_2019" in report.table2.layout:
        raise InputError("E120", f"该报告为2019年试行格式（国办公开办函〔2019〕60号），{target}")
    if "other_total_single_row" in report.table3.layout:
        raise InputError(
            "E120",
            f"该报告表三将“（六）其他处理”印为一行（旧版式），没有2021年格式的三个子项，{target}；"
            "请按三个子项分别填写后再生成",
        )


def write_report(
    source: str | Path,
    targets: Sequence[str | Path],
    *,
    draft: bool = False,
    previous: str | Path | None = None,
    rules: list[type[Rule]] | None = None,
    timeout: float | None = MAX_SECONDS,
) -> WriteResult:
    """Load ``source`` (and last year's report), then prepare, audit and write every target.

    Nothing is written while a final output is refused; with several targets, either all
    are written or none is replaced.

    Raises:
        InputError: the source or last year's report cannot be read (stable code); E118 when
            last year's report is not the year before; E120 when the source is in a format gongkai
            cannot write (the 2019 trial format, table 3 with （六） as one row).
        UsageError: an output suffix gongkai cannot write, or a target that is the source itself.
        OutputError: an output cannot be written (it names the file).
    """
    from gongkai.write import check_targets, write_loaded

    outs = check_targets(source, targets)
    with time_limit(timeout):
        report, structured = load_report(source)
        refuse_unwritable(report)
        last = read_report(previous) if previous is not None else None
    if (
        last is not None
        and last.metadata.year
        and report.metadata.year
        and last.metadata.year != report.metadata.year - 1
    ):
        raise InputError(
            "E118", f"上年报告的年度为{last.metadata.year}年，本报告为{report.metadata.year}年，不是相邻年度"
        )
    return write_loaded(report, outs, structured=structured, draft=draft, previous=last, rules=rules)


__all__ = [
    "DocumentResult",
    "Summary",
    "check_inputs",
    "check_path",
    "check_paths",
    "iter_inputs",
    "load_report",
    "previous_mismatch",
    "read_raw",
    "read_report",
    "write_report",
]
