"""Tie records to template rows: by label where the label says, by order where it was lost.

A record whose label names exactly one template row is an *anchor*.  Records
without a usable label are placed by order between two anchors, but only when
their number equals the number of template rows left between those anchors;
otherwise they are kept as unplaced rows and reported — never guessed.
"""

from __future__ import annotations

import difflib
import itertools
from dataclasses import dataclass

from gongkai.extract.records import Record
from gongkai.limits import check_deadline
from gongkai.model.labels import label_key
from gongkai.model.report import MatchKind
from gongkai.model.template import TableSpec


@dataclass(frozen=True, slots=True)
class Match:
    key: str
    kind: MatchKind


_PATTERNS: dict[int, tuple[tuple[str, str, MatchKind, bool], ...]] = {}
_FULL_LABELS: dict[int, tuple[tuple[str, str], ...]] = {}


def _patterns(spec: TableSpec) -> tuple[tuple[str, str, MatchKind, bool], ...]:
    """(pattern, row key, match kind, optional) for every row of a table spec."""
    cached = _PATTERNS.get(id(spec))
    if cached is not None:
        return cached
    out: list[tuple[str, str, MatchKind, bool]] = []
    for row in spec.rows:
        variants = {label_key(v) for v in row.variants}
        for p in row.patterns:
            key = label_key(p)
            out.append((key, row.key, "variant" if key in variants else "exact", row.optional))
        for m in row.misprints:
            out.append((label_key(m), row.key, "misprint", row.optional))
    _PATTERNS[id(spec)] = tuple(out)
    _FULL_LABELS[id(spec)] = tuple((label_key(_strip_number(r.label)), r.key) for r in spec.rows)
    return _PATTERNS[id(spec)]


def match_label(text: str, spec: TableSpec) -> list[Match]:
    """Template rows a label names.  Group (optional) rows only count when nothing else matches."""
    key = label_key(text)
    cache_key = (key, id(spec))
    hit = _MATCH_CACHE.get(cache_key)
    if hit is None:
        if len(_MATCH_CACHE) > 20000:
            _MATCH_CACHE.clear()
        hit = _MATCH_CACHE[cache_key] = _match_key(key, spec)
    return list(hit)


_MATCH_CACHE: dict[tuple[str, int], tuple[Match, ...]] = {}


def _match_key(key: str, spec: TableSpec) -> tuple[Match, ...]:
    if not key:
        return ()
    found: dict[str, MatchKind] = {}
    optional: dict[str, MatchKind] = {}
    for pattern, row_key, kind, is_optional in _patterns(spec):
        if pattern and pattern in key:
            target = optional if is_optional else found
            prev = target.get(row_key)
            if prev is None or _strength(kind) > _strength(prev):
                target[row_key] = kind
    # a longer non-optional pattern contained in the label wins over shorter ones it contains
    if len(found) > 1:
        found = _drop_nested(key, found, spec)
    if found:
        return tuple(Match(k, v) for k, v in found.items())
    fuzzy = _fuzzy(key, spec)
    if optional:
        # "（四）无法提供" + a misprinted or misread item label: the item, not the group's subtotal
        if fuzzy is not None and not spec.row(fuzzy.key).optional:
            return (fuzzy,)
        return tuple(Match(k, v) for k, v in optional.items())
    return (fuzzy,) if fuzzy else ()


def _strength(kind: MatchKind) -> int:
    return {"exact": 3, "variant": 2, "misprint": 1}.get(kind, 0)


def _drop_nested(key: str, found: dict[str, MatchKind], spec: TableSpec) -> dict[str, MatchKind]:
    """normative_documents' 行政规范性文件 contains regulations' …; keep rows not explained by a longer match."""
    spans: dict[str, tuple[int, int]] = {}
    for row in spec.rows:
        if row.key not in found:
            continue
        best = (-1, -1)
        for p in row.patterns:
            pk = label_key(p)
            pos = key.find(pk)
            if pos >= 0 and len(pk) > best[1] - best[0]:
                best = (pos, pos + len(pk))
        spans[row.key] = best
    keep: dict[str, MatchKind] = {}
    for k, (s, e) in spans.items():
        inside = any(k2 != k and s2 <= s and e <= e2 and (e2 - s2) > (e - s) for k2, (s2, e2) in spans.items())
        if not inside:
            keep[k] = found[k]
    return keep


