"""Copied reports (内容雷同): MinHash signatures of the narrative and an LSH index to find near-duplicates.

A report's prose (:func:`~gongkai.batch.similar_text.narrative_text`) is cut into overlapping
character 5-grams (shingles); the Jaccard similarity of two shingle sets is estimated from a
128-value MinHash (datasketch, fixed seed, so a signature computed today equals one computed in
another process or next year and can be stored). :class:`SimilarityIndex` holds the signatures of a
corpus in a datasketch MinHashLSH and lists, for one report, every other report whose estimated
similarity reaches :data:`THRESHOLD`.

Why 5-grams: a Chinese word is one to three characters, so five characters span about two words.
Shorter shingles are shared by any two reports on the same subject (“政府信息公开” alone yields three
4-grams): on the sample corpus the most similar unrelated pair has Jaccard 0.10 with 3-grams but 0.06
with 5-grams. Longer shingles make every edit cost more: one changed character removes n shingles,
so a copy with a few words changed would fall below the threshold sooner. 5 keeps both sides clear.

Standard error of the estimate with 128 values: sqrt(J(1-J)/128), at most 0.044 (0.035 at J=0.8).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import TYPE_CHECKING, Generic, Literal, TypeVar

from gongkai.batch.similar_text import same_agency
from gongkai.errors import UsageError

if TYPE_CHECKING:
    import numpy as np
    from datasketch import LeanMinHash

SHINGLE = 5
"""Characters per shingle (see the module docs)."""
NUM_PERM = 128
"""Hash values per signature: the estimate's standard error is at most 0.044."""
SEED = 20240101
"""The MinHash seed: fixed, so that signatures stored by one run compare with those of another."""
SCHEME = "affine32"
"""datasketch's permutation scheme (32-bit values; the default since datasketch 2.0)."""
MIN_CHARS = 200
"""Shorter masked narratives get no signature: a few stock sentences (“无。”, the template's
“（文字描述）”) would match every other short report without anything having been copied."""
THRESHOLD = 0.8
"""Estimated Jaccard similarity of the 5-gram sets from which a report counts as a copy."""
BANDS = (16, 8)
"""LSH bands × values a band (16 × 8 = all 128 values). A pair becomes a candidate when one band is equal
throughout: probability 1 − (1 − J⁸)¹⁶, that is 0.95 at J = 0.8, 0.994 at 0.85, 0.06 at 0.5, 0.004 at
0.35. datasketch's own choice for threshold 0.8 (9 × 13) finds only 40 % of the pairs at exactly 0.8 and
69 % at 0.85: it weighs missed pairs and false candidates alike, but here a false candidate costs one
comparison of 128 values and a missed copy costs a finding."""
BYTEORDER = "<"
"""Signatures are stored little-endian, whatever the machine."""

_BATCH = 1024
"""Shingles hashed per datasketch call: its n × 128 intermediate arrays then stay in the CPU cache
(a 4,000-character narrative signs in 3 ms instead of 9)."""

K = TypeVar("K", bound=Hashable)


def shingles(text: str) -> set[str]:
    """The distinct :data:`SHINGLE`-character substrings of ``text``."""
    return {text[i : i + SHINGLE] for i in range(len(text) - SHINGLE + 1)}


def signature(text: str) -> bytes | None:
    """The MinHash signature of a masked narrative as bytes to store (datasketch LeanMinHash format,
    525 bytes), or None when ``text`` is shorter than :data:`MIN_CHARS` characters (too short to judge)."""
    if len(text) < MIN_CHARS:
        return None
    from datasketch import LeanMinHash, MinHash

    m = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    pieces = [s.encode("utf-8") for s in shingles(text)]
    for i in range(0, len(pieces), _BATCH):
        m.update_batch(pieces[i : i + _BATCH])
    lean = LeanMinHash(m)
    buf = bytearray(lean.bytesize(byteorder=BYTEORDER))
    lean.serialize(buf, byteorder=BYTEORDER)
    return bytes(buf)


