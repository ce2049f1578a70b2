"""Facts a web page states about the report it carries: title, publication date, source URL.

The publication date comes from a meta tag (``<meta name="PubDate" content="2024-01-20 10:00">``)
or from a field the page prints before the report's first heading (``发布时间：2024-01-20``, a
``公开日期 | 2024-01-17`` table).  The extractor reads these hints (extract/metadata.py).
"""

from __future__ import annotations

import re

from lxml import etree

from gongkai.readers.pagefields import leading_date, normalize, publication_field
from gongkai.readers.raw import clean_text


def _line(el: etree._Element) -> int | None:
    line = getattr(el, "sourceline", None)
    return line if isinstance(line, int) else None


_META_DATES = frozenset(
    {
        "pubdate",
        "publishdate",
        "publish_date",
        "publishtime",
        "publish_time",
        "pubtime",
        "firstpublishedtime",
        "articlepubdate",
        "article:published_time",
        "datepublished",
        "dc.date.issued",
        "dcterms.issued",
    }
)
"""Meta tags that carry the publication date (``PubDate`` is the one 《政府网站发展指引》 asks for;
the others are other CMSs' names).  ``lastmodifiedtime`` and ``others`` (页面生成时间) are not it."""


def _meta_date(el: etree._Element) -> dict[str, str] | None:
    for attr in ("name", "property", "itemprop"):
        key = el.get(attr)
        if key and key.strip().lower() in _META_DATES:
            content = clean_text(el.get("content") or "")[:40]
            if leading_date(content) is None:
                return None
            line = _line(el)
            return {
                "publication_date": content,
                "publication_text": f'<meta {attr}="{key.strip()}" content="{content}">',
                "publication_from": "meta",
                **({"publication_line": str(line)} if line else {}),
            }
    return None


_DIGIT = re.compile(r"[0-9０-９]")
_PUB_WORD = re.compile(r"时\s*间|日\s*期")
"""Every publication-date label ends in 时间 or 日期: text without them is not tried."""


def _page_date(recent: list[str], line: int | None) -> dict[str, str] | None:
    """A publication-date field ending in the last of the ``recent`` text nodes."""
    before = normalize(" ".join(recent[:-1]))
    joined = f"{before} {normalize(recent[-1])}".lstrip()
    m = publication_field(joined)
    if m is None or m.end() <= len(before):
        return None
    return {
        "publication_date": joined[m.start("y") : m.end()],
        "publication_text": m.group(0).strip(),
        "publication_from": "page",
        **({"publication_line": str(line)} if line else {}),
    }


def page_hints(doc: etree._Element, first_heading: re.Pattern[str]) -> dict[str, str]:
    """Page title, publication date (meta tag, else a field printed before the first heading), source URL.

    The publication date's hints: ``publication_date`` (as printed), ``publication_text`` (the
    field or the meta tag as printed), ``publication_from`` (``meta`` or ``page``) and
    ``publication_line`` (its line in the source).
    """
    hints: dict[str, str] = {}
    t = doc.find(".//title")
    if t is not None and t.text:
        hints["page_title"] = clean_text(t.text)
    meta: dict[str, str] | None = None
    page: dict[str, str] | None = None
    recent: list[str] = []  # the last text nodes: a label and its value sit in neighbouring cells
    for event, el in etree.iterwalk(doc, events=("start", "end")):
        if not isinstance(el.tag, str) and event == "start":
            continue  # a comment's own text is not shown; its tail is
        if event == "start" and el.tag == "meta":
            meta = meta or _meta_date(el)
        text = el.text if event == "start" else el.tail
        if not text or text.isspace():
            continue
        if first_heading.search(text):
            break
        recent = [*recent[-2:], text]
        if page is None and _DIGIT.search(text) and any(_PUB_WORD.search(t) for t in recent):
            page = _page_date(recent, _line(el))
        if event == "start" and "source_url" not in hints and text.lstrip().startswith("来源"):
            url = clean_text(text)[2:].lstrip("：: ")
            if not url:
                link = el.getnext()
                url = clean_text(link.get("href") or "") if link is not None else ""
            if url.startswith("http"):
                hints["source_url"] = url
    pub = meta or page
    if pub is not None:
        hints.update(pub)
    return hints
