"""Copied narrative across the store (X101): the touched results against every result of the same run settings.

Each touched result's MinHash signature is looked up in an LSH index of all the store's signatures
(same gongkai version and rule selection). A match with another agency's report gives both reports an
X101 finding naming the other; a match with the same agency's report of the year before gives the later
report the finding (it repeats last year's text). Earlier copied-text findings of the touched results,
and those other results hold about them, are replaced: a second run leaves the same rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from gongkai.audit.rules.corpus.copied_narrative import copied_finding
from gongkai.batch.similar import SimilarityIndex, relation
from gongkai.store.corpus import CHUNK, finding_row, unpack_report
from gongkai.store.corpus_tables import CorpusFindingRow, CorpusResultRow, CorpusSourceRow


@dataclass(frozen=True)
class _Meta:
    id: int
    agency_id: int | None
    agency: str | None
    year: int | None
    title: str | None


def _related(a: _Meta, b: _Meta) -> str | None:
    """``other``, ``previous`` (b is a's agency's previous year) or None, by the registry where it knows both."""
    if a.agency_id is not None and b.agency_id is not None:
        if a.agency_id != b.agency_id:
            return "other"
        return "previous" if a.year is not None and b.year == a.year - 1 else None
    return relation(a.agency, a.year, b.agency, b.year)


def _describe(session: Session, meta: _Meta) -> str:
    name = session.scalars(
        select(CorpusSourceRow.file_name)
        .join(CorpusResultRow, CorpusResultRow.document_id == CorpusSourceRow.document_id)
        .where(CorpusResultRow.id == meta.id)
        .order_by(CorpusSourceRow.id)
    ).first()
    title = meta.title or f"{meta.agency or '未识别机关'}{meta.year or ''}年度报告"
    return f"《{title}》（{name}）" if name else f"《{title}》"


def find_copies(session: Session, touched: Sequence[int]) -> int:
    """Store X101 findings for the touched results' copies; returns how many reports got one."""
    if not touched:
        return 0
    version, config = session.execute(
        select(CorpusResultRow.version, CorpusResultRow.config).where(CorpusResultRow.id == touched[0])
    ).one()
    rows = session.execute(
        select(
            CorpusResultRow.id,
            CorpusResultRow.agency_id,
            CorpusResultRow.agency,
            CorpusResultRow.year,
            CorpusResultRow.title,
            CorpusResultRow.minhash,
        ).where(
            CorpusResultRow.version == version, CorpusResultRow.config == config, CorpusResultRow.minhash.is_not(None)
        )
    ).all()
    metas = {r.id: _Meta(r.id, r.agency_id, r.agency, r.year, r.title) for r in rows}
    signatures = {r.id: bytes(r.minhash) for r in rows}
    index: SimilarityIndex[int] = SimilarityIndex(signatures.items())
    wanted = set(touched)
    ordered = sorted(wanted)
    for start in range(0, len(ordered), CHUNK):
        chunk = ordered[start : start + CHUNK]
        session.execute(
            delete(CorpusFindingRow).where(
                CorpusFindingRow.scope == "corpus",
                or_(CorpusFindingRow.result_id.in_(chunk), CorpusFindingRow.other_result_id.in_(chunk)),
            )
        )
    found: dict[int, list[tuple[int, float, str]]] = {}
    for rid in sorted(wanted & signatures.keys()):
        for other, share in index.matches(rid, signatures[rid]):
            kind = _related(metas[rid], metas[other])
            if kind is not None:
                found.setdefault(rid, []).append((other, share, kind))
            back = _related(metas[other], metas[rid])
            if other not in wanted and back is not None:  # the other report's finding about this one
                found.setdefault(other, []).append((rid, share, back))
    for rid, matches in sorted(found.items()):
        blob = session.scalar(select(CorpusResultRow.report).where(CorpusResultRow.id == rid))
        assert blob is not None, "a result with a signature has its report"
        report = unpack_report(blob)
        for other, share, kind in matches:
            finding = copied_finding(report, _describe(session, metas[other]), share, own_previous=kind == "previous")
            stored = finding_row(rid, finding, scope="corpus")
            stored.other_result_id = other
            stored.similarity = share
            session.add(stored)
    return len(found)


__all__ = ["find_copies"]
