"""The year's report computed from the register, for one agency or a supervisor's region, and written.

The tables always come from the records (each cell names them); the texts — preamble, the
narrative of each section, the signature — are the scaffold's unless staff give their own
(``texts``: any report gongkai reads, typically the JSON of an earlier draft they edited), so a
final can be written once the 【待填写】 marks are replaced, without ever typing a number.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from gongkai.cases.records import Register
from gongkai.errors import RegisterError, UsageError
from gongkai.model import AnnualReport, Section

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from gongkai.write import WriteResult


def agency_report_in(session: Session, agency: str, year: int) -> AnnualReport:
    """The agency's report for ``year`` computed from its records, on an open session (the web app's)."""
    from gongkai.cases.report import compute_report
    from gongkai.store.repo import load_register

    return compute_report(load_register(session, agency), year)


def register_of(agency: str, *, url: str | None = None) -> Register:
    """Everything recorded for ``agency`` (E209 when the store has no such agency)."""
    from gongkai.store.engine import open_store, session_scope
    from gongkai.store.repo import load_register

    engine = open_store(url)
    try:
        with session_scope(engine, read_only=True) as session:
            return load_register(session, agency)
    finally:
        engine.dispose()


def agency_report(agency: str, year: int, *, url: str | None = None) -> AnnualReport:
    """The agency's report for ``year`` computed from its records."""
    from gongkai.cases.report import compute_report

    return compute_report(register_of(agency, url=url), year)


def region_report(region: str, year: int, *, url: str | None = None) -> AnnualReport:
    """The sum of the computed reports of every agency of ``region`` (E209 when it has none)."""
    from gongkai.cases.region import sum_reports
    from gongkai.cases.report import compute_report
    from gongkai.store.engine import open_store, session_scope
    from gongkai.store.repo import agencies, load_register

    engine = open_store(url)
    try:
        with session_scope(engine, read_only=True) as session:
            members = agencies(session, region=region)
            if not members:
                raise RegisterError(
                    "E209", f"地区“{region}”下没有登记任何机关（gongkai agency add … --region {region}）"
                )
            registers = [load_register(session, a.name) for a in members]
    finally:
        engine.dispose()
    return sum_reports([compute_report(r, year) for r in registers], region)


def prepared_copy(report: AnnualReport) -> AnnualReport:
    """A copy of ``report`` completed as the writer completes it (placeholders filled, totals, text lines)."""
    from gongkai.write.prepare import prepare

    out = report.model_copy(deep=True)
    prepare(out, structured=True)
    return out


TEXT_METADATA = ("title", "signature_agency", "signature_date", "publication_date")


def with_texts(report: AnnualReport, texts: AnnualReport) -> AnnualReport:
    """``report`` (computed) with the narrative of ``texts``: preamble, section titles and texts, signature.

    The tables stay the computed ones, and so does section 六's fee sentence: where the text given
    states one in gongkai's words (an earlier draft's), it is replaced by this year's records'; where
    it still has the 【待填写】 fee mark, the sentence goes there; staff's own wording is kept as given.

    Raises:
        RegisterError: E204 when ``texts`` is another agency's or another year's report.
    """
    got, want = texts.metadata, report.metadata
    if got.year is not None and got.year != want.year:
        raise RegisterError("E204", f"文字来源是{got.year}年度的报告，而本报告为{want.year}年度")
    if got.agency and want.agency and got.agency != want.agency:
        raise RegisterError("E204", f"文字来源是“{got.agency}”的报告，而本报告为“{want.agency}”")
    out = report.model_copy(deep=True)
    out.lines = []  # rebuilt from the new texts when the report is completed
    out.preamble = texts.preamble or out.preamble
    by_number = {s.number: s for s in texts.sections}
    for section in out.sections:
        given = by_number.get(section.number)
        if given is None or not given.text.strip():
            continue
        computed = section.text
        section.text = given.text
        section.title = given.title or section.title
        if section.number == 6:
            _keep_fee_sentence(section, computed)
    for name in TEXT_METADATA:
        value = getattr(got, name)
        if value is not None:
            setattr(out.metadata, name, value)
    return out


def _keep_fee_sentence(section: Section, computed: str) -> None:
    from gongkai.cases.fee_sentence import fee_text, parse_fee_text, replace_fee_text
    from gongkai.cases.report import set_fee_paragraph
    from gongkai.model.placeholders import TO_FILL

    found = parse_fee_text(computed)
    if found is None:
        return
    sentence = fee_text(*found)
    replaced = replace_fee_text(section.text, sentence)
    if replaced is not None:
        section.text = replaced
    elif any("信息处理费" in line and TO_FILL.search(line) for line in section.text.split("\n")):
        set_fee_paragraph(section, sentence)


def read_texts(path: str | Path) -> AnnualReport:
    """The report whose texts to use (any format gongkai reads)."""
    from gongkai.api import read_report

    return read_report(path)


def computed_report(
    *,
    agency: str | None,
    region: str | None,
    year: int,
    texts: str | Path | None = None,
    url: str | None = None,
) -> AnnualReport:
    """The report for ``agency`` or ``region`` (exactly one), with the texts of ``texts`` when given."""
    if (agency is None) == (region is None):
        raise UsageError("请指定 --agency 或 --region 之一（不能同时指定）")
    report = agency_report(agency, year, url=url) if agency is not None else region_report(str(region), year, url=url)
    return with_texts(report, read_texts(texts)) if texts is not None else report


def write_computed(
    report: AnnualReport, targets: Sequence[str | Path], *, draft: bool, previous: AnnualReport | None = None
) -> WriteResult:
    """Write the computed report through the writer (same audit, same refusal of a final with errors)."""
    from gongkai.write import check_targets, write_loaded

    outs = check_targets(report.source_file or "登记簿", targets)
    return write_loaded(report, outs, structured=True, draft=draft, previous=previous)
