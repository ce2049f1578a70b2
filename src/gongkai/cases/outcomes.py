"""Table-3 outcome rows as staff name them in a 台账's ``处理结果`` column.

Two naming styles are accepted, both derived from :data:`gongkai.model.template.TABLE3` (no label
is spelled here):

- the row's template label without its numbering, prefixed by its group for the rows under
  （三）–（六）: ``予以公开``, ``部分公开``, ``不予公开-属于国家秘密``, ``其他处理-其他`` — the
  *canonical staff name* (:func:`outcome_name`, what the export writes);
- the template's own wording with its numbering: ``（三）1.属于国家秘密``,
  ``（二）部分公开（区分处理的，只计这一情形，不计其他情形）`` (also with the group's name:
  ``（三）不予公开1.属于国家秘密``).

Spellings are compared by :func:`gongkai.model.labels.label_key`, so half- or full-width brackets
and punctuation, spaces, ``、``/``，`` and any ``-``/``－``/``—`` separator make no difference.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from gongkai.model.labels import label_key
from gongkai.model.template import OUTCOME_ROWS_2021, TABLE3, RowSpec

_NUMBERING = re.compile(r"^\s*((?:[（(][一二三四五六七八九十]+[)）])|(?:\d+\s*[.．、]))\s*")
_PAREN_TAIL = re.compile(r"\s*[（(][^（）()]*[)）]\s*$")


def _split_number(label: str) -> tuple[str, str]:
    """``（三）不予公开`` → ``("（三）", "不予公开")``; ``1.属于国家秘密`` → ``("1.", "属于国家秘密")``."""
    m = _NUMBERING.match(label)
    return (m.group(1), label[m.end() :]) if m else ("", label)


def _spellings(spec: RowSpec) -> tuple[str, tuple[str, ...]]:
    """The canonical staff name of an outcome row and every spelling accepted for it."""
    number, name = _split_number(spec.label)
    if spec.group is None:
        short = _PAREN_TAIL.sub("", name)  # 部分公开（区分处理的…） → 部分公开
        return short, (short, name, number + name, number + short)
    group_number, group_name = _split_number(spec.group)
    canonical = f"{group_name}-{name}"
    return canonical, (
        canonical,
        group_number + number + name,  # （三）1.属于国家秘密
        group_number + group_name + number + name,  # （三）不予公开1.属于国家秘密
        group_number + group_name + "-" + name,  # （三）不予公开-属于国家秘密
        group_name + number + name,  # 不予公开1.属于国家秘密
    )


def _groups() -> dict[str, tuple[str, ...]]:
    """Each group's spellings (``不予公开``, ``（三）不予公开``), normalised → the outcome rows under it."""
    out: dict[str, tuple[str, ...]] = {}
    for key in OUTCOME_ROWS_2021:
        group = TABLE3.row(key).group
        if group is not None:
            for form in (group, _split_number(group)[1]):
                out[label_key(form)] = (*out.get(label_key(form), ()), key)
    return out


def _build() -> tuple[dict[str, str], dict[str, str], dict[str, tuple[str, ...]]]:
    names: dict[str, str] = {}
    lookup: dict[str, str] = {}
    spellings: dict[str, tuple[str, ...]] = {}
    for key in OUTCOME_ROWS_2021:
        canonical, forms = _spellings(TABLE3.row(key))
        names[key] = canonical
        spellings[key] = tuple(dict.fromkeys(forms))
        for form in forms:
            norm = label_key(form)
            if lookup.setdefault(norm, key) != key:
                raise ValueError(f"outcome spelling {form!r} names both {lookup[norm]} and {key}")
    return names, lookup, spellings


_NAMES, _LOOKUP, _SPELLINGS = _build()
_GROUPS = _groups()

OUTCOME_NAMES: Mapping[str, str] = MappingProxyType(_NAMES)
"""Outcome row key → its canonical staff name, in the template's order."""


def outcome_key(text: str) -> str | None:
    """The outcome row key (``OUTCOME_ROWS_2021``) that ``text`` names, or None when it names none.

    >>> outcome_key("（三）1.属于国家秘密"), outcome_key("不予公开－属于国家秘密"), outcome_key("不予公开")
    ('denied_state_secret', 'denied_state_secret', None)
    """
    stripped = text.strip()
    if stripped in _NAMES:
        return stripped
    return _LOOKUP.get(label_key(stripped)) if stripped else None


def group_outcomes(text: str) -> tuple[str, ...]:
    """The outcome rows under the group ``text`` names (``不予公开`` → the eight 不予公开 rows); () for anything else.

    A group is not an outcome: a 台账 must say which of its rows applies.
    """
    return _GROUPS.get(label_key(text.strip()), ()) if text.strip() else ()


def outcome_name(key: str) -> str:
    """The canonical staff name of an outcome row (``不予处理-重复申请``); KeyError for a key that is none."""
    return _NAMES[key]


def outcome_spellings(key: str) -> tuple[str, ...]:
    """Every spelling built for an outcome row, the canonical staff name first (KeyError for a key that is none)."""
    return _SPELLINGS[key]


__all__ = ["OUTCOME_NAMES", "group_outcomes", "outcome_key", "outcome_name", "outcome_spellings"]
