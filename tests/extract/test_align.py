"""Value cells are fitted to columns only where no choice is involved."""

from __future__ import annotations

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
