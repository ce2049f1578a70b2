"""Report metadata: title, agency, year, statistical period, signature and publication date."""

from __future__ import annotations

import datetime as dt
import re

from gongkai.model import Metadata
from gongkai.model.labels import squash, to_halfwidth_digits
from gongkai.readers.raw import RawRow

_YEAR = re.compile(r"(\d{4})\s*年")
_PERIOD = re.compile(
    r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:起)?\s*[，,]?\s*(?:至|到|—|－|-|~|～)\s*"
    r"(?:(\d{4})\s*年)?\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
)
_DATE_ONLY = re.compile(r"^[（(]?(\d{4})年(\d{1,2})月(\d{1,2})日[)）]?$")
_PUBLISHED = re.compile(
    r"(发布时间|发布日期|公开日期|成文日期)\s*[:：]?\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})"
)
_ISO = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})")
_ORG_END = re.compile(
    r"(局|委|办|办公室|厅|政府|中心|处|院|会|所|站|部|署|队|街道|镇|乡|委员会|办事处|公司|集团|馆|社)$"
)


def safe_date(y: str | int, m: str | int, d: str | int) -> dt.date | None:
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


def agency_kind(name: str | None) -> str:
    if not name:
        return "unknown"
    if re.search(r"(乡|镇|街道)(人民政府|办事处)?$", name) or "街道办事处" in name:
        return "township"
    if name.endswith("人民政府") or name.endswith("政府"):
        return "government"
    return "department"


def _agency_from_title(title: str) -> str | None:
    m = _YEAR.search(title)
    if not m:
        return None
    before = title[: m.start()].strip("《 ")
    if before:
        return before
    after = re.match(r"\s*度?(.*?)(政府信息公开|政务公开)", title[m.end() :])
    return after.group(1).strip() or None if after else None


def read_metadata(
    rows: list[RawRow], title: tuple[str, int] | None, first_heading: int, sig_from: int, hints: dict[str, str]
) -> tuple[Metadata, int | None]:
    """Metadata, and the index of the signature's first row (to cut section 六 there)."""
    meta = Metadata()
    if title is not None:
        meta.title, idx = title
        meta.provenance["title"] = rows[idx].prov
    elif "page_title" in hints:
        meta.title = re.split(r"[-_|｜]", hints["page_title"])[0].strip()
    if meta.title:
        t = to_halfwidth_digits(meta.title)
        ym = _YEAR.search(t)
        if ym:
            meta.year = int(ym.group(1))
        meta.agency = _agency_from_title(t)

    # statistical period: the first date range near 统计 before section 二
    limit = min(len(rows), max(first_heading + 40, 40))
    for i in range(limit):
        text = to_halfwidth_digits(rows[i].text)
        if i + 1 < len(rows) and rows[i].kind == rows[i + 1].kind == "text":
            text += to_halfwidth_digits(rows[i + 1].text)  # a period broken over two lines
        m = _PERIOD.search(text)
        if m and ("统计" in text or "数据" in text or "期限" in text):
            y1, m1, d1, y2, m2, d2 = m.groups()
            meta.period_start = safe_date(y1, m1, d1)
            meta.period_end = safe_date(y2 or y1, m2, d2)
            meta.period_text = m.group(0)
            meta.provenance["period"] = rows[i].prov
            break

    # publication date: page metadata, or a 发布时间 line before section 一
    pub = hints.get("publication_date")
    if pub:
        m2 = _ISO.search(pub)
        if m2:
            meta.publication_date = safe_date(*m2.groups())
            meta.publication_text = pub
    if meta.publication_date is None:
        for i in range(min(first_heading, len(rows))):
            m3 = _PUBLISHED.search(rows[i].text)
            if m3:
                meta.publication_date = safe_date(m3.group(2), m3.group(3), m3.group(4))
                meta.publication_text = m3.group(0)
                meta.provenance["publication"] = rows[i].prov
                break
    meta.source = hints.get("source_url")

    sig_start = _signature(rows, sig_from, meta)
    meta.agency_kind = agency_kind(meta.signature_agency or meta.agency)  # type: ignore[assignment]
    return meta, sig_start


def _signature(rows: list[RawRow], start: int, meta: Metadata) -> int | None:
    """Find the signature (agency line + date line) in the last rows of the report."""
    start = max(start, len(rows) - 15, 0)
    for i in range(len(rows) - 1, start - 1, -1):
        row = rows[i]
        if row.kind != "text":
            continue
        text = squash(to_halfwidth_digits(row.text))
        m = _DATE_ONLY.match(text)
        if not m:
            continue
        meta.signature_text = row.text.strip()
        meta.signature_date = safe_date(*m.groups())
        meta.provenance["signature_date"] = row.prov
        j = i - 1
        while j >= start and rows[j].kind == "text" and not squash(rows[j].text):
            j -= 1
        if j >= start and rows[j].kind == "text" and _looks_like_org(rows[j].text):
            meta.signature_agency = squash(rows[j].text)
            meta.provenance["signature_agency"] = rows[j].prov
            return j
        return i
    # an agency name alone on the last line
    for i in range(len(rows) - 1, max(start, len(rows) - 3) - 1, -1):
        if rows[i].kind == "text" and _looks_like_org(rows[i].text):
            meta.signature_agency = squash(rows[i].text)
            meta.provenance["signature_agency"] = rows[i].prov
            return i
    return None


def _looks_like_org(text: str) -> bool:
    s = squash(text)
    return 2 < len(s) <= 30 and not re.search(r"[。；;：:，,、！？\d]", s) and bool(_ORG_END.search(s))
