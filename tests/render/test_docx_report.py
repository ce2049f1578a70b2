"""The official-layout DOCX renderer: reads back as the same report, has the template's structure, looks right."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from lxml import etree

from gongkai.api import read_report
from gongkai.extract import extract
from gongkai.model import AnnualReport, Cell
from gongkai.model.grid import GRIDS, RESULTS_GROUP
from gongkai.readers import read_bytes
from gongkai.render.document import DRAFT_MARK
from gongkai.render.docx_report import render_docx
from gongkai.write.compare import differences
from tests.factories import make_report
from tests.write_strategies import reports

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted(ROOT.glob("samples/00[0-4]_*.txt"))
GOLDEN = Path(__file__).parent / "golden" / "docx_page1.png"
MAX_PIXEL_DIFFERENCE = 0.5
"""Mean absolute difference (0-255 grey levels) allowed against the golden image (losing the watermark costs ~1)."""


def read_back(data: bytes) -> AnnualReport:
    return extract(read_bytes(data, "x.docx"))


def sample_report() -> AnnualReport:
    report = make_report()
    report.preamble = (
        "本报告依据《中华人民共和国政府信息公开条例》编制，所列数据的统计期限自2024年1月1日起至2024年12月31日止。"
    )
    return report


@pytest.fixture(scope="module")
def draft() -> bytes:
    return render_docx(sample_report(), draft=True)


@pytest.fixture(scope="module")
def final() -> bytes:
    return render_docx(sample_report())


def _tables(data: bytes) -> list[etree._Element]:
    return list(Document(io.BytesIO(data)).element.body.iter(qn("w:tbl")))


def _spans(tbl: etree._Element) -> list[list[tuple[str, int, int]]]:
    """Each row's cells as (text, rowspan, colspan), vertical-merge continuations folded into the cell above."""
    rows: list[list[tuple[str, int, int]]] = []
    origin: dict[int, list[int]] = {}  # grid column → [row, index in row, rowspan]
    for r, tr in enumerate(tbl.iter(qn("w:tr"))):
        rows.append([])
        col = 0
        for tc in tr.iter(qn("w:tc")):
            span_el = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
            span = int(span_el.get(qn("w:val"))) if span_el is not None else 1
            vmerge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
            if vmerge is not None and vmerge.get(qn("w:val")) != "restart":
                origin[col][2] += 1
            else:
                text = "".join(t.text or "" for t in tc.iter(qn("w:t")))
                origin[col] = [r, len(rows[-1]), 1]
                rows[-1].append((text, 1, span))
            col += span
        for row_no, index, rowspan in origin.values():
            text, _, span = rows[row_no][index]
            rows[row_no][index] = (text, rowspan, span)
    return rows


# round trips: what is written reads back as the same report


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report=reports())
def test_random_report_reads_back_identically(report: AnnualReport) -> None:
    assert differences(report, read_back(render_docx(report))) == []


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report=reports())
def test_random_draft_reads_back_identically(report: AnnualReport) -> None:
    assert differences(report, read_back(render_docx(report, draft=True))) == []


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name[:3])
def test_sample_draft_reads_back_identically(path: Path) -> None:
    report = read_report(path)
    assert differences(report, read_back(render_docx(report, draft=True))) == []


def test_samples_present() -> None:
    assert len(SAMPLES) == 5


# structure


