"""Chinese terminal output of audit results, grouped per report, optionally coloured (ANSI)."""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from gongkai.render.rows import STATUS_ZH
from gongkai.result import Summary

if TYPE_CHECKING:
    from gongkai.audit import Finding
    from gongkai.result import DocumentResult

_RESET = "\033[0m"
_STYLES = {
    "error": "\033[1;31m",
    "warning": "\033[33m",
    "info": "\033[36m",
    "bold": "\033[1m",
    "dim": "\033[2m",
    "ok": "\033[32m",
    "partial": "\033[33m",
    "failed": "\033[1;31m",
}
_SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}


def use_color(stream: TextIO, override: bool | None = None) -> bool:
    """Colour when forced, else only on a terminal and when ``NO_COLOR`` is unset."""
    if override is not None:
        return override
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class _Painter:
    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, style: str, text: str) -> str:
        return f"{_STYLES[style]}{text}{_RESET}" if self.color else text


def _counts_line(counts: dict[str, int]) -> str:
    return f"错误 {counts['error']} 项，警告 {counts['warning']} 项，提示 {counts['info']} 项"


def _header(result: DocumentResult, paint: _Painter) -> str:
    parts = [paint("bold", result.path), paint(result.status, STATUS_ZH.get(result.status, result.status))]
    if result.report is not None and result.report.template:
        parts.append("空白模板（无数据）")
    elif result.report is not None:
        meta = result.report.metadata
        who = meta.agency or "（未识别机关）"
        year = f"{meta.year}年度" if meta.year else "（未识别年度）"
        parts.append(f"{who} {year}")
    return "  ".join(parts)


def _finding(finding: Finding, paint: _Painter) -> list[str]:
    sev = finding.severity.value
    head = (
        f"  {paint(sev, _SEVERITY_ZH[sev])} {paint('bold', finding.code)} {finding.name}  {finding.location.describe()}"
    )
    lines = [head, f"    {finding.message}"]
    if finding.hint:
        lines.append(paint("dim", f"    提示：{finding.hint}"))
    return lines


def render_result(result: DocumentResult, paint: _Painter) -> list[str]:
    lines = [_header(result, paint)]
    for err in result.errors:
        lines.append(f"  {paint('error', '错误')} {paint('bold', err.code)}：{err.message}")
    for finding in result.findings:
        lines.extend(_finding(finding, paint))
    if result.status != "failed":
        lines.append(f"  小计：{_counts_line(result.counts)}")
    return lines


def result_to_text(result: DocumentResult, *, color: bool = False) -> str:
    """One report's block (header, findings, subtotal) without the batch summary line."""
    return "\n".join(render_result(result, _Painter(color)))


def summary_line(summary: Summary, *, color: bool = False) -> str:
    """The batch's closing line: files checked, findings by severity, files that could not be read."""
    s = summary
    text = (
        f"共检查 {s.files} 份报告：错误 {s.errors} 项，警告 {s.warnings} 项，提示 {s.infos} 项；无法读取 {s.failed} 份"
    )
    return _Painter(color)("bold", text)


class TextSink:
    """Each report's block written to ``out`` as results arrive, then the summary line."""

    def __init__(self, out: TextIO, *, color: bool) -> None:
        self.out, self.color = out, color

    def add(self, result: DocumentResult) -> None:
        self.out.write(result_to_text(result, color=self.color) + "\n\n")
        self.out.flush()

    def close(self, summary: Summary) -> None:
        self.out.write(summary_line(summary, color=self.color) + "\n")
        self.out.flush()


def results_to_text(results: Sequence[DocumentResult], *, color: bool = False) -> str:
    """The whole report: one block per file, then a summary line."""
    buf = io.StringIO()
    sink, summary = TextSink(buf, color=color), Summary()
    for result in results:
        sink.add(result)
        summary.add(result)
    sink.close(summary)
    return buf.getvalue()
