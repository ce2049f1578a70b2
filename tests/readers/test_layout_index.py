"""Quick lookups give what trying every word or every level gives."""

from __future__ import annotations

import math
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from gongkai.readers.layout import Segment, Word
from gongkai.readers.layout_index import Centres, Rules, closed, intersections_to_cells, nearest_level, nearest_of_all

coordinate = st.one_of(st.floats(-50, 900), st.sampled_from([0.0, 10.0, 10.5, 20.25, math.nan, math.inf]))


@st.composite
def words(draw: st.DrawFn) -> Word:
    x0, top = draw(coordinate), draw(coordinate)
    return Word("字", x0, top, x0 + draw(st.floats(0, 30)), top + draw(st.floats(0, 30)))


@given(ws=st.lists(words(), max_size=40), boxes=st.lists(st.tuples(coordinate, coordinate, coordinate, coordinate)))
def test_layout_index_centres_inside_as_trying_every_word(
    ws: list[Word], boxes: list[tuple[float, float, float, float]]
) -> None:
    centres = Centres(ws)
    for box in boxes:
        every = [
            i
            for i, w in enumerate(ws)
            if box[0] <= (w.x0 + w.x1) / 2 <= box[2] and box[1] <= (w.top + w.bottom) / 2 <= box[3]
        ]
        assert centres.inside(box) == every


@given(
    start=st.floats(-100, 100),
    gaps=st.lists(st.floats(3.01, 200), min_size=0, max_size=12),
    values=st.lists(st.one_of(st.floats(-300, 3000), st.sampled_from([math.nan, math.inf, -math.inf]))),
)
def test_layout_index_nearest_level_as_comparing_all(start: float, gaps: list[float], values: list[float]) -> None:
    levels = [start]
    for gap in gaps:
        levels.append(levels[-1] + gap)
    for v in [*values, *levels, *((a + b) / 2 for a, b in pairwise(levels))]:
        assert nearest_level(levels, v) == nearest_of_all(levels, v)


@st.composite
def ruled(draw: st.DrawFn) -> list[dict[str, object]]:
    """Edges on a coarse lattice (so they meet), most across it, some shorter, missing or drawn twice."""
    xs = sorted(draw(st.sets(st.sampled_from([0.0, 10.0, 20.0, 35.0, 50.0, 80.0]), min_size=2, max_size=5)))
    ys = sorted(draw(st.sets(st.sampled_from([0.0, 8.0, 16.0, 30.0, 44.0]), min_size=2, max_size=5)))
    edges: list[dict[str, object]] = []
    for y in ys:
        a, b = draw(st.sampled_from(xs[:2])), draw(st.sampled_from(xs[-2:]))
        edges += [{"orientation": "h", "x0": a, "x1": b, "top": y, "bottom": y}] * draw(
            st.sampled_from([0, 1, 1, 1, 1, 2])
        )
    for x in xs:
        a, b = draw(st.sampled_from(ys[:2])), draw(st.sampled_from(ys[-2:]))
        edges += [{"orientation": "v", "x0": x, "x1": x, "top": a, "bottom": b}] * draw(
            st.sampled_from([0, 1, 1, 1, 1, 2])
        )
    return edges


@given(edges=ruled())
def test_layout_index_cells_as_pdfplumber_finds_them(edges: list[dict[str, object]]) -> None:
    from pdfplumber.table import edges_to_intersections
    from pdfplumber.table import intersections_to_cells as plumber

    points = edges_to_intersections(edges, 3, 3)
    assert intersections_to_cells(points) == plumber(points)


@given(
    orientation=st.sampled_from(["h", "v"]),
    spans=st.lists(st.tuples(coordinate, coordinate, st.floats(0, 400)), max_size=25),
    ends=st.lists(st.tuples(coordinate, coordinate), max_size=20),
    nudge=st.sampled_from([0.0, 1e-9, -1e-9, 1e-13]),
)
def test_layout_index_rules_closed_as_trying_every_rule(
    orientation: str, spans: list[tuple[float, float, float]], ends: list[tuple[float, float]], nudge: float
) -> None:
    tol = 3.0
    if orientation == "h":
        rules = [Segment("h", a, at, a + length, at) for at, a, length in spans]
    else:
        rules = [Segment("v", at, a, at, a + length) for at, a, length in spans]
    near = [(at + d + nudge, a) for at, a, _ in spans for d in (-tol, tol)]  # on the edge of the tolerance
    index = Rules(rules, orientation)
    for at, pos in [*ends, *near]:
        assert index.closed(at, pos, tol) == closed(rules, at, pos, tol)
