"""China's administrative divisions (GB/T 2260 codes): which region a name printed in an agency's name is.

The data shipped (``divisions.csv`` beside this module, county level and above, as of 2025-12-31;
source and licence in its header) is complete at those levels, so a county name found once in it
is unique nationwide. Users can add rows (a township, a division created later) from a CSV file of
the same columns, ``code,name,parent``: a township-level row (a 9- or 12-digit code) is never taken
as unique nationwide, since no file lists every township.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from gongkai.errors import UsageError

MUNICIPALITIES = ("11", "12", "31", "50")
"""北京、天津、上海、重庆: their districts print the municipality's name before theirs."""
_CODE_LENGTHS = (6, 9, 12)


@dataclass(frozen=True, slots=True)
class Division:
    code: str
    """The GB/T 2260 code (6 digits; 9 or 12 for a township added by a user)."""
    name: str
    parent: str | None

    @property
    def complete(self) -> bool:
        """Whether the data lists every division of this level (county level and above)."""
        return len(self.code) == 6

    @property
    def province(self) -> bool:
        return self.parent is None


class Divisions:
    """A set of divisions, looked up by code and by name."""

    def __init__(self, rows: Iterable[Division]) -> None:
        self.by_code: dict[str, Division] = {}
        for row in rows:
            self.by_code[row.code] = row
        self.by_name: dict[str, tuple[Division, ...]] = {}
        for row in self.by_code.values():
            self.by_name[row.name] = (*self.by_name.get(row.name, ()), row)
        self.longest = max((len(n) for n in self.by_name), default=0)

    def named(self, name: str) -> tuple[Division, ...]:
        return self.by_name.get(name, ())

    def lineage(self, code: str) -> list[Division]:
        """The division of ``code`` and its ancestors, the province last."""
        out: list[Division] = []
        current = self.by_code.get(code)
        while current is not None and len(out) < 8:
            out.append(current)
            current = self.by_code.get(current.parent) if current.parent else None
        return out

    def within(self, code: str, ancestor: str) -> bool:
        """Whether ``code`` is ``ancestor`` or lies inside it."""
        return any(d.code == ancestor for d in self.lineage(code))

    def prefix(self, code: str) -> str:
        """The region as an agency's full name prints it: ``淮安市洪泽区``, ``上海市浦东新区``, ``仙桃市``
        (a province is left out below it, a municipality is not)."""
        chain = self.lineage(code)[::-1]
        if len(chain) > 1 and chain[0].code[:2] not in MUNICIPALITIES:
            chain = chain[1:]
        return "".join(d.name for d in chain)

    def prefixes_at(self, text: str, start: int) -> Iterator[str]:
        """Division names that ``text`` has at ``start``, longest first."""
        for size in range(min(self.longest, len(text) - start), 1, -1):
            piece = text[start : start + size]
            if piece in self.by_name:
                yield piece

    def merged(self, rows: Iterable[Division]) -> Divisions:
        return Divisions([*self.by_code.values(), *rows])


def parse_rows(text: str, origin: str) -> list[Division]:
    """Rows of a divisions CSV (``code,name,parent``; lines starting with ``#`` are comments).

    Raises:
        UsageError: a row without a valid code or name, named with its line.
    """
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    reader = csv.reader(io.StringIO("\n".join(lines)))
    out: list[Division] = []
    for number, row in enumerate(reader, start=1):
        cells = [c.strip() for c in row]
        if number == 1 and cells[:1] == ["code"]:
            continue
        if len(cells) < 2 or len(cells) > 3:
            raise UsageError(f"行政区划文件 {origin} 第{number}条记录应为“代码,名称,上级代码”三列")
        code, name = cells[0], cells[1]
        parent = cells[2] if len(cells) == 3 and cells[2] else None
        for value in (code, parent):
            if value is not None and not (value.isascii() and value.isdigit() and len(value) in _CODE_LENGTHS):
                raise UsageError(f"行政区划文件 {origin} 第{number}条记录的代码“{value}”应为6、9或12位数字")
        if not name:
            raise UsageError(f"行政区划文件 {origin} 第{number}条记录缺少名称")
        out.append(Division(code, name, parent))
    return out


@cache
def shipped() -> Divisions:
    """The divisions shipped with gongkai (county level and above)."""
    text = resources.files("gongkai.extract").joinpath("divisions.csv").read_text(encoding="utf-8")
    return Divisions(parse_rows(text, "divisions.csv"))


def with_file(path: str | Path) -> Divisions:
    """The shipped divisions and a user's rows from ``path`` (which win on the same code).

    Raises:
        UsageError: the file cannot be read or has a bad row.
    """
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"无法读取行政区划文件 {path}：{exc}") from None
    return shipped().merged(parse_rows(text, str(path)))


__all__ = ["MUNICIPALITIES", "Division", "Divisions", "parse_rows", "shipped", "with_file"]
