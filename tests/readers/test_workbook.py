"""Reading gongkai's workbook back: round trips, values staff typed, and changed structures."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from openpyxl import Workbook, load_workbook

from gongkai.api import read_report
from gongkai.audit import audit
from gongkai.errors import InputError
from gongkai.extract.totals import compute_totals
from gongkai.model import AnnualReport, Cell
from gongkai.model.template import TOTALS
from gongkai.readers import read_bytes, ziplimits
from gongkai.readers.detect import sniff_binary
from gongkai.readers.workbook import is_gongkai_workbook, read_workbook
from gongkai.render.workbook import render_workbook
from gongkai.write.compare import differences
from tests.write_strategies import reports

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "samples").glob("00[0-4]_*.txt"))
T2, T3, T4, META = "表二 主动公开", "表三 申请情况", "表四 复议诉讼", "基本信息"


def computed(report: AnnualReport) -> AnnualReport:
    out = report.model_copy(deep=True)
    compute_totals(out)
    return out


def edit(data: bytes, changes: dict[str, dict[str, object]], drop: str | None = None) -> bytes:
    """The workbook with cells changed (sheet → address → value) as staff would, saved by openpyxl."""
    wb = load_workbook(io.BytesIO(data))
    for sheet, cells in changes.items():
        for ref, value in cells.items():
            wb[sheet][ref] = value
    if drop is not None:
        del wb[drop]
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def error(data: bytes) -> InputError:
    with pytest.raises(InputError) as exc:
        read_workbook(data, "填报.xlsx")
    return exc.value


@pytest.fixture(scope="module")
def sample() -> AnnualReport:
    return read_report(SAMPLES[2])


@pytest.fixture(scope="module")
def data(sample: AnnualReport) -> bytes:
    return render_workbook(sample)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report=reports())
def test_random_reports_round_trip(report: AnnualReport) -> None:
    back = read_workbook(render_workbook(report), "r.xlsx")
    assert (back.format, back.source_format) == ("2021", "xlsx")
    assert all(back.table(t).found for t in ("table2", "table3", "table4"))
    for table_id, totals in TOTALS.items():  # consistent reports: every total comes back as a formula
        for row, col in totals:
            cell = back.table(table_id).cell(row, col)
            assert cell is not None and (cell.state, cell.raw, cell.note) == ("blank", None, "formula")
    assert differences(computed(report), computed(back)) == []


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name[:3])
def test_seed_reports_read_back_identically(path: Path, tmp_path: Path) -> None:
    report = read_report(path)
    out = tmp_path / "填报.xlsx"
    out.write_bytes(render_workbook(report, draft=True))
    back = read_report(out)
    assert back.source_format == "xlsx"
    assert differences(computed(report), computed(back)) == []


def test_given_total_that_disagrees_comes_back_as_given(sample: AnnualReport) -> None:
    report = sample.model_copy(deep=True)
    report.table3.rows["granted"]["total"] = Cell(raw="999", value=999, state="number")
    report.table4.rows["administrative_review"]["total"] = Cell(raw="8", value=8, state="number")
    back = read_workbook(render_workbook(report), "r.xlsx")
    assert back.table3.value("granted", "total") == 999
    assert back.table4.value("administrative_review", "total") == 8
    assert back.table3.cell("new_received", "total").note == "formula"  # type: ignore[union-attr]
    codes = {f.code for f in audit(computed(back))}
    assert codes & {"A102", "A103", "A105"}


def test_values_staff_typed_are_kept_with_sheet_and_cell(data: bytes) -> None:
    changed = edit(data, {T3: {"D7": -3, "E8": "abc", "F9": 1.5, "G10": "/", "H11": "12", "D12": 4.0}, T2: {"B18": -1}})
    back = read_workbook(changed, "填报.xlsx")
    t3 = back.table3

    def at(row: str, col: str) -> Cell:
        cell = t3.cell(row, col)
        assert cell is not None and cell.provenance is not None
        return cell

    cell = at("carried_over", "natural_person")
    assert (cell.state, cell.value) == ("number", -3)
    prov = cell.provenance
    assert prov is not None and (prov.sheet, prov.cell, prov.row, prov.column) == (T3, "D7", 7, 4)
    assert (at("granted", "commercial_enterprise").state, at("granted", "commercial_enterprise").raw) == ("text", "abc")
    assert t3.value("partially_granted", "research_institution") == 1.5
    assert at("denied_state_secret", "social_welfare_org").state == "marker"
    assert t3.value("denied_prohibited_by_law", "legal_service_org") == 12
    four = t3.value("denied_three_safeties_one_stability", "natural_person")
    assert four == 4 and isinstance(four, int)
    findings = audit(back)
    where = {(f.code, f.location.source.cell if f.location.source else None) for f in findings}
    assert {("A106", "D7"), ("A106", "F9"), ("S111", "E8"), ("A106", "B18")} <= where
    a106 = next(f for f in findings if f.code == "A106" and f.location.source and f.location.source.cell == "D7")
    assert "工作表“表三 申请情况”D7单元格" in a106.location.describe()


def test_formula_totals_are_not_given_and_other_formulas_are_flagged(data: bytes) -> None:
    back = read_workbook(edit(data, {T3: {"J8": "=SUM(D8:I8)+1", "D6": "=2+3"}}), "填报.xlsx")
    total = back.table3.cell("new_received", "total")
    assert total is not None and (total.state, total.raw, total.note) == ("blank", None, "formula")
    assert total.provenance is not None and total.provenance.cell == "J6"
    odd = back.table3.cell("granted", "total")  # saved by openpyxl: no cached value to fall back on
    assert odd is not None and (odd.state, odd.raw) == ("text", "=SUM(D8:I8)+1")
    assert back.table3.cell("new_received", "natural_person").state == "text"  # type: ignore[union-attr]


def test_changed_formula_with_a_cached_value_reads_that_value(data: bytes) -> None:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name in src.namelist():
            member = src.read(name)
            if name == "xl/worksheets/sheet4.xml":
                member = member.replace(b"<f>SUM(D8:I8)</f>", b"<f>SUM(D8:I8)*1</f>")
            z.writestr(name, member)
    cell = read_workbook(out.getvalue(), "r.xlsx").table3.cell("granted", "total")
    assert cell is not None and cell.state == "number" and cell.note == "=SUM(D8:I8)*1"


def test_cells_are_located_by_key_not_position(data: bytes, sample: AnnualReport) -> None:
    ws = load_workbook(io.BytesIO(data))[T2]
    swap: dict[str, dict[str, object]] = {T2: {}}
    for col in "ABCDE":
        swap[T2][f"{col}5"], swap[T2][f"{col}6"] = ws[f"{col}6"].value, ws[f"{col}5"].value
    back = read_workbook(edit(data, swap), "r.xlsx")
    for field in ("issued", "abolished", "in_force"):
        assert back.table2.value("regulations", field) == sample.table2.value("regulations", field)
    assert back.table2.cell("regulations", "issued").provenance.cell == "B6"  # type: ignore[union-attr]


def test_blank_template_reads_back_as_template() -> None:
    from tests.render.test_workbook import blank_report

    back = read_workbook(render_workbook(blank_report(), blank=True), "t.xlsx")
    assert back.template and back.metadata.year == 2024
    assert [s.number for s in back.sections] == [1, 2, 3, 4, 5, 6]
    assert back.lines and back.lines[0].provenance.sheet == META


@pytest.mark.parametrize(
    ("changes", "drop", "where"),
    [
        ({}, T4, "表四 复议诉讼"),
        ({T3: {"K7": "something_else"}}, None, "工作表“表三 申请情况”K7单元格"),
        ({T3: {"D5": "natural"}}, None, "工作表“表三 申请情况”D5单元格"),
        ({T4: {"H1": None}}, None, "工作表“表四 复议诉讼”H1单元格"),
        ({META: {"B4": "yr"}}, None, "工作表“基本信息”B4单元格"),
        ({"_gongkai": {"B2": 2}}, None, "工作表“_gongkai”B2单元格"),
    ],
    ids=["missing-sheet", "row-key", "field-key", "key-column", "meta-key", "schema-version"],
)
def test_changed_structure_is_e116_naming_sheet_and_cell(
    data: bytes, changes: dict[str, dict[str, object]], drop: str | None, where: str
) -> None:
    err = error(edit(data, changes, drop))
    assert err.code == "E116" and where in err.message


def test_not_gongkai_workbook(tmp_path: Path) -> None:
    wb = Workbook()
    wb.active["A1"] = "表三"
    buf = io.BytesIO()
    wb.save(buf)
    plain = buf.getvalue()
    assert sniff_binary(plain) == "xlsx" and not is_gongkai_workbook(plain)
    assert error(plain).code == "E116"
    path = tmp_path / "other.xlsx"
    path.write_bytes(plain)
    with pytest.raises(InputError) as exc:
        read_report(path)
    assert exc.value.code == "E104" and "Excel" in exc.value.message


def test_damaged_and_hostile_archives(data: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert is_gongkai_workbook(data) and sniff_binary(data) == "xlsx"
    cut = data[: len(data) // 2]
    assert not is_gongkai_workbook(cut)
    assert error(cut).code == "E110"
    path = tmp_path / "cut.xlsx"
    path.write_bytes(cut)
    with pytest.raises(InputError) as exc:
        read_report(path)
    assert exc.value.code == "E110" and "Excel" in exc.value.message
    with pytest.raises(InputError) as exc:
        read_bytes(data, "x.xlsx")
    assert exc.value.code == "E104"
    monkeypatch.setattr(ziplimits, "MAX_TOTAL", 16 * 1024)
    assert error(data).code == "E114"


def test_metadata_dates_typed_as_text(data: bytes) -> None:
    back = read_workbook(edit(data, {META: {"C5": "2023年2月1日", "C6": "2023-12-31", "C8": "明年春天"}}), "r.xlsx")
    m = back.metadata
    assert (m.period_start, m.period_end, m.signature_date, m.signature_text) == (
        dt.date(2023, 2, 1),
        dt.date(2023, 12, 31),
        None,
        "明年春天",
    )
    assert re.fullmatch(r"C\d+", m.provenance["signature_date"].cell or "")


def _rezip(data: bytes, skip: str = "", patch: str = "") -> bytes:
    """The archive again, without member ``skip``, and with the deflate data of ``patch`` damaged."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != skip:
                dst.writestr(info.filename, src.read(info))
    raw = bytearray(out.getvalue())
    if patch:
        with zipfile.ZipFile(io.BytesIO(bytes(raw))) as z:
            info = z.getinfo(patch)
        start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
        raw[start : start + 12] = b"\xff\x00\xfe\x01" * 3
    return bytes(raw)


