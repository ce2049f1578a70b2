"""S121: fill-in marks left in the text: unfilled placeholders, 【待填写】, the template's （文字描述）."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.audit.finding import Finding, Location, Severity
from gongkai.audit.rule import Rule, register
from gongkai.model import AnnualReport
from gongkai.model.placeholders import PLACEHOLDER, TEMPLATE_INSTRUCTIONS, TO_FILL, Unresolved, resolve


def _marks(report: AnnualReport, text: str) -> list[str]:
    out: list[str] = []
    for m in PLACEHOLDER.finditer(text):
        got = resolve(report, m.group(0))
        reason = got.reason if isinstance(got, Unresolved) else "未替换"
        out.append(f"占位符“{m.group(0)}”（{reason}）")
    out += [f"“{m.group(0)}”" for m in TO_FILL.finditer(text)]
    out += [f"模板说明文字“{m.group(0)}”" for m in TEMPLATE_INSTRUCTIONS.finditer(text)]
    return out


@register
class PlaceholderLeft(Rule):
    """What it checks:
    Text that was meant to be replaced before publication: a placeholder such as
    ``{table3.new_received.total}`` that could not be filled (it names no cell, or the
    cell is blank), a 【待填写：…】 mark left by gongkai's scaffold, or the official
    template's own instruction （文字描述）. One finding per line.

    Why:
    A report published with its fill-in marks tells the reader nothing and shows it was
    not finished; published reports with “（文字描述）” still in them exist.

    Example:
    第六部分：“本机关本年度【待填写：未收取信息处理费 / 收取信息处理费X件、X元】。”

    Correct:
    “本机关本年度未收取信息处理费。” — write the text, or fix the placeholder's key.
    """

    code = "S121"
    name = "placeholder-left"
    severity = Severity.ERROR
    summary = "正文中留有未替换的占位符、“【待填写】”或模板说明文字"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        for line in report.lines:
            marks = _marks(report, line.text)
            if not marks:
                continue
            part = f"section{line.section}" if line.section else "document"
            yield self.finding(
                f"正文留有待替换的内容：{'；'.join(marks)}",
                Location(part=part, source=line.provenance),
                "写明实际内容后再发布；占位符的键见 report-keys.md（如 {table3.new_received.total}）。",
            )
