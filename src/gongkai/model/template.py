"""The 2021 annual-report format (国办公开办函〔2021〕30号) as data.

One place defines every table, row and column: its stable English key (see
``shared/spec/report-keys.md``), the label the template prints, and the label
variants real reports print.  Everything else in gongkai reads these specs
instead of spelling labels itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

TableId = Literal["table2", "table3", "table4"]
ValueKind = Literal["count", "amount", "signed"]


@dataclass(frozen=True)
class ColumnSpec:
    """A column (or field) of a table."""

    key: str
    label: str
    variants: tuple[str, ...] = ()
    """Other spellings seen in real reports (renamed or abbreviated labels)."""
    misprints: tuple[str, ...] = ()
    """Known misprints; matched like variants but reported as misprints."""


@dataclass(frozen=True)
class RowSpec:
    """A data row of a table.

    ``patterns`` are the normalised texts (see :func:`gongkai.model.labels.label_key`)
    whose presence at the end of a row's label identifies the row.  ``group`` is
    the merged group label the row sits under (（三）不予公开 …).
    """

    key: str
    label: str
    patterns: tuple[str, ...]
    fields: tuple[ColumnSpec, ...] = ()
    group: str | None = None
    optional: bool = False
    """Optional rows only appear in older layouts (subtotal rows, （六） as one row)."""
    variants: tuple[str, ...] = ()
    misprints: tuple[str, ...] = ()
    kind: ValueKind = "count"


@dataclass(frozen=True)
class TableSpec:
    id: TableId
    title: str
    short: str
    rows: tuple[RowSpec, ...]
    columns: tuple[ColumnSpec, ...] = ()
    """Shared columns (table3); table2/table4 rows carry their own fields."""

    def row(self, key: str) -> RowSpec:
        for r in self.rows:
            if r.key == key:
                return r
        raise KeyError(key)

    def fields_of(self, row: RowSpec) -> tuple[ColumnSpec, ...]:
        return row.fields or self.columns


# --------------------------------------------------------------------- table2
_DOC_FIELDS = (
    ColumnSpec("issued", "本年制发件数"),
    ColumnSpec("abolished", "本年废止件数", misprints=("本年度止件数", "本年废正件数")),
    ColumnSpec("in_force", "现行有效件数"),
)
_DECISIONS = (ColumnSpec("decisions", "本年处理决定数量"),)
_FEES = (ColumnSpec("amount_10k_yuan", "本年收费金额（单位：万元）", variants=("本年收费金额",)),)

TABLE2 = TableSpec(
    id="table2",
    title="主动公开政府信息情况",
    short="表二",
    rows=(
        RowSpec("regulations", "规章", ("规章",), _DOC_FIELDS, group="第二十条第（一）项"),
        RowSpec(
            "normative_documents",
            "行政规范性文件",
            ("行政规范性文件", "规范性文件"),
            _DOC_FIELDS,
            group="第二十条第（一）项",
            variants=("规范性文件",),
        ),
        RowSpec("administrative_licensing", "行政许可", ("行政许可",), _DECISIONS, group="第二十条第（五）项"),
        RowSpec("administrative_penalty", "行政处罚", ("行政处罚",), _DECISIONS, group="第二十条第（六）项"),
        RowSpec("administrative_coercion", "行政强制", ("行政强制",), _DECISIONS, group="第二十条第（六）项"),
        RowSpec(
            "administrative_fees",
            "行政事业性收费",
            ("行政事业性收费",),
            _FEES,
            group="第二十条第（八）项",
            kind="amount",
        ),
    ),
)

# The 2019 trial format's table2 (国办公开办函〔2019〕60号).  Keys are gongkai's own:
# report-keys.md only defines the 2021 format.
_DOC_FIELDS_2019 = (
    ColumnSpec("new_made", "本年新制作数量"),
    ColumnSpec("new_published", "本年新公开数量"),
    ColumnSpec("total_published", "对外公开总数量"),
)
_ITEMS_2019 = (
    ColumnSpec("previous_count", "上一年项目数量"),
    ColumnSpec("change", "本年增/减"),
    ColumnSpec("decisions", "处理决定数量"),
)
TABLE2_2019 = TableSpec(
    id="table2",
    title="主动公开政府信息情况（2019年试行格式）",
    short="表二",
    rows=(
        RowSpec("regulations", "规章", ("规章",), _DOC_FIELDS_2019),
        RowSpec("normative_documents", "规范性文件", ("规范性文件",), _DOC_FIELDS_2019),
        RowSpec("administrative_licensing", "行政许可", ("行政许可",), _ITEMS_2019, kind="signed"),
        RowSpec(
            "other_external_services",
            "其他对外管理服务事项",
            ("其他对外管理服务事项",),
            _ITEMS_2019,
            kind="signed",
        ),
        RowSpec("administrative_penalty", "行政处罚", ("行政处罚",), _ITEMS_2019, kind="signed"),
        RowSpec("administrative_coercion", "行政强制", ("行政强制",), _ITEMS_2019, kind="signed"),
        RowSpec(
            "administrative_fees",
            "行政事业性收费",
            ("行政事业性收费",),
            (ColumnSpec("previous_count", "上一年项目数量"), ColumnSpec("change", "本年增/减")),
            kind="signed",
        ),
        RowSpec(
            "government_procurement",
            "政府集中采购",
            ("政府集中采购",),
            (ColumnSpec("projects", "采购项目数量"), ColumnSpec("amount", "采购总金额")),
            kind="amount",
        ),
    ),
)

# --------------------------------------------------------------------- table3
TABLE3_COLUMNS = (
    ColumnSpec("natural_person", "自然人"),
    ColumnSpec("commercial_enterprise", "商业企业"),
    ColumnSpec("research_institution", "科研机构"),
    ColumnSpec("social_welfare_org", "社会公益组织", variants=("社会组织", "社会公益")),
    ColumnSpec("legal_service_org", "法律服务机构"),
    ColumnSpec("other_org", "其他"),
    ColumnSpec("total", "总计", variants=("合计",)),
)
APPLICANT_COLUMNS = tuple(c.key for c in TABLE3_COLUMNS[:6])
ORG_COLUMNS = tuple(c.key for c in TABLE3_COLUMNS[1:6])
LEGAL_ENTITY_SUBTOTAL = ColumnSpec("legal_entity_subtotal", "法人或其他组织小计", variants=("小计",))

G3 = "（三）不予公开"
G4 = "（四）无法提供"
G5 = "（五）不予处理"
G6 = "（六）其他处理"

_T3_ROWS = (
    RowSpec("new_received", "一、本年新收政府信息公开申请数量", ("本年新收政府信息公开申请数量", "本年新收")),
    RowSpec("carried_over", "二、上年结转政府信息公开申请数量", ("上年结转政府信息公开申请数量", "上年结转")),
    RowSpec("granted", "（一）予以公开", ("予以公开",)),
    RowSpec(
        "partially_granted",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        ("部分公开区分处理的只计这一情形不计其他情形", "部分公开区分处理的", "部分公开"),
    ),
    RowSpec("denied_total", "（三）不予公开", ("不予公开",), optional=True),
    RowSpec("denied_state_secret", "1.属于国家秘密", ("属于国家秘密", "国家秘密"), group=G3),
    RowSpec(
        "denied_prohibited_by_law",
        "2.其他法律行政法规禁止公开",
        ("其他法律行政法规禁止公开", "法律行政法规禁止公开"),
        group=G3,
        misprints=("其他法律行政止公开",),
    ),
    RowSpec(
        "denied_three_safeties_one_stability", "3.危及“三安全一稳定”", ("危及三安全一稳定", "三安全一稳定"), group=G3
    ),
    RowSpec("denied_third_party_rights", "4.保护第三方合法权益", ("保护第三方合法权益", "第三方合法权益"), group=G3),
    RowSpec(
        "denied_internal_affairs",
        "5.属于三类内部事务信息",
        ("属于三类内部事务信息", "三类内部事务信息"),
        group=G3,
        misprints=("属于三类内容事务信息",),
    ),
    RowSpec("denied_process_information", "6.属于四类过程性信息", ("属于四类过程性信息", "四类过程性信息"), group=G3),
    RowSpec("denied_enforcement_files", "7.属于行政执法案卷", ("属于行政执法案卷", "行政执法案卷"), group=G3),
    RowSpec("denied_query_matters", "8.属于行政查询事项", ("属于行政查询事项", "行政查询事项"), group=G3),
    RowSpec("unavailable_total", "（四）无法提供", ("无法提供",), optional=True),
    RowSpec(
        "unavailable_not_held",
        "1.本机关不掌握相关政府信息",
        ("本机关不掌握相关政府信息", "不掌握相关政府信息"),
        group=G4,
    ),
    RowSpec(
        "unavailable_needs_creation",
        "2.没有现成信息需要另行制作",
        ("没有现成信息需要另行制作", "需要另行制作"),
        group=G4,
    ),
    RowSpec(
        "unavailable_unclear_after_correction",
        "3.补正后申请内容仍不明确",
        ("补正后申请内容仍不明确", "申请内容仍不明确"),
        group=G4,
    ),
    RowSpec("not_processed_total", "（五）不予处理", ("不予处理",), optional=True),
    RowSpec("not_processed_complaint", "1.信访举报投诉类申请", ("信访举报投诉类申请", "信访举报投诉"), group=G5),
    RowSpec("not_processed_duplicate", "2.重复申请", ("重复申请",), group=G5),
    RowSpec("not_processed_publication", "3.要求提供公开出版物", ("要求提供公开出版物", "公开出版物"), group=G5),
    RowSpec(
        "not_processed_massive_repeated",
        "4.无正当理由大量反复申请",
        ("无正当理由大量反复申请", "大量反复申请"),
        group=G5,
    ),
    RowSpec(
        "not_processed_confirmation",
        "5.要求行政机关确认或重新出具已获取信息",
        ("要求行政机关确认或重新出具已获取信息", "重新出具已获取信息"),
        group=G5,
    ),
    RowSpec("other_total", "（六）其他处理", ("其他处理",), optional=True),
    RowSpec(
        "other_no_correction",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        ("申请人无正当理由逾期不补正行政机关不再处理其政府信息公开申请", "逾期不补正"),
        group=G6,
    ),
    RowSpec(
        "other_no_fee",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        ("申请人逾期未按收费通知要求缴纳费用行政机关不再处理其政府信息公开申请", "收费通知", "缴纳费用"),
        group=G6,
    ),
    RowSpec("other_other", "3.其他", ("3其他",), group=G6),
    RowSpec("total_processed", "（七）总计", ("七总计",)),
    RowSpec("carried_forward", "四、结转下年度继续办理", ("结转下年度继续办理", "结转下年度")),
)

TABLE3 = TableSpec(
    id="table3",
    title="收到和处理政府信息公开申请情况",
    short="表三",
    rows=_T3_ROWS,
    columns=TABLE3_COLUMNS,
)

SUBTOTAL_ITEMS: dict[str, tuple[str, ...]] = {
    "denied_total": tuple(r.key for r in _T3_ROWS if r.group == G3),
    "unavailable_total": tuple(r.key for r in _T3_ROWS if r.group == G4),
    "not_processed_total": tuple(r.key for r in _T3_ROWS if r.group == G5),
    "other_total": tuple(r.key for r in _T3_ROWS if r.group == G6),
}
"""Each optional subtotal row and the rows it adds up."""

OUTCOME_ROWS_2021 = tuple(
    r.key
    for r in _T3_ROWS
    if not r.optional and r.key not in ("new_received", "carried_over", "total_processed", "carried_forward")
)
"""The leaf outcome rows (三、本年度办理结果) whose sum is （七）总计 in the 2021 layout."""

# --------------------------------------------------------------------- table4
TABLE4_FIELDS = (
    ColumnSpec("upheld", "结果维持"),
    ColumnSpec("corrected", "结果纠正"),
    ColumnSpec("other", "其他结果"),
    ColumnSpec("pending", "尚未审结"),
    ColumnSpec("total", "总计"),
)
TABLE4 = TableSpec(
    id="table4",
    title="政府信息公开行政复议、行政诉讼情况",
    short="表四",
    rows=(
        RowSpec("administrative_review", "行政复议", ("行政复议",), TABLE4_FIELDS),
        RowSpec("litigation_direct", "行政诉讼·未经复议直接起诉", ("未经复议直接起诉",), TABLE4_FIELDS),
        RowSpec("litigation_after_review", "行政诉讼·复议后起诉", ("复议后起诉",), TABLE4_FIELDS),
    ),
)

TABLES: dict[str, TableSpec] = {"table2": TABLE2, "table3": TABLE3, "table4": TABLE4}

Parts = tuple[tuple[str, str], ...]


def _totals() -> dict[str, dict[tuple[str, str], tuple[Parts, ...]]]:
    """Each total cell and its parts; a cell with two part lists must equal both (the first gives the formula)."""
    t3: dict[tuple[str, str], tuple[Parts, ...]] = {}
    for spec in TABLE3.rows:
        if not spec.optional:
            t3[(spec.key, "total")] = (tuple((spec.key, c) for c in APPLICANT_COLUMNS),)
    for col in APPLICANT_COLUMNS:
        t3[("total_processed", col)] = (tuple((r, col) for r in OUTCOME_ROWS_2021),)
    t3[("total_processed", "total")] += (tuple((r, "total") for r in OUTCOME_ROWS_2021),)
    t4: dict[tuple[str, str], tuple[Parts, ...]] = {}
    for g in TABLE4.rows:
        t4[(g.key, "total")] = (tuple((g.key, f) for f in ("upheld", "corrected", "other", "pending")),)
    return {"table2": {}, "table3": t3, "table4": t4}


TOTALS = _totals()
"""The computed cells of the 2021 format, per table: ``(row, column)`` → the part lists it is the sum of.
Table 3's 总计 column, its （七）总计 row and table 4's 总计 of each group."""


# ------------------------------------------------------------------- sections
@dataclass(frozen=True)
class SectionSpec:
    number: int
    key: str
    title: str
    variants: tuple[str, ...] = field(default_factory=tuple)


SECTIONS: tuple[SectionSpec, ...] = (
    SectionSpec(1, "overview", "一、总体情况"),
    SectionSpec(2, "proactive_disclosure", "二、主动公开政府信息情况"),
    SectionSpec(3, "applications", "三、收到和处理政府信息公开申请情况"),
    SectionSpec(
        4,
        "review_litigation",
        "四、政府信息公开行政复议、行政诉讼情况",
        ("四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",),
    ),
    SectionSpec(
        5,
        "problems",
        "五、存在的主要问题及改进情况",
        (
            "五、政府信息公开工作存在的主要问题及改进情况",
            "五、存在的主要问题及整改措施",
            "五、存在问题及改进情况",
        ),
    ),
    SectionSpec(6, "other_matters", "六、其他需要报告的事项"),
)
CN_NUMERALS = "一二三四五六七八九十"
