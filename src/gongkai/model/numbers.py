"""Parse a table cell's text: a number, a blank, a printed marker, or text.

Never guesses: ``"约5"`` is text, not 5.  A number printed with an annotation
(``22（其中修订16件）``) or a unit (``251000元``) keeps the annotation in ``note``.
Never raises: a run of more than :data:`MAX_DIGITS` digits is no count or amount a
report can hold (and Python refuses to convert more than 4300), so it is text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from gongkai.model.labels import to_halfwidth_digits

State = Literal["number", "blank", "marker", "text"]

MARKERS = frozenset({"/", "／", "—", "——", "-", "--", "–", "―", "－", "\\", "×", "无", "空", "…", "——/", "—/"})
_INT = re.compile(r"^[+-]?\d+$")
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_DEC = re.compile(r"^[+-]?\d+\.\d+$")
_ANNOTATED = re.compile(r"^([+-]?\d+(?:\.\d+)?)\s*[（(](.+)[)）]$")
_UNIT = re.compile(r"^([+-]?\d+(?:\.\d+)?)\s*(件|个|条|项|次|份|元|万元|人次|人)$")
_WS = re.compile(r"[\s\u3000\xa0]+")

MAX_DIGITS = 15
"""Most digits of a number (integer and fraction digits together): 10^15 is beyond any count
or amount of yuan a report prints, and 15 digits are exact in a float and in JavaScript."""


@dataclass(frozen=True, slots=True)
class Parsed:
    state: State
    value: int | float | None = None
    note: str | None = None


def _number(text: str) -> int | float | None:
    if len(text) > MAX_DIGITS and sum(ch.isdigit() for ch in text) > MAX_DIGITS:
        return None
    if _INT.match(text):
        return int(text)
    if _THOUSANDS.match(text):
        text = text.replace(",", "")
        return float(text) if "." in text else int(text)
    if _DEC.match(text):
        return float(text)
    return None


@lru_cache(maxsize=4096)
def parse_cell(raw: str) -> Parsed:
    """Parse one cell's printed text.

    >>> parse_cell("1,356").value
    1356
    >>> parse_cell("").state
    'blank'
    >>> parse_cell("/").state
    'marker'
    >>> parse_cell("1" * 16).state
    'text'
    """
    text = _WS.sub("", to_halfwidth_digits(raw))
    if not text:
        return Parsed("blank")
    if text in MARKERS:
        return Parsed("marker")
    n = _number(text)
    if n is not None:
        return Parsed("number", n)
    m = _ANNOTATED.match(text)
    if m:
        n = _number(m.group(1))
        if n is not None:
            return Parsed("number", n, note=m.group(2))
    m = _UNIT.match(text)
    if m:
        n = _number(m.group(1))
        if n is not None:
            return Parsed("number", n, note=m.group(2))
    return Parsed("text")


def is_value_text(raw: str) -> bool:
    """True when a cell holds a value (number, marker or blank), not a label."""
    return parse_cell(raw).state != "text"
