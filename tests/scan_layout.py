"""Draw a report as scanned page images, for OCR round-trip tests (test-only).

The pages carry the title, the section headings and prose of
:func:`tests.layouts.document` and the three tables ruled in the official
structure (merged group cells as in :func:`tests.layouts.html_layout`, long
labels wrapped over several lines), on A4 at 150 dpi.  :func:`degrade` turns a
clean page into a poor scan: slight rotation, noise, blur and JPEG artefacts.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from gongkai.model.template import OUTCOME_ROWS_2021, TABLE2, TABLE3, TABLE4
from tests.layouts import HEADER_NOTE, T2_GROUPS, T3_ROWS, T4_HEAD, Table2, Table3, Table4, document

FONT_PATH = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
DPI = 150
PAGE_W, PAGE_H = 1240, 1754  # A4 at 150 dpi
MARGIN_X, MARGIN_Y = 100, 110
TEXT_W = PAGE_W - 2 * MARGIN_X
PAD = 6


@dataclass(frozen=True)
class TruthCell:
    """A drawn table cell: its text and box in pixels (for measuring OCR and ruling detection)."""

    text: str
    box: tuple[int, int, int, int]
    page: int = 0


Spec = tuple[str, int, int]  # text, rowspan, colspan
Grid = list[list[Spec]]


def font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(FONT_PATH, size)


def _wrap(text: str, fnt: ImageFont.FreeTypeFont, width: float) -> list[str]:
    lines, cur = [], ""
    for ch in text:
        if cur and fnt.getlength(cur + ch) > width:
            lines.append(cur)
            cur = ""
        cur += ch
    return [*lines, cur] if cur else lines or [""]


@dataclass
class _Table:
    widths: list[int]
    grid: Grid
    size: int = 19


def _layout(table: _Table) -> tuple[list[tuple[int, int, int, int, list[str]]], list[int]]:
    """Cells as (row, col, rowspan, colspan, lines) and the row heights."""
    fnt, line_h = font(table.size), table.size + 5
    taken: set[tuple[int, int]] = set()
    cells: list[tuple[int, int, int, int, list[str]]] = []
    for r, row in enumerate(table.grid):
        c = 0
        for text, rs, cs in row:
            while (r, c) in taken:
                c += 1
            width = sum(table.widths[c : c + cs]) - 2 * PAD
            cells.append((r, c, rs, cs, _wrap(text, fnt, width)))
            taken |= {(r + i, c + j) for i in range(rs) for j in range(cs)}
            c += cs
    heights = [table.size + 2 * PAD + 8] * len(table.grid)
    for r, _c, rs, _cs, lines in sorted(cells, key=lambda x: x[2]):
        need = len(lines) * line_h + 2 * PAD
        have = sum(heights[r : r + rs])
        if need > have:
            heights[r + rs - 1] += need - have
    return cells, heights


def _draw_table(draw: ImageDraw.ImageDraw, table: _Table, x: int, y: int) -> list[TruthCell]:
    """Draw the table with its top-left corner at (x, y); the drawn cells."""
    cells, heights = _layout(table)
    out: list[TruthCell] = []
    fnt, line_h = font(table.size), table.size + 5
    xs = [x + sum(table.widths[:i]) for i in range(len(table.widths) + 1)]
    ys = [y + sum(heights[:i]) for i in range(len(heights) + 1)]
    for r, c, rs, cs, lines in cells:
        x0, x1, y0, y1 = xs[c], xs[c + cs], ys[r], ys[r + rs]
        draw.rectangle((x0, y0, x1, y1), outline=0, width=2)
        out.append(TruthCell("".join(lines), (x0, y0, x1, y1)))
        top = (y0 + y1) / 2 - len(lines) * line_h / 2
        for i, line in enumerate(lines):
            draw.text(((x0 + x1) / 2, top + i * line_h + line_h / 2), line, font=fnt, fill=0, anchor="mm")
    return out


def _height(table: _Table) -> int:
    return sum(_layout(table)[1])


# ------------------------------------------------------------- the three tables
def table2_grid(t2: Table2) -> _Table:
    grid: Grid = []
    for title, heads, keys in T2_GROUPS:
        grid.append([(title, 1, 4)])
        span = 3 if len(heads) == 1 else 1
        grid.append([("信息内容", 1, 1), *((h, 1, span) for h in heads)])
        grid += [[(TABLE2.row(k).label, 1, 1), *((str(v), 1, span) for v in t2[k])] for k in keys]
    return _Table([340, 250, 225, 225], grid)


def table3_grid(t3: Table3) -> _Table:
    orgs = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    grid: Grid = [
        [(HEADER_NOTE, 3, 3), ("申请人情况", 1, 7)],
        [("自然人", 2, 1), ("法人或其他组织", 1, 5), ("总计", 2, 1)],
        [(h, 1, 1) for h in orgs],
    ]
    done: set[str] = set()
    for row in T3_ROWS:
        vals = [(str(v), 1, 1) for v in t3[row.key]]
        lead: list[Spec] = [("三、本年度办理结果", 22, 1)] if row.key == "granted" else []
        if row.group:
            if row.group not in done:
                done.add(row.group)
                lead.append((row.group, sum(1 for r in T3_ROWS if r.group == row.group), 1))
            grid.append([*lead, (row.label, 1, 1), *vals])
        elif row.key in ("new_received", "carried_over", "carried_forward"):
            grid.append([(row.label, 1, 3), *vals])
        else:
            grid.append([*lead, (row.label, 1, 2), *vals])
    return _Table([46, 112, 358, 70, 70, 70, 70, 70, 70, 104], grid, size=17)


def table4_grid(t4: Table4) -> _Table:
    grid: Grid = [
        [("行政复议", 1, 5), ("行政诉讼", 1, 10)],
        [*((h, 2, 1) for h in T4_HEAD), ("未经复议直接起诉", 1, 5), ("复议后起诉", 1, 5)],
        [(h, 1, 1) for h in T4_HEAD * 2],
        [(str(v), 1, 1) for g in TABLE4.rows for v in t4[g.key]],
    ]
    return _Table([TEXT_W // 15] * 15, grid, size=18)


# --------------------------------------------------------------------- pages
def render_pages(t2: Table2, t3: Table3, t4: Table4, year: int = 2024) -> list[Image.Image]:
    """The whole report as grayscale A4 pages at 150 dpi."""
    return render(t2, t3, t4, year)[0]


def render(t2: Table2, t3: Table3, t4: Table4, year: int = 2024) -> tuple[list[Image.Image], list[TruthCell]]:
    """The pages and every drawn table cell (``page`` 0-based)."""
    truth: list[TruthCell] = []
    tables = {"二、主动公开政府信息情况": table2_grid(t2)}
    tables["三、收到和处理政府信息公开申请情况"] = table3_grid(t3)
    tables["四、政府信息公开行政复议、行政诉讼情况"] = table4_grid(t4)
    blocks: list[str | _Table] = []
    for para in document(t2, t3, t4, "@@TABLES@@", year).split("\n\n"):
        if para != "@@TABLES@@":
            blocks.append(para)
            continue
        for heading, table in tables.items():
            blocks += [heading, table]
    pages: list[Image.Image] = []
    page, draw, y = None, None, PAGE_H
    for i, block in enumerate(blocks):
        if isinstance(block, _Table):
            lines, fnt, need = [], font(20), _height(block)
        else:
            fnt = font(30 if i == 0 else 21)
            lines = _wrap(block, fnt, TEXT_W - 42)
            need = len(lines) * (fnt.size + 14)
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            if isinstance(nxt, _Table):  # keep a heading with its table
                need += _height(nxt) + 10
        if page is None or draw is None or y + need > PAGE_H - MARGIN_Y:
            page = Image.new("L", (PAGE_W, PAGE_H), 255)
            pages.append(page)
            draw, y = ImageDraw.Draw(page), MARGIN_Y
        if isinstance(block, _Table):
            truth += [TruthCell(c.text, c.box, len(pages) - 1) for c in _draw_table(draw, block, MARGIN_X, y)]
            y += need + 24
            continue
        for line in lines:
            if i == 0:
                draw.text((PAGE_W / 2, y + fnt.size / 2), line, font=fnt, fill=0, anchor="mm")
            else:
                draw.text((MARGIN_X + 42, y), line, font=fnt, fill=0)
            y += fnt.size + 14
        y += 6
    return pages, truth


def degrade(page: Image.Image, seed: int = 0, angle: float = 0.5, noise: float = 12.0) -> Image.Image:
    """A poor scan of ``page``: rotated by ``angle`` degrees, blurred, noisy and grey (JPEG it for artefacts)."""
    rng = np.random.default_rng(seed)
    img = page.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    img = img.filter(ImageFilter.GaussianBlur(0.8))
    arr = np.asarray(img, dtype=np.float32) * 0.85 + 20
    arr += rng.normal(0, noise, arr.shape)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "L")


def encode(page: Image.Image, fmt: str = "PNG", quality: int = 60) -> bytes:
    buf = io.BytesIO()
    extra = {"quality": quality} if fmt == "JPEG" else {}
    page.copy().save(buf, format=fmt, dpi=(DPI, DPI), **extra)  # a copy: save() leaves encoderinfo on the image
    return buf.getvalue()


def encode_tiff(pages: list[Image.Image]) -> bytes:
    buf = io.BytesIO()
    first, *rest = (p.copy() for p in pages)
    first.save(buf, format="TIFF", save_all=True, append_images=rest, compression="tiff_deflate")
    return buf.getvalue()


def random_tables(seed: int) -> tuple[Table2, Table3, Table4]:
    """A random consistent report (the same shape as the hypothesis strategy of the text round trip)."""
    rnd = random.Random(seed)
    t3: Table3 = {k: [rnd.randint(0, 3) if rnd.random() < 0.5 else 0 for _ in range(6)] for k in OUTCOME_ROWS_2021}
    processed = [sum(t3[k][c] for k in OUTCOME_ROWS_2021) for c in range(6)]
    forward = [rnd.randint(0, 40) for _ in range(6)]
    carried = [rnd.randint(0, p + f) for p, f in zip(processed, forward, strict=True)]
    t3["new_received"] = [p + f - c for p, f, c in zip(processed, forward, carried, strict=True)]
    t3["carried_over"], t3["total_processed"], t3["carried_forward"] = carried, processed, forward
    t3 = {k: [*v, sum(v)] for k, v in t3.items()}
    t2: Table2 = {r.key: [rnd.randint(0, 999) for _ in r.fields] for r in TABLE2.rows}
    t4: Table4 = {}
    for g in TABLE4.rows:
        parts = [rnd.randint(0, 9) for _ in range(4)]
        t4[g.key] = [*parts, sum(parts)]
    assert set(t3) == {r.key for r in TABLE3.rows if not r.optional}
    return t2, t3, t4
