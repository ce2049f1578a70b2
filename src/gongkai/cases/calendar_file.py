"""Next year's State Council holiday notice, typed in a small file: ``parse_calendar_file(path)``.

Two formats, chosen by the file's suffix.

YAML (``.yaml``/``.yml``; example: ``docs/calendar/2027.example.yaml``)::

    year: 2027                          # required
    source: 国办发明电〔2026〕N号        # optional (defaults to the file's name)
    holidays:                           # the days off, as the notice lists them
      - {name: 元旦, from: 2027-01-01, to: 2027-01-03}
      - {name: 春节, days: [2027-02-05, 2027-02-08]}
    workdays:                           # weekend days worked (调休)
      - {date: 2027-02-20, name: 春节}

CSV (``.csv``, UTF-8, optional BOM; example: ``docs/calendar/2027.example.csv``): the header
``日期,类型,名称``, then one row per day (or range ``2027-10-01至2027-10-07``, also ``~``) with 类型
``休`` (or ``holiday``) for a day off and ``班`` (or ``workday``) for a weekend day worked. The year is
that of the first date (every date must be in it). Lines starting with ``#`` are comments.

Dates are ``YYYY-MM-DD`` (``2027/1/1`` and ``2027年1月1日`` are read too). A weekend day inside a
holiday range is a weekend anyway and is not stored; a make-up working day must be a Saturday or a
Sunday. Every problem (bad date, date outside the year, a 班 day that is not a weekend, a day both
休 and 班, a day listed twice, a missing year …) is collected and the file is refused as a whole:
``RegisterError("E207", …, details=…)`` with one line per problem naming its line (YAML) or row (CSV).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gongkai.cases.calendar import MAX_DAY_NAME_CHARS, YearCalendar
from gongkai.cases.dates import parse_date, weekday
from gongkai.errors import RegisterError

MAX_BYTES = 1_000_000
"""A year's notice is a few hundred bytes; a larger file is not one."""
MAX_BREAK_DAYS = 31
"""A holiday range longer than this is a typing error (the longest break is 8–9 days)."""

_OFF = {"休": "off", "holiday": "off", "班": "work", "workday": "work"}


@dataclass
class _Collected:
    """What a file lists, with where each day was listed (for the problems)."""

    problems: list[str] = field(default_factory=list)
    off: dict[dt.date, tuple[str, str]] = field(default_factory=dict)  # day → (name, where)
    work: dict[dt.date, tuple[str, str]] = field(default_factory=dict)

    def problem(self, at: str, text: str) -> None:
        self.problems.append(f"{at}：{text}")

    def day(self, at: str, text: str, year: int | None) -> dt.date | None:
        try:
            day = parse_date(text)
        except ValueError as exc:
            self.problem(at, str(exc))
            return None
        if year is not None and day.year != year:
            self.problem(at, f"{day.isoformat()} 不在 {year} 年内")
            return None
        return day

    def name_ok(self, at: str, name: str) -> bool:
        """Whether ``name`` fits the store (a problem when it does not)."""
        if len(name) > MAX_DAY_NAME_CHARS:
            self.problem(at, f"名称过长（{len(name)}个字，最多{MAX_DAY_NAME_CHARS}个字）")
            return False
        return True

    def add_off(self, at: str, day: dt.date, name: str) -> None:
        if day in self.off:
            self.problem(at, f"{day.isoformat()} 已在{self.off[day][1]}列为放假日，重复列出")
            return
        self.off[day] = (name, at)

    def add_work(self, at: str, day: dt.date, name: str) -> None:
        if not self.name_ok(at, name):
            return
        if day.weekday() < 5:
            self.problem(at, f"{day.isoformat()}（{weekday(day)}）不是周末，不能列为调休上班日")
            return
        if day in self.work:
            self.problem(at, f"{day.isoformat()} 已在{self.work[day][1]}列为调休上班日，重复列出")
            return
        self.work[day] = (name, at)

    def add_range(self, at: str, first: dt.date, last: dt.date, name: str) -> None:
        if not self.name_ok(at, name):
            return
        if last < first:
            self.problem(at, f"放假起止日期颠倒：{first.isoformat()} 晚于 {last.isoformat()}")
            return
        if (last - first).days + 1 > MAX_BREAK_DAYS:
            self.problem(at, f"放假区间 {first.isoformat()} 至 {last.isoformat()} 超过 {MAX_BREAK_DAYS} 天，请检查日期")
            return
        day = first
        while day <= last:
            self.add_off(at, day, name)
            day += dt.timedelta(days=1)

    def result(self, path: Path, year: int | None, source: str, *, explicit_year: bool = True) -> YearCalendar:
        for day, (_, at) in sorted(self.work.items()):
            if day in self.off:
                self.problem(at, f"{day.isoformat()} 既列为放假日（{self.off[day][1]}）又列为调休上班日")
        if year is not None and not self.off and not self.problems:
            self.problem("文件", "没有列出任何放假日期")
        if year is None and (explicit_year or not self.problems):
            self.problems.insert(0, "文件：缺少年份（year）" if explicit_year else "文件：没有任何有效的日期行")
        if self.problems:
            self.problems.sort(key=_line_of)
            raise RegisterError(
                "E207", f"工作日历文件有错误，未导入：{path.name}（共 {len(self.problems)} 处）", tuple(self.problems)
            )
        assert year is not None
        return YearCalendar(
            year=year,
            holidays={d: n for d, (n, _) in sorted(self.off.items()) if d.weekday() < 5},
            workdays={d: n for d, (n, _) in sorted(self.work.items())},
            source=source or path.name,
        )


