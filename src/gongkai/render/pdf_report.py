"""The report as a PDF: the HTML page's template with the print stylesheet, laid out by WeasyPrint.

A4 with 公文 margins (top 3.7 cm, bottom 3.5 cm, left 2.8 cm, right 2.6 cm), page
numbers "— N —" centred below the text, body in AR PL UMing CN (宋体-like), the
title and headings in WenQuanYi Zen Hei (黑体-like), tables ruled with collapsed
black borders that our PDF reader rebuilds into cells, header rows repeated on every
page.  Only these two font families are used: WeasyPrint subsets and embeds every
font, and subsetting is most of its time.  A draft carries the 草稿 watermark as the
page background image, never as text, so it reads back exactly like the final PDF.
"""

from __future__ import annotations

from gongkai.model import AnnualReport
from gongkai.render.html_report import page_html


def render_pdf(report: AnnualReport, *, draft: bool = False) -> bytes:
    """The report as an A4 PDF with embedded font subsets; ``draft`` adds the 草稿 watermark image."""
    import weasyprint
    from PIL import ImageFile

    # Importing WeasyPrint sets Pillow's process-wide LOAD_TRUNCATED_IMAGES, which would make the
    # image reader accept truncated scans (E110) for the rest of the process; our HTML holds only
    # our own watermark PNG, so Pillow's default is put back.
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    pdf: bytes = weasyprint.HTML(string=page_html(report, draft=draft, medium="print")).write_pdf()
    return pdf
