"""The metadata and the sections of a structured report (see :mod:`gongkai.readers.structured`).

A date field is read in any usual spelling, Chinese numerals included; one that is no
date that exists is kept as typed (``metadata.typed_dates``) for rule M106 to report.
Names and texts are bounded: a title of 300 characters is not a title, and a text of a
million characters would take long to render.
"""

from __future__ import annotations

import datetime as dt

from gongkai.model import SECTIONS, Metadata, Section
from gongkai.model.dates import read_date
from gongkai.model.labels import shorten
from gongkai.model.report import METADATA_FIELDS
from gongkai.readers.structured_problems import Problems, check_text

_META_KEYS = set(METADATA_FIELDS)
_DATE_KEYS = {
    "period_start": "period_text",
    "period_end": "period_text",
    "signature_date": "signature_text",
    "publication_date": "publication_text",
}
_KINDS = ("department", "government", "township", "unknown")
_SECTION_KEYS = {s.key: s for s in SECTIONS}
_SECTION_FIELDS = {"number", "title", "text", "printed_number"}
MAX_NAME = 200
"""Longest title, agency or signature agency (characters): a real one is under 60."""
MAX_TEXT = 50_000
"""Longest preamble or section text (characters): a long report's longest section is about 10,000."""
MAX_LINES = 1_000
"""Most lines (paragraphs) in the preamble or one section."""
MAX_TOTAL_TEXT = 100_000
"""Most characters of text in all (preamble, section titles and texts): a long report has about 30,000;
100,000 characters print as some 220 pages, which every format renders within a minute."""


def _date(meta: Metadata, key: str, value: object, problems: Problems) -> None:
    """A date field: a date, or text kept as typed when it is no date that exists (M106 reports it)."""
    where = f"metadata.{key}"
    if value is None or value == "":
        return
    if isinstance(value, dt.date):  # a YAML loader other than ours, or a caller's dict
        setattr(meta, key, value if not isinstance(value, dt.datetime) else value.date())
        return
    if not isinstance(value, str):
        problems.add(where, f"日期应为文字（如 2025-01-20 或 2025年1月20日），而不是“{shorten(value)}”")
        return
    if len(value) > MAX_NAME:
        problems.add(where, f"日期过长（{len(value)}字）：“{shorten(value)}”")
        return
    read = read_date(value)
    if read.date is not None:
        setattr(meta, key, read.date)
        return
    meta.typed_dates[key] = value.strip()
    text_key = _DATE_KEYS[key]
    before = getattr(meta, text_key)
    setattr(meta, text_key, f"{before}至{value.strip()}" if before else value.strip())


def read_metadata(data: object, problems: Problems) -> Metadata:
    meta = Metadata()
    if data is None:
        return meta
    if not isinstance(data, dict):
        problems.add("metadata", "应为键值对象")
        return meta
    for key, value in data.items():
        where = f"metadata.{key}"
        if key not in _META_KEYS:
            problems.add(where, "未知字段")
        elif key in _DATE_KEYS:
            _date(meta, key, value, problems)
        elif key == "year":
            if value is not None and (
                isinstance(value, bool) or not isinstance(value, int) or not 1900 <= value <= 2999
            ):
                problems.add(where, f"年份应为四位整数，而不是“{shorten(value)}”")
            else:
                meta.year = value
        elif key == "agency_kind":
            if value not in (None, *_KINDS):
                problems.add(where, f"应为 {'、'.join(_KINDS)} 之一（或省略，由机关名称判断）")
            elif value is not None:
                meta.agency_kind = value
        elif value is not None and not isinstance(value, str):
            problems.add(where, f"应为文字，而不是“{shorten(value)}”")
        elif value is not None and key != "source" and len(value) > MAX_NAME:
            problems.add(where, f"过长（{len(value)}字，最多{MAX_NAME}字）：“{shorten(value)}”")
        else:
            setattr(meta, key, value)
    return meta


def _section(key: str, value: object, problems: Problems) -> Section | None:
    spec = _SECTION_KEYS[key]
    where = f"sections.{key}"
    title: object = spec.title
    text: object = value
    printed: object = None
    if isinstance(value, dict):
        for field in value:
            if field not in _SECTION_FIELDS:
                problems.add(f"{where}.{field}", f"未知字段（应为 {'、'.join(sorted(_SECTION_FIELDS))}）")
        title = value.get("title", spec.title)
        text = value.get("text", "")
        printed = value.get("printed_number")
    text = "" if text is None else text
    if not isinstance(text, str) or not (title is None or isinstance(title, str)):
        problems.add(where, "正文和标题应为文字")
        return None
    if printed is not None and (not isinstance(printed, str) or len(printed) > 3):
        problems.add(f"{where}.printed_number", f"应为印出的序号（一…六），而不是“{shorten(printed)}”")
        printed = None
    if title is not None and len(title) > MAX_NAME:
        problems.add(f"{where}.title", f"过长（{len(title)}字，最多{MAX_NAME}字）：“{shorten(title)}”")
    check_text(where, text, MAX_TEXT, MAX_LINES, problems)
    return Section(number=spec.number, key=key, title=title, printed_number=printed, text=text.strip("\n"))


def read_sections(data: object, problems: Problems) -> list[Section]:
    if data is None:
        return []
    if not isinstance(data, dict):
        problems.add("sections", "应为以部分键（overview、problems…）为键的对象")
        return []
    out: list[Section] = []
    for key, value in data.items():
        if key not in _SECTION_KEYS:
            problems.add(f"sections.{key}", f"未知的部分（应为 {'、'.join(_SECTION_KEYS)}）")
        elif (section := _section(key, value, problems)) is not None:
            out.append(section)
    return sorted(out, key=lambda s: s.number)
