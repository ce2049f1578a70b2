"""The PDF bomb guard: every stream's filters read as the parsers read them, the chain measured in bounded memory."""

from __future__ import annotations

import binascii
import io
import itertools
import tracemalloc
import zlib
from base64 import a85encode
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdfminer.ascii85 import ascii85decode, asciihexdecode
from pdfminer.lzw import lzwdecode
from pdfminer.runlength import rldecode
from reportlab.lib import pdfencrypt
from reportlab.pdfgen import canvas

from gongkai import limits
from gongkai.errors import InputError
from gongkai.readers import pdfguard
from gongkai.readers.pdffilters import CHUNK, decoded_size, measure, pieces
from gongkai.readers.pdfguard import check_streams, filter_chains
from gongkai.readers.pdfsyntax import Objects, parse, stream_sites
from tests.hostile_pdf import check_in_child, deflate_bomb, image_page, one_page

GIB = 1 << 30


def _bombs() -> dict[str, bytes]:
    """A one-page PDF of about 2 MB whose content stream decodes to 2 GiB, its filter written six ways."""
    bomb = deflate_bomb(2 * GIB)
    return {
        "decode_parms": one_page(bomb, b"/Filter /FlateDecode /DecodeParms << /Predictor 1 /Columns 1 >>"),
        "escaped_name": one_page(bomb, b"/Filter /Flat#65Decode"),
        "hex_then_flate": one_page(binascii.hexlify(bomb) + b">", b"/Filter [/ASCIIHexDecode /FlateDecode]"),
        "flate_twice": one_page(zlib.compress(bomb, 9), b"/Filter [/FlateDecode /FlateDecode]"),
        "short_key": one_page(bomb, b"/F /Fl"),
        "indirect_filter": one_page(bomb, b"/Filter 5 0 R", more=[b"[/FlateDecode]"]),
    }


def test_pdfguard_filter_written_any_way_is_e114_in_bounded_memory(tmp_path: Path) -> None:
    paths = []
    for name, data in _bombs().items():
        assert len(data) < 5_000_000
        paths.append(tmp_path / f"{name}.pdf")
        paths[-1].write_bytes(data)
    child = check_in_child(paths, timeout=60, wall=180)
    for result in child["results"]:
        assert (result["status"], result["codes"]) == ("failed", ["E114"]), result
        assert result["seconds"] < 30
        assert "压缩炸弹" in result["messages"][0]
    assert child["peak_mb"] < 400  # the 2 GiB are never held


def test_pdfguard_scanned_page_and_big_legal_stream_finish(tmp_path: Path) -> None:
    """Case 13: a Flate stream inflating past the guard's 1 MiB step with an end of line after it looped forever."""
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(image_page(595, 842, pixels=(1240, 1755), data=b"\xff" * (1240 * 1755)))
    legal = tmp_path / "legal.pdf"
    legal.write_bytes(
        one_page(zlib.compress(b"BT /F1 12 Tf 72 712 Td (x) Tj ET\n" * 1_900_000), b"/Filter /FlateDecode")
    )
    child = check_in_child([scan, legal], timeout=60, wall=120)
    scanned, big = child["results"]
    assert scanned["codes"] == ["E106"]  # a blank scan: read, nothing of a report in it
    assert big["codes"] == ["E107"] and "第 1 页" in big["messages"][0]  # 60 MB of drawing on one page
    assert max(r["seconds"] for r in child["results"]) < 30
    assert child["peak_mb"] < 400


def _numbers_text(count: int) -> bytes:
    """Drawing operators with varied numbers: text that compresses about four to one, as real content does."""
    return b"".join(b"BT /F1 9 Tf %d %d Td (%d) Tj ET\n" % (i % 541, i % 797, i * 7919 % 999983) for i in range(count))


