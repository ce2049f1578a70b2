"""The PDF report: reads back identically through our PDF reader, 公文 page setup, fonts, watermark, golden page."""

from __future__ import annotations

import functools
import io
from pathlib import Path

import numpy as np
import pdfplumber
import pypdfium2 as pdfium
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from gongkai.api import read_report
from gongkai.model import AnnualReport
from gongkai.render.pdf_report import render_pdf
from gongkai.write.compare import differences
from tests.render.test_html_report import GOLDEN, REGEN, SEEDS, golden_report, read_back
from tests.write_strategies import reports

CM = 72 / 2.54
A4 = (595.28, 841.89)
GOLDEN_DPI = 50
MAX_PIXEL_DIFFERENCE = 3.0
"""Mean absolute difference (0–255 grey) allowed between the golden page and a new rendering."""


@functools.cache
def _seed_pdf(seed: Path) -> tuple[AnnualReport, bytes]:
    report = read_report(seed)
    return report, render_pdf(report, draft=True)


@functools.cache
def _golden_pdf(draft: bool = False) -> bytes:
    return render_pdf(golden_report(), draft=draft)


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report=reports(), draft=st.booleans())
def test_pdf_random_reports_read_back_identically(report: AnnualReport, draft: bool) -> None:
    assert differences(report, read_back(render_pdf(report, draft=draft), "x.pdf")) == []


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_pdf_seed_reports_read_back_identically_as_draft(seed: Path) -> None:
    report, data = _seed_pdf(seed)
    assert differences(report, read_back(data, "x.pdf")) == []


def test_pdf_is_a4_with_official_margins_and_page_numbers() -> None:
    with pdfplumber.open(io.BytesIO(_golden_pdf())) as pdf:
        assert len(pdf.pages) >= 2
        for number, page in enumerate(pdf.pages, 1):
            assert (page.width, page.height) == pytest.approx(A4, abs=0.5)
            body = [c for c in page.chars if c["bottom"] < page.height - 3.5 * CM + 1]
            assert (
                min(c["x0"] for c in body) >= 2.8 * CM - 1 and max(c["x1"] for c in body) <= page.width - 2.6 * CM + 1
            )
            assert min(c["top"] for c in body) >= 3.7 * CM - 1
            footer = page.crop((0, page.height - 3.5 * CM, page.width, page.height)).extract_text()
            assert footer == f"— {number} —"
            foot = [c for c in page.chars if c["top"] > page.height - 3.5 * CM]
            centre = (2.8 * CM + page.width - 2.6 * CM) / 2  # of the text block
            assert (min(c["x0"] for c in foot) + max(c["x1"] for c in foot)) / 2 == pytest.approx(centre, abs=1)
            # the reader drops it as a page number: inside its margin band
            assert min(c["top"] for c in foot) > page.height * 0.92


def test_pdf_embeds_subsets_of_two_font_families_song_body_hei_headings() -> None:
    with pdfplumber.open(io.BytesIO(_golden_pdf())) as pdf:
        page = pdf.pages[0]
        fonts = {c["fontname"] for c in page.chars}
        title = {c["fontname"] for c in page.chars if c["text"] == "某" and c["size"] > 17}
        body = {c["fontname"] for c in page.chars if c["text"] == "本" and round(c["size"]) == 16}
    assert len(fonts) == 2 and all("+" in f for f in fonts)  # subset-tagged: embedded subsets
    assert len(title) == 1 and "Zen-Hei" in title.pop()
    assert len(body) == 1 and "UMing" in body.pop()


def test_pdf_tables_are_ruled_and_repeat_their_header_on_each_page() -> None:
    _, data = _seed_pdf(SEEDS[0])  # its table 3 runs over a page break
    rows3 = ("一、本年新收政府信息公开申请数量", "1.属于国家秘密", "8.属于行政查询事项", "四、结转下年度继续办理")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        texts = [(p.extract_text() or "").replace(" ", "") for p in pdf.pages]
        table3 = [i for i, t in enumerate(texts) if any(r in t for r in rows3)]
        assert len(table3) >= 2
        for i in table3:
            assert "申请人情况" in texts[i] and "法人或其他组织" in texts[i]
            assert len(pdf.pages[i].edges) > 50  # drawn rules the reader rebuilds cells from


def test_pdf_draft_watermark_is_an_image_and_reads_like_the_final() -> None:
    final, draft = _golden_pdf(), _golden_pdf(draft=True)
    with pdfplumber.open(io.BytesIO(final)) as a, pdfplumber.open(io.BytesIO(draft)) as b:
        assert [p.extract_text() for p in a.pages] == [p.extract_text() for p in b.pages]
        assert all(not p.images for p in a.pages) and all(len(p.images) == 1 for p in b.pages)
    assert differences(golden_report(), read_back(draft, "x.pdf")) == []


def _page1(data: bytes) -> Image.Image:
    pdf = pdfium.PdfDocument(data)
    try:
        return pdf[0].render(scale=GOLDEN_DPI / 72).to_pil().convert("L")
    finally:
        pdf.close()


def test_pdf_golden_page1() -> None:
    image = _page1(_golden_pdf())
    path = GOLDEN / "pdf_page1.png"
    if REGEN:
        image.save(path, optimize=True)
    golden = Image.open(path).convert("L")
    assert golden.size == image.size
    diff = np.abs(np.asarray(golden, dtype=np.int16) - np.asarray(image, dtype=np.int16)).mean()
    assert diff < MAX_PIXEL_DIFFERENCE, f"page 1 differs from {path.name} by {diff:.2f}; GONGKAI_REGEN=1 to accept"


def test_pdf_rendering_leaves_the_image_reader_strict_about_truncated_scans() -> None:
    from PIL import Image

    from gongkai.errors import InputError
    from gongkai.readers import read_bytes

    render_pdf(golden_report())
    out = io.BytesIO()
    Image.new("L", (400, 300), 255).save(out, format="PNG")
    png = out.getvalue()
    with pytest.raises(InputError) as info:
        read_bytes(png[: len(png) // 2], "cut.png")
    assert info.value.code == "E110"
