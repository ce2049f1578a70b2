"""pdfminer's RC4 (pure Python: about 30 seconds per megabyte) replaced by OpenSSL's, through cryptography.

Many published PDFs are encrypted with an owner password only (printing or copying
restricted): every stream pdfminer reads from them, and every stream the bomb guard
measures, is RC4-decrypted first.  :func:`use_fast_rc4` swaps in a class with the same
interface (``Arcfour(key).decrypt(data)``, state kept between calls as a stream cipher
does); without the cipher in this build of cryptography, pdfminer's own is kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pdfminer.arcfour import Arcfour as _PURE


class FastArcfour:
    """RC4 with pdfminer's ``Arcfour`` interface (key lengths OpenSSL lacks, such as 88 bits, in pure Python)."""

    def __init__(self, key: Sequence[int]) -> None:
        from cryptography.hazmat.decrepit.ciphers.algorithms import ARC4
        from cryptography.hazmat.primitives.ciphers import Cipher

        self._cipher: Any
        try:
            self._cipher = Cipher(ARC4(bytes(key)), mode=None).decryptor()
        except ValueError:
            self._cipher = _PURE(key)

    def process(self, data: bytes) -> bytes:
        out: bytes = self._cipher.update(data) if hasattr(self._cipher, "update") else self._cipher.decrypt(data)
        return out

    encrypt = decrypt = process


def use_fast_rc4() -> None:
    """Make pdfminer decrypt RC4 with OpenSSL (idempotent; nothing changes if the cipher is missing)."""
    import pdfminer.pdfdocument

    try:
        FastArcfour(b"check").decrypt(b"x")
    except Exception:  # an OpenSSL without RC4: pdfminer's pure-Python cipher stays
        return
    pdfminer.pdfdocument.Arcfour = FastArcfour  # type: ignore[attr-defined,assignment]  # looked up by name
