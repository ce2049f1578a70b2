"""The layers of docs/architecture.md, enforced: a module never imports a higher layer (not even lazily)."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "gongkai"

LAYERS: tuple[tuple[str, ...], ...] = (
    ("model",),
    ("errors", "limits", "files", "paths"),
    ("readers",),
    ("extract",),
    ("audit",),
    ("result",),
    ("render",),
    ("write",),
    ("cases",),
    ("store",),
    ("api", "casework"),
    ("batch",),
    ("cli", "web"),
)
"""Lowest first; a module may import its own layer and the layers below it."""


def _layer(part: str) -> int:
    for i, names in enumerate(LAYERS):
        if part in names:
            return i
    raise AssertionError(f"gongkai.{part} is in no layer: add it to LAYERS and docs/architecture.md")


def _top(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if parts[0] == "gongkai" and len(parts) > 1 else None


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "gongkai":
                out += [(node.lineno, f"gongkai.{a.name}") for a in node.names if a.name != "__version__"]
            else:
                out.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names]
    return out


def _violations() -> list[str]:
    found: list[str] = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC)
        if rel.parts == ("__init__.py",):
            continue  # the package's lazy facade
        own = _layer(rel.parts[0].removesuffix(".py"))
        for line, module in _imports(path):
            top = _top(module)
            if top is not None and _layer(top) > own:
                found.append(f"{rel}:{line} imports {module}")
    return found


def test_layers_no_module_imports_a_higher_layer() -> None:
    assert _violations() == []


def test_layers_cli_and_web_never_import_each_other() -> None:
    for shell, other in (("cli", "web"), ("web", "cli")):
        for path in (SRC / shell).rglob("*.py"):
            tops = {_top(m) for _, m in _imports(path)}
            assert other not in tops, f"{shell}/{path.name} imports gongkai.{other}"


def test_layers_model_imports_nothing_else_of_gongkai() -> None:
    for path in (SRC / "model").rglob("*.py"):
        tops = {_top(m) for _, m in _imports(path)} - {None, "model"}
        assert not tops, f"{path.name} imports {tops}"


def test_layers_every_command_is_its_own_module_and_commands_do_not_import_each_other() -> None:
    commands = {p.stem for p in (SRC / "cli").glob("*.py")} - {"__init__", "app", "help", "params", "progress"}
    assert commands == {
        "agency",
        "calendar",
        "cases",
        "cases_add",
        "cases_event",
        "cases_history",
        "cases_report",
        "cases_show",
        "cases_void",
        "check",
        "db",
        "deadline",
        "documents",
        "exports",
        "exports_corpus",
        "extract",
        "fee",
        "figures",
        "imports",
        "items",
        "report_corpus",
        "reviews",
        "rules",
        "serve",
        "template",
        "users",
        "write",
    }
    for name in commands:
        for _, module in _imports(SRC / "cli" / f"{name}.py"):
            assert not any(module == f"gongkai.cli.{other}" for other in commands), f"cli/{name}.py imports {module}"
