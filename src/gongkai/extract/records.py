"""Group a table region's rows into records: label text plus a run of value cells.

Handles every layout the corpus shows: one row per line (tab or pipe cells),
one cell per line, row labels broken over lines, labels separated from their
numbers, and a header repeated where a table runs over a page break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gongkai.limits import DEADLINE_EVERY, check_deadline
from gongkai.model import Provenance
from gongkai.model.labels import squash
from gongkai.model.numbers import is_value_text
from gongkai.readers.raw import RawCell, RawRow

_PAGE_NUMBER = re.compile(
    r"^[—\-－–―]{1,2}\s*\d{1,3}\s*[—\-－–―]{1,2}$|^第\s*\d{1,3}\s*页(\s*[/／共]\s*\d{1,3}\s*页?)?$"
)
_TRAILING_NUMBERS = re.compile(
    r"^(.*?[\u3400-\u9fff）)”\"])(?:\s+|(?=\d))((?:[+-]?[\d,.]+|[/—－-])(?:\s+(?:[+-]?[\d,.]+|[/—－-]))*)$"
)
"""A label and the numbers printed after it on one line; a PDF's text layer may drop the space after the label."""
_ANNOTATION = re.compile(r"^[（(](其中|含|包括|另有|注)")
_WHERE = "（提取统计表时）"


@dataclass(slots=True)
class Record:
    """A label (own and pending text) and the value cells that follow it."""

    own_labels: list[str]
    pending_labels: list[str]
    values: list[RawCell]
    prov: Provenance
    single_run: bool = False
    """Built from one-cell-per-line values (no blank cells can be represented)."""
    notes: dict[int, str] = field(default_factory=dict)
    blank: bool = False
    """Every value cell is blank: a data row left empty, or a group label row (decided per table)."""
    weak_labels: list[str] = field(default_factory=list)
    """Label text that cannot be trusted to name this row (prose lines between table rows)."""
    pending_from_text: list[bool] = field(default_factory=list)

    @property
    def label(self) -> str:
        return "".join(self.pending_labels + self.own_labels)

    @property
    def printed_label(self) -> str:
        own = " ".join(self.own_labels)
        return own if own else " ".join(self.pending_labels)

    @property
    def all_labels(self) -> list[str]:
        return [x for x in self.weak_labels + self.pending_labels + self.own_labels if x.strip()]


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(text.strip()))


def split_row(row: RawRow) -> tuple[list[str], list[RawCell]]:
    """Split a row into its label texts and the value cells after the last label."""
    cells = row.cells
    if row.kind == "text":
        text = cells[0].text
        m = _TRAILING_NUMBERS.match(text.strip())
        if m and not text.rstrip().endswith("。"):
            label, nums = m.group(1), m.group(2).split()
            prov = cells[0].prov
            return [label], [RawCell(n, prov.model_copy(update={"column": i})) for i, n in enumerate(nums, 2)]
        if is_value_text(text) and text.strip():
            return [], [cells[0]]
        return [text], []
    last_label = -1
    for i, c in enumerate(cells):
        if not is_value_text(c.text):
            last_label = i
    labels = [c.text for c in cells[: last_label + 1] if c.text.strip()]
    return labels, cells[last_label + 1 :]


def build_records(rows: list[RawRow], is_header: HeaderTest) -> tuple[list[Record], list[list[RawRow]]]:
    """Records and header rows of a table region.

    Header rows come in blocks: a table split over pages repeats its header,
    and each printing is checked on its own.
    """
    records: list[Record] = []
    headers: list[RawRow] = []
    pending: list[str] = []
    pending_text: list[bool] = []
    breaks: list[int] = []
    records_at_header = 0
    run: Record | None = None
    for n, row in enumerate(rows):
        if n % DEADLINE_EVERY == 0:
            check_deadline(_WHERE)
        text = row.text
        if row.kind == "text" and is_page_number(text):
            continue
        if row.kind == "text" and _ANNOTATION.match(text.strip()) and run is not None and run.values:
            run.notes[len(run.values) - 1] = text.strip()
            continue
        labels, values = split_row(row)
        non_blank = [v for v in values if v.text.strip()]
        if not non_blank:
            run = None
            if is_header(row, labels):
                if headers and len(records) > records_at_header:
                    breaks.append(len(headers))
                records_at_header = len(records)
                headers.append(row)
                continue
            if row.kind == "cells" and values and (labels or len(values) >= 5):
                records.append(
                    Record(
                        labels, list(pending), list(values), row.prov, blank=True, pending_from_text=list(pending_text)
                    )
                )
            for x in labels:
                if x.strip():
                    pending.append(x)
                    pending_text.append(row.kind == "text")
            continue
        single = row.kind == "text" and not labels and len(values) == 1
        if single and run is not None and run.single_run:
            run.values.append(values[0])
            continue
        rec = Record(labels, pending, list(values), row.prov, single_run=single, pending_from_text=pending_text)
        records.append(rec)
        pending, pending_text = [], []
        run = rec if single else None
    _weigh_labels(records)
    blocks = [headers[a:b] for a, b in zip([0, *breaks], [*breaks, len(headers)], strict=True)]
    return records, [b for b in blocks if b]


def _weigh_labels(records: list[Record]) -> None:
    """Decide which pending label text can name a row.

    In a one-cell-per-line layout the label always stands on the lines before
    the numbers.  Where rows hold their cells together (tab, pipe, HTML rows),
    prose lines between rows are converter debris: they may belong to another
    row, so they are kept only as weak labels.
    """
    single = sum(1 for r in records if r.single_run)
    if single * 2 > len(records):
        return
    for r in records:
        if r.single_run:
            r.weak_labels, r.pending_labels = r.pending_labels, []
            continue
        strong = [x for x, t in zip(r.pending_labels, r.pending_from_text, strict=True) if not t]
        weak = [x for x, t in zip(r.pending_labels, r.pending_from_text, strict=True) if t]
        r.pending_labels, r.weak_labels = strong, weak


class HeaderTest:
    """Decides whether a label-only row is a table header row."""

    def __init__(
        self, words: tuple[str, ...], patterns: tuple[re.Pattern[str], ...] = (), whole: tuple[str, ...] = ()
    ) -> None:
        self.words = words
        self.patterns = patterns
        self.whole = whole
        """Texts that are a header only when they are the row's whole text (总计 alone on a line)."""

    def __call__(self, row: RawRow, labels: list[str]) -> bool:
        text = squash("".join(labels))
        return text in self.whole or any(w in text for w in self.words) or any(p.search(text) for p in self.patterns)
