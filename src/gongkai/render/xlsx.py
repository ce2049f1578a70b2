"""Excel workbook of audit results, as a supervisor reads and prints it.

Sheets: 问题清单 (one row per finding: agency, year, the file linked by name, the place in
Chinese, the rule's Chinese name, the message and how to correct it), 按机关汇总 (per agency
and year), 按规则汇总 (per rule) and 文件清单 (per file).  Written with xlsxwriter in
constant-memory mode: finding and file rows go to disk as results arrive; the summaries
are small counters (:class:`~gongkai.render.tally.Tally`) written out in :meth:`XlsxSink.close`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import xlsxwriter

from gongkai.audit.finding import Severity
from gongkai.audit.rule import all_rules
from gongkai.errors import DOCUMENT_ERRORS
from gongkai.render.links import source_uri
from gongkai.render.rows import STATUS_ZH
from gongkai.render.tally import UNKNOWN_AGENCY, Tally
from gongkai.render.xlsx_sheet import Column, Formats, Link, Sheet, Value
from gongkai.result import DocumentResult, Summary

FINDING_COLUMNS = (
    Column("序号", 8),
    Column("机关", 30),
    Column("年度", 8),
    Column("文件", 36),
    Column("位置", 40),
    Column("级别", 8),
    Column("代码", 8),
    Column("规则名称", 36),
    Column("问题", 60),
    Column("修改提示", 44),
)
AGENCY_COLUMNS = (
    Column("机关", 40),
    Column("年度", 8),
    Column("报告数", 8),
    Column("已审核", 8),
    Column("部分审核", 10),
    Column("无法读取", 10),
    Column("错误", 8),
    Column("警告", 8),
    Column("提示", 8),
    Column("读取错误", 10),
)
RULE_COLUMNS = (
    Column("代码", 8),
    Column("规则名称", 60),
    Column("级别", 8),
    Column("问题数", 8),
    Column("涉及报告数", 12),
)
FILE_COLUMNS = (
    Column("机关", 30),
    Column("年度", 8),
    Column("文件", 36),
    Column("状态", 10),
    Column("错误", 8),
    Column("警告", 8),
    Column("提示", 8),
    Column("读取错误", 40),
    Column("路径", 60),
)
DOCUMENT_PLACE = "全文"
"""Where a document error is: the document as a whole."""


class XlsxSink:
    """Results written to ``path`` as they arrive; :meth:`close` writes the summaries and completes the file."""

    def __init__(self, path: Path) -> None:
        self.book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_formulas": False})
        formats = Formats.of(self.book)
        self.findings = Sheet(self.book, "问题清单", FINDING_COLUMNS, formats)
        self.agencies = Sheet(self.book, "按机关汇总", AGENCY_COLUMNS, formats)
        self.rules = Sheet(self.book, "按规则汇总", RULE_COLUMNS, formats)
        self.files = Sheet(self.book, "文件清单", FILE_COLUMNS, formats)
        self.rule_names = {r.code: r.summary for r in all_rules()}
        self.tally = Tally()

    def add(self, result: DocumentResult, uri: str | None = None) -> None:
        """Add one result; ``uri`` (default: the source file) is where its links lead — a web page, say."""
        meta = result.report.metadata if result.report is not None else None
        agency, year = (meta.agency, meta.year) if meta else (None, None)
        name = Path(result.path).name or result.path
        for cells in _finding_cells(result, name, self.rule_names, uri):
            self.findings.append([self.findings.rows + 1, agency, year, *cells])
        counts = result.counts
        self.files.append(
            [
                agency,
                year,
                Link(uri or source_uri(result.path), name),
                STATUS_ZH.get(result.status, result.status),
                counts["error"],
                counts["warning"],
                counts["info"],
                "\n".join(f"{e.code} {e.message}" for e in result.errors) or None,
                result.path,
            ]
        )
        self.tally.add(result)

    def close(self, summary: Summary) -> None:
        for agency, year in self.tally.agency_keys():
            counts = self.tally.agencies[(agency, year)].values()
            self.agencies.append([agency or UNKNOWN_AGENCY, year, *counts])
        for code, severity in self.tally.rule_keys():
            r = self.tally.rules[(code, severity)]
            self.rules.append([code, self._rule_name(code), Severity(severity).label, r.findings, r.reports])
        for sheet in (self.findings, self.agencies, self.rules, self.files):
            sheet.finish()
        self.book.close()

    def _rule_name(self, code: str) -> str:
        return self.rule_names.get(code) or DOCUMENT_ERRORS.get(code, code)


def _finding_cells(
    result: DocumentResult, name: str, rule_names: dict[str, str], uri: str | None = None
) -> list[list[Value]]:
    """A document's errors (the whole document, level 错误) then its findings, from 文件 to 修改提示."""
    rows: list[list[Value]] = [
        [Link(uri or source_uri(result.path), name), DOCUMENT_PLACE, Severity.ERROR.label, e.code,
         DOCUMENT_ERRORS.get(e.code, e.code), e.message, None]
        for e in result.errors
    ]  # fmt: skip
    for f in result.findings:
        src = f.location.source
        page = src.page if src is not None and src.file == result.path else None
        link = Link(uri or source_uri(result.path, page), name)
        name_zh = rule_names.get(f.code) or f.name
        rows.append([link, f.location.describe(), f.severity.label, f.code, name_zh, f.message, f.hint or None])
    return rows


def write_xlsx(results: Sequence[DocumentResult], path: str | Path, uris: Sequence[str] | None = None) -> None:
    """Write the results workbook to ``path``; ``uris[i]``: where the links of ``results[i]`` lead
    (default: the source files)."""
    sink = XlsxSink(Path(path))
    summary = Summary()
    for i, r in enumerate(results):
        sink.add(r, uris[i] if uris is not None else None)
        summary.add(r)
    sink.close(summary)