def _line_of(problem: str) -> int:
    """Problems are listed by line; the file-wide ones first."""
    m = re.match(r"第(\d+)行", problem)
    return int(m[1]) if m else 0


def parse_calendar_file(path: str | Path) -> YearCalendar:
    """One year's holidays and make-up working days from a YAML or CSV file (see the module doc)."""
    p = Path(path)
    try:
        if p.exists() and not p.is_file():  # a folder, a device or a pipe (reading may never end)
            raise RegisterError("E207", f"无法读取工作日历文件：{p.name}（不是普通文件）")
        raw = p.read_bytes()
    except FileNotFoundError:
        raise RegisterError("E207", f"找不到工作日历文件：{p.name}") from None
    except PermissionError:
        raise RegisterError("E207", f"无法读取工作日历文件：{p.name}（没有读取权限）") from None
    except OSError as exc:
        raise RegisterError("E207", f"无法读取工作日历文件：{p.name}（{exc.strerror or exc}）") from None
    if len(raw) > MAX_BYTES:
        raise RegisterError("E207", f"工作日历文件过大（超过 {MAX_BYTES // 1000} KB），不是节假日安排：{p.name}")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RegisterError("E207", f"工作日历文件不是 UTF-8 编码：{p.name}") from None
    suffix = p.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return _parse_yaml(p, text)
    if suffix == ".csv":
        return _parse_csv(p, text)
    raise RegisterError("E207", f"工作日历文件应为 .yaml 或 .csv，而不是“{p.suffix or '（无后缀）'}”：{p.name}")


