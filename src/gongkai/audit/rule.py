"""Rule base class and registry (ruff/pylint style).

Each rule has a stable code (family letter + 3 digits, never reused), a
kebab-case name for the defect, a default severity and docs in its docstring
with the sections *What it checks*, *Why*, *Example* and *Correct*.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from gongkai.audit.finding import Finding, Location, Severity
from gongkai.errors import UsageError
from gongkai.model import AnnualReport

FAMILIES = {
    "S": "structure",
    "A": "arithmetic",
    "C": "consistency",
    "M": "metadata",
    "X": "cross-report",
}
_CODE = re.compile(r"^[SACMX]\d{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
DOC_SECTIONS = ("What it checks", "Why", "Example", "Correct")


class Rule:
    """Base class: subclasses set ``code``, ``name``, ``severity`` and implement :meth:`check`."""

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    summary: ClassVar[str]
    on_template: ClassVar[bool] = False
    """Whether the rule also runs on a blank template (most rules would only report the blanks)."""
    needs_previous: ClassVar[bool] = False
    """Whether the rule compares with last year's report; it runs only when one is given."""
    needs_corpus: ClassVar[bool] = False
    """Whether the rule compares the report with a whole corpus (cross-report rules, family X): the
    per-report runner never runs it; the corpus runner builds its findings itself."""

    def __init__(self, previous: AnnualReport | None = None) -> None:
        self.previous = previous

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        raise NotImplementedError

    def finding(
        self,
        message: str,
        location: Location,
        hint: str = "",
        *,
        severity: Severity | None = None,
        related: tuple[Location, ...] = (),
    ) -> Finding:
        """Build a finding of this rule."""
        return Finding(
            code=self.code,
            name=self.name,
            severity=severity or self.severity,
            message=message,
            hint=hint,
            location=location,
            related=related,
        )

    @classmethod
    def family(cls) -> str:
        return FAMILIES[cls.code[0]]


_REGISTRY: dict[str, type[Rule]] = {}


def register(cls: type[Rule]) -> type[Rule]:
    """Class decorator adding a rule to the registry; validates code, name and docs."""
    if not _CODE.match(cls.code):
        raise UsageError(f"bad rule code {cls.code!r}")
    if not _NAME.match(cls.name):
        raise UsageError(f"bad rule name {cls.name!r}")
    if cls.code in _REGISTRY and _REGISTRY[cls.code] is not cls:
        raise UsageError(f"rule code {cls.code} used twice")
    for other in _REGISTRY.values():
        if other.name == cls.name and other is not cls:
            raise UsageError(f"rule name {cls.name} used twice")
    _REGISTRY[cls.code] = cls
    return cls


def all_rules() -> list[type[Rule]]:
    """Every registered rule, ordered by code."""
    from gongkai.audit import rules  # noqa: F401  (imports register the rules)

    return [_REGISTRY[c] for c in sorted(_REGISTRY)]


def select_rules(select: list[str] | None = None, ignore: list[str] | None = None) -> list[type[Rule]]:
    """Rules whose code or name starts with a selected prefix and no ignored one."""
    rules = all_rules()
    known = {r.code for r in rules} | {r.name for r in rules}

    def matches(rule: type[Rule], prefixes: list[str]) -> bool:
        return any(rule.code.startswith(p.upper()) or rule.name == p for p in prefixes)

    for p in (select or []) + (ignore or []):
        if not any(c.startswith(p.upper()) for c in known) and p not in known:
            raise UsageError(f"未知的规则代码或名称：{p}")
    if select:
        rules = [r for r in rules if matches(r, select)]
    if ignore:
        rules = [r for r in rules if not matches(r, ignore)]
    return rules
