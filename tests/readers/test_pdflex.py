"""The fast content-stream lexer: pdfminer's objects exactly, or it leaves the stream to pdfminer."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdfminer.cmapdb import CMapParser, FileUnicodeMap
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfinterp import PDFContentParser
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFStream, dict_value, stream_value
from pdfminer.psparser import PSEOF, PSException, PSKeyword, PSLiteral

from gongkai.readers.pdffonts import FastCMapParser
from gongkai.readers.pdflex import FastContentParser, Unsupported, lex

SAMPLES = sorted(Path(__file__).resolve().parents[2].joinpath("samples").glob("*.pdf"))

PIECES = [
    *(b" ", b"\n", b"\r", b"\r\n", b"\t", b"\x00", b"\x0c", b"% a comment\n", b"%%"),
    *(b"0", b"12", b"-3", b"+4", b"5.", b".5", b"-.5", b"1.2.3", b"-", b"+", b".", b"1..2", b"--1", b"7e3"),
    *(b"BT", b"ET", b"Tj", b"TJ", b"T*", b"'", b'"', b"re", b"f*", b"true", b"false", b"cm", b"Do", b"EI", b"#"),
    *(b"/F1", b"/", b"/a#20b", b"/\xe4\xb8\xad", b"/\xff"),
    *(b"(", b")", b"(abc)", b"(a(b)c)", b"(\\))", b"(\\()", b"(\\n\\t\\b\\f\\r\\\\)", b"(\\101\\7\\0123)"),
    *(b"(\\q)", b"(\\\n)", b"(\\\r\n)", b"(\\\r)", b"(\\777)", b"(\\", b"(\xff\xfe)"),
    *(b"<", b">", b"<<", b">>", b"<41>", b"<4 1>", b"<414>", b"<41>>", b"<>", b"<4x>", b"<</A 1>>"),
    *(b"[", b"]", b"{", b"}", b"[1 2]", b"[(a) -10 (b)]", b"<< /K [1 2] >>", b"]]", b">>>"),
    *(b"BI", b"ID", b"*", b"\\", b"\x80"),
]


DECLINED = {b"(", b"(\\", b"<", b"BI", b"ID", b"/a#20b", b"(\\777)"}
"""Pieces the lexer leaves to pdfminer wherever they are."""
READ = [p for p in PIECES if p not in DECLINED]


def _normal(obj: Any) -> Any:
    """An object with its exact type (1, 1.0 and True compare equal in Python)."""
    if isinstance(obj, list):
        return ["list", [_normal(x) for x in obj]]
    if isinstance(obj, dict):
        return ["dict", sorted((str(k), _normal(v)) for k, v in obj.items())]
    if isinstance(obj, (PSLiteral, PSKeyword)):
        return [type(obj).__name__, repr(obj.name)]
    return [type(obj).__name__, repr(obj)]


def _objects(parser: PDFContentParser) -> list[Any]:
    """Every object the parser gives, then the error that stopped it (an odd dictionary) if any."""
    out = []
    while True:
        try:
            out.append(_normal(parser.nextobject()[1]))
        except PSEOF:
            return out
        except PSException as exc:
            return [*out, type(exc).__name__]


def _same(streams: list[PDFStream]) -> bool:
    """Whether the lexer gives pdfminer's objects (False: it declined the streams)."""
    try:
        tokens = lex(streams)
    except Unsupported:
        return False
    slow = _objects(PDFContentParser(streams))
    assert _objects(FastContentParser(tokens)) == slow
    each: list[Any] = []
    try:
        each.extend(_normal(obj) for obj in FastContentParser(tokens).objects())
    except PSException as exc:  # the error ends the list, as in _objects
        each.append(type(exc).__name__)
    assert each == slow
    return True


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    parts=st.lists(st.lists(st.sampled_from(PIECES), max_size=30), min_size=1, max_size=3),
    gaps=st.lists(st.sampled_from([b"", b" ", b"\n"]), min_size=30, max_size=30),
)
def test_pdflex_random_streams_give_pdfminers_objects(parts: list[list[bytes]], gaps: list[bytes]) -> None:
    streams = [PDFStream({}, b"".join(p + g for p, g in zip(part, gaps, strict=False))) for part in parts]
    _same(streams)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(parts=st.lists(st.lists(st.sampled_from(READ), max_size=40), min_size=1, max_size=3))
