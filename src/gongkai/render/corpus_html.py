"""A corpus overview as one self-contained HTML page (``gongkai report-corpus``).

The page a 政务公开办 can send on: headline figures, then bar charts drawn here as inline SVG (no
script, no external stylesheet, font or image), one ``<style>`` block with an A4 print layout.
It receives its figures as a :class:`~gongkai.render.corpus_overview.CorpusOverview`; nothing is
counted here, only laid out.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Sequence
from dataclasses import dataclass

import jinja2

from gongkai.model.labels import text_width
from gongkai.render.corpus_overview import CorpusOverview, Count

CHART_WIDTH = 680
ROW_HEIGHT = 22
LABEL_WIDTH = 300
"""Pixels of the label column (a rule's code and summary, an agency's name)."""
VALUE_WIDTH = 64
FILL = "#3a6ea5"
ALERT = "#b23b3b"
"""Bar colours, as SVG attributes (a print engine may not apply the page's CSS to SVG)."""
FONT_PX = 12
LABEL_EMS = (LABEL_WIDTH - 24) / FONT_PX
"""Width (in em: a Chinese character is one) a label keeps before it is cut with “…”."""


@dataclass(frozen=True)
class Bar:
    label: str
    full: str
    """The whole label (the bar's tooltip when the label is cut)."""
    value: str
    y: int
    width: float
    """Pixels of the bar (at least one for a non-zero count)."""
    fill: str = FILL


@dataclass(frozen=True)
class Chart:
    title: str
    width: int
    height: int
    label_width: int
    font: int
    bars: tuple[Bar, ...]


def number(value: float) -> str:
    """A count as printed in Chinese documents: thousands separated, decimals only where there are some."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def _cut(text: str, ems: float = LABEL_EMS) -> str:
    if text_width(text) <= ems:
        return text
    out = ""
    for ch in text:
        if text_width(out + ch) > ems - 1:
            return out + "…"
        out += ch
    return out


def chart(title: str, items: Sequence[tuple[str, float]], alert: Collection[int] = ()) -> Chart:
    """A horizontal bar chart of ``items`` (label, value), bars scaled to the largest value; the bars
    at the indexes ``alert`` in the alert colour."""
    largest = max((v for _, v in items), default=0)
    room = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH
    bars = tuple(
        Bar(
            label=_cut(label),
            full=label,
            value=number(value),
            y=i * ROW_HEIGHT,
            width=max(room * value / largest, 1.0) if value and largest else 0.0,
            fill=ALERT if i in alert else FILL,
        )
        for i, (label, value) in enumerate(items)
    )
    return Chart(title, CHART_WIDTH, max(len(bars), 1) * ROW_HEIGHT, LABEL_WIDTH, FONT_PX, bars)


def _labelled(counts: Sequence[Count]) -> list[tuple[str, float]]:
    return [(f"{c.label} {c.detail}".strip(), c.count) for c in counts]


def charts(data: CorpusOverview) -> dict[str, Chart]:
    """The page's charts, by the name the template uses."""
    t = data.timeliness
    timely = [("按期发布", t.on_time), ("逾期发布", t.late)]
    timely += [(f"　其中{c.label}", c.count) for c in t.late_by]
    timely += [("未载明发布日期", t.undated), ("无法确定法定期限", t.no_deadline)]
    return {
        "rules": chart("各规则发现的问题数", _labelled(data.rules)),
        "agencies": chart("问题较多的机关", [(f"{c.label}（{c.detail}）", c.count) for c in data.agencies_top]),
        "timeliness": chart("发布时效", timely, alert=range(1, 2 + len(t.late_by))),
        "applications": chart(
            "各年度收到的政府信息公开申请",
            [(f"{a.year}年度（{a.reports} 份报告）", a.received) for a in data.applications],
        ),
    }


@functools.cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("gongkai.render", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["number"] = number
    return env


def render_corpus_html(data: CorpusOverview) -> bytes:
    """The overview as a complete UTF-8 HTML5 page."""
    page = _environment().get_template("corpus.html.j2").render(data=data, charts=charts(data))
    return page.encode("utf-8")


__all__ = ["Bar", "Chart", "chart", "charts", "number", "render_corpus_html"]
