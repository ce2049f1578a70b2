"""The 台账's columns and how a cell's value is read: dates as staff type them, counts, amounts and labels.

Each ``parse_*`` function takes a cell's value as the file gives it (text from a CSV; text,
number, date or datetime from an Excel cell) and returns the value, or raises :class:`CellProblem`
with the reason in Chinese. An empty cell never reaches them.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Final, get_args

from gongkai.cases.dates import in_range, out_of_range
from gongkai.cases.records import (
    APPLICANT_LABELS,
    APPLICANT_TYPES,
    CHANNEL_LABELS,
    MAX_NAME_CHARS,
    MAX_NUMBER_CHARS,
    MAX_STORED_INT,
    ApplicantType,
    Channel,
    ConsultParty,
    FeeBasis,
)
from gongkai.model.dates import read_date
from gongkai.model.labels import label_key, shorten
from gongkai.model.template import TABLE3_COLUMNS

NUMBER: Final = "编号"
APPLICANT_TYPE: Final = "申请人类型"
APPLICANT: Final = "申请人"
CHANNEL: Final = "渠道"
RECEIVED: Final = "收到日期"
CONTENT: Final = "申请内容"
CORRECTION_REQUESTED: Final = "补正告知日期"
CORRECTION_RECEIVED: Final = "补正收到日期"
CONSULTATION_SENT: Final = "征求意见日期"
CONSULTATION_PARTY: Final = "征求意见对象"
CONSULTATION_ANSWERED: Final = "意见收到日期"
EXTENDED_ON: Final = "延期日期"
EXTENSION_DAYS: Final = "延期天数"
FEE_NOTICE_ON: Final = "收费通知日期"
FEE_BASIS: Final = "收费标准"
FEE_AMOUNT: Final = "收费金额"
FEE_PAID_ON: Final = "缴费日期"
DECIDED_ON: Final = "答复日期"
OUTCOME: Final = "处理结果"

HEADERS: Final = (
    NUMBER,
    APPLICANT_TYPE,
    APPLICANT,
    CHANNEL,
    RECEIVED,
    CONTENT,
    CORRECTION_REQUESTED,
    CORRECTION_RECEIVED,
    CONSULTATION_SENT,
    CONSULTATION_PARTY,
    CONSULTATION_ANSWERED,
    EXTENDED_ON,
    EXTENSION_DAYS,
    FEE_NOTICE_ON,
    FEE_BASIS,
    FEE_AMOUNT,
    FEE_PAID_ON,
    DECIDED_ON,
    OUTCOME,
)
"""Every column the import reads, in the export's order."""
REQUIRED: Final = (NUMBER, APPLICANT_TYPE, RECEIVED)
DATE_COLUMNS: Final = frozenset(
    {
        RECEIVED,
        CORRECTION_REQUESTED,
        CORRECTION_RECEIVED,
        CONSULTATION_SENT,
        CONSULTATION_ANSWERED,
        EXTENDED_ON,
        FEE_NOTICE_ON,
        FEE_PAID_ON,
        DECIDED_ON,
    }
)

MAX_EXTENSION_DAYS: Final = 20
"""条例第三十三条: an extension adds at most 20 working days."""

PARTY_LABELS: Final[dict[str, str]] = {"third_party": "第三方", "agency": "其他机关"}
FEE_BASIS_LABELS: Final[dict[str, str]] = {"count": "按件", "pages": "按量"}


class CellProblem(ValueError):
    """A cell's value cannot be read; ``args[0]`` says why (Chinese)."""


def _lookup(pairs: dict[str, str]) -> dict[str, str]:
    return {label_key(text): key for text, key in pairs.items()}


_APPLICANT_TYPES = _lookup(
    {label: key for key, label in APPLICANT_LABELS.items()} | {v: c.key for c in TABLE3_COLUMNS[:6] for v in c.variants}
)
_CHANNELS = _lookup(
    {label: key for key, label in CHANNEL_LABELS.items()}
    | {"当面": "in_person", "现场": "in_person", "邮寄": "post_signed", "信函": "post_ordinary"}
    | {"网上": "online", "网络": "online", "互联网": "online", "在线": "online", "电子邮件": "online"}
)
_PARTIES = _lookup(
    {label: key for key, label in PARTY_LABELS.items()} | {"行政机关": "agency", "有关机关": "agency", "机关": "agency"}
)
_FEE_BASES = _lookup(
    {label: key for key, label in FEE_BASIS_LABELS.items()}
    | {"按件计收": "count", "按量计收": "pages", "按页": "pages"}
)
_CHANNEL_KEYS: tuple[Channel, ...] = get_args(Channel)
_TIME = re.compile(r"^(?P<date>.+?)[ T]+(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?$")
_HEADER_TAIL = re.compile(r"(?:[（(][^（）()]*[)）]|[*＊])+$")
_INTEGER = re.compile(r"^[+]?\d+$")


