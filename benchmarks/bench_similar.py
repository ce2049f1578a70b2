"""Copied-report detection at corpus scale: MinHash signatures and an LSH index of 100,000 reports.

Run from the repository root::

    .venv/bin/python benchmarks/bench_similar.py           # 2,000 edited texts signed, an index of 100,000
    .venv/bin/python benchmarks/bench_similar.py --quick   # 500 texts, an index of 10,000
    .venv/bin/python benchmarks/bench_similar.py --full    # all 100,000 signatures computed from texts

1. **Signatures of real narratives** — ``narrative_text`` + ``signature`` on every sample report with
   enough prose: median ms per report (after a warm-up), and ms per 1,000 characters.
2. **Signatures of edited texts** — ``--texts`` synthetic narratives made from the samples' by random
   edits (each text: one sample, 0–30 % of its characters replaced, inserted or deleted, its sentences
   shuffled in part): throughput, and the time 100,000 would take on one core.
3. **Index of ``--n`` signatures** — the edited texts' signatures, and the rest synthetic hash-value
   arrays in the same byte format: 95 % unrelated (random values: two unrelated reports share about 5 %
   of their values, far below any LSH band), 5 % near-copies of another signature (a share of its values
   replaced at random, similarity 0.75–1.0). ``SimilarityIndex`` is built and every signature queried
   in a child process, whose peak RSS (``ru_maxrss``) is printed with the RSS before building; the
   planted copies estimated at 0.85 or more must all be found. ``--full`` computes all ``--n`` signatures
   from edited texts instead (several minutes).

Times are CPU seconds of the process (``time.process_time``), so that other load on a shared machine
does not count; the work is single-threaded, so they are also the wall time on an idle core.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import re
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
sys.path.insert(0, str(SRC))

SENTENCE = re.compile(r"(?<=[。；！？])")
FILLER = "政府信息公开工作推进依申请办理规范平台建设监督保障年度报告群众关切回应解读发布"


def narratives(samples: Path) -> dict[str, str]:
    """The masked narrative of every sample report long enough to have a signature."""
    from gongkai.api import read_report
    from gongkai.batch.similar import MIN_CHARS
    from gongkai.batch.similar_text import narrative_text
    from gongkai.errors import InputError

    out: dict[str, str] = {}
    for path in sorted(samples.iterdir()):
        try:
            text = narrative_text(read_report(path))
        except InputError:
            continue
        if len(text) >= MIN_CHARS:
            out[path.name] = text
    return out


def edited(base: str, rng: random.Random) -> str:
    """``base`` with 0–30 % of its characters edited and a few sentences swapped."""
    parts = [p for p in SENTENCE.split(base) if p]
    for _ in range(rng.randint(0, len(parts) // 4)):
        i, j = rng.randrange(len(parts)), rng.randrange(len(parts))
        parts[i], parts[j] = parts[j], parts[i]
    chars = list("".join(parts))
    for _ in range(int(len(chars) * rng.uniform(0, 0.3))):
        pos = rng.randrange(len(chars))
        op = rng.random()
        if op < 0.5:
            chars[pos] = rng.choice(FILLER)
        elif op < 0.75:
            chars.insert(pos, rng.choice(FILLER))
        elif len(chars) > 1:
            del chars[pos]
    return "".join(chars)


def time_real(texts: dict[str, str], samples: Path, runs: int) -> None:
    from gongkai.api import read_report
    from gongkai.batch.similar import signature
    from gongkai.batch.similar_text import narrative_text

    print(f"1. signatures of real narratives ({runs} runs each, median CPU time)")
    print(f"   {'sample':<38} {'chars':>6} {'narrative ms':>13} {'signature ms':>13}")
    per_kchar: list[float] = []
    for name, text in texts.items():
        report = read_report(samples / name)
        t_text, t_sig = [], []
        for _ in range(runs + 2):
            t0 = time.process_time()
            narrative_text(report)
            t1 = time.process_time()
            signature(text)
            t2 = time.process_time()
            t_text.append(t1 - t0)
            t_sig.append(t2 - t1)
        m_text, m_sig = statistics.median(t_text[2:]) * 1e3, statistics.median(t_sig[2:]) * 1e3
        per_kchar.append(m_sig / len(text) * 1e3)
        print(f"   {name:<38} {len(text):>6} {m_text:>13.3f} {m_sig:>13.3f}")
    print(f"   signature: {statistics.median(per_kchar):.3f} ms per 1,000 characters (median)\n")


def sign_edited(texts: dict[str, str], count: int, seed: int) -> list[bytes]:
    from gongkai.batch.similar import signature

    rng = random.Random(seed)
    bases = list(texts.values())
    made = [edited(rng.choice(bases), rng) for _ in range(count)]
    t0 = time.process_time()
    sigs = [s for s in map(signature, made) if s is not None]
    took = time.process_time() - t0
    chars = statistics.mean(len(t) for t in made)
    print(f"2. signatures of {count:,} edited texts (mean {chars:,.0f} characters): {took:.2f} s,")
    print(f"   {took / count * 1e3:.3f} ms each → 100,000 in {took / count * 1e5:,.0f} s of CPU\n")
    return sigs


def synthetic(real: list[bytes], n: int, seed: int) -> tuple[list[bytes], list[tuple[int, int, float]]]:
    """``n`` signatures: ``real`` first, then random value arrays, 5 % of them near-copies of an earlier one;
    the planted pairs (copy, original, estimated similarity)."""
    import numpy as np
    from datasketch import LeanMinHash

    from gongkai.batch.similar import BYTEORDER, NUM_PERM, SCHEME, SEED, load_signature

    rng = np.random.default_rng(seed)
    values = np.empty((n, NUM_PERM), dtype=np.uint32)
    for i, s in enumerate(real[:n]):
        values[i] = load_signature(s).hashvalues
    start = min(len(real), n)
    values[start:] = rng.integers(0, 2**32, (n - start, NUM_PERM), dtype=np.uint32)
    planted: list[tuple[int, int, float]] = []
    for i in range(max(start, 1), n):
        if rng.random() < 0.05:
            j = int(rng.integers(0, i))
            keep = rng.random(NUM_PERM) < rng.uniform(0.75, 1.0)
            values[i] = np.where(keep, values[j], values[i])
            planted.append((i, j, float((values[i] == values[j]).mean())))
    out: list[bytes] = []
    for row in values:
        m = LeanMinHash(seed=SEED, hashvalues=row, scheme=SCHEME)
        buf = bytearray(m.bytesize(byteorder=BYTEORDER))
        m.serialize(buf, byteorder=BYTEORDER)
        out.append(bytes(buf))
    return out, planted


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


def index_child(sigs: list[bytes], planted: list[tuple[int, int, float]], queue: mp.Queue) -> None:  # type: ignore[type-arg]
    from gongkai.batch.similar import SimilarityIndex

    before = rss_mb()
    t0 = time.process_time()
    index = SimilarityIndex(enumerate(sigs))
    built = time.process_time() - t0
    after = rss_mb()
    t0 = time.process_time()
    found = {i: {k for k, _ in index.matches(i, s)} for i, s in enumerate(sigs)}
    queried = time.process_time() - t0
    strong = [(i, j) for i, j, e in planted if e >= 0.85]
    missed = sum(1 for i, j in strong if j not in found[i] or i not in found[j])
    pairs = sum(len(v) for v in found.values()) // 2
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    queue.put((before, built, after, queried, pairs, len(strong), missed, peak))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="signatures in the index")
    parser.add_argument("--texts", type=int, default=2_000, help="edited texts to sign")
    parser.add_argument("--runs", type=int, default=20, help="timed runs per real sample")
    parser.add_argument("--quick", action="store_true", help="500 texts, an index of 10,000")
    parser.add_argument("--full", action="store_true", help="compute all --n signatures from edited texts")
    parser.add_argument("--samples", type=Path, default=ROOT / "samples")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    if args.quick:
        args.n, args.texts, args.runs = 10_000, 500, 5
    if args.full:
        args.texts = args.n

    from gongkai.batch.similar import NUM_PERM, SHINGLE, THRESHOLD

    print(f"gongkai copied-report benchmark: Python {sys.version.split()[0]}, {SHINGLE}-character shingles, ")
    print(f"{NUM_PERM} hash values, LSH threshold {THRESHOLD}\n")
    texts = narratives(args.samples)
    time_real(texts, args.samples, args.runs)
    real = sign_edited(texts, args.texts, args.seed)
    t0 = time.process_time()
    sigs, planted = synthetic(real, args.n, args.seed)
    made = time.process_time() - t0
    del real
    print(f"3. index of {len(sigs):,} signatures ({len(planted):,} planted near-copies; made in {made:.1f} s)")
    ctx = mp.get_context("fork")
    queue = ctx.Queue()
    child = ctx.Process(target=index_child, args=(sigs, planted, queue))
    child.start()
    before, built, after, queried, pairs, strong, missed, peak = queue.get()
    child.join()
    print(f"   build      {built:8.2f} s   RSS {before:,.0f} MB → {after:,.0f} MB (+{after - before:,.0f} MB)")
    print(f"   query all  {queried:8.2f} s   ({queried / len(sigs) * 1e3:.3f} ms a report), {pairs:,} pairs found")
    print(f"   recall     {strong - missed:,} of {strong:,} planted copies estimated ≥ 0.85 found both ways")
    print(f"   peak RSS   {peak:8.0f} MB (the child: signatures in memory + index)")


if __name__ == "__main__":
    main()
