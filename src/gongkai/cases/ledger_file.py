"""Open a 台账 file (.xlsx or .csv) as a header row and numbered data rows; garbage is refused with E205.

The format is told from the content, not the name: a ZIP archive is an Excel workbook, an OLE
file is an old .xls (or a password-protected workbook) and is refused, anything else must be CSV
text (UTF-8 with or without BOM, GB18030, or UTF-16 as Excel saves "Unicode text"). Rows are
numbered as Excel shows them (the first row is 1) and blank rows are skipped.
"""

from __future__ import annotations

import codecs
import csv
import io
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gongkai.errors import InputError, RegisterError
from gongkai.limits import MAX_BYTES, MAX_ROW_CELLS
from gongkai.paths import display_path

MAX_LEDGER_BYTES = MAX_BYTES
"""Largest 台账 file read at all (50 MB: a 200,000-row workbook is about 15 MB)."""
MAX_LEDGER_ROWS = 200_000
"""Most data rows of one 台账 (an agency receives at most a few thousand applications a year)."""
HEADER_SEARCH_ROWS = 10
"""The header row is looked for in each sheet's first rows (a title row may come first)."""
MAX_COLUMNS = 200
"""Columns of a row looked at while the header is searched."""

Row = tuple[object, ...]
HeaderTest = Callable[[Sequence[object]], bool]


@dataclass(frozen=True, slots=True)
class Table:
    """The sheet the header was found in: its name (``""`` for CSV), the header, the data rows after it."""

    sheet: str
    header_line: int
    header: Row
    rows: Iterator[tuple[int, Row]]
    """``(line, values)`` of each non-blank row after the header, values padded to the header's width."""


def refuse(message: str, details: tuple[str, ...] = ()) -> RegisterError:
    return RegisterError("E205", message, details)


def _blank(row: Row) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in row)


def _numbered(rows: Iterator[Row], first_line: int, width: int) -> Iterator[tuple[int, Row]]:
    count = 0
    for line, row in enumerate(rows, start=first_line):
        if _blank(row):
            continue
        count += 1
        if count > MAX_LEDGER_ROWS:
            raise refuse(f"台账超过 {MAX_LEDGER_ROWS:,} 行，超出导入上限，未导入任何记录（请按年度拆分文件）")
        yield line, tuple(row[:width]) + (None,) * (width - len(row))