def header_name(value: object) -> str:
    """A header cell as a column name: no spaces, NFKC, without a trailing ``（必填）`` / ``（元）`` / ``*``."""
    text = "".join(unicodedata.normalize("NFKC", str(value)).split()) if value is not None else ""
    return _HEADER_TAIL.sub("", text) or text


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def quoted(value: object) -> str:
    """A cell's value as a message quotes it (dates as typed, numbers without ``.0``, at most 50 characters)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        value = value.date()
    return f"“{shorten(' '.join(str(value).split()))}”"  # a line break typed in the cell would split the message


def parse_text(value: object) -> str:
    """Free text (编号, 申请人, 申请内容), stripped; a whole-number Excel cell without its ``.0``."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, bool):
        raise CellProblem(f"应为文字，不是逻辑值{quoted(value)}")
    if isinstance(value, dt.date):
        return value.isoformat() if not isinstance(value, dt.datetime) else value.isoformat(sep=" ")
    return str(value).strip()


def _no_longer(value: object, text: str, limit: int) -> str:
    if len(text) > limit:
        raise CellProblem(f"{quoted(value)}过长（最多{limit}个字）")
    return text


def parse_number(value: object) -> str:
    """编号: text of at most :data:`~gongkai.cases.records.MAX_NUMBER_CHARS` characters."""
    return _no_longer(value, parse_text(value), MAX_NUMBER_CHARS)


def parse_name(value: object) -> str:
    """申请人: text of at most :data:`~gongkai.cases.records.MAX_NAME_CHARS` characters."""
    return _no_longer(value, parse_text(value), MAX_NAME_CHARS)


def parse_date(value: object) -> dt.date:
    """An Excel date cell, or a date typed as text: ``2025-03-04``, ``2025/3/4``, ``2025.3.4``, ``2025年3月4日``,
    optionally followed by a time of day (``2025-03-04 00:00:00``, ``2025/3/4 0:00``), which is dropped."""
    if isinstance(value, dt.date):
        day = value.date() if isinstance(value, dt.datetime) else value
    else:
        day = _typed_date(value)
    if not in_range(day):
        raise CellProblem(out_of_range(f"日期{quoted(value)}"))
    return day


def _typed_date(value: object) -> dt.date:
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise CellProblem(f"无法识别的日期{quoted(value)}（单元格是数字，不是日期：请把单元格设为日期格式）")
    if not isinstance(value, str):
        raise CellProblem(f"无法识别的日期{quoted(value)}")
    text = unicodedata.normalize("NFKC", value).strip()
    m = _TIME.match(text)
    found = read_date(m.group("date") if m else text)
    if found.date is None:
        shape = found.problem is None or found.problem.startswith("无法识别")
        reason = "应写作 2025-03-04、2025/3/4 或 2025年3月4日" if shape else found.problem
        raise CellProblem(f"无法识别的日期{quoted(value)}（{reason}）")
    return found.date


def _whole_number(value: object, unit: str) -> int:
    if isinstance(value, bool):
        raise CellProblem("不是数字")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if not value.is_integer():
            raise CellProblem("不是整数")
        return int(value)
    text = unicodedata.normalize("NFKC", str(value)).strip().replace(",", "").removesuffix(unit).strip()
    if text.endswith(".0") or text.endswith(".00"):
        text = text.rstrip("0").removesuffix(".")
    if _INTEGER.match(text):
        return int(text)
    if text.startswith("-") and _INTEGER.match(text[1:]):
        return -int(text[1:])
    raise CellProblem("不是整数")


def parse_extension_days(value: object) -> int:
    """延期天数: a whole number of working days, 1–20 (``10``, ``10天``, ``10个工作日``)."""
    unit = "个工作日" if str(value).strip().endswith("个工作日") else "天"
    try:
        days = _whole_number(value, unit)
    except CellProblem as exc:
        raise CellProblem(f"{quoted(value)}{exc.args[0]}（应为 1–{MAX_EXTENSION_DAYS} 的整数）") from None
    if not 1 <= days <= MAX_EXTENSION_DAYS:
        raise CellProblem(f"{quoted(value)}超出范围（应为 1–{MAX_EXTENSION_DAYS} 个工作日）")
    return days


def parse_amount(value: object) -> int:
    """收费金额: whole yuan, not negative (``100``, ``100元``, ``1,700``)."""
    try:
        amount = _whole_number(value, "元")
    except CellProblem as exc:
        raise CellProblem(f"{quoted(value)}{exc.args[0]}（应为以元计的非负整数）") from None
    if amount < 0:
        raise CellProblem(f"{quoted(value)}是负数（应为以元计的非负整数）")
    if amount > MAX_STORED_INT:
        raise CellProblem(f"{quoted(value)}超出范围（最多{MAX_STORED_INT}元）")
    return amount


def _choice(value: object, table: dict[str, str], what: str, allowed: str) -> str:
    key = table.get(label_key(str(value)))
    if key is None:
        raise CellProblem(f"无法识别的{what}{quoted(value)}（应为{allowed}）")
    return key


def parse_applicant_type(value: object) -> ApplicantType:
    key = _choice(value, _APPLICANT_TYPES, "申请人类型", "、".join(APPLICANT_LABELS.values()))
    return next(t for t in APPLICANT_TYPES if t == key)


def parse_channel(value: object) -> Channel:
    key = _choice(value, _CHANNELS, "渠道", "、".join(CHANNEL_LABELS.values()))
    return next(c for c in _CHANNEL_KEYS if c == key)


def parse_party(value: object) -> ConsultParty:
    return "agency" if _choice(value, _PARTIES, "征求意见对象", "第三方或其他机关") == "agency" else "third_party"


def parse_fee_basis(value: object) -> FeeBasis:
    return "pages" if _choice(value, _FEE_BASES, "收费标准", "按件或按量") == "pages" else "count"
