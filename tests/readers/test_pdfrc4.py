"""pdfminer's RC4 replaced by OpenSSL's: the same bytes, far faster."""

from __future__ import annotations

import io
import time

from hypothesis import given, settings
from hypothesis import strategies as st
from pdfminer.arcfour import Arcfour

from gongkai.readers import read_bytes
from gongkai.readers.pdfrc4 import FastArcfour, use_fast_rc4
from tests.readers.test_pdfguard import _encrypted


@settings(max_examples=50, deadline=None)
@given(key=st.binary(min_size=5, max_size=16), parts=st.lists(st.binary(max_size=300), max_size=4))
def test_pdfrc4_decrypts_as_pdfminer_does(key: bytes, parts: list[bytes]) -> None:
    ours, theirs = FastArcfour(key), Arcfour(key)
    for part in parts:  # the key stream runs on from one call to the next
        assert ours.decrypt(part) == theirs.decrypt(part)


def test_pdfrc4_encrypted_report_reads_the_same_and_fast() -> None:
    import pdfminer.pdfdocument
    from pdfminer.pdfparser import PDFParser

    use_fast_rc4()
    assert pdfminer.pdfdocument.Arcfour is FastArcfour  # type: ignore[attr-defined]
    locked = _encrypted(600)
    document = pdfminer.pdfdocument.PDFDocument(PDFParser(io.BytesIO(locked)))  # the password checks pass
    assert document.decipher is not None
    start = time.perf_counter()
    rows = read_bytes(locked, "locked.pdf").rows
    assert time.perf_counter() - start < 20
    assert [r.text for r in rows] == [r.text for r in read_bytes(_encrypted(600, locked=False), "open.pdf").rows]
    assert len(rows) > 50