def _read_bytes(path: Path, what: str) -> bytes:
    name = display_path(str(path))
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise refuse(f"无法读取{what} {name}：这是一个文件夹")
        if not path.is_file():  # a device or a pipe: its size says nothing, reading it may never end
            raise refuse(f"无法读取{what} {name}：不是普通文件")
        if size > MAX_LEDGER_BYTES:
            raise refuse(
                f"{what} {name} 过大（{size / 1024 / 1024:.1f} MB，上限 {MAX_LEDGER_BYTES // 1024 // 1024} MB）"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise refuse(f"找不到{what} {name}") from None
    except OSError as exc:
        raise refuse(f"无法读取{what} {name}：{exc.strerror or exc}") from None
    if not data.strip():
        raise refuse(f"{what} {name} 是空的")
    return data


@contextmanager
def open_table(path: Path, is_header: HeaderTest, what: str = "台账文件") -> Iterator[Table]:
    """The first sheet (in order) with a header row, within its first :data:`HEADER_SEARCH_ROWS` rows.

    Raises:
        RegisterError: E205 for a file that cannot be read, is too large, empty, not a workbook or
            CSV text, damaged, has no header row, or has more than :data:`MAX_LEDGER_ROWS` rows
            (raised while ``rows`` is iterated).
    """
    data = _read_bytes(path, what)
    if data[:4] == b"PK\x03\x04":
        with _xlsx_table(data, is_header) as table:
            yield table
    elif data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise refuse("不支持旧版 Excel（.xls）文件或设有密码的工作簿：请另存为不加密的 .xlsx 或 CSV（UTF-8）文件")
    else:
        yield _csv_table(data, is_header)


def _not_found(where: str) -> RegisterError:
    return refuse(f"{where}找不到表头行：前 {HEADER_SEARCH_ROWS} 行中没有一行含“编号”“申请人类型”“收到日期”等列名")


@contextmanager
def _xlsx_table(data: bytes, is_header: HeaderTest) -> Iterator[Table]:
    from openpyxl import load_workbook

    from gongkai.readers.ziplimits import open_checked

    try:
        open_checked(data).close()
    except InputError as exc:
        reason = "文件已损坏或不是 .xlsx 工作簿" if exc.code == "E110" else exc.message
        raise refuse(f"无法打开 Excel 工作簿：{reason}") from None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a damaged or foreign archive
        raise refuse(f"无法打开 Excel 工作簿：文件已损坏或不是 .xlsx 工作簿（{type(exc).__name__}）") from None
    try:
        table = _find_header(book, is_header)
        yield Table(table.sheet, table.header_line, table.header, _guarded(table.rows))
    finally:
        book.close()


def _find_header(book: Any, is_header: HeaderTest) -> Table:
    names: list[str] = []
    try:
        for sheet in book.worksheets:
            if not hasattr(sheet, "iter_rows"):
                continue  # a chart sheet
            names.append(str(sheet.title))
            top = sheet.iter_rows(max_row=HEADER_SEARCH_ROWS, max_col=MAX_COLUMNS, values_only=True)
            for line, row in enumerate(top, start=1):
                if is_header(row):
                    header = _trim(row)
                    body = sheet.iter_rows(min_row=line + 1, max_col=len(header), values_only=True)
                    return Table(str(sheet.title), line, header, _numbered(body, line + 1, len(header)))
    except RegisterError:
        raise
    except Exception as exc:
        raise refuse(f"无法读取 Excel 工作簿：内容已损坏（{type(exc).__name__}）") from None
    sheets = "、".join(f"「{n}」" for n in names) or "（没有工作表）"
    raise _not_found(f"工作簿的工作表{sheets}中")


def _guarded(rows: Iterator[tuple[int, Row]]) -> Iterator[tuple[int, Row]]:
    """The rows, with a damaged sheet part reported as E205 instead of openpyxl's exception."""
    try:
        yield from rows
    except RegisterError:
        raise
    except Exception as exc:
        raise refuse(f"无法读取 Excel 工作簿：工作表内容已损坏（{type(exc).__name__}）") from None


def _trim(row: Row) -> Row:
    end = len(row)
    while end and (row[end - 1] is None or str(row[end - 1]).strip() == ""):
        end -= 1
    return tuple(row[:end])


def _decode(data: bytes) -> str:
    if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise refuse("无法识别 CSV 文件的文本编码（文件以 UTF-16 标记开头，但内容无法解码）") from None
    if b"\x00" in data[:65536]:
        raise refuse("不是 Excel（.xlsx）或 CSV 文件：内容是二进制数据")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise refuse("无法识别 CSV 文件的文本编码（应为 UTF-8 或 GB18030/GBK）")


def _csv_error(exc: csv.Error, line: int) -> RegisterError:
    reason = f"单元格内容超过 {csv.field_size_limit():,} 字" if "field larger" in str(exc) else f"格式有误（{exc}）"
    return refuse(f"CSV 文件第{line}行附近{reason}")


def _width_checked(row: list[str], line: int) -> tuple[str, ...]:
    if len(row) > MAX_ROW_CELLS:
        raise refuse(f"CSV 文件第{line}行有 {len(row):,} 列，超出上限 {MAX_ROW_CELLS:,} 列")
    return tuple(row)


def _csv_table(data: bytes, is_header: HeaderTest) -> Table:
    text = _decode(data)
    if "\x00" in text:
        raise refuse("不是 Excel（.xlsx）或 CSV 文件：内容含有空字符（二进制数据）")
    top = "\n".join(text[:65536].split("\n")[:HEADER_SEARCH_ROWS])
    delimiter = "\t" if top.count("\t") > top.count(",") else ","  # Excel's "Unicode text" is tab-separated
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for line in range(1, HEADER_SEARCH_ROWS + 1):
            row = next(reader, None)
            if row is None:
                break
            if is_header(_width_checked(row, line)):
                header = _trim(tuple(row))
                return Table("", line, header, _csv_rows(reader, line + 1, len(header)))
    except csv.Error as exc:
        raise _csv_error(exc, line) from None
    raise _not_found("CSV 文件")


def _csv_rows(reader: Iterator[list[str]], first_line: int, width: int) -> Iterator[tuple[int, Row]]:
    def rows() -> Iterator[Row]:
        line = first_line - 1
        try:
            for line, row in enumerate(reader, start=first_line):
                yield _width_checked(row, line)
        except csv.Error as exc:
            raise _csv_error(exc, line + 1) from None

    return _numbered(rows(), first_line, width)
