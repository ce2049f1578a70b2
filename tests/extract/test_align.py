"""Value cells are fitted to columns only where no choice is involved."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gongkai.extract.tables import align_values
from gongkai.model import Provenance
from gongkai.readers.raw import RawCell


def cells(*texts: str) -> list[RawCell]:
    return [RawCell(t, Provenance(file="f", line=1, column=i)) for i, t in enumerate(texts, 1)]


def texts(aligned: list[RawCell] | None) -> list[str] | None:
    return None if aligned is None else [c.text for c in aligned]


def test_align_exact_keeps_blank_cells_in_place() -> None:
    got, how = align_values(cells("26", "", "", "", "", "", "26"), 7)
    assert (texts(got), how) == (["26", "", "", "", "", "", "26"], "exact")


def test_align_drops_edge_blanks_when_only_one_way_fits() -> None:
    got, how = align_values(cells("", "0", "1", "2", "3", "4", "5", "15", ""), 7)
    assert (texts(got), how) == (["0", "1", "2", "3", "4", "5", "15"], "trimmed")


def test_align_refuses_to_choose_between_different_readings() -> None:
    got, how = align_values(cells("", "5", "", "", "", "", "", ""), 7)
    assert (got, how) == (None, "misaligned")


def test_align_equal_extra_cells_are_redundant_not_guessed() -> None:
    got, how = align_values(cells(*["0"] * 16), 15)
    assert (texts(got), how) == (["0"] * 15, "redundant")


def test_align_extra_different_numbers_are_misaligned() -> None:
    got, how = align_values(cells("1", "2", "3", "4"), 3)
    assert (got, how) == (None, "misaligned")


def test_align_missing_cells_are_misaligned() -> None:
    assert align_values(cells("22", "235"), 3) == (None, "misaligned")


def test_align_label_variants_and_misprints_are_told_apart() -> None:
    from gongkai.extract.align import Match, match_label
    from gongkai.model.template import TABLE2, TABLE3

    assert match_label("2.其他法律行政止公开", TABLE3) == [Match("denied_prohibited_by_law", "misprint")]
    assert match_label("5. 属于三类内容\n事务信息", TABLE3) == [Match("denied_internal_affairs", "misprint")]
    assert match_label('3. 危及 "三安全一稳定"', TABLE3) == [Match("denied_three_safeties_one_stability", "exact")]
    assert match_label("1. 申请人无正当理由逾期不补正, 行政机关不再处理其政府信息公开申请", TABLE3) == [
        Match("other_no_correction", "exact")
    ]
    assert match_label("（三）不予公开 1.属于国家秘密", TABLE3) == [Match("denied_state_secret", "exact")]
    assert match_label("（三）不予公开", TABLE3) == [Match("denied_total", "exact")]
    # a group label with a misread item label (OCR: 掘 for 握) names the item, not the group's subtotal
    assert match_label("（四）无法提供 1.本机关不掌掘相关政府信息", TABLE3) == [
        Match("unavailable_not_held", "misprint")
    ]
    assert match_label("（四）无法提供", TABLE3) == [Match("unavailable_total", "exact")]
    assert match_label("规范性文件", TABLE2) == [Match("normative_documents", "variant")]
    assert match_label("行政规范性文件", TABLE2) == [Match("normative_documents", "exact")]
    assert match_label("行政机关不再处理其政府信息公", TABLE3) == []


def _reference(values: list[RawCell], n: int) -> tuple[list[RawCell] | None, str]:
    """The former quadratic alignment, kept as the specification of the linear one."""
    k = len(values)
    if k == n:
        return list(values), "exact"
    if k < n:
        return None, "misaligned"
    windows = [values[i : i + n] for i in range(k - n + 1)]
    valid = [w for i, w in enumerate(windows) if all(not c.text.strip() for c in values[:i] + values[i + n :])]
    if len(valid) == 1:
        return list(valid[0]), "trimmed"
    if len({tuple(c.text.strip() for c in w) for w in windows}) == 1:
        return list(windows[0]), "redundant"
    if valid and len({tuple(c.text.strip() for c in w) for w in valid}) == 1:
        return list(valid[0]), "trimmed"
    return None, "misaligned"


@given(st.lists(st.sampled_from(["", " ", "0", "1", "12", "/"]), max_size=14), st.integers(1, 7))
def test_align_linear_alignment_reads_as_the_quadratic_one(words: list[str], n: int) -> None:
    values = cells(*words)
    got, how = align_values(values, n)
    want, want_how = _reference(values, n)
    if len(values) > 2 * n and want_how == "redundant":
        # more than twice the columns of one value is no repeated cell: left unread (all blank: nothing to read)
        if words[0].strip():
            assert (got, how) == (None, "misaligned")
        else:
            assert (texts(got), how) == (texts(want), "trimmed")
        return
    assert (texts(got), how) == (texts(want), want_how)
    if got is not None:
        assert [c.prov.column for c in got] == [c.prov.column for c in want or []]
