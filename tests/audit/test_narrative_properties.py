"""Properties of the claim reader: in an enumeration each number belongs to its own item."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gongkai.audit.narrative import find_claims, normalise
from gongkai.audit.rules.consistency._parts import find_parts

counts = st.integers(0, 999)
separators = st.sampled_from(["、", "，", "；"])

REVIEW_NOUNS = {
    "review": ["行政复议", "行政复议案件", "政府信息公开行政复议"],
    "litigation": ["行政诉讼", "行政诉讼案件", "诉讼"],
    "litigation_direct": ["未经复议直接起诉", "直接提起行政诉讼"],
    "litigation_after_review": ["复议后起诉", "复议后提起行政诉讼"],
}


def claims(text: str, prefix: str = "") -> list[tuple[str, int]]:
    return [(c.kind, c.value) for c in find_claims(normalise(text)) if c.kind.startswith(prefix)]


@given(
    items=st.lists(st.sampled_from(sorted(REVIEW_NOUNS)), min_size=1, max_size=4, unique=True).flatmap(
        lambda kinds: st.tuples(*(st.tuples(st.just(k), st.sampled_from(REVIEW_NOUNS[k]), counts) for k in kinds))
    ),
    seps=st.lists(separators, min_size=3, max_size=3),
    lead=st.sampled_from(["", "本年度发生", "因政府信息公开引起的", "全年共发生"]),
    number_first=st.booleans(),
)
def test_find_claims_review_enumeration_in_any_order(
    items: tuple[tuple[str, str, int], ...], seps: list[str], lead: str, number_first: bool
) -> None:
    if number_first:  # “3件行政复议、5件行政诉讼”: only the two totals are read in this order
        items = tuple(i for i in items if i[0] in ("review", "litigation"))
    said = [f"{n}件{noun}" if number_first else f"{noun}{n}件" for _, noun, n in items]
    text = lead + "".join(sep + s for sep, s in zip(["", *seps], said, strict=False)) + "。"
    assert claims(text) == [(kind, n) for kind, _, n in items]


DOC_ITEMS = [("regulations", "规章"), ("normative_documents", "行政规范性文件")]
VERBS = [("issued", "制发"), ("abolished", "废止"), ("in_force", "现行有效")]


@given(
    values=st.lists(st.tuples(counts, counts), min_size=3, max_size=3),
    joins=st.lists(st.sampled_from(["、", "和", "及"]), min_size=3, max_size=3),
    seps=st.lists(st.sampled_from(["，", "；"]), min_size=2, max_size=2),
)
def test_find_claims_table2_verb_first_enumerations(
    values: list[tuple[int, int]], joins: list[str], seps: list[str]
) -> None:
    clauses = [
        f"{verb}{DOC_ITEMS[0][1]}{a}件{join}{DOC_ITEMS[1][1]}{b}件"
        for (_, verb), (a, b), join in zip(VERBS, values, joins, strict=True)
    ]
    text = "本年度" + clauses[0] + seps[0] + clauses[1] + seps[1] + "截至年底" + clauses[2] + "。"
    expected = [
        (f"table2:{row}.{field}", v)
        for (field, _), pair in zip(VERBS, values, strict=True)
        for (row, _), v in zip(DOC_ITEMS, pair, strict=True)
    ]
    assert claims(text, "table2:") == expected


@given(
    row=st.sampled_from(DOC_ITEMS),
    values=st.lists(counts, min_size=3, max_size=3),
    order=st.permutations(range(3)),
)
def test_find_claims_table2_noun_first_enumeration(row: tuple[str, str], values: list[int], order: list[int]) -> None:
    text = row[1] + "、".join(f"{VERBS[i][1]}{values[i]}件" for i in order) + "。"
    assert claims(text, "table2:") == [(f"table2:{row[0]}.{VERBS[i][0]}", values[i]) for i in order]


OUTCOMES = ["予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理"]


@given(
    parts=st.lists(counts, min_size=2, max_size=6),
    sep=separators,
    colon=st.booleans(),
    review=counts,
    litigation=counts,
    after=st.sampled_from(["；", "。", "，"]),
)
def test_find_parts_list_never_runs_into_review_counts(
    parts: list[int], sep: str, colon: bool, review: int, litigation: int, after: str
) -> None:
    listed = sep.join(f"{noun}{n}件" for noun, n in zip(OUTCOMES, parts, strict=False))
    text = (
        f"办结{sum(parts)}件，其中{'：' if colon else ''}{listed}{after}"
        f"因政府信息公开引起的行政复议案件{review}件、行政诉讼案件{litigation}件。"
    )
    # without “：” a “；” ends the list at its first part: no group at all
    expected = [] if sep == "；" and not colon else [(sum(parts), tuple(parts))]
    assert [(g.whole, g.parts) for g in find_parts(text)] == expected
