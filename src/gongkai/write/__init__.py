"""Write the annual report: load, prepare, audit, and render every requested format.

A final output is refused while the audit has error-level findings; a draft is
always written, watermarked 草稿.  Files are written atomically (a temporary
file renamed into place), so a failed run never leaves half a document.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from gongkai.audit import Finding, Rule, Severity, audit
from gongkai.errors import InputError, UsageError
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


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path`` and rename it into place.

    The file is created with mode 0666 less the umask, like any ordinary file (``mkstemp``
    would make it 0600, and reading the umask means changing it, which races with threads).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / f".{path.name}.{uuid.uuid4().hex}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_report(
    source: str | Path,
    targets: Sequence[str | Path],
    *,
    draft: bool = False,
    previous: str | Path | None = None,
    rules: list[type[Rule]] | None = None,
) -> WriteResult:
    """Load ``source``, prepare and audit it, and write each target unless a final output is refused.

    Raises:
        InputError: the source or last year's report cannot be read (stable code).
        UsageError: an output suffix gongkai cannot write, or a target that is the source itself.
    """
    outs = [Path(t) for t in targets]
    renderers = [_renderer(t.suffix.lower()) for t in outs]  # refuse unknown suffixes before any work
    src = Path(source)
    for t in outs:
        if t.exists() and src.exists() and t.resolve() == src.resolve():
            raise UsageError(f"输出文件不能覆盖输入文件：{t}")
    from gongkai.api import load_report

    report, structured = load_report(src)
    last = None
    if previous is not None:
        last, last_structured = load_report(previous)
        if last_structured:
            prepare(last)
    if (
        last is not None
        and last.metadata.year
        and report.metadata.year
        and last.metadata.year != report.metadata.year - 1
    ):
        raise InputError(
            "E118", f"上年报告的年度为{last.metadata.year}年，本报告为{report.metadata.year}年，不是相邻年度"
        )
    prepared = prepare(report, last, structured=structured)
    result = WriteResult(prepared, audit(report, rules, previous=last), draft)
    if result.refused:
        return result
    rendered = [(t, r(report, draft)) for t, r in zip(outs, renderers, strict=True)]
    for t, data in rendered:
        write_atomic(t, data)
        result.written.append(t)
    return result


__all__ = ["SUFFIXES", "WriteResult", "render", "write_report"]
