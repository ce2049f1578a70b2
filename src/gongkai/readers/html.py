"""HTML reader: a report inside a full government web page, or an HTML fragment.

The article is found by content: the deepest element holding both the first
and the last section headings.  Navigation, scripts and footers outside it are
dropped; the page's own facts (title, publication date, source) are kept as hints
(:mod:`gongkai.readers.html_hints`).
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from gongkai import limits
from gongkai.errors import InputError
from gongkai.limits import DEADLINE_EVERY, ContentBudget, check_deadline, over_limit
from gongkai.model import Provenance
from gongkai.readers.html_hints import page_hints
from gongkai.readers.raw import TITLE_LIKE, RawCell, RawDocument, RawRow, clean_text

_DROP = ("script", "style", "noscript", "iframe", "head", "template", "svg", "select", "button")
_BLOCK = {
    "p",
    "div",
    "section",
    "article",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "dl",
    "center",
    "header",
    "footer",
    "nav",
    "main",
    "aside",
    "form",
    "hr",
    "ucapcontent",
    "body",
    "html",
}
_FIRST = re.compile(r"一\s*[、.．]\s*总\s*体\s*情\s*况")
_LAST = re.compile(r"六\s*[、.．]\s*其\s*他\s*需\s*要\s*报\s*告|其他需要报告的事项")
_PARSE_CHUNK = 1 << 16


def _itertext(el: etree._Element) -> str:
    return "".join(str(t) for t in el.itertext())


def _text_of(el: etree._Element) -> str:
    return clean_text(_itertext(el))


def _line(el: etree._Element) -> int | None:
    line = getattr(el, "sourceline", None)
    return line if isinstance(line, int) else None


def _find_main(body: etree._Element) -> etree._Element:
    """Deepest element whose text holds both the first and last section headings.

    Fast path: the headings usually sit in single text nodes, so the answer is
    the lowest common ancestor of those nodes' elements.  Otherwise every
    element's text is tested (slower, same answer).
    """
    first = last = None
    for el in body.iter():
        if not isinstance(el.tag, str):
            continue
        for text, owner in ((el.text, el), (el.tail, el.getparent())):
            if not text or owner is None:
                continue
            if first is None and _FIRST.search(text):
                first = owner
            if _LAST.search(text):
                last = owner
    if first is not None and last is not None:
        ancestors = {id(a): a for a in first.iterancestors()}
        ancestors[id(first)] = first
        node: etree._Element | None = last
        while node is not None:
            if id(node) in ancestors:
                while node is not None and node.tag in ("table", "tr", "td", "th", "tbody"):
                    node = node.getparent()
                if node is not None:
                    return node
                break
            node = node.getparent()
    return _find_main_slow(body)


def _find_main_slow(body: etree._Element) -> etree._Element:
    best = body
    for el in body.iter():
        if not isinstance(el.tag, str) or el.tag in ("table", "tr", "td", "th"):
            continue
        check_deadline()  # each element's whole text is joined: cheap next to that
        text = _itertext(el)
        if _FIRST.search(text) and _LAST.search(text):
            best = el
    return best


def _title_root(main: etree._Element) -> etree._Element:
    """Nearest ancestor (or main) whose text before the first heading holds a report title."""
    el: etree._Element | None = main
    while el is not None:
        text = _itertext(el)
        m = _FIRST.search(text)
        if m and TITLE_LIKE.search(text[: m.start()]):
            return el
        el = el.getparent()
    return main


class _Walker:
    def __init__(self, path: str, main: etree._Element) -> None:
        self.path = path
        self.main = main
        self.rows: list[RawRow] = []
        self.buf: list[str] = []
        self.buf_line: int | None = None
        self.table_no = 0
        self.paragraphs = 0
        self.done = False
        self.budget = ContentBudget()

    def flush(self) -> None:
        text = clean_text("".join(self.buf))
        if text:
            self.budget.row(0, len(text))
            self.paragraphs += 1
            prov = Provenance(file=self.path, line=self.buf_line, paragraph=self.paragraphs)
            self.rows.append(RawRow([RawCell(text, prov)], "text"))
        self.buf = []
        self.buf_line = None

    def add_text(self, text: str | None, line: int | None) -> None:
        if text:
            if self.buf_line is None and text.strip():
                self.buf_line = line
            self.buf.append(text)

    def walk(self, el: etree._Element) -> None:
        if self.done or not isinstance(el.tag, str):
            return
        tag = el.tag.lower()
        line = _line(el)
        if tag == "br":
            self.flush()
        elif tag == "table":
            self.flush()
            self.table(el)
        else:
            block = tag in _BLOCK
            if block:
                self.flush()
            self.add_text(el.text, line)
            for child in el:
                self.walk(child)
                if self.done:
                    return
                self.add_text(child.tail, line)
            if block:
                self.flush()
        if el is self.main:
            self.flush()
            self.done = True

    def table(self, table: etree._Element) -> None:
        self.table_no += 1
        no = self.table_no
        row_no = 0
        for tr in table.iter("tr"):
            if _owner_table(tr) is not table:
                continue
            row_no += 1
            tds = [c for c in tr if isinstance(c.tag, str) and c.tag.lower() in ("td", "th")]
            texts = [_text_of(td) for td in tds] if len(tds) <= limits.MAX_ROW_CELLS else []
            self.budget.row(len(tds), sum(map(len, texts)), f"表格{no}第{row_no}行")
            cells: list[RawCell] = []
            for col, (td, text) in enumerate(zip(tds, texts, strict=True), 1):
                prov = Provenance(file=self.path, line=_line(td), table=no, row=row_no, column=col)
                cells.append(RawCell(text, prov, colspan=_span(td.get("colspan")), rowspan=_span(td.get("rowspan"))))
            if cells:
                self.rows.append(RawRow(cells, "cells", table=no))


def _owner_table(tr: etree._Element) -> etree._Element | None:
    p = tr.getparent()
    while p is not None and p.tag != "table":
        p = p.getparent()
    return p


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 1000))
    except ValueError:
        return 1


def _parse(text: str) -> etree._Element:
    """The page's tree, as ``lxml.html.document_fromstring`` builds it, parsed in pieces.

    Elements are counted as they are parsed, so a page of millions of table cells
    stops (E119) before its tree fills the memory.  An XML declaration is allowed.

    Raises:
        InputError: E106 nothing to parse, E119 too many elements, E112 past the time limit.
    """
    parser = etree.HTMLPullParser(events=("start",))
    parser.set_element_class_lookup(lxml.html.HtmlElementClassLookup())
    elements = 0
    for start in range(0, len(text), _PARSE_CHUNK):
        parser.feed(text[start : start + _PARSE_CHUNK])
        for _ in parser.read_events():
            elements += 1
            if elements > limits.MAX_ELEMENTS:
                raise over_limit(f"网页元素超过 {limits.MAX_ELEMENTS:,} 个")
            if elements % DEADLINE_EVERY == 0:
                check_deadline()
    try:
        root: etree._Element | None = parser.close()
    except etree.ParserError as exc:
        raise InputError("E106", f"无法解析 HTML：{exc}") from exc
    if root is None:
        raise InputError("E106", "无法解析 HTML：网页没有内容")
    return root


def read_html(text: str, path: str, encoding: str | None) -> RawDocument:
    """Parse an HTML page or fragment into rows.

    Raises:
        InputError: E106 when the page has no body text at all, E119 over a content limit,
            E112 past the time limit.
    """
    doc = _parse(text)
    for bad in list(doc.iter(*[t for t in _DROP if t != "head"])):
        if isinstance(bad, lxml.html.HtmlElement):
            bad.drop_tree()
    hints = page_hints(doc, _FIRST)
    body = doc.find("body")
    if body is None:
        body = doc
    head = doc.find("head")
    if isinstance(head, lxml.html.HtmlElement):
        head.drop_tree()
    main = _find_main(body)
    root = _title_root(main)
    walker = _Walker(path, main)
    walker.walk(root)
    walker.flush()
    return RawDocument(path=path, format="html", encoding=encoding, rows=walker.rows, hints=hints)