def test_page_is_a4_with_official_margins_and_page_number(final: bytes) -> None:
    doc = Document(io.BytesIO(final))
    section = doc.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(m.cm, 2) for m in margins] == [3.7, 3.5, 2.8, 2.6]
    footer = section.footer.paragraphs[0]
    assert doc.styles["Footer"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    fields = footer._p.findall(qn("w:fldSimple"))
    assert [f.get(qn("w:instr")).strip() for f in fields] == ["PAGE"]
    assert "".join(t.text for t in footer._p.iter(qn("w:t"))) == "— 1 —"


def test_tables_are_the_grids_with_their_merges(final: bytes) -> None:
    tables = _tables(final)
    assert len(tables) == 3
    for tbl, grid_of in zip(tables, GRIDS.values(), strict=True):
        grid = grid_of()
        got = _spans(tbl)
        want = [[(c.text, c.rowspan, c.colspan) for c in row] for row in grid.rows]
        # value cells print numbers: compare the shape everywhere and the printed labels
        assert [[(rs, cs) for _, rs, cs in row] for row in got] == [[(rs, cs) for _, rs, cs in row] for row in want]
        for got_row, grid_row in zip(got, grid.rows, strict=True):
            assert [t for (t, _, _), c in zip(got_row, grid_row, strict=True) if c.kind != "value"] == [
                c.text for c in grid_row if c.kind != "value"
            ]
    table3 = _spans(tables[1])
    assert table3[0][0][1:] == (3, 3)  # the note spans 3 columns × 3 rows
    assert [cell for row in table3 for cell in row if cell[0] == RESULTS_GROUP] == [(RESULTS_GROUP, 22, 1)]


def test_tables_have_template_widths_fixed_layout_borders_and_header_rows(final: bytes) -> None:
    for tbl, grid_of in zip(_tables(final), GRIDS.values(), strict=True):
        grid = grid_of()
        cols = tbl.find(qn("w:tblGrid")).findall(qn("w:gridCol"))
        assert tuple(int(c.get(qn("w:w"))) for c in cols) == grid.widths
        for tr in tbl.iter(qn("w:tr")):
            col = 0
            for tc in tr.iter(qn("w:tc")):
                span_el = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
                span = int(span_el.get(qn("w:val"))) if span_el is not None else 1
                width = int(tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}").get(qn("w:w")))
                assert width == sum(grid.widths[col : col + span])
                col += span
            assert col == grid.columns
        tbl_pr = tbl.find(qn("w:tblPr"))
        assert tbl_pr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        assert tbl_pr.find(qn("w:jc")).get(qn("w:val")) == "center"
        borders = tbl_pr.find(qn("w:tblBorders"))
        sides = {etree.QName(b).localname: (b.get(qn("w:val")), b.get(qn("w:color"))) for b in borders}
        assert sides == dict.fromkeys(("top", "left", "bottom", "right", "insideH", "insideV"), ("single", "000000"))
        repeated = [tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None for tr in tbl.iter(qn("w:tr"))]
        assert repeated == [r < grid.head_rows for r in range(len(grid.rows))]


def test_blank_value_cells_stay_empty() -> None:
    report = sample_report()
    report.table2.rows["regulations"]["issued"] = Cell(raw="", state="blank")
    report.table2.rows["regulations"]["abolished"] = Cell(raw="/", state="marker")
    tbl = _tables(render_docx(report))[0]
    row = list(tbl.iter(qn("w:tr")))[2]
    cells = list(row.iter(qn("w:tc")))
    assert cells[1].find(f".//{qn('w:r')}") is None
    assert "".join(t.text for t in cells[2].iter(qn("w:t"))) == "/"


def test_fonts_are_set_for_latin_and_east_asian_text(final: bytes) -> None:
    doc = Document(io.BytesIO(final))
    want = {"Normal": "仿宋_GB2312", "Title": "方正小标宋简体", "Heading 1": "黑体", "Table Text": "宋体"}
    sizes = {"Normal": 16, "Title": 22, "Heading 1": 16, "Table Text": 10.5}
    for name, font in want.items():
        fonts = doc.styles[name].element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        assert {a: fonts.get(qn(f"w:{a}")) for a in ("ascii", "hAnsi", "eastAsia")} == dict.fromkeys(
            ("ascii", "hAnsi", "eastAsia"), font
        )
        assert not any("Theme" in k for k in fonts.attrib)  # a theme font would override the named one
        assert doc.styles[name].font.size.pt == sizes[name]
    used = [p.style.name for p in doc.paragraphs]
    assert used[0] == "Title"
    assert {"Normal", "Heading 1", "Signature"} <= set(used)
    body = doc.styles["Normal"].element.find(qn("w:pPr"))
    assert body.find(qn("w:ind")).get(qn("w:firstLineChars")) == "200"
    spacing = body.find(qn("w:spacing"))
    assert spacing.get(qn("w:lineRule")) == "exact" and 560 <= int(spacing.get(qn("w:line"))) <= 580
    assert doc.styles["Title"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert doc.styles["Signature"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT


def test_watermark_is_a_picture_behind_the_text_in_the_draft_header_only(draft: bytes, final: bytes) -> None:
    header = Document(io.BytesIO(draft)).sections[0].header
    anchors = list(header._element.iter(qn("wp:anchor")))
    assert len(anchors) == 1 and anchors[0].get("behindDoc") == "1"
    assert anchors[0].find(f"{qn('wp:positionH')}").get("relativeFrom") == "page"
    assert next(anchors[0].iter(qn("a:blip"))).get(qn("r:embed"))
    assert not list(header._element.iter(qn("wp:inline")))
    final_header = Document(io.BytesIO(final)).sections[0].header
    assert final_header.is_linked_to_previous  # no header of its own
    with zipfile.ZipFile(io.BytesIO(final)) as z:
        assert not [n for n in z.namelist() if n.startswith("word/header") or n.startswith("word/media")]


def test_draft_body_text_has_no_draft_mark(draft: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(draft)) as z:
        assert DRAFT_MARK not in z.read("word/document.xml").decode()
        assert all(DRAFT_MARK not in z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml"))
    raw = read_bytes(draft, "x.docx")
    assert all(DRAFT_MARK not in cell.text for row in raw.rows for cell in row.cells)


def test_output_is_deterministic_and_titled(final: bytes) -> None:
    assert render_docx(sample_report()) == final
    props = Document(io.BytesIO(final)).core_properties
    assert props.title == "某市某局2024年政府信息公开工作年度报告"
    assert props.created is not None and props.created.date().isoformat() == "2025-01-20"


# golden rendering


def render_pages(docx: bytes) -> bytes | None:
    """Pages 1 and 2 of ``docx`` as rendered by LibreOffice at 50 dpi, side by side in one grey PNG (None: no tools)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdftoppm") is None:
        return None
    with tempfile.TemporaryDirectory(prefix="gongkai-docx-") as tmp:
        work = Path(tmp)
        (work / "report.docx").write_bytes(docx)
        cmd = [soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--norestore"]
        cmd += ["--convert-to", "pdf", "--outdir", str(work), str(work / "report.docx")]
        env = {**os.environ, "HOME": str(work), "SAL_USE_VCLPLUGIN": "svp"}
        subprocess.run(cmd, check=True, capture_output=True, timeout=120, env=env)
        pdf, prefix = str(work / "report.pdf"), str(work / "page")
        subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "2", pdf, prefix], check=True, timeout=60)
        return _side_by_side([p.read_bytes() for p in sorted(work.glob("page-*.png"))])


@pytest.fixture(scope="module")
def page_png(draft: bytes) -> bytes:
    png = render_pages(draft)
    if png is None:
        pytest.skip("LibreOffice (soffice) or pdftoppm is not installed: cannot render the DOCX to an image")
    return png


def _side_by_side(pngs: list[bytes]) -> bytes:
    from PIL import Image

    images = [Image.open(io.BytesIO(p)).convert("L") for p in pngs]
    sheet = Image.new("L", (sum(i.width for i in images), max(i.height for i in images)), 255)
    x = 0
    for image in images:
        sheet.paste(image, (x, 0))
        x += image.width
    out = io.BytesIO()
    sheet.save(out, format="PNG", optimize=True)
    return out.getvalue()


def test_rendering_matches_golden_image(page_png: bytes) -> None:
    import numpy as np
    from PIL import Image

    if os.environ.get("GONGKAI_REGEN") == "1" or not GOLDEN.exists():
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_bytes(page_png)
        if os.environ.get("GONGKAI_REGEN") != "1":
            pytest.fail(f"golden image was missing and has been written to {GOLDEN}: look at it, then run again")
    got = np.asarray(Image.open(io.BytesIO(page_png)).convert("L"), dtype=np.float64)
    want = np.asarray(Image.open(GOLDEN).convert("L"), dtype=np.float64)
    assert got.shape == want.shape, f"page size {got.shape} ≠ golden {want.shape} (regenerate with GONGKAI_REGEN=1)"
    difference = float(np.abs(got - want).mean())
    assert difference < MAX_PIXEL_DIFFERENCE, f"rendering differs from {GOLDEN.name} by {difference:.2f} grey levels"