def test_pdflex_streams_without_declined_pieces_are_read(parts: list[list[bytes]]) -> None:
    streams = [PDFStream({}, b" ".join(part) + b" ") for part in parts]
    assert _same(streams)


@pytest.mark.parametrize("at", [4093, 4094, 4095, 4096])
def test_pdflex_escaped_line_end_across_pdfminers_buffer(at: int) -> None:
    """pdfminer skips CR LF after a backslash only when both are in one 4,096-byte read."""
    data = b" " * (at - 2) + b"(x\\\r\ny) Tj"
    assert _same([PDFStream({}, data)])


@pytest.mark.parametrize(
    "streams",
    [[b"1 0 0 RG /", b"F1 12 Tf"], [b"<</A 1>", b">"], [b"(a", b"b) Tj"], [b"<41", b"42> Tj"], [b"BI /W 1 ID x EI"]],
)
def test_pdflex_leaves_what_pdfminer_reads_across_streams_to_pdfminer(streams: list[bytes]) -> None:
    assert not _same([PDFStream({}, s) for s in streams])


def test_pdflex_reads_the_sample_pdfs_as_pdfminer_does() -> None:
    assert SAMPLES
    read = 0
    for path in SAMPLES:
        with path.open("rb") as f:
            for page in PDFPage.create_pages(PDFDocument(PDFParser(f))):
                read += _same([stream_value(s) for s in page.contents])
    assert read >= 10


def _unicode_map(parser: type[CMapParser], data: bytes) -> tuple[dict[int, str], str | None]:
    cmap = FileUnicodeMap()
    try:
        parser(cmap, io.BytesIO(data)).run()
    except PSException as exc:
        return cmap.cid2unichr, type(exc).__name__
    return cmap.cid2unichr, None


def _to_unicode_maps() -> list[bytes]:
    maps = []
    for path in SAMPLES:
        with path.open("rb") as f:
            for page in PDFPage.create_pages(PDFDocument(PDFParser(f))):
                for font in dict_value(page.resources.get("Font", {})).values():
                    spec = dict_value(font)
                    if "ToUnicode" in spec:
                        maps.append(stream_value(spec["ToUnicode"]).get_data())
    return maps


def test_pdflex_cmaps_of_the_samples_read_as_pdfminer_reads_them() -> None:
    maps = _to_unicode_maps()
    assert maps
    for data in maps:
        fast = _unicode_map(FastCMapParser, data)
        assert fast[0] and fast == _unicode_map(CMapParser, data)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    ranges=st.lists(
        st.tuples(st.integers(0, 0xFFFF), st.integers(0, 40), st.sampled_from(["<{:04X}>", "[<{:04X}> <0041>]"])),
        max_size=12,
    ),
    chars=st.lists(st.tuples(st.integers(0, 0xFFFF), st.sampled_from(["<{:04X}>", "/A", "(x)"])), max_size=12),
    noise=st.lists(st.sampled_from(READ), max_size=6),
)
def test_pdflex_random_cmaps_read_as_pdfminer_reads_them(
    ranges: list[tuple[int, int, str]], chars: list[tuple[int, str]], noise: list[bytes]
) -> None:
    lines = [f"{len(ranges)} beginbfrange"]
    lines += [f"<{lo:04X}> <{min(lo + n, 0xFFFF):04X}> " + dst.format(lo) for lo, n, dst in ranges]
    lines += ["endbfrange", f"{len(chars)} beginbfchar"]
    lines += [f"<{code:04X}> " + dst.format(code) for code, dst in chars]
    lines += ["endbfchar"]
    data = b"/CIDInit /ProcSet findresource begin begincmap\n" + "\n".join(lines).encode() + b" " + b" ".join(noise)
    assert _unicode_map(FastCMapParser, data) == _unicode_map(CMapParser, data)


values = st.recursive(
    st.one_of(st.integers(), st.floats(allow_nan=False), st.booleans(), st.binary(max_size=3), st.none()),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.integers(0, 9), inner, max_size=4)),
    max_leaves=20,
)


@given(value=values)
def test_pdflex_resolve_all_as_pdfminers(value: object) -> None:
    import copy

    from pdfminer.pdftypes import resolve_all as pdfminers

    from gongkai.readers.pdffonts import resolve_all

    mine, theirs = copy.deepcopy(value), copy.deepcopy(value)
    assert repr(resolve_all(mine)) == repr(pdfminers(theirs)) and repr(mine) == repr(theirs)
