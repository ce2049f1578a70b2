"""Compare two reports by content: what a written report must read back as.

Provenance, the source file and the reading evidence necessarily differ between a
report and the same report written out and read back; everything a reader of the
report sees must not.  Text is compared with whitespace removed, because paged
formats (PDF) break a paragraph into lines where the page ends.
"""

from __future__ import annotations

from gongkai.model import TABLES, AnnualReport, TableSpec
from gongkai.model.labels import squash
from gongkai.model.report import PRINTED_METADATA


def _text(value: str | None) -> str:
    return squash(value or "")


def _table_differences(a: AnnualReport, b: AnnualReport, spec: TableSpec) -> list[str]:
    ta, tb = a.table(spec.id), b.table(spec.id)
    if ta.found != tb.found:
        return [f"{spec.id}: found {ta.found} ≠ {tb.found}"]
    out: list[str] = []
    rows = [r.key for r in spec.rows] + sorted((set(ta.rows) | set(tb.rows)) - {r.key for r in spec.rows})
    for row in rows:
        fields = [f.key for f in spec.fields_of(spec.row(row))] if row in {r.key for r in spec.rows} else []
        fields += sorted((set(ta.rows.get(row, {})) | set(tb.rows.get(row, {}))) - set(fields))
        for field in fields:
            ca, cb = ta.cell(row, field), tb.cell(row, field)
            va = ca.plain() if ca is not None else None
            vb = cb.plain() if cb is not None else None
            if va != vb or isinstance(va, str) != isinstance(vb, str):
                out.append(f"{spec.id}.{row}.{field}: {va!r} ≠ {vb!r}")
            elif ca is not None and cb is not None and (ca.note or None) != (cb.note or None):
                out.append(f"{spec.id}.{row}.{field}: note {ca.note!r} ≠ {cb.note!r}")
    return out


def differences(a: AnnualReport, b: AnnualReport) -> list[str]:
    """Every content difference between ``a`` and ``b``, as ``where: a ≠ b`` lines (empty when identical)."""
    out: list[str] = []
    if a.format != b.format:
        out.append(f"format: {a.format} ≠ {b.format}")
    for key in PRINTED_METADATA:
        va, vb = getattr(a.metadata, key), getattr(b.metadata, key)
        same = _text(va) == _text(vb) if isinstance(va, str) or isinstance(vb, str) else va == vb
        if not same:
            out.append(f"metadata.{key}: {va!r} ≠ {vb!r}")
    if _text(a.preamble) != _text(b.preamble):
        out.append(f"preamble: {a.preamble[:40]!r}… ≠ {b.preamble[:40]!r}…")
    numbers = sorted({s.number for s in a.sections} | {s.number for s in b.sections})
    for n in numbers:
        sa, sb = a.section(n), b.section(n)
        if sa is None or sb is None:
            out.append(f"sections.{n}: {'present' if sa else 'missing'} ≠ {'present' if sb else 'missing'}")
            continue
        if _text(sa.title) != _text(sb.title):
            out.append(f"sections.{n}.title: {sa.title!r} ≠ {sb.title!r}")
        if _text(sa.text) != _text(sb.text):
            ta, tb = _text(sa.text), _text(sb.text)
            at = next((i for i, (x, y) in enumerate(zip(ta, tb, strict=False)) if x != y), min(len(ta), len(tb)))
            out.append(f"sections.{n}.text: differs at character {at}: {ta[at : at + 20]!r} ≠ {tb[at : at + 20]!r}")
    for spec in TABLES.values():
        out += _table_differences(a, b, spec)
    return out