def _fuzzy(key: str, spec: TableSpec) -> Match | None:
    """A misprinted label: close to exactly one row's full label."""
    if len(key) < 5:
        return None
    scored: list[tuple[float, str]] = []
    chars = set(key)
    for full, row_key in _FULL_LABELS[id(spec)]:
        if len(chars.intersection(full)) < 0.6 * len(set(full)):
            scored.append((0.0, row_key))
            continue
        tail = key[-(len(full) + 2) :]
        scored.append((difflib.SequenceMatcher(None, full, tail).ratio(), row_key))
    scored.sort(reverse=True)
    best, second = scored[0], scored[1] if len(scored) > 1 else (0.0, "")
    if best[0] >= 0.72 and best[0] - second[0] >= 0.12:
        return Match(best[1], "misprint")
    return None


def _strip_number(label: str) -> str:
    for sep in ("、", "."):
        head, _, tail = label.partition(sep)
        if tail and len(head) <= 3:
            return tail
    if label.startswith("（") and "）" in label[:4]:
        return label[label.index("）") + 1 :]
    return label


def identify(record: Record, spec: TableSpec) -> list[Match]:
    """Rows the record's own label names; falls back to the pending label text."""
    if record.own_labels:
        own = match_label("".join(record.own_labels), spec)
        if len(own) == 1:
            return own
        with_pending = match_label(record.label, spec)
        if len(with_pending) == 1:
            return with_pending
        return own or with_pending
    return match_label(record.label, spec)


@dataclass(slots=True)
class Placement:
    record: Record
    key: str | None
    match: MatchKind
    reason: str = ""


def place(records: list[Record], spec: TableSpec, slots: list[str], fits: list[bool]) -> list[Placement]:
    """Assign records to row keys.

    Args:
        records: the table's records in source order.
        spec: the table spec.
        slots: the rows the layout expects, in template order (optional rows excluded).
        fits: per record, whether its values align with the columns (only fitting
            unlabeled records may be placed by order).
    """
    placements = [Placement(r, None, "absent") for r in records]
    taken: set[str] = set()
    for p in placements:
        check_deadline("（提取统计表时）")
        ms = identify(p.record, spec)
        if len(ms) == 1:
            if ms[0].key in taken:
                p.reason = "重复的行：该行已出现过"
                continue
            p.key, p.match = ms[0].key, ms[0].kind
            taken.add(ms[0].key)
    order = {k: i for i, k in enumerate(slots)}
    anchors = [(i, order[p.key]) for i, p in enumerate(placements) if p.key in order]
    bounds = [(-1, -1), *anchors, (len(placements), len(slots))]
    for (ri, si), (rj, sj) in itertools.pairwise(bounds):
        between = [i for i in range(ri + 1, rj) if placements[i].key is None and not placements[i].reason]
        if not between:
            continue
        if sj <= si:
            for i in between:
                placements[i].reason = "无法确定所属行：前后行的顺序与模板不一致"
            continue
        free = [slots[s] for s in range(si + 1, sj) if slots[s] not in taken]
        usable = [i for i in between if fits[i]]
        for i in between:
            if not fits[i]:
                placements[i].reason = "数值个数与列数不符，且无行标签"
        if usable and len(usable) == len(free):
            for i, key in zip(usable, free, strict=True):
                placements[i].key, placements[i].match = key, "position"
                taken.add(key)
        else:
            for i in usable:
                placements[
                    i
                ].reason = f"无法确定所属行：此处有 {len(usable)} 个无标签的数据行，模板中对应位置有 {len(free)} 行"
    return placements
