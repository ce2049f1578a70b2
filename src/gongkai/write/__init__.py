"""Write the annual report: prepare a loaded report, audit it, and render every requested format.

Loading is not done here (:func:`gongkai.api.write_report` loads and calls
:func:`write_loaded`).  A final output is refused while the audit has error-level
findings; a draft is always written, watermarked 草稿.  Files are written whole or
not at all, and several outputs as one (:mod:`gongkai.files`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from gongkai.audit import Finding, Rule, Severity, audit
from gongkai.errors import UsageError
from gongkai.files import write_all, write_atomic
from gongkai.model import AnnualReport
from gongkai.write.prepare import Prepared, prepare

Renderer = Callable[[AnnualReport, bool], bytes]
SUFFIXES = (".docx", ".pdf", ".html", ".htm", ".md", ".xlsx", ".json")


def _renderer(suffix: str) -> Renderer:
    """The renderer for an output suffix (imported lazily: WeasyPrint is slow to import)."""
    if suffix == ".docx":
        from gongkai.render.docx_report import render_docx

        return lambda r, d: render_docx(r, draft=d)
    if suffix == ".pdf":
        from gongkai.render.pdf_report import render_pdf

        return lambda r, d: render_pdf(r, draft=d)
    if suffix in (".html", ".htm"):
        from gongkai.render.html_report import render_html

        return lambda r, d: render_html(r, draft=d)
    if suffix == ".md":
        from gongkai.render.markdown_report import render_markdown

        return lambda r, d: render_markdown(r, draft=d)
    if suffix == ".xlsx":
        from gongkai.render.workbook import render_workbook

        return lambda r, d: render_workbook(r, draft=d)
    if suffix == ".json":
        return _render_json
    raise UsageError(f"不支持的输出格式“{suffix or '（无后缀）'}”：可用 {'、'.join(SUFFIXES)}")


def _render_json(report: AnnualReport, draft: bool) -> bytes:
    from gongkai.render.json import report_to_json

    data = report_to_json(report)
    if draft:
        data = {"draft": True, **data}
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def render(report: AnnualReport, suffix: str, *, draft: bool = False) -> bytes:
    """The bytes of ``report`` in the format named by ``suffix`` (``.docx`` …)."""
    return _renderer(suffix.lower())(report, draft)


@dataclass
class WriteResult:
    prepared: Prepared
    findings: list[Finding]
    draft: bool
    written: list[Path] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]

    @property
    def refused(self) -> bool:
        """A final output is refused while error-level findings exist, or for the blank official template."""
        return not self.draft and (bool(self.errors) or self.prepared.report.template)


def check_targets(source: str | Path, targets: Sequence[str | Path]) -> list[Path]:
    """The output paths, checked before any work: a known suffix, not a folder, not the source itself.

    Raises:
        UsageError: an output suffix gongkai cannot write, a folder, or the source itself.
    """
    outs = [Path(t) for t in targets]
    for t in outs:
        _renderer(t.suffix.lower())
    src = Path(source)
    for t in outs:
        if t.is_dir():
            raise UsageError(f"输出路径是一个文件夹：{t}")
        if t.exists() and src.exists() and t.resolve() == src.resolve():
            raise UsageError(f"输出文件不能覆盖输入文件：{t}")
    if len({t.resolve() for t in outs}) != len(outs):
        raise UsageError("同一个输出文件指定了多次")
    return outs


def write_loaded(
    report: AnnualReport,
    targets: Sequence[Path],
    *,
    structured: bool,
    draft: bool = False,
    previous: AnnualReport | None = None,
    rules: list[type[Rule]] | None = None,
) -> WriteResult:
    """Prepare and audit a loaded report, and write every target unless a final output is refused.

    All targets are written or none (:func:`gongkai.files.write_all`).

    Raises:
        UsageError: an output suffix gongkai cannot write.
        OutputError: an output cannot be written (it names the file).
    """
    renderers = [_renderer(t.suffix.lower()) for t in targets]
    prepared = prepare(report, previous, structured=structured)
    result = WriteResult(prepared, audit(report, rules, previous=previous), draft)
    if result.refused:
        return result
    rendered = [(t, r(report, draft)) for t, r in zip(targets, renderers, strict=True)]
    result.written = write_all(rendered)
    return result


__all__ = ["SUFFIXES", "WriteResult", "check_targets", "render", "write_all", "write_atomic", "write_loaded"]
