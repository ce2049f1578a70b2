"""The report as GitHub-flavoured Markdown: ``# title``, paragraphs, ``## headings`` and pipe tables.

Walks :func:`gongkai.render.document.blocks`.  A pipe table cannot merge cells, so
each grid is spread over its full columns: a merged cell's text stands in its first
(top-left) position and the positions it covers stay blank, as the tables of real
reports read when copied as text, and as the Markdown reader reads them back.  The
first grid row is the pipe table's header row; columns holding numbers are
right-aligned.
"""

from __future__ import annotations

from gongkai.model import AnnualReport
from gongkai.model.grid import Grid
from gongkai.render.document import DRAFT_MARK, Block, Heading, Paragraph, Signature, Table, Title, blocks

DRAFT_FRONT_MATTER = ("---", "draft: true", f"status: {DRAFT_MARK}", "---")
"""How a draft is marked: YAML front matter (``draft: true``, the static-site convention), which
GitHub shows as a small table above the text and the Markdown reader skips, so the draft reads
back exactly like the final report."""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _spread(table: Table) -> tuple[list[list[str]], set[int]]:
    """The grid as full rows of column texts (covered positions blank), and its value columns."""
    grid: Grid = table.grid
    out: list[list[str]] = [[""] * grid.columns for _ in grid.rows]
    taken: set[tuple[int, int]] = set()
    numeric: set[int] = set()
    for r, row in enumerate(grid.rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            out[r][c] = table.text(cell.key) if cell.kind == "value" else cell.text
            if cell.kind == "value":
                numeric.update(range(c, c + cell.colspan))
            taken.update((r + i, c + j) for i in range(cell.rowspan) for j in range(cell.colspan))
            c += cell.colspan
    return out, numeric


def _table(table: Table) -> list[str]:
    rows, numeric = _spread(table)

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(_cell(t) for t in cells) + " |"

    rule = "|" + "|".join("---:" if c in numeric else "---" for c in range(table.grid.columns)) + "|"
    return [line(rows[0]), rule, *(line(r) for r in rows[1:])]


def _parts(block: Block) -> list[str]:
    """The Markdown paragraphs (blank-line separated chunks) of a block."""
    if isinstance(block, Title):
        return [f"# {block.text}"]
    if isinstance(block, Heading):
        return [f"## {block.text}"]
    if isinstance(block, Paragraph):
        return [block.text]
    if isinstance(block, Table):
        return ["\n".join(_table(block))]
    if isinstance(block, Signature):
        return list(block.lines)
    raise TypeError(f"unknown block {type(block).__name__}")


def render_markdown(report: AnnualReport, *, draft: bool = False) -> bytes:
    """The report as UTF-8 Markdown; ``draft`` adds front matter marking it 草稿."""
    parts: list[str] = ["\n".join(DRAFT_FRONT_MATTER)] if draft else []
    for block in blocks(report):
        parts += _parts(block)
    return ("\n\n".join(parts) + "\n").encode("utf-8")
