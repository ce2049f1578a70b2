"""Inflater: gzip and deflate bodies inflated in bounded pieces, whatever the network chunking."""

from __future__ import annotations

import gzip
import itertools
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.batch.decode import CHUNK, DecodeError, Inflater


def _chunks(data: bytes, cuts: list[int]) -> list[bytes]:
    points = sorted({c % (len(data) + 1) for c in cuts} | {0, len(data)})
    return [data[a:b] for a, b in itertools.pairwise(points)]


def _raw_deflate(data: bytes) -> bytes:
    z = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    return z.compress(data) + z.flush()


@settings(max_examples=60, deadline=None)
@given(
    body=st.binary(max_size=3000) | st.builds(lambda n: b"\0" * n, st.integers(0, 3 * CHUNK)),
    encoding=st.sampled_from(["gzip", "x-gzip", "deflate", "raw-deflate"]),
    cuts=st.lists(st.integers(0, 10**6), max_size=8),
)
def test_decode_inflates_any_chunking_back_to_the_body(body: bytes, encoding: str, cuts: list[int]) -> None:
    packed = {"gzip": gzip.compress, "x-gzip": gzip.compress, "deflate": zlib.compress, "raw-deflate": _raw_deflate}
    inflater = Inflater("deflate" if encoding == "raw-deflate" else encoding)
    pieces = [piece for chunk in _chunks(packed[encoding](body), cuts) for piece in inflater.feed(chunk)]
    inflater.finish()
    assert b"".join(pieces) == body
    assert all(0 < len(piece) <= CHUNK for piece in pieces)


def test_decode_concatenated_gzip_members_are_one_body() -> None:
    inflater = Inflater("gzip")
    assert b"".join(inflater.feed(gzip.compress(b"first ") + gzip.compress(b"second"))) == b"first second"


def test_decode_damaged_or_truncated_data_is_an_error() -> None:
    with pytest.raises(DecodeError):
        list(Inflater("gzip").feed(b"not gzip at all"))
    truncated = Inflater("gzip")
    list(truncated.feed(gzip.compress(b"x" * 10_000)[:-20]))
    with pytest.raises(DecodeError):
        truncated.finish()


def test_decode_empty_body_is_no_error() -> None:
    for encoding in ("gzip", "deflate"):
        inflater = Inflater(encoding)
        assert list(inflater.feed(b"")) == []
        inflater.finish()
