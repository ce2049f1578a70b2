"""S119: table cells of a scan that OCR read with low confidence."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.audit.finding import Finding, Severity
from gongkai.audit.rule import Rule, register
from gongkai.audit.rules._cells import LOW_CONFIDENCE, cell_name, confidence_text, iter_cells, loc
from gongkai.model import AnnualReport


@register
class LowConfidenceCell(Rule):
    """What it checks:
    Cells of tables 二, 三 and 四 of a scanned report (an image, or a PDF page that is
    only a picture) whose text the OCR engine recognised with a confidence below 0.80.
    One finding per cell, quoting what was read and the confidence. The value is kept
    as read; gongkai never corrects it.

    Why:
    A number read from an image can be wrong: a faint “0” becomes “6” or “9”, a blurred
    “1” a “2”. Confidence below 0.80 marks the cells worth checking against the
    original. Measured on rendered report pages at 150 dpi: every cell of a clean page
    scored 0.97 or more; on poor scans (tilted, blurred, noisy, JPEG) 1–4 % of the cells
    scored below 0.80, all of them read right; on very poor ones (120 dpi, heavy noise)
    83 % of the misread cells and 13 % of the right ones did. A confident misreading
    remains possible, which is why the arithmetic rules name the least confident cell
    of a sum that fails.

    Example:
    表三 （一）予以公开 自然人 read as “12” with confidence 0.62 in a blurred scan.

    Correct:
    The value checked against the original. A text PDF or a clearer scan (straight,
    even lighting, at least 150 dpi) gives reliable readings.
    """

    code = "S119"
    name = "low-confidence-cell"
    severity = Severity.WARNING
    summary = "扫描件中有单元格识别置信度低，需人工核对"

    def check(self, report: AnnualReport) -> Iterator[Finding]:
        for table_id in ("table2", "table3", "table4"):
            for row, col, cell in iter_cells(report.table(table_id)):
                prov = cell.provenance
                if prov is None or prov.confidence is None or prov.confidence >= LOW_CONFIDENCE:
                    continue
                if cell.state in ("absent", "blank"):
                    continue
                yield self.finding(
                    f"{cell_name(table_id, row, col)}识别为 {(cell.raw or '').strip()}，"
                    f"识别置信度 {confidence_text(prov.confidence)}，需人工核对",
                    loc(table_id, row, col, cell),
                    "对照原件核对该单元格，识别有误时以原件为准；可复制文字的 PDF 或更清晰的扫描件能避免识别误差。",
                )
