"""What staff type for a coded field → the key: Chinese labels, short forms, the English keys."""

from __future__ import annotations

import pytest

from gongkai.cases import names
from gongkai.cases import records as r


@pytest.mark.parametrize(
    ("table", "text", "key"),
    [
        (names.APPLICANT_TYPE, "自然人", "natural_person"),
        (names.APPLICANT_TYPE, " 其他 ", "other_org"),
        (names.APPLICANT_TYPE, "legal_service_org", "legal_service_org"),
        (names.CHANNEL, "邮寄（需签收）", "post_signed"),
        (names.CHANNEL, "互联网渠道", "online"),
        (names.EVENT_KIND, "延期", "extended"),
        (names.EVENT_KIND, "延期答复", "extended"),
        (names.EVENT_KIND, "答复", "decided"),
        (names.EVENT_KIND, "申请人撤回", "withdrawn"),
        (names.REVIEW_KIND, "行政诉讼(未经复议直接起诉)", "litigation_direct"),
        (names.REVIEW_KIND, "复议后起诉", "litigation_after_review"),
        (names.REVIEW_RESULT, "结果纠正", "corrected"),
        (names.DOCUMENT_KIND, "规范性文件", "normative_documents"),
        (names.FIGURE_KEY, "行政事业性收费(万元)", "administrative_fees.amount_10k_yuan"),
        (names.FEE_BASIS, "按量", "pages"),
        (names.CONSULT_PARTY, "其他机关", "agency"),
    ],
)
def test_names_key_of_each_spelling(table: names.Names, text: str, key: str) -> None:
    assert table.key(text) == key


def test_names_every_key_is_its_own_name_and_labels_cover_the_keys() -> None:
    for table, keys in (
        (names.APPLICANT_TYPE, r.APPLICANT_TYPES),
        (names.CHANNEL, tuple(r.CHANNEL_LABELS)),
        (names.EVENT_KIND, tuple(k for k in r.EVENT_KINDS if k != "received")),
        (names.REVIEW_KIND, r.REVIEW_KINDS),
        (names.REVIEW_RESULT, r.REVIEW_RESULTS),
        (names.FIGURE_KEY, r.FIGURE_KEYS),
    ):
        assert tuple(table.labels) == keys
        assert all(table.key(k) == k and table.key(table.label(k)) == k for k in keys)
    assert names.EVENT_KIND.key("received") == "received"


def test_names_unknown_spelling() -> None:
    assert names.APPLICANT_TYPE.key("外星人") is None and names.APPLICANT_TYPE.key("  ") is None
    assert names.REVIEW_RESULT.unknown(" 撤销 ") == "复议诉讼结果应为 维持、纠正、其他、尚未审结 之一，而不是“撤销”"
