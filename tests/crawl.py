"""Make the crawled form of a report: a site archive's text copy, the whole report on one line.

Test-only.  The title (and a 发布时间 line when the page prints one) stay on lines of
their own; everything else runs on one line, and the cells of every table row run
together without a separator, the row's label kept apart by one space:
``一、本年新收政府信息公开申请数量 713000074``.
"""

from __future__ import annotations

from pathlib import Path

from gongkai.model.numbers import is_value_text
from gongkai.readers import read_bytes
from gongkai.readers.raw import TITLE_LIKE, RawRow


def _pieces(rows: list[RawRow]) -> list[str]:
    """One text per table row (label, a space, the values run together) or prose line.

    A one-cell-per-line table prints each value on a line of its own: those run on
    after their label too.
    """
    out: list[str] = []
    after_value = False
    for row in rows:
        if row.kind == "text" and is_value_text(row.text) and out:
            out[-1] += ("" if after_value else " ") + row.text.strip()
            after_value = True
            continue
        if row.kind == "text":
            out.append(row.text.strip())
            after_value = False
            continue
        labels = "".join(c.text.strip() for c in row.cells if c.text.strip() and not is_value_text(c.text))
        values = "".join(c.text.strip() for c in row.cells if c.text.strip() and is_value_text(c.text))
        out.append(f"{labels} {values}".strip())
        after_value = bool(values)
    return [p for p in out if p]


def crawl(path: Path, sep: str = " ") -> str:
    """The crawled text of the report in ``path``; ``sep`` joins the rows on the one line."""
    return crawl_bytes(path.read_bytes(), path.name, sep)


def crawl_bytes(data: bytes, name: str, sep: str = " ") -> str:
    """The crawled text of a report file's bytes.

    The header is the title (the page's title for a web page), then the publication
    date when the page gives one; the rest runs on one line.
    """
    doc = read_bytes(data, name)
    rows = [r for r in doc.rows if r.text.strip()]
    head: list[str] = []
    if TITLE_LIKE.search(rows[0].text) and len(rows[0].text) < 60:
        head.append(rows[0].text.strip())
        rows = rows[1:]
    elif "page_title" in doc.hints:
        head.append(doc.hints["page_title"].split("-")[0].strip())
    if rows and rows[0].kind == "text" and rows[0].text.strip().startswith(("发布时间", "发布日期", "时间")):
        head.append(rows[0].text.strip())
        rows = rows[1:]
    elif "publication_date" in doc.hints:
        head.append(f"发布时间：{doc.hints['publication_date']}")
    return "\n".join([*head, sep.join(_pieces(rows))]) + "\n"
