"""Copied reports (内容雷同): MinHash signatures of real reports' narratives and the LSH index."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.audit.rules.corpus.copied_narrative import copied_finding
from gongkai.batch.similar import (
    MIN_CHARS,
    NUM_PERM,
    THRESHOLD,
    SimilarityIndex,
    load_signature,
    relation,
    shingles,
    signature,
    similarity,
)
from gongkai.batch.similar_text import narrative_text
from gongkai.errors import UsageError
from gongkai.model import AnnualReport
from tests.batch.similar_fixtures import NAME_ONLY, UNRELATED, copied_as, sample

SRC = Path(__file__).resolve().parents[2] / "src"
HANZI = st.characters(min_codepoint=0x4E00, max_codepoint=0x4E00 + 400)


def sig(report: AnnualReport) -> bytes:
    s = signature(narrative_text(report))
    assert s is not None
    return s


def jaccard(a: str, b: str) -> float:
    x, y = shingles(a), shingles(b)
    return len(x & y) / len(x | y)


def test_similar_hongze_consecutive_years_share_a_third_and_are_no_copy() -> None:
    old, new = sample("hongze-district-2023.pdf"), sample("hongze-district-2024.pdf")
    exact = jaccard(narrative_text(old), narrative_text(new))
    estimate = similarity(sig(old), sig(new))
    # 2024 keeps parts of 2023 (（三）、（四） and the plans in 五 nearly verbatim) but rewrote the rest
    assert 0.30 < exact < 0.40
    assert abs(estimate - exact) < 3 * (exact * (1 - exact) / NUM_PERM) ** 0.5
    index = SimilarityIndex([("2023", sig(old))])
    assert index.matches("2024", sig(new)) == []
    assert relation(new.metadata.agency, 2024, old.metadata.agency, 2023) == "previous"


def test_similar_copy_with_only_name_and_numbers_changed_is_identical() -> None:
    report = sample("hongze-district-2024.pdf")
    copy = copied_as(report, "淮安市清江浦区人民政府", NAME_ONLY)
    assert narrative_text(copy) == narrative_text(report)
    assert similarity(sig(copy), sig(report)) == 1.0


def test_similar_reworded_copy_matches_its_original_and_gets_x101() -> None:
    report = sample("hongze-district-2024.pdf")
    copy = copied_as(report)
    index = SimilarityIndex([(name, sig(sample(name))) for name in UNRELATED])
    [(key, value)] = index.matches("copied.txt", sig(copy))
    assert key == "hongze-district-2024.pdf" and THRESHOLD <= value < 1.0
    assert relation(copy.metadata.agency, 2025, report.metadata.agency, 2024) == "other"
    finding = copied_finding(copy, f"《{report.metadata.title}》（{key}）", value)
    assert finding.code == "X101" and finding.location.part == "section1"
    assert finding.message == f"第一至第六部分正文与《{report.metadata.title}》（{key}）相似度 {value:.0%}"


def test_similar_unrelated_reports_do_not_match() -> None:
    sigs = [(name, sig(sample(name))) for name in UNRELATED]
    index = SimilarityIndex(sigs)
    assert len(index) == len(UNRELATED)
    for name, s in sigs:
        assert index.matches(name, s) == []
        assert index.matches(None, s) == [(name, 1.0)]  # only itself
    assert max(similarity(a, b) for i, (_, a) in enumerate(sigs) for _, b in sigs[i + 1 :]) < 0.2


def test_similar_short_text_has_no_signature() -> None:
    assert signature(narrative_text(sample("city-sample-2025.html"))) is None  # 143 characters of prose
    assert signature("无。" * (MIN_CHARS // 2 - 1) + "无") is None
    assert signature("无。" * (MIN_CHARS // 2)) is not None


def test_similar_index_sorted_most_similar_first_and_grows() -> None:
    base = narrative_text(sample("huaian-city-2024.pdf"))
    near = base[: len(base) - 40] + "某" * 40
    nearer = base[: len(base) - 10] + "某" * 10
    index: SimilarityIndex[str] = SimilarityIndex([("near", sig_of(near))])
    assert [k for k, _ in index.matches(None, sig_of(base))] == ["near"]
    index.add([("nearer", sig_of(nearer)), ("base", sig_of(base))])  # after a query: the index grows
    found = index.matches("base", sig_of(base))
    assert [k for k, _ in found] == ["nearer", "near"]
    assert found[0][1] >= found[1][1] >= THRESHOLD
    assert "base" in index and len(index) == 3


def sig_of(text: str) -> bytes:
    s = signature(text)
    assert s is not None
    return s


def test_similar_index_refuses_duplicate_keys_and_foreign_signatures() -> None:
    s = sig_of("政府信息公开" * 40)
    index = SimilarityIndex([("a", s)])
    with pytest.raises(UsageError, match="已有"):
        index.add([("a", s)])
    with pytest.raises(UsageError, match="无法解析"):
        load_signature(b"\x00" * 10)
    with pytest.raises(UsageError, match="种子 1，"):
        load_signature(s[:0] + (1).to_bytes(8, "little") + s[8:])


@settings(max_examples=30, deadline=None)
@given(st.text(HANZI, min_size=MIN_CHARS, max_size=600), st.text(HANZI, min_size=MIN_CHARS, max_size=600))
def test_similar_symmetric_and_one_for_identical_text(a: str, b: str) -> None:
    sa, sb = sig_of(a), sig_of(b)
    assert similarity(sa, sb) == similarity(sb, sa)
    assert similarity(sa, sig_of(a)) == 1.0
    assert 0.0 <= similarity(sa, sb) <= 1.0


def test_similar_signature_same_in_another_process() -> None:
    text = narrative_text(sample("shuyang-county-2025.txt"))
    code = (
        "import sys; from gongkai.batch.similar import signature; sys.stdout.write(signature(sys.stdin.read()).hex())"
    )
    env = {**os.environ, "PYTHONPATH": str(SRC), "PYTHONHASHSEED": "12345"}
    out = subprocess.run([sys.executable, "-c", code], input=text, capture_output=True, text=True, env=env, check=True)
    assert bytes.fromhex(out.stdout) == sig_of(text)
