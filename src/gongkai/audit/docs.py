"""The rules reference (``docs/rules.md``), generated from the registry and the rule docstrings."""

from __future__ import annotations

import inspect
import re
from collections.abc import Sequence

from gongkai.audit.rule import DOC_SECTIONS, Rule, all_rules

_SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
_HEADING = re.compile(r"^(" + "|".join(re.escape(s) for s in DOC_SECTIONS) + r")\s*:\s*(.*)$")

TITLE = "# gongkai 审核规则 (rules reference)"
PREAMBLE = (
    "本文件由 `gongkai rules --markdown` 从各规则的文档字符串生成，请勿手工编辑；"
    "重新生成：`GONGKAI_REGEN=1 pytest tests/audit/test_docs.py`。\n\n"
    "代码首字母表示类别：S 结构（structure）、A 算术（arithmetic）、C 一致性（consistency）、"
    "M 报告信息（metadata）、X 跨报告比对（cross-report，仅在批量检查语料库时运行）。代码一经使用永不复用。"
)


def parse_docstring(rule: type[Rule]) -> dict[str, str]:
    """Split a rule's docstring into ``intro`` and the :data:`DOC_SECTIONS` parts (missing ones absent)."""
    doc = inspect.cleandoc(rule.__doc__ or "")
    parts: dict[str, list[str]] = {"intro": []}
    current = "intro"
    for line in doc.splitlines():
        m = _HEADING.match(line)
        if m:
            current = m.group(1)
            parts[current] = [m.group(2)] if m.group(2) else []
            continue
        parts[current].append(line)
    return {k: inspect.cleandoc("\n".join(v)) for k, v in parts.items() if k == "intro" or "\n".join(v).strip()}


def docstring_problems(rule: type[Rule]) -> list[str]:
    """What is missing or malformed in a rule's declaration and docs (empty when fine)."""
    problems: list[str] = []
    for attr in ("code", "name", "severity", "summary"):
        if not getattr(rule, attr, None):
            problems.append(f"{rule.__name__}: missing {attr}")
    parts = parse_docstring(rule)
    problems += [f"{rule.__name__}: docstring lacks '{s}:'" for s in DOC_SECTIONS if s not in parts]
    return problems


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _rule_section(rule: type[Rule]) -> str:
    parts = parse_docstring(rule)
    sev = rule.severity.value
    out = [
        f"## {rule.code} {rule.name}",
        "",
        f"级别：{_SEVERITY_ZH[sev]}（{sev}） · 类别：{rule.family()}",
        "",
        rule.summary.strip(),
    ]
    if parts.get("intro"):
        out += ["", parts["intro"]]
    for section in DOC_SECTIONS:
        out += ["", f"### {section}", "", parts.get(section, "（缺）")]
    return "\n".join(out)


def rules_markdown(rules: Sequence[type[Rule]] | None = None) -> str:
    """The Markdown rules reference of ``rules`` (default: every registered rule)."""
    rules = list(all_rules() if rules is None else rules)
    out = [TITLE, "", PREAMBLE, "", f"共 {len(rules)} 条规则。", ""]
    out += ["| 代码 | 名称 | 级别 | 类别 | 说明 |", "|---|---|---|---|---|"]
    for r in rules:
        out.append(f"| {r.code} | {r.name} | {_SEVERITY_ZH[r.severity.value]} | {r.family()} | {_cell(r.summary)} |")
    for r in rules:
        out += ["", _rule_section(r)]
    return "\n".join(out) + "\n"