# ---------------------------------------------------------------------------------------------- CSV
def _parse_csv(path: Path, text: str) -> YearCalendar:
    got = _Collected()
    lines = [
        (n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip() and not line.lstrip().startswith("#")
    ]
    if not lines:
        raise RegisterError("E207", f"工作日历文件是空的：{path.name}")
    header_no, header = lines[0]
    columns = [c.strip() for c in next(csv.reader([header]))]
    if columns[:3] != ["日期", "类型", "名称"]:
        raise RegisterError(
            "E207",
            f"工作日历文件有错误，未导入：{path.name}",
            (f"第{header_no}行：表头应为“日期,类型,名称”，而不是“{header.strip()}”",),
        )
    year: int | None = None
    for n, line in lines[1:]:
        at = f"第{n}行"
        cells = [c.strip() for c in next(csv.reader([line]))] + ["", "", ""]
        when, kind, name = cells[0], _OFF.get(cells[1].lower()), cells[2]
        if kind is None:
            got.problem(at, f"类型应为“休”或“班”，而不是“{cells[1]}”")
        parts = when.replace("~", "至").split("至")
        if len(parts) > 2:
            got.problem(at, f"日期区间应写作“起始日至结束日”，而不是“{when}”")
            continue
        days = [got.day(at, part, year) for part in parts]
        if year is None and days[0] is not None:
            year = days[0].year  # the first date names the year; later ones must be in it
            if days[-1] is not None and days[-1].year != year:
                got.problem(at, f"{days[-1].isoformat()} 不在 {year} 年内")
                continue
        first, last = days[0], days[-1]
        if kind is None or first is None or last is None:
            continue
        if kind == "off":
            if not name:
                got.problem(at, "放假日缺少名称（如 春节）")
            else:
                got.add_range(at, first, last, name)
        elif first != last:
            got.problem(at, "调休上班日应逐日列出，不能写成区间")
        else:
            got.add_work(at, first, name or "调休")
    return got.result(path, year, "", explicit_year=False)


# --------------------------------------------------------------------------------------------- YAML
def _parse_yaml(path: Path, text: str) -> YearCalendar:
    import yaml

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"第{mark.line + 1}行第{mark.column + 1}列" if mark is not None else "文件"
        detail = f"{where}：YAML 语法错误（检查缩进、冒号、括号和引号是否成对）"
        raise RegisterError("E207", f"工作日历文件不是有效的 YAML：{path.name}", (detail,)) from None
    got = _Collected()
    if not isinstance(root, yaml.MappingNode):
        raise RegisterError(
            "E207",
            f"工作日历文件有错误，未导入：{path.name}",
            ("文件：应为一个映射（year、source、holidays、workdays）",),
        )
    fields = {_scalar(k): (k, v) for k, v in root.value}
    for key, (node, _) in fields.items():
        if key not in ("year", "source", "holidays", "workdays"):
            got.problem(_at(node), f"未知字段“{key}”（可用：year、source、holidays、workdays）")
    year: int | None = None
    if "year" in fields:
        node = fields["year"][1]
        value = _scalar(node)
        if value.isdigit() and 1900 <= int(value) <= 2200:
            year = int(value)
        else:
            got.problem(_at(node), f"year 应为四位年份，而不是“{value}”")
    source = _scalar(fields["source"][1]) if "source" in fields else ""
    for entry in _items(got, fields.get("holidays"), "holidays"):
        _yaml_holiday(got, entry, year)
    for entry in _items(got, fields.get("workdays"), "workdays"):
        at, keys = _at(entry), _keys(got, entry, ("date", "name"))
        if "date" not in keys:
            got.problem(at, "调休上班日缺少 date")
            continue
        day = got.day(_at(keys["date"]), _scalar(keys["date"]), year)
        if day is not None:
            got.add_work(_at(keys["date"]), day, _scalar(keys["name"]) if "name" in keys else "调休")
    return got.result(path, year, source)


def _yaml_holiday(got: _Collected, entry: Any, year: int | None) -> None:
    at, keys = _at(entry), _keys(got, entry, ("name", "from", "to", "days"))
    name = _scalar(keys["name"]) if "name" in keys else ""
    if not name:
        got.problem(at, "放假安排缺少 name（如 春节）")
        return
    if "days" in keys and ("from" in keys or "to" in keys):
        got.problem(at, f"“{name}”同时写了 days 和 from/to，只能用其中一种")
        return
    if "days" in keys:
        import yaml

        node = keys["days"]
        items = node.value if isinstance(node, yaml.SequenceNode) else [node]
        if not got.name_ok(at, name):
            return
        for item in items:
            day = got.day(_at(item), _scalar(item), year)
            if day is not None:
                got.add_off(_at(item), day, name)
        return
    if "from" not in keys or "to" not in keys:
        got.problem(at, f"“{name}”应写 from 和 to（或 days 列表）")
        return
    first = got.day(_at(keys["from"]), _scalar(keys["from"]), year)
    last = got.day(_at(keys["to"]), _scalar(keys["to"]), year)
    if first is not None and last is not None:
        got.add_range(at, first, last, name)


def _at(node: Any) -> str:
    return f"第{node.start_mark.line + 1}行"


def _scalar(node: Any) -> str:
    import yaml

    return str(node.value).strip() if isinstance(node, yaml.ScalarNode) else ""


def _items(got: _Collected, pair: tuple[Any, Any] | None, key: str) -> list[Any]:
    import yaml

    if pair is None:
        return []
    node = pair[1]
    if isinstance(node, yaml.ScalarNode) and node.value in ("", "~", "null"):
        return []
    if not isinstance(node, yaml.SequenceNode):
        got.problem(_at(node), f"{key} 应为列表（每项以“- ”开头）")
        return []
    return list(node.value)


def _keys(got: _Collected, node: Any, allowed: tuple[str, ...]) -> dict[str, Any]:
    import yaml

    if not isinstance(node, yaml.MappingNode):
        got.problem(_at(node), f"应为含 {'、'.join(allowed)} 的映射")
        return {}
    out: dict[str, Any] = {}
    for k, v in node.value:
        key = _scalar(k)
        if key not in allowed:
            got.problem(_at(k), f"未知字段“{key}”（可用：{'、'.join(allowed)}）")
        else:
            out[key] = v
    return out


__all__ = ["MAX_BREAK_DAYS", "MAX_BYTES", "parse_calendar_file"]