def test_pdfguard_damaged_stream_too_slow_to_salvage_is_e110(tmp_path: Path) -> None:
    """pdfminer recovers a damaged Flate stream byte by byte, growing one bytes object: quadratic, uninterruptible."""
    packed = zlib.compress(_numbers_text(90_000))  # 3 MB of drawing: under the page limit
    damaged = tmp_path / "truncated.pdf"
    damaged.write_bytes(one_page(packed[: len(packed) * 9 // 10], b"/Filter /FlateDecode"))
    child = check_in_child([damaged], timeout=60, wall=120)
    (result,) = child["results"]
    assert result["codes"] == ["E110"] and "损坏" in result["messages"][0]
    assert result["seconds"] < 10


def test_pdfguard_damaged_small_stream_is_left_to_the_parsers() -> None:
    packed = zlib.compress(_numbers_text(300))
    check_streams(one_page(packed[: len(packed) // 2], b"/Filter /FlateDecode"))  # salvaged at once
    size, salvage = measure(pieces(packed[: len(packed) // 2], 0), ["FlateDecode"], 1 << 30)
    assert 0 < size < len(_numbers_text(300)) and salvage > 0
    assert measure(pieces(packed, 0), ["FlateDecode"], 1 << 30) == (len(_numbers_text(300)), 0)


def test_pdfguard_reads_filters_as_the_parsers_do() -> None:
    objects = Objects(b"7 0 obj\n/Flat#65Decode\nendobj\n8 0 obj [/AHx 7 0 R] endobj")
    attrs, _ = parse(b"<< /Length 3 /Filter 8 0 R /DecodeParms [null << /Predictor 12 >>] >>", 0)
    assert filter_chains(attrs, objects) == [["AHx", "FlateDecode"]]
    attrs, _ = parse(b"<< /F /Fl /Filter /LZWDecode >>", 0)
    assert filter_chains(attrs, objects) == [["Fl"], ["LZWDecode"]]  # pdfminer reads /F, PDFium /Filter
    attrs, _ = parse(b"<< /Filter [/FlateDecode 99 0 R] >>", 0)
    assert filter_chains(attrs, objects) == [["FlateDecode", None]]  # unresolved: measured as Flate
    assert filter_chains(None, objects) == [[None]]


def test_pdfguard_finds_every_stream_dictionary() -> None:
    data = one_page(b"BT ET", b"/Filter /FlateDecode /DecodeParms << /K (>> stream) >>")
    sites = [s for s in stream_sites(data) if s.attrs is not None]
    assert len(sites) == 1 and sites[0].ref is not None and sites[0].ref.num == 4
    assert sites[0].attrs == {"Length": 5, "Filter": "FlateDecode", "DecodeParms": {"K": b">> stream"}}
    # the word inside the string is a candidate too: no dictionary, so it is measured as Flate (and is not)
    headerless = b"<< /Filter /FlateDecode /Length 3 >> stream\nabc\nendstream"
    assert [s.attrs for s in stream_sites(headerless)] == [{"Filter": "FlateDecode", "Length": 3}]


def test_pdfguard_stream_hidden_after_a_false_endstream_is_measured(monkeypatch: pytest.MonkeyPatch) -> None:
    """A stored deflate block can hold the word endstream: the guard reads on past it, as /Length makes the parsers."""
    monkeypatch.setattr(pdfguard, "MAX_STREAM_BYTES", 8 << 20)
    stored = zlib.compressobj(0, zlib.DEFLATED, -15)
    words = stored.compress(b"\nendstream\nendobj\n") + stored.flush(zlib.Z_FULL_FLUSH)
    bomb = deflate_bomb(16 << 20)
    body = bomb[:2] + words + bomb[2:]  # a stored block holding the words, then 16 MB of spaces
    assert zlib.decompressobj().decompress(body, 100).startswith(b"\nendstream")
    tricky = one_page(body, b"/Filter /FlateDecode")
    with pytest.raises(InputError) as err:
        check_streams(tricky)
    assert err.value.code == "E114"


def test_pdfguard_image_declaring_or_holding_too_many_pixels_is_e114(monkeypatch: pytest.MonkeyPatch) -> None:
    from PIL import Image

    monkeypatch.setattr(limits, "MAX_PIXELS", 10_000)
    with pytest.raises(InputError) as err:
        check_streams(image_page(595, 842, pixels=(200, 200)))
    assert err.value.code == "E114" and "200×200" in err.value.message
    jpeg = io.BytesIO()
    Image.new("L", (300, 200), 255).save(jpeg, "JPEG")
    attrs = b"/Type /XObject /Subtype /Image /Width 10 /Height 10 /ColorSpace /DeviceGray /BitsPerComponent 8"
    lying = one_page(
        b"q 10 0 0 10 0 0 cm /Im1 Do Q",
        more=[
            b"<< /Length %d %s /Filter /DCTDecode >>\nstream\n" % (len(jpeg.getvalue()), attrs)
            + jpeg.getvalue()
            + b"\nendstream"
        ],
    )
    with pytest.raises(InputError) as err:
        check_streams(lying)  # the dictionary says 10×10, the JPEG is 300×200
    assert err.value.code == "E114" and "300×200" in err.value.message


def test_pdfguard_image_data_within_its_raster_does_not_count_towards_the_total(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pdfguard, "MAX_TOTAL_BYTES", 1 << 20)
    check_streams(image_page(595, 842, pixels=(1240, 1755)))  # 2.2 MB of image data: a scan, not a bomb
    with pytest.raises(InputError):
        check_streams(one_page(zlib.compress(bytes(2 << 20)), b"/Filter /FlateDecode"))  # content: counted


def _encrypted(lines: int, locked: bool = True) -> bytes:
    out = io.BytesIO()
    lock = pdfencrypt.StandardEncryption("", ownerPassword="owner") if locked else None
    c = canvas.Canvas(out, pageCompression=1, encrypt=lock)
    for i in range(lines):
        c.drawString(72, 72 + i % 700, f"line {i} of many to make the content stream large")
    c.save()
    return out.getvalue()


def test_pdfguard_measures_encrypted_streams_after_decryption(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _encrypted(12_000)  # about 1 MB of content, encrypted; opens without a password
    check_streams(data)
    monkeypatch.setattr(pdfguard, "MAX_STREAM_BYTES", 512 << 10)
    with pytest.raises(InputError) as err:
        check_streams(data)
    assert err.value.code == "E114"


def test_pdfguard_ordinary_reports_pass() -> None:
    samples = Path(__file__).resolve().parents[2] / "samples"
    for path in sorted(samples.glob("*.pdf")):
        check_streams(path.read_bytes())


# ------------------------------------------------------------------ decoders
def _chunked(data: bytes, cuts: list[int]) -> list[bytes]:
    bounds = sorted({0, len(data), *(c % (len(data) + 1) for c in cuts)})
    return [data[a:b] for a, b in itertools.pairwise(bounds)]


def _decoded(data: bytes, name: str, cuts: list[int]) -> int:
    return decoded_size(_chunked(data, cuts), [name], 1 << 40)


REFERENCE = {"LZWDecode": lzwdecode, "RunLengthDecode": rldecode, "ASCII85Decode": ascii85decode}
REFERENCE |= {"ASCIIHexDecode": asciihexdecode, "FlateDecode": zlib.decompress}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.sampled_from(sorted(REFERENCE)),
    data=st.binary(max_size=600) | st.text("0123456789abcdefz!#~> \n<", max_size=600).map(str.encode),
    cuts=st.lists(st.integers(0, 600), max_size=8),
)
def test_pdffilters_decode_arbitrary_bytes_as_pdfminer_does(name: str, data: bytes, cuts: list[int]) -> None:
    """Wherever the input is cut into chunks, each decoder yields what pdfminer decodes (when it decodes at all)."""
    try:
        expected = REFERENCE[name](data)
    except Exception:  # pdfminer refuses the data; our count is then an upper bound
        return
    assert _decoded(data, name, cuts) == len(expected)


@settings(max_examples=100, deadline=None)
@given(
    data=st.binary(max_size=3000),
    chain=st.lists(st.sampled_from(["AHx", "A85", "Fl", "RL"]), min_size=1, max_size=4),
    cuts=st.lists(st.integers(0, 30000), max_size=6),
)
def test_pdffilters_chain_measures_the_data_encoded(data: bytes, chain: list[str], cuts: list[int]) -> None:
    encoded = data
    for name in chain:  # the first filter of the chain is the last applied by the writer
        if name == "AHx":
            encoded = binascii.hexlify(encoded) + b">"
        elif name == "A85":
            encoded = a85encode(encoded, adobe=True, wrapcol=64)
        elif name == "Fl":
            encoded = zlib.compress(encoded)
        else:
            encoded = (
                b"".join(
                    bytes((len(encoded[i : i + 128]) - 1,)) + encoded[i : i + 128] for i in range(0, len(encoded), 128)
                )
                + b"\x80"
            )
    assert decoded_size(_chunked(encoded, cuts), list(reversed(chain)), 1 << 40) == len(data)


def test_pdffilters_stop_just_past_the_limit_in_bounded_memory() -> None:
    inner = deflate_bomb(256 << 20)
    outer = zlib.compress(inner)
    tracemalloc.start()
    try:
        size = decoded_size(pieces(outer, 0), ["FlateDecode", "FlateDecode"], 64 << 20)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert 64 << 20 < size <= (64 << 20) + CHUNK
    assert peak < 8 << 20
    assert decoded_size(pieces(zlib.compress(b" " * (3 << 20)) + b"\n", 0), ["Fl"], 1 << 30) == 3 << 20
