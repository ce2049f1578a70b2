"""Agency names: the same body under the names its reports print, without a database.

:func:`normalise` removes what is not part of a name (spaces, full-width forms, brackets and
punctuation, a trailing year or ``本级``) and writes ``区政府`` as ``区人民政府``.
:func:`parse_agency` splits a name into the divisions printed before the body (``淮安市``,
``洪泽区``) and the body (``人民政府``, ``发展和改革委员会``), then names the body in full from the
division data: ``洪泽区人民政府`` is ``淮安市洪泽区人民政府`` because there is one 洪泽区 in China.
A name whose division is not unique (``朝阳区人民政府``: Beijing's or Changchun's), or that names
no division (``城关镇人民政府``), is never completed by guess: it stays its own name, unless the
caller's region (``region_hint``, a name or a code) leaves one division.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from gongkai.extract.divisions import Division, Divisions, shipped

_INVISIBLE = re.compile(r"[\s\u200b-\u200f\u2060\ufeff]+")
_PUNCTUATION = re.compile(r"[()\[\]{}<>《》〈〉【】〔〕〖〗「」『』“”‘’\"'`·•・,，.。、;；:：!！?？]+")
_TAIL = re.compile(r"(?:\d{4}年度?|(?:政府信息公开|政务公开)(?:工作)?(?:年度)?报告|年度报告|(?:机关)?本级|的)$")
_HEAD = re.compile(r"^关于")
_GOVERNMENT = re.compile(r"(?<=[省市县区州盟旗镇乡])政府(?=$|办)")
"""``洪泽区政府`` and ``洪泽区政府办公室``: a government at these levels is a 人民政府."""
_AREA = re.compile(r"(?:省|自治区|市|州|盟|县|旗)$")
_TOWN = re.compile(r"(?:镇|乡|苏木)$")
_TOWNSHIP_BODY = re.compile(r"^[\u4e00-\u9fff]{1,10}?(?:镇|乡|街道|苏木)(?:人民政府|政府|办事处|党政办公室|党政办|$)")


def normalise(name: str) -> str:
    """The name as compared and stored as an alias: idempotent, the same for any spacing or width."""
    current = name
    for _ in range(8):
        following = _normalise_once(current)
        if following == current:
            break
        current = following
    return current


def _normalise_once(name: str) -> str:
    s = unicodedata.normalize("NFKC", name)
    s = _INVISIBLE.sub("", s)
    s = _PUNCTUATION.sub("", s)
    s = _HEAD.sub("", s)
    while (m := _TAIL.search(s)) is not None and m.start() > 0:
        s = s[: m.start()]
    return _GOVERNMENT.sub("人民政府", s)


@dataclass(frozen=True, slots=True)
class AgencyName:
    """A name split and completed; ``full_name`` is the registry's name of the body."""

    printed: str
    """The name normalised (:func:`normalise`)."""
    divisions: tuple[str, ...]
    """The divisions printed before the body, in order (``淮安市``, ``洪泽区``)."""
    body: str
    """The rest: ``人民政府``, ``发展和改革委员会``, ``蒋坝镇人民政府``."""
    full_name: str
    region: str | None
    """The region above the body's own division in ``full_name`` (``淮安市``)."""
    division_code: str | None
    """The GB/T 2260 code of the body's own division, when the divisions leave exactly one (a township's
    body under a county is not given the county's code)."""
    resolved: bool
    """Whether the division data (and the region hint) left exactly one division: ``full_name`` then
    prints the region in full; otherwise it is the printed name."""

    @property
    def local_name(self) -> str:
        """The body with its own division: ``洪泽区人民政府``."""
        return (self.divisions[-1] if self.divisions else "") + self.body


def _hint_codes(hint: str | None, divisions: Divisions) -> list[Division]:
    if not hint:
        return []
    text = normalise(hint)
    if text.isascii() and text.isdigit():
        found = divisions.by_code.get(text)
        return [found] if found is not None else []
    names, end, candidates, _ = _chain(text, divisions, [])
    return candidates if names and end == len(text) else []


def _chain(key: str, divisions: Divisions, hint: list[Division]) -> tuple[list[str], int, list[Division], bool]:
    """The divisions printed at the start of ``key``: their names, where the body starts, the candidate
    divisions of the last one, and whether the chain stopped at a division outside the previous one."""
    names: list[str] = []
    candidates: list[Division] = []
    pos = 0
    conflict = False
    while pos < len(key):
        step: tuple[str, list[Division]] | None = None
        for piece in divisions.prefixes_at(key, pos):
            found = list(divisions.named(piece))
            if names:
                found = [
                    d for d in found if any(d.code != c.code and divisions.within(d.code, c.code) for c in candidates)
                ]
            elif hint:
                inside = [
                    d
                    for d in found
                    if any(divisions.within(d.code, h.code) or divisions.within(h.code, d.code) for h in hint)
                ]
                found = inside or found
            if found:
                step = (piece, found)
                break
            conflict = conflict or any(d.complete for d in divisions.named(piece))
        if step is None:
            break
        conflict = False
        names.append(step[0])
        candidates = step[1]
        pos += len(step[0])
    return names, pos, candidates, conflict


def _complete_body(body: str, last: str | None) -> str:
    if body:
        return body
    return "办事处" if last is not None and last.endswith("街道") else "人民政府"


def parse_agency(name: str, divisions: Divisions | None = None, region_hint: str | None = None) -> AgencyName:
    """``name`` split into divisions and body and named in full (see the module's docs).

    ``region_hint`` is a region the caller knows the body is in (``淮安市``, ``江苏省淮安市`` or a code
    such as ``320800``); it only chooses among divisions of the same name, it never adds a region to a
    name that prints none, and a hint that fits none of them is ignored.
    """
    divs = divisions if divisions is not None else shipped()
    key = normalise(name)
    names, pos, candidates, conflict = _chain(key, divs, _hint_codes(region_hint, divs))
    if not names:
        body = key
        if _AREA.search(key) or _TOWN.search(key):
            body = key + "人民政府"  # an area alone (the title of a government's report)
        elif key.endswith("街道"):
            body = key + "办事处"
        return AgencyName(key, (), body, body, None, None, False)
    body = _complete_body(key[pos:], names[-1])
    unique = len(candidates) == 1 and not conflict
    anchored = len(names) > 1 or bool(region_hint)
    if not unique or not (candidates[0].complete or anchored):
        region = "".join(names[:-1]) or None
        return AgencyName(key, tuple(names), body, "".join(names) + body, region, None, False)
    division = candidates[0]
    prefix = divs.prefix(division.code)
    township = _TOWNSHIP_BODY.match(body) is not None and division.complete
    return AgencyName(
        printed=key,
        divisions=tuple(names),
        body=body,
        full_name=prefix + body,
        region=prefix[: -len(division.name)] or None,
        division_code=None if township else division.code,
        resolved=True,
    )


def same_body(a: str | None, b: str | None, divisions: Divisions | None = None) -> bool | None:
    """Whether two printed names are one body: None when it cannot be told (a name missing, or one name
    is the other without its region and the division data cannot say which region it is in)."""
    if not a or not b or not normalise(a) or not normalise(b):
        return None
    pa, pb = parse_agency(a, divisions), parse_agency(b, divisions)
    if pa.full_name == pb.full_name:
        return True
    if pa.resolved and pb.resolved:
        return False
    if pa.full_name.endswith(pb.local_name) or pb.full_name.endswith(pa.local_name):
        return None
    return False


__all__ = ["AgencyName", "normalise", "parse_agency", "same_body"]
