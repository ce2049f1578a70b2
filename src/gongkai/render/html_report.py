"""The report as an HTML page ready to paste into a government website.

The page walks :func:`gongkai.render.document.blocks` through one Jinja template
(``templates/report.html.j2``) that the PDF renderer shares with a print stylesheet.
Semantic markup only: ``<article>``, ``<h1>``/``<h2>``, ``<p>``, and tables with a
``<caption>``, ``<thead>`` and ``<th scope>``; one ``<style>`` block, no scripts, no
inline styles, no external resources.  A draft carries the 草稿 watermark as a CSS
background image, so its text reads exactly like the final page's.
"""

from __future__ import annotations

import base64
import functools
from typing import Literal

import jinja2

from gongkai.model import AnnualReport
from gongkai.render.document import Table, blocks, report_title, title_lines

Medium = Literal["screen", "print"]

WATERMARK_SIZE = (600, 850)
"""Pixels of the watermark image: enough for light grey characters on an A4 page, small in a page."""


@functools.cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("gongkai.render", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["title_lines"] = title_lines
    return env


def watermark_uri() -> str:
    """The 草稿 watermark PNG as a ``data:`` URI (no external resource)."""
    from gongkai.render.watermark import watermark_png

    return "data:image/png;base64," + base64.b64encode(watermark_png(*WATERMARK_SIZE)).decode("ascii")


def page_html(report: AnnualReport, *, draft: bool = False, medium: Medium = "screen") -> str:
    """The report as an HTML page with the stylesheet of ``medium`` (``print`` is the PDF's)."""
    items = [(type(b).__name__, b) for b in blocks(report)]
    return (
        _environment()
        .get_template("report.html.j2")
        .render(
            title=report_title(report),
            items=items,
            tables=[b for _, b in items if isinstance(b, Table)],
            medium=medium,
            draft=draft,
            watermark=watermark_uri() if draft else "",
        )
    )


def render_html(report: AnnualReport, *, draft: bool = False) -> bytes:
    """The report as a complete UTF-8 HTML5 page; ``draft`` adds the 草稿 watermark image."""
    return page_html(report, draft=draft).encode("utf-8")
