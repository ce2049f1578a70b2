"""Structured reports (JSON/YAML) as plain data: sniffed, decoded and parsed within bounds.

What comes out is a mapping of strings, numbers, lists and mappings; what the keys
mean is :mod:`gongkai.readers.structured`'s business.  Every way a hostile or broken
file could hang, exhaust memory or crash the parsers ends in E117 with a Chinese
message instead:

* encodings: UTF-8 (with or without a BOM), or UTF-16/UTF-32 with a BOM;
* nesting deeper than :data:`MAX_DEPTH` (the report's deepest key path has 4 levels);
* more than :data:`MAX_NODES` values, counted while parsing, YAML aliases expanded
  (an alias bomb of 363 bytes would be 9^9 values) — a recursive alias is refused;
* YAML is loaded safely (no tags that build objects), with dates kept as the text typed
  (``2024-02-30`` is a typo to report, not a crash) and the time limit checked;
* numbers that are no cell value — more than :data:`~gongkai.model.numbers.MAX_DIGITS`
  digits, NaN, infinities, 1e400 — come back as :class:`BadNumber` for the key path to
  be named.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from typing import Any

from gongkai.errors import InputError
from gongkai.limits import check_deadline
from gongkai.model.labels import shorten
from gongkai.model.numbers import MAX_DIGITS

MAX_DEPTH = 12
"""Deepest nesting of a structured report (``unplaced.table3[1].labels[1]`` is 4 levels)."""
MAX_NODES = 200_000
"""Most values (mappings, lists, scalars) in a structured report; a full report has about 2,000."""
SNIFF = 65536
"""Bytes of the head in which a structured report names its parts."""

_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"),
    (b"\xef\xbb\xbf", "utf-8", "UTF-8"),
    (b"\xfe\xff", "utf-16-be", "UTF-16"),
    (b"\xff\xfe", "utf-16-le", "UTF-16"),
)
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


@dataclass(frozen=True, slots=True)
class BadNumber:
    """A number in the data that is no cell value: kept as written, so its key path can be named."""

    text: str
    why: str

    def __str__(self) -> str:
        return self.text


def _bom(data: bytes) -> tuple[bytes, str, str | None]:
    """(the bytes after a BOM, their codec, the BOM's name or None when there is none)."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :], codec, name
    return data, "utf-8", None


def structured_text(data: bytes) -> str | None:
    """The text of a structured report (JSON or YAML naming the report's parts), sniffed from its head.

    None when the bytes are not a structured report.

    Raises:
        InputError: E117 when the head is a structured report but the text cannot be decoded.
    """
    body, codec, bom = _bom(data)
    width = 4 if codec.startswith("utf-32") else 2 if codec.startswith("utf-16") else 1
    head = body[: SNIFF - SNIFF % width]
    if bom is None and b"\x00" in head:
        return None
    if not looks_structured(head.decode(codec, errors="ignore")):
        return None
    try:
        return body.decode(codec)
    except UnicodeDecodeError as exc:
        line = body[: exc.start].decode(codec, errors="ignore").count("\n") + 1
        name = bom or "UTF-8"
        raise InputError("E117", f"结构化报告第{line}行有无法按 {name} 解码的字节（文件应保存为 UTF-8 编码）") from None


def looks_structured(text: str) -> bool:
    """JSON or YAML whose top level names the report's tables (sniffed by content)."""
    head = text.lstrip("\ufeff \t\r\n")[:200000]
    if head.startswith("{"):
        return bool(re.search(r'"(table3|metadata)"\s*:', head))
    return bool(re.search(r"^(table3|metadata|sections)\s*:", head, re.M))


def parse_text(text: str) -> dict[str, Any]:
    """Parse JSON (or YAML) text into a mapping, within the bounds above.

    Raises:
        InputError: E117 malformed (with the line), too deep, too many values, or not a mapping.
    """
    stripped = text.lstrip("\ufeff \t\r\n")
    data = _json(stripped) if stripped.startswith("{") else _yaml(stripped)
    if not isinstance(data, dict):
        raise InputError("E117", "结构化报告的顶层应为键值对象（metadata、sections、table2、table3、table4）")
    return data


def _too_deep() -> InputError:
    return InputError("E117", f"结构化报告嵌套超过 {MAX_DEPTH} 层（年报数据最多 4 层），文件不是年报数据或已损坏")


def _too_many() -> InputError:
    return InputError("E117", f"结构化报告的数据项超过 {MAX_NODES} 个（一份年报约 2000 个），文件不是年报数据或已损坏")


# ------------------------------------------------------------------ JSON
def _int(text: str) -> int | BadNumber:
    if len(text.lstrip("-")) > MAX_DIGITS:
        return BadNumber(text, f"数字位数过多（{len(text.lstrip('-'))}位，最多{MAX_DIGITS}位）")
    return int(text)


def _float(text: str) -> float | BadNumber:
    value = float(text)
    if not math.isfinite(value) or abs(value) >= 10**MAX_DIGITS:
        return BadNumber(text, "数值超出范围")
    return value


def _constant(text: str) -> BadNumber:
    return BadNumber(text, "不是有限的数（单元格应为数字、文字或 null）")


def _json(text: str) -> Any:
    try:
        data = json.loads(text, parse_int=_int, parse_float=_float, parse_constant=_constant)
    except json.JSONDecodeError as exc:
        raise InputError("E117", f"JSON 格式错误：第{exc.lineno}行第{exc.colno}列：{exc.msg}") from None
    except RecursionError:
        raise _too_deep() from None
    _check_tree(data)
    return data


def _check_tree(data: Any) -> None:
    """Depth and size of parsed JSON, walked without recursion."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    count = 0
    while stack:
        value, depth = stack.pop()
        count += 1
        if count > MAX_NODES:
            raise _too_many()
        if isinstance(value, dict | list):
            if depth >= MAX_DEPTH and value:
                raise _too_deep()
            items = value.values() if isinstance(value, dict) else value
            stack.extend((v, depth + 1) for v in items)


# ------------------------------------------------------------------ YAML
def _yaml(text: str) -> Any:
    import yaml

    try:
        loader = _loader_class()(text)  # the reader refuses control characters at once
    except yaml.reader.ReaderError as exc:
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        raise InputError("E117", f"YAML 含有不允许的控制字符 U+{ord(char):04X}（第{exc.position + 1}个字符）") from None
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_graph(node)
        return loader.construct_document(node)
    except InputError:
        raise
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"第{mark.line + 1}行第{mark.column + 1}列：" if mark is not None else ""
        raise InputError(
            "E117", f"YAML 格式错误：{where}{shorten(getattr(exc, 'problem', None) or exc, 200)}"
        ) from None
    except RecursionError:
        raise _too_deep() from None
    finally:
        loader.dispose()


_LOADER: type | None = None


def _loader_class() -> type:
    """A SafeLoader that counts and bounds nodes while composing, keeps dates as text and bounds numbers."""
    global _LOADER
    if _LOADER is not None:
        return _LOADER
    import yaml

    class Loader(yaml.SafeLoader):
        yaml_implicit_resolvers = {  # noqa: RUF012 (PyYAML's own class-level table, copied without timestamps)
            first: [(tag, rx) for tag, rx in resolvers if tag != _TIMESTAMP]
            for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
        }

        def __init__(self, stream: str) -> None:
            super().__init__(stream)
            self.depth = 0
            self.nodes = 0

        def compose_node(self, parent: Any, index: Any) -> Any:
            self.nodes += 1
            if self.nodes > MAX_NODES:
                raise _too_many()
            if self.nodes % 2048 == 0:
                check_deadline("结构化报告")
            self.depth += 1
            try:
                if self.depth > MAX_DEPTH:
                    raise _too_deep()
                return super().compose_node(parent, index)
            finally:
                self.depth -= 1

        def construct_yaml_int(self, node: Any) -> Any:
            text = str(self.construct_scalar(node))
            digits = sum(ch.isalnum() for ch in text.removeprefix("0x").removeprefix("0o").removeprefix("0b"))
            if digits > MAX_DIGITS:
                return BadNumber(text, f"数字位数过多（{digits}位，最多{MAX_DIGITS}位）")
            return super().construct_yaml_int(node)

        def construct_yaml_float(self, node: Any) -> Any:
            value = super().construct_yaml_float(node)
            if not math.isfinite(value) or abs(value) >= 10**MAX_DIGITS:
                return BadNumber(str(self.construct_scalar(node)), "不是有限的数或数值超出范围")
            return value

        def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
            return self.construct_scalar(node)  # an explicit !!timestamp stays the text typed

    Loader.add_constructor("tag:yaml.org,2002:int", Loader.construct_yaml_int)
    Loader.add_constructor("tag:yaml.org,2002:float", Loader.construct_yaml_float)
    Loader.add_constructor(_TIMESTAMP, Loader.construct_yaml_timestamp)
    _LOADER = Loader
    return Loader


def _check_graph(root: Any) -> None:
    """The composed YAML graph with aliases expanded: no cycle, within MAX_DEPTH and MAX_NODES.

    Each node is measured once (memoised by identity), so an alias bomb is measured in
    the time of its few hundred bytes, not of its expansion.
    """
    import yaml

    sizes: dict[int, tuple[int, int]] = {}
    on_path: set[int] = set()

    def measure(node: Any, depth: int) -> tuple[int, int]:  # (height, expanded size)
        if depth > MAX_DEPTH:
            raise _too_deep()
        key = id(node)
        if key in on_path:
            raise InputError("E117", "YAML 别名引用了自身（循环引用），无法展开")
        known = sizes.get(key)
        if known is None:
            children: list[Any] = []
            if isinstance(node, yaml.MappingNode):
                children = [n for pair in node.value for n in pair]
            elif isinstance(node, yaml.SequenceNode):
                children = list(node.value)
            on_path.add(key)
            height, size = 1, 1
            for child in children:
                h, s = measure(child, depth + 1)
                height, size = max(height, h + 1), size + s
                if size > MAX_NODES:
                    raise _too_many()
            on_path.discard(key)
            known = sizes[key] = (height, size)
        if depth + known[0] - 1 > MAX_DEPTH:
            raise _too_deep()
        return known

    measure(root, 1)


__all__ = ["MAX_DEPTH", "MAX_NODES", "BadNumber", "looks_structured", "parse_text", "structured_text"]
