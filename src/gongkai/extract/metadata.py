"""Report metadata: title, agency, year, statistical period, signature and publication date."""

from __future__ import annotations

import datetime as dt
import re

from gongkai.model import Metadata, Provenance
from gongkai.model.labels import safe_date, squash, to_halfwidth_digits
from gongkai.readers.pagefields import (
    field_date,
    is_date_line,
    is_field_line,
    is_label,
    leading_date,
    normalize,
    publication_field,
)
from gongkai.readers.raw import RawRow

_YEAR = re.compile(r"(\d{4})\s*年")
_PERIOD = re.compile(
    r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:起)?\s*[，,]?\s*(?:至|到|—|－|-|~|～)\s*"
    r"(?:(\d{4})\s*年)?\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
)
_Found = tuple[dt.date | None, str, Provenance | None]
"""A publication date (None when it cannot exist), the field as printed, where it was printed."""
_FIRST_HEADING = re.compile(r"一\s*[、.．,，]\s*总\s*体")
_DATE_ONLY = re.compile(r"^[（(]?(\d{4})年(\d{1,2})月(\d{1,2})日[)）]?$")
_TOWNSHIP = re.compile(r"(?:乡|镇|街道|苏木)(?:人民政府|政府|办事处|办)?$")
_TOWNSHIP_OFFICE = re.compile(r"(?:乡|镇|街道)(?:人民政府|政府|办事处)(?:党政)?(?:办公室|办)$")
"""A township's own office publishes the township's report (there are no township departments' deadlines)."""
_ZONE_BODY = re.compile(
    r"(?:开发区|新区|实验区|试验区|示范区|高新区|经开区|园区|产业园|工业园|保税区|自贸区|合作区|片区|度假区|风景区|景区|管理区)"
    r"(?:管理委员会|管委会)?$"
)
_NOT_AGENCY = re.compile(r"(?:社区|小区|村|居民委员会|村民委员会|居委会|村委会)$")
_DEPARTMENT = re.compile(
    r"(?:局|委员会|委|办公室|办公厅|办|厅|中心|处|科|室|院|所|站|部|署|司|队|会|馆|社|公司|集团|支队|大队)$"
)
_AREA = re.compile(r"(?:省|市|县|区|州|盟|旗)$")
_ORG_END = re.compile(
    r"(局|委|办|办公室|厅|政府|中心|处|院|会|所|站|部|署|队|街道|镇|乡|委员会|办事处|公司|集团|馆|社)$"
)


def agency_kind(name: str | None) -> str:
    """department / government / township / unknown, from the suffix that names the body itself.

    ``某县人民政府`` and ``上海市浦东新区人民政府`` are governments, ``某镇人民政府`` and
    ``某区某街道办事处`` townships; a zone's own administrative committee
    (``某市经济技术开发区管理委员会``, ``某某新区管委会``) governs its area like a government
    and is classed with governments; ``某市人民政府办公室``, ``某新区管委会办公室`` and
    ``某市开发区建设局`` are departments (of a government or of a committee), but a township's
    office (``某镇人民政府党政办公室``) publishes the township's report.  An area alone (``某市``,
    ``某县``: the title of a government's report) is a government; a name without a known
    suffix is unknown (no deadline is checked).
    """
    s = re.sub(r"[\s\u3000]+", "", name or "").rstrip("。.，,")
    if not s:
        return "unknown"
    if _TOWNSHIP.search(s) or _TOWNSHIP_OFFICE.search(s):
        return "township"
    if s.endswith("政府") or _ZONE_BODY.search(s):
        return "government"
    if _NOT_AGENCY.search(s):
        return "unknown"
    if _DEPARTMENT.search(s):
        return "department"
    if _AREA.search(s):
        return "government"
    return "unknown"


def report_agency_kind(agency: str | None, signature_agency: str | None) -> str:
    """The kind of the body whose report it is: the title's agency, else the signature's.

    A government's report is often signed by its office (``某市2024年…年度报告`` signed
    ``某市人民政府办公室``): the title says whose report it is and so which deadline applies.
    """
    kind = agency_kind(agency)
    return kind if kind != "unknown" else agency_kind(signature_agency)


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

    _publication(rows, first_heading, hints, meta)
    meta.source = hints.get("source_url")

    sig_start = _signature(rows, sig_from, meta)
    meta.agency_kind = report_agency_kind(meta.agency, meta.signature_agency)  # type: ignore[assignment]
    return meta, sig_start


def page_field_rows(rows: list[RawRow], stop: int) -> set[int]:
    """Rows before section 一 (index ``stop``) that are page fields, not report text.

    A line of fields (``发布时间：2024-01-17 13:55:55``, ``来源：… 浏览次数：…``), and a date
    alone on the line under such a line (``发布时间：`` / ``2024-01-17``).
    """
    out: set[int] = set()
    for i in range(min(stop, len(rows))):
        row = rows[i]
        if row.kind != "text":
            continue
        if is_field_line(row.text) or (i - 1 in out and is_date_line(row.text)):
            out.add(i)
    return out


def _publication(rows: list[RawRow], first_heading: int, hints: dict[str, str], meta: Metadata) -> None:
    """Publication date: a page's meta tag, else a field printed before section 一, else the page's own table."""
    found = _hinted(rows, hints, "meta") or _printed(rows, first_heading) or _hinted(rows, hints, "page")
    if found is None:
        return
    date, text, prov = found
    meta.publication_date, meta.publication_text = date, text
    if prov is not None:
        meta.provenance["publication"] = prov


def _hinted(rows: list[RawRow], hints: dict[str, str], origin: str) -> _Found | None:
    """The publication date the reader found in the page (see readers/html.py), from ``origin`` only."""
    value = hints.get("publication_date")
    if value is None or hints.get("publication_from", "page") != origin:
        return None
    m = leading_date(value)
    if m is None:
        return None
    line = hints.get("publication_line", "")
    prov = Provenance(file=rows[0].prov.file, line=int(line)) if rows and line.isdigit() else None
    return field_date(m), hints.get("publication_text", value), prov


def _printed(rows: list[RawRow], first_heading: int) -> _Found | None:
    """The first publication-date field printed before section 一, in a line or a table row."""
    for i in range(min(first_heading + 1, len(rows))):
        row = rows[i]
        if row.kind == "text":
            text = normalize(row.text)
            if i == first_heading:  # text run together with the heading (a crawled one-line copy)
                cut = _FIRST_HEADING.search(text)
                text = text[: cut.start()] if cut else ""
            elif is_label(text) and i + 1 < first_heading and rows[i + 1].kind == "text":
                text += " " + normalize(rows[i + 1].text)  # 发布时间： / 2024-01-17
            m = publication_field(text)
            if m is not None:
                return field_date(m), m.group(0).strip(), rows[i].prov
            continue
        for j, cell in enumerate(row.cells):
            text = normalize(cell.text)
            nxt = row.cells[j + 1] if j + 1 < len(row.cells) else None
            if nxt is not None and is_label(text):  # 公开日期 | 2024-01-17
                m = publication_field(f"{text} {normalize(nxt.text)}")
                if m is not None:
                    return field_date(m), m.group(0).strip(), nxt.prov
            elif (m := publication_field(text)) is not None:
                return field_date(m), m.group(0).strip(), cell.prov
    return None


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