def _sheet_part(data: bytes, sheet: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        book = z.read("xl/workbook.xml").decode()
        rels = z.read("xl/_rels/workbook.xml.rels").decode()
    rid = re.search(rf'<sheet [^>]*name="{sheet}"[^>]*r:id="(rId\d+)"', book)
    assert rid is not None
    target = re.search(rf'Id="{rid.group(1)}"[^>]*Target="/?(?:xl/)?([^"]+)"', rels) or re.search(
        rf'Target="/?(?:xl/)?([^"]+)"[^>]*Id="{rid.group(1)}"', rels
    )
    assert target is not None
    return "xl/" + target.group(1)


def test_workbook_missing_its_key_sheet_part_is_e116(data: bytes) -> None:
    """Fuzz case 17a: the hidden key sheet is listed but its part is gone (was KeyError, E108)."""
    broken = _rezip(data, skip=_sheet_part(data, "_gongkai"))
    assert is_gongkai_workbook(broken)
    err = error(broken)
    assert err.code == "E116" and "“_gongkai”的内容缺失" in err.message


def test_workbook_with_invalid_zip_version_is_e110(data: bytes) -> None:
    """Fuzz case 17b: "version needed to extract" 25.5 in the central directory (was NotImplementedError)."""
    raw = bytearray(data)
    central = raw.index(b"PK\x01\x02")
    raw[central + 6 : central + 8] = (255).to_bytes(2, "little")
    err = error(bytes(raw))
    assert err.code == "E110" and "目录已损坏" in err.message


def test_workbook_with_damaged_deflate_data_is_e110(data: bytes) -> None:
    """Fuzz case 17c: the workbook part's compressed data is damaged (was zlib.error)."""
    err = error(_rezip(data, patch="xl/workbook.xml"))
    assert err.code == "E110" and "xl/workbook.xml" in err.message


def test_damaged_workbook_files_from_the_fuzzer_are_named(tmp_path: Path) -> None:
    cases = Path(__file__).parent / "fuzz"  # copied from shared/fuzz/cases/17_workbook_reader_uncaught
    for name, code in (("a_gongkai_sheet_part_missing", "E116"), ("b_zip_version_25_5", "E110"),
                       ("c_workbook_xml_deflate_damaged", "E110")):  # fmt: skip
        with pytest.raises(InputError) as exc:
            read_report(cases / f"{name}.xlsx")
        assert exc.value.code == code, name


def test_impossible_dates_are_kept_as_typed_and_reported_at_their_cell(data: bytes, tmp_path: Path) -> None:
    changes = {META: {"C5": "二〇二四年一月一日", "C6": "2024年12月31日", "C8": "2025年2月30日"}}
    path = tmp_path / "r.xlsx"
    path.write_bytes(edit(data, changes))
    report = read_report(path)
    m = report.metadata
    assert (m.period_start, m.period_end, m.signature_date) == (dt.date(2024, 1, 1), dt.date(2024, 12, 31), None)
    assert m.typed_dates == {"signature_date": "2025年2月30日"} and m.signature_text == "2025年2月30日"
    [finding] = [f for f in audit(report) if f.code == "M106" and f.location.part == "metadata"]
    assert finding.severity.value == "error" and finding.location.source is not None
    assert "工作表“基本信息”C8单元格" in finding.message and "“2025年2月30日”，2025年2月只有28日" in finding.message


def test_workbook_with_damaged_relationships_warns_nobody(tmp_path: Path) -> None:
    """Found by the fuzz harness: openpyxl's UserWarning on a damaged .rels part reached the terminal."""
    import subprocess
    import sys
    import zipfile

    from gongkai.render.workbook import render_workbook
    from tests.factories import make_report

    good = zipfile.ZipFile(io.BytesIO(render_workbook(make_report())))
    path = tmp_path / "填报.xlsx"
    with zipfile.ZipFile(path, "w") as out:
        for info in good.infolist():
            body = good.read(info.filename)
            if info.filename == "xl/_rels/workbook.xml.rels":
                body = body.replace(b"<Relationship ", b"<Relationship Bogus=", 1)  # no longer well-formed
                body = body.replace(b'Bogus=Id="', b'Id="', 1).replace(b' Type="', b' Typo="', 1)
            out.writestr(info, body)
    script = Path(sys.executable).parent / "gongkai"
    done = subprocess.run([str(script), "check", str(path)], capture_output=True, text=True, timeout=120)
    assert done.returncode in (0, 1, 2) and "Traceback" not in done.stderr
    assert "Warning" not in done.stderr and done.stderr == ""
