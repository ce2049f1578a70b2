"""The narrative prose of a report, normalised for copy detection (see :mod:`gongkai.batch.similar`).

What a copier changes is not content: the line breaks and spaces, the agency's name, the year and the
numbers (new figures every year). :func:`narrative_text` removes or masks exactly those, so that two
reports whose prose differs only there normalise to the same text, while real rewording still counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from gongkai.audit.narrative import normalise
from gongkai.model import AnnualReport

AGENCY_MASK = "@"
"""What the report's own agency name (any of its forms) becomes."""
NUMBER_MASK = "#"
"""What every number (a run of digits, a decimal, a year in Chinese numerals) becomes."""

_SPACE = re.compile(r"\s+")
_NUMBER = re.compile(r"\d+(?:[.．]\d+)?")
_CHINESE_YEAR = re.compile(r"[〇○零一二三四五六七八九]{4}(?=年)")
_DIVISION_SUFFIX = "省市区县州盟旗镇乡"
_PLACE = re.compile(
    r"[^" + _DIVISION_SUFFIX + r"]{1,8}?(?:自治区|自治州|自治县|特别行政区|新区|地区|街道|[" + _DIVISION_SUFFIX + r"])"
)
_SUFFIX = re.compile(r"(?:自治区|自治州|自治县|特别行政区|新区|地区|街道|[" + _DIVISION_SUFFIX + r"])$")
_GOVERNMENT = "人民政府"


def _places(name: str) -> tuple[list[str], str]:
    """Split ``淮安市洪泽区人民政府`` into its leading places ``[淮安市, 洪泽区]`` and the organ ``人民政府``."""
    places: list[str] = []
    pos = 0
    while (m := _PLACE.match(name, pos)) is not None and m.end() < len(name):
        places.append(m.group())
        pos = m.end()
    return places, name[pos:]


def agency_forms(names: Iterable[str | None]) -> list[str]:
    """Every form of the agency ``names`` a report may use for itself, longest first.

    For ``淮安市洪泽区人民政府``: the name, the name without its leading places (``洪泽区人民政府``),
    ``人民政府`` shortened to ``政府`` (``洪泽区政府``), the places alone (``淮安市洪泽区``, ``洪泽区``)
    and the bare place name (``洪泽``). Forms shorter than two characters are left out.
    """
    forms: set[str] = set()
    for raw in names:
        name = _SPACE.sub("", normalise(raw or ""))
        if not name:
            continue
        forms.add(name)
        places, organ = _places(name)
        for i in range(len(places)):
            where = "".join(places[i:])
            forms.update({where, where + organ})
            if organ.startswith(_GOVERNMENT):
                forms.add(where + organ.removeprefix("人民"))
        if places:
            forms.add(_SUFFIX.sub("", places[-1]))
    return sorted((f for f in forms if len(f) >= 2), key=lambda f: (-len(f), f))


def mask_text(text: str, agency_names: Iterable[str | None] = ()) -> str:
    """``text`` with whitespace removed, width normalised, the agency's forms and every number masked."""
    out = _SPACE.sub("", normalise(text))
    forms = agency_forms(agency_names)
    if forms:
        out = re.sub("|".join(re.escape(f) for f in forms), AGENCY_MASK, out)
    out = _CHINESE_YEAR.sub(NUMBER_MASK, out)
    return _NUMBER.sub(NUMBER_MASK, out)


def narrative_text(report: AnnualReport) -> str:
    """The prose of sections 一 to 六 (their headings, the preamble and the tables left out), masked.

    The preamble is left out because it is the same boilerplate in nearly every report (“本报告由……
    根据《条例》要求编制……”); the tables because their labels are the official template's.
    """
    prose = "".join(s.text for s in sorted(report.sections, key=lambda s: s.number) if 1 <= s.number <= 6)
    meta = report.metadata
    return mask_text(prose, (meta.agency, meta.signature_agency))


def same_agency(a: str | None, b: str | None) -> bool | None:
    """Whether two agency names name the same agency (``洪泽区人民政府`` and ``淮安市洪泽区人民政府`` do:
    one is the other without its leading places); None when either is unknown."""
    if not a or not b:
        return None
    x, y = (_SPACE.sub("", normalise(n)) for n in (a, b))
    if x == y:
        return True
    short, long = sorted((x, y), key=len)
    places, organ = _places(long)
    return organ != "" and any("".join(places[i:]) + organ == short for i in range(len(places)))
