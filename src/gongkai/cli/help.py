"""Chinese help pages and usage errors for the command line.

Typer (and the click it vendors) prints its help and its parser errors in English and
cuts help at 80 columns.  gongkai's commands use :class:`Command` and :class:`Group`,
whose help is written here: Chinese headings, one line per option, never wrapped (a
terminal wraps long lines itself; a pipe or file gets them whole).  Option values are
parsed by :mod:`gongkai.cli.params`, whose messages are Chinese already; every other
parser error is translated by :func:`usage_message` from the exception's fields.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import typer.core

HELP_TEXT = "显示此帮助并退出。"
_TYPE_METAVAR = {"text": "文本", "path": "路径", "integer": "整数", "float": "数值", "boolean": ""}


def width(text: str) -> int:
    """Columns ``text`` takes on a terminal (CJK characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, columns: int) -> str:
    return text + " " * max(columns - width(text), 0)


def _metavar(param: Any) -> str:
    if getattr(param, "metavar", None):
        return str(param.metavar)
    if getattr(param, "is_flag", False):
        return ""
    name = getattr(param.type, "name", "text")
    return _TYPE_METAVAR.get(name, "值")


def _argument_name(param: Any) -> str:
    name = str(param.metavar or param.name or "").upper()
    return name + ("..." if param.nargs == -1 else "")


def usage(ctx: Any) -> str:
    """``用法：gongkai check [选项] PATH...``"""
    command = ctx.command
    pieces = [ctx.command_path, "[选项]"]
    if isinstance(command, typer.core.TyperGroup):
        pieces += ["命令", "[参数]..."]
    else:
        pieces += [_argument_name(p) for p in command.get_params(ctx) if p.param_type_name == "argument"]
    return "用法：" + " ".join(pieces)


def _option_names(param: Any) -> str:
    names = sorted(param.opts, key=lambda o: (o.startswith("--"), o))
    text = ", ".join(names)
    if param.secondary_opts:
        text += " / " + ", ".join(param.secondary_opts)
    metavar = _metavar(param)
    return f"{text} {metavar}" if metavar else text


def _option_help(param: Any) -> str:
    text = HELP_TEXT if param.name == "help" else (param.help or "")
    notes: list[str] = []
    if param.required:
        notes.append("必填")
    default = param.default
    shown = getattr(param, "show_default", None)
    if not param.required and shown is not False and default not in (None, False, (), [], "") and param.name != "help":
        value = getattr(default, "value", default)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        notes.append(f"默认：{value}")
    return text + "".join(f"［{n}］" for n in notes)


def _table(rows: list[tuple[str, str]]) -> list[str]:
    if not rows:
        return []
    columns = max(width(left) for left, _ in rows) + 2
    return [f"  {_pad(left, columns)}{right}".rstrip() for left, right in rows]


def _command_help(ctx: Any, command: Any) -> list[str]:
    lines = [usage(ctx), ""]
    if command.help:
        lines += ["  " + line if line else "" for line in command.help.strip().splitlines()] + [""]
    arguments, options = [], []
    for param in command.get_params(ctx):
        if getattr(param, "hidden", False):
            continue
        if param.param_type_name == "argument":
            help_text = (getattr(param, "help", None) or "") + ("［必填］" if param.required else "")
            arguments.append((_argument_name(param), help_text))
        else:
            options.append((_option_names(param), _option_help(param)))
    if arguments:
        lines += ["参数：", *_table(arguments), ""]
    if options:
        lines += ["选项：", *_table(options), ""]
    return lines


def _group_help(ctx: Any, group: Any) -> list[str]:
    lines = _command_help(ctx, group)
    commands = [
        (name, (cmd.short_help or (cmd.help or "").strip().splitlines()[0]) if cmd.help or cmd.short_help else "")
        for name in group.list_commands(ctx)
        if (cmd := group.get_command(ctx, name)) is not None and not cmd.hidden
    ]
    if commands:
        lines += ["命令：", *_table(commands), ""]
    return lines


class Command(typer.core.TyperCommand):
    """A command whose help is Chinese and never wrapped."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        formatter.write("\n".join(_command_help(ctx, self)) + "\n")


class Group(typer.core.TyperGroup):
    """The ``gongkai`` group: Chinese help listing the commands; sub-groups in ``lazy_groups`` (name → a
    function building the click group) are built the first time they are asked for."""

    lazy_groups: dict[str, Any]

    def format_help(self, ctx: Any, formatter: Any) -> None:
        formatter.write("\n".join(_group_help(ctx, self)) + "\n")

    def list_commands(self, ctx: Any) -> list[str]:
        names: list[str] = super().list_commands(ctx)
        return names + [n for n in getattr(self, "lazy_groups", {}) if n not in names]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        lazy = getattr(self, "lazy_groups", {})
        if cmd_name in lazy and cmd_name not in self.commands:
            self.add_command(lazy[cmd_name](), cmd_name)
        return super().get_command(ctx, cmd_name)


def _param_name(param: Any) -> str:
    if param is None:
        return "参数"
    if param.param_type_name == "argument":
        return f"参数 {_argument_name(param)}"
    return "选项 " + "/".join(sorted(param.opts, key=lambda o: (o.startswith("--"), o)))


_EXTRA = re.compile(r"unexpected extra argument(?:\(s\)|s)? \((?P<args>.*)\)", re.S)
_NO_COMMAND = re.compile(r"No such command '(?P<name>.*)'")
_REQUIRES = re.compile(r"requires (?:an argument|(?P<n>\d+) arguments)")


def usage_message(exc: Any) -> str:
    """The Chinese message of a click usage error (without the usage line)."""
    kind = {c.__name__ for c in type(exc).__mro__}
    message = str(getattr(exc, "message", "") or "")
    if "NoSuchOption" in kind:
        text = f"未知选项：{exc.option_name}"
        if exc.possibilities:
            text += f"（是否想用：{'、'.join(sorted(exc.possibilities))}？）"
        return text
    if "MissingParameter" in kind:
        param = exc.param
        if param is not None and param.param_type_name == "argument":
            return f"缺少参数：{_argument_name(param)}"
        return f"缺少参数：{_param_name(param).removeprefix('选项 ')}（必须指定）"
    if "BadParameter" in kind:
        return f"参数值无效：{_param_name(exc.param)}：{message}"
    if "BadOptionUsage" in kind:
        m = _REQUIRES.search(message)
        if m:
            count = f"{m.group('n')} 个值" if m.group("n") else "一个值"
            return f"选项用法错误：选项 {exc.option_name} 后面需要{count}"
        if "does not take a value" in message:
            return f"选项用法错误：选项 {exc.option_name} 不接受值"
        return f"选项用法错误：{exc.option_name}"
    if m := _EXTRA.search(message):
        return f"参数用法错误：多余的参数：{m.group('args')}"
    if m := _NO_COMMAND.search(message):
        return f"用法错误：没有这个命令：{m.group('name')}"
    if message.startswith("Missing command"):
        return "用法错误：缺少命令"
    if "BadArgumentUsage" in kind:
        return "参数用法错误：参数个数不对"
    return f"用法错误：{message}"


__all__ = ["HELP_TEXT", "Command", "Group", "usage", "usage_message", "width"]
