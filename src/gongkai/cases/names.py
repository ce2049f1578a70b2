"""What staff type for the register's coded fields: the Chinese labels (with the short forms staff use)
or the English keys of :mod:`gongkai.cases.records`.

Spellings are compared by :func:`gongkai.model.labels.label_key` (half- or full-width brackets and
spaces make no difference). Each :class:`Names` table lists its choices in Chinese for messages.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from gongkai.cases import records as r
from gongkai.model.labels import label_key


@dataclass(frozen=True, slots=True)
class Names:
    """A coded field: its Chinese name, each key's label, and every accepted spelling → key."""

    what: str
    labels: Mapping[str, str]
    """key → the label shown (and listed as a choice)."""
    aliases: Mapping[str, str]
    """further spellings → key."""

    def key(self, text: str) -> str | None:
        """The key ``text`` names (a key, a label or an alias), or None."""
        stripped = text.strip()
        if stripped in self.labels:
            return stripped
        wanted = label_key(stripped)
        if not wanted:
            return None
        for key, label in (*self.labels.items(), *((v, k) for k, v in self.aliases.items())):
            if label_key(label) == wanted:
                return key
        return None

    def label(self, key: str | None) -> str:
        """The label of ``key`` (the key itself when it has none; ``（空）`` for None)."""
        return "（空）" if key is None else self.labels.get(key, key)

    @property
    def choices(self) -> str:
        return "、".join(self.labels.values())

    def unknown(self, text: str) -> str:
        """The Chinese message for a spelling that names no choice."""
        return f"{self.what}应为 {self.choices} 之一，而不是“{text.strip()}”"


APPLICANT_TYPE = Names("申请人类型", r.APPLICANT_LABELS, {"其他组织": "other_org"})
CHANNEL = Names(
    "提交渠道",
    {
        "in_person": "当面提交",
        "post_signed": "邮寄",
        "post_ordinary": "平常信函",
        "online": "互联网",
        "fax": "传真",
    },
    {"当面": "in_person", "邮寄（需签收）": "post_signed", "互联网渠道": "online", "网络": "online"}
    | {v: k for k, v in r.CHANNEL_LABELS.items()},
)
EVENT_KIND = Names(
    "事件类型",
    {
        "correction_requested": "告知补正",
        "correction_received": "收到补正",
        "consultation_sent": "发出征求意见",
        "consultation_answered": "收到意见",
        "extended": "延期",
        "fee_notice": "收费通知",
        "fee_paid": "缴费",
        "decided": "答复",
        "delivered": "送达",
        "withdrawn": "撤回",
    },
    {"征求意见": "consultation_sent", "received": "received", "收到申请": "received"}
    | {v: k for k, v in r.EVENT_LABELS.items()},
)
CONSULT_PARTY = Names("征求意见对象", {"third_party": "第三方", "agency": "其他机关"}, {"其他行政机关": "agency"})
FEE_BASIS = Names("收费标准", {"count": "按件", "pages": "按量"}, {"按件计收": "count", "按量计收": "pages"})
REVIEW_KIND = Names(
    "案件类型",
    r.REVIEW_KIND_LABELS,
    {"未经复议直接起诉": "litigation_direct", "直接起诉": "litigation_direct", "复议后起诉": "litigation_after_review"},
)
REVIEW_RESULT = Names(
    "复议诉讼结果",
    {"upheld": "维持", "corrected": "纠正", "other": "其他", "pending": "尚未审结"},
    {v: k for k, v in r.REVIEW_RESULT_LABELS.items()} | {"未审结": "pending"},
)
DOCUMENT_KIND = Names(
    "文件类型", {"regulations": "规章", "normative_documents": "行政规范性文件"}, {"规范性文件": "normative_documents"}
)
FIGURE_KEY = Names(
    "年度数据项",
    {
        "administrative_licensing.decisions": "行政许可",
        "administrative_penalty.decisions": "行政处罚",
        "administrative_coercion.decisions": "行政强制",
        "administrative_fees.amount_10k_yuan": "行政事业性收费（万元）",
    },
    {
        "行政事业性收费": "administrative_fees.amount_10k_yuan",
        "行政许可决定": "administrative_licensing.decisions",
        "行政处罚决定": "administrative_penalty.decisions",
        "行政强制决定": "administrative_coercion.decisions",
    },
)


__all__ = [
    "APPLICANT_TYPE",
    "CHANNEL",
    "CONSULT_PARTY",
    "DOCUMENT_KIND",
    "EVENT_KIND",
    "FEE_BASIS",
    "FIGURE_KEY",
    "REVIEW_KIND",
    "REVIEW_RESULT",
    "Names",
]