def load_signature(sig: bytes) -> LeanMinHash:
    """The MinHash stored in ``sig``; UsageError when it was made with other parameters."""
    from datasketch import LeanMinHash

    try:
        m = LeanMinHash.deserialize(sig, byteorder=BYTEORDER)
    except Exception as exc:
        raise UsageError(f"文本相似度签名无法解析（{len(sig)} 字节）：{exc}") from exc
    if m.seed != SEED or len(m) != NUM_PERM or m.scheme != SCHEME:
        raise UsageError(
            f"文本相似度签名的参数（种子 {m.seed}，{len(m)} 个哈希值，{m.scheme}）与本版本"
            f"（种子 {SEED}，{NUM_PERM} 个哈希值，{SCHEME}）不符，请重新计算签名"
        )
    return m


def similarity(a: bytes, b: bytes) -> float:
    """The estimated Jaccard similarity of two signatures (0–1)."""
    return float(load_signature(a).jaccard(load_signature(b)))


def _band_key(band: bytes) -> bytes:
    """An LSH band (8 hash values, 32 bytes) shortened to 8 bytes (the index takes 8 % less memory);
    a collision only adds a candidate, whose estimate is then computed and found below the threshold."""
    import hashlib

    return hashlib.blake2b(band, digest_size=8).digest()


class SimilarityIndex(Generic[K]):
    """Signatures of a corpus in a MinHashLSH (:data:`BANDS`), keyed by the caller's keys.

    The hash values are kept in one ``uint32`` array (512 bytes a report) to compute the estimate of
    each candidate the LSH returns; candidates estimated below ``threshold`` are dropped.
    Memory: about 6 KB a signature, nearly all of it the LSH's 16 band tables (datasketch keeps a set
    per band value); 100,000 signatures take 590 MB (``benchmarks/bench_similar.py``).
    """

    def __init__(self, items: Iterable[tuple[K, bytes]] = (), threshold: float = THRESHOLD) -> None:
        from datasketch import MinHashLSH

        self.threshold = threshold
        self._lsh = MinHashLSH(num_perm=NUM_PERM, params=BANDS, hashfunc=_band_key)
        self._keys: list[K] = []
        self._position: dict[K, int] = {}
        self._buffer = bytearray()
        self._view: np.ndarray | None = None
        self.add(items)

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, key: object) -> bool:
        return key in self._position

    def add(self, items: Iterable[tuple[K, bytes]]) -> None:
        """Add signatures; UsageError for a key already in the index."""
        import numpy as np

        self._view = None  # a numpy view pins the buffer's size: drop it before the buffer grows
        with self._lsh.insertion_session() as session:
            for key, sig in items:
                if key in self._position:
                    raise UsageError(f"相似度索引中已有 {key!r}")
                m = load_signature(sig)
                session.insert(len(self._keys), m, check_duplication=False)
                self._position[key] = len(self._keys)
                self._keys.append(key)
                self._buffer += np.asarray(m.hashvalues, dtype="<u4").tobytes()

    def _matrix(self) -> np.ndarray:
        """The hash values, one row a signature (a view of the buffer, not a copy)."""
        import numpy as np

        if self._view is None:
            self._view = np.frombuffer(self._buffer, dtype="<u4").reshape(-1, NUM_PERM)
        return self._view

    def matches(self, key: K | None, sig: bytes) -> list[tuple[K, float]]:
        """Other reports whose estimated similarity to ``sig`` reaches the threshold, most similar first
        (ties in the order they were added); ``key`` itself is left out."""
        import numpy as np

        m = load_signature(sig)
        skip = self._position.get(key, -1) if key is not None else -1
        found = [r for r in self._lsh.query(m) if r != skip]
        if not found:
            return []
        rows = np.asarray(sorted(found))
        values = self._matrix()[rows]
        own = np.asarray(m.hashvalues, dtype=np.uint32)
        estimates = (values == own).mean(axis=1)
        hits = [(float(e), int(r)) for e, r in zip(estimates, rows, strict=True) if e >= self.threshold]
        hits.sort(key=lambda h: (-h[0], h[1]))
        return [(self._keys[r], e) for e, r in hits]


def relation(
    agency: str | None, year: int | None, other_agency: str | None, other_year: int | None
) -> Literal["other", "previous"] | None:
    """How a matching report relates to the report checked: ``other`` (another agency's report, any year),
    ``previous`` (the same agency's report of the year before) or None (not a finding: the same agency's
    report of the same or a later year, that is the same report twice or the one copied from; or an
    agency that cannot be told, when either name is unknown)."""
    same = same_agency(agency, other_agency)
    if same is None:
        return None
    if not same:
        return "other"
    return "previous" if year is not None and other_year == year - 1 else None
