"""``gongkai rules``: the rule list (or its Markdown reference, docs/rules.md)."""

from __future__ import annotations

from typing import Annotated

import typer

from gongkai.cli.app import app
from gongkai.cli.help import Command

_SEVERITY = {"error": "错误", "warning": "警告", "info": "提示"}


@app.command(cls=Command)
def rules(
    markdown: Annotated[
        bool, typer.Option("--markdown", help="输出 Markdown 格式的规则参考（docs/rules.md）。")
    ] = False,
) -> None:
    """列出全部审核规则。"""
    from gongkai.audit import all_rules
    from gongkai.audit.docs import rules_markdown

    if markdown:
        typer.echo(rules_markdown(), nl=False)
        return
    for r in all_rules():
        typer.echo(f"{r.code}  {r.name:<36} {_SEVERITY[r.severity.value]}  {r.summary}")
