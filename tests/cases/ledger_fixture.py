"""A realistic 台账 as staff keep it, written as .xlsx (openpyxl) or .csv, and the rows it must give.

Row numbers are those Excel shows: a title in row 1, the header in row 2, a blank row 7.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from gongkai.cases.ledger import LedgerRow

D = dt.date
TITLE = "某市某局2025年政府信息公开申请办理台账"
HEADER = (
    "序号", "编号", "申请人类型", "申请人", "渠道", "收到日期", "申请内容", "补正告知日期", "补正收到日期",
    "征求意见日期", "征求意见对象", "意见收到日期", "延期天数", "收费金额（元）", "答复日期", "处理结果", "备注",
)  # fmt: skip

# 序号, 编号, 类型, 申请人, 渠道, 收到, 内容, 补正告知, 补正收到, 征求, 对象, 意见收到, 延期, 收费, 答复, 结果, 备注
ROWS: tuple[tuple[object, ...] | None, ...] = (
    (1, "GK-001", "自然人", "张三", "当面提交", D(2025, 1, 6), "某路拓宽征收补偿方案", None, None,
     None, None, None, None, None, D(2025, 1, 20), "予以公开", None),
    (2, "GK-002", "商业企业", "某建材有限公司", "互联网渠道", "2025/1/8", "某地块规划许可证", None, None,
     None, None, None, None, None, "2025/2/10", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", None),
    (3, "GK-003", "自然人", "李四", "邮寄（需签收）", "2025年2月5日", "某企业环评报告", None, None,
     D(2025, 2, 10), "第三方", D(2025, 2, 24), None, None, D(2025, 3, 10), "不予公开-保护第三方合法权益", "第三方不同意"),
    (4, "GK-004", "科研机构", "某大学课题组", "互联网渠道", "2025.3.3", "局务会议纪要", None, None,
     None, None, None, None, None, "2025.3.20", "（三）6.属于四类过程性信息", None),
    None,
    (5, "GK-005", "自然人", "王五", "平常信函", "2025-03-10", "那个文件", D(2025, 3, 12), "2025-03-20",
     None, None, None, None, None, "2025-04-10", "无法提供-补正后申请内容仍不明确", None),
    (6, "GK-006", "社会公益组织", "某环保协会", "互联网渠道", D(2025, 4, 1), "排污许可证发放清单", None, None,
     None, None, None, None, None, D(2025, 4, 22), "无法提供－本机关不掌握相关政府信息", None),
    (7, "GK-007", "法律服务机构", "某律师事务所", "传真", D(2025, 4, 7), "近五年处罚统计表", None, None,
     None, None, None, 15, None, D(2025, 5, 23), "（四）2.没有现成信息需要另行制作", "延期经负责人批准"),
    (8, "GK-008", "自然人", "张三", "互联网渠道", D(2025, 5, 6), "某路拓宽征收补偿方案", None, None,
     None, None, None, None, None, D(2025, 5, 12), "不予处理—重复申请", None),
    (9, "GK-009", "其他", "某村民委员会", "当面提交", D(2025, 6, 3), "举报某工地夜间施工", None, None,
     None, None, None, None, None, D(2025, 6, 10), "（五）1.信访举报投诉类申请", None),
    (10, "GK-010", "自然人", "赵六", "互联网渠道", D(2025, 6, 16), "有关文件", D(2025, 6, 18), None,
     None, None, None, None, None, D(2025, 7, 15), "其他处理-申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请", None),
    (11, "GK-011", "自然人", "孙七", "互联网渠道", D(2025, 7, 1), "第31件申请", None, None,
     None, None, None, None, 300, D(2025, 8, 20), "其他处理-申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", None),
    (12, "GK-012", "商业企业", "某物流公司", "互联网渠道", D(2025, 8, 4), "道路运输许可材料", None, None,
     D(2025, 8, 6), "其他机关", "2025-08-20", "10", "100元", D(2025, 9, 15), "予以公开", None),
    (13, "GK-013", "自然人", "周八", "互联网渠道", D(2025, 9, 29), "已撤回", None, None,
     None, None, None, None, None, D(2025, 10, 9), "（六）3.其他", "申请人撤回"),
    (14, "GK-014", "自然人", "吴九", "互联网渠道", D(2025, 12, 15), "年度预算执行情况", None, None,
     None, None, None, None, None, None, None, None),
    (15, "GK-015", "商业企业", "某科技公司", "当面提交", D(2025, 12, 22), "招标文件", D(2025, 12, 24), None,
     None, None, None, None, None, None, None, "等待补正"),
    (16, "GK-016", "自然人", "郑十", "互联网渠道", D(2025, 12, 29), "某项目审批材料", None, None,
     D(2025, 12, 31), None, None, None, None, None, None, "征求意见中"),
)  # fmt: skip

EXPECTED = (
    LedgerRow("GK-001", "natural_person", D(2025, 1, 6), "张三", "in_person", "某路拓宽征收补偿方案",
              decided_on=D(2025, 1, 20), outcome="granted", line=3),
    LedgerRow("GK-002", "commercial_enterprise", D(2025, 1, 8), "某建材有限公司", "online", "某地块规划许可证",
              decided_on=D(2025, 2, 10), outcome="partially_granted", line=4),
    LedgerRow("GK-003", "natural_person", D(2025, 2, 5), "李四", "post_signed", "某企业环评报告",
              consultation_sent=D(2025, 2, 10), consultation_party="third_party", consultation_answered=D(2025, 2, 24),
              decided_on=D(2025, 3, 10), outcome="denied_third_party_rights", line=5),
    LedgerRow("GK-004", "research_institution", D(2025, 3, 3), "某大学课题组", "online", "局务会议纪要",
              decided_on=D(2025, 3, 20), outcome="denied_process_information", line=6),
    LedgerRow("GK-005", "natural_person", D(2025, 3, 10), "王五", "post_ordinary", "那个文件",
              correction_requested=D(2025, 3, 12), correction_received=D(2025, 3, 20),
              decided_on=D(2025, 4, 10), outcome="unavailable_unclear_after_correction", line=8),
    LedgerRow("GK-006", "social_welfare_org", D(2025, 4, 1), "某环保协会", "online", "排污许可证发放清单",
              decided_on=D(2025, 4, 22), outcome="unavailable_not_held", line=9),
    LedgerRow("GK-007", "legal_service_org", D(2025, 4, 7), "某律师事务所", "fax", "近五年处罚统计表",
              extension_days=15, decided_on=D(2025, 5, 23), outcome="unavailable_needs_creation", line=10),
    LedgerRow("GK-008", "natural_person", D(2025, 5, 6), "张三", "online", "某路拓宽征收补偿方案",
              decided_on=D(2025, 5, 12), outcome="not_processed_duplicate", line=11),
    LedgerRow("GK-009", "other_org", D(2025, 6, 3), "某村民委员会", "in_person", "举报某工地夜间施工",
              decided_on=D(2025, 6, 10), outcome="not_processed_complaint", line=12),
    LedgerRow("GK-010", "natural_person", D(2025, 6, 16), "赵六", "online", "有关文件",
              correction_requested=D(2025, 6, 18), decided_on=D(2025, 7, 15), outcome="other_no_correction", line=13),
    LedgerRow("GK-011", "natural_person", D(2025, 7, 1), "孙七", "online", "第31件申请",
              fee_amount=300, decided_on=D(2025, 8, 20), outcome="other_no_fee", line=14),
    LedgerRow("GK-012", "commercial_enterprise", D(2025, 8, 4), "某物流公司", "online", "道路运输许可材料",
              consultation_sent=D(2025, 8, 6), consultation_party="agency", consultation_answered=D(2025, 8, 20),
              extension_days=10, fee_amount=100, decided_on=D(2025, 9, 15), outcome="granted", line=15),
    LedgerRow("GK-013", "natural_person", D(2025, 9, 29), "周八", "online", "已撤回",
              decided_on=D(2025, 10, 9), outcome="other_other", line=16),
    LedgerRow("GK-014", "natural_person", D(2025, 12, 15), "吴九", "online", "年度预算执行情况", line=17),
    LedgerRow("GK-015", "commercial_enterprise", D(2025, 12, 22), "某科技公司", "in_person", "招标文件",
              correction_requested=D(2025, 12, 24), line=18),
    LedgerRow("GK-016", "natural_person", D(2025, 12, 29), "郑十", "online", "某项目审批材料",
              consultation_sent=D(2025, 12, 31), line=19),
)  # fmt: skip
"""What the fixture must give, written by hand from the rows above."""


NO_FEE = "其他处理-申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
FEE_HEADER = (
    "编号",
    "申请人类型",
    "收到日期",
    "收费通知日期",
    "收费标准",
    "收费金额（元）",
    "缴费日期",
    "答复日期",
    "处理结果",
)
"""A 台账 with the fee columns and 缴费日期 (P-1/P-2 paid in 2025, P-3 in 2026, P-4 never: other_no_fee)."""
# 编号, 类型, 收到, 收费通知, 收费标准, 收费金额, 缴费, 答复, 结果 — title row 1, header row 2, data from row 3
FEE_ROWS: tuple[tuple[object, ...], ...] = (
    ("P-1", "自然人", D(2025, 3, 3), D(2025, 3, 10), None, 100, D(2025, 3, 14), D(2025, 3, 20), "予以公开"),
    ("P-2", "商业企业", "2025/11/3", None, "按量", "1700元", "2025年11月20日", "2025-12-01", "予以公开"),
    ("P-3", "自然人", D(2025, 12, 1), D(2025, 12, 10), None, 200, D(2026, 1, 5), None, None),
    ("P-4", "自然人", D(2025, 6, 2), D(2025, 6, 9), None, 300, None, D(2025, 7, 21), NO_FEE),
)
FEE_EXPECTED = (
    LedgerRow("P-1", "natural_person", D(2025, 3, 3), fee_notice_on=D(2025, 3, 10), fee_amount=100,
              fee_paid_on=D(2025, 3, 14), decided_on=D(2025, 3, 20), outcome="granted", line=3),
    LedgerRow("P-2", "commercial_enterprise", D(2025, 11, 3), fee_basis="pages", fee_amount=1700,
              fee_paid_on=D(2025, 11, 20), decided_on=D(2025, 12, 1), outcome="granted", line=4),
    LedgerRow("P-3", "natural_person", D(2025, 12, 1), fee_notice_on=D(2025, 12, 10), fee_amount=200,
              fee_paid_on=D(2026, 1, 5), line=5),
    LedgerRow("P-4", "natural_person", D(2025, 6, 2), fee_notice_on=D(2025, 6, 9), fee_amount=300,
              decided_on=D(2025, 7, 21), outcome="other_no_fee", line=6),
)  # fmt: skip
"""What :data:`FEE_ROWS` must give, written by hand."""


def write_xlsx(
    path: Path,
    rows: Sequence[Sequence[object] | None] = ROWS,
    header: Sequence[object] = HEADER,
    title: str | None = TITLE,
    before: Sequence[str] = (),
) -> Path:
    """The 台账 as a workbook: ``before`` sheets (an instructions sheet…) first, then the 台账 sheet."""
    from openpyxl import Workbook

    book = Workbook()
    first = book.active
    assert first is not None
    for i, name in enumerate(before):
        sheet = first if i == 0 else book.create_sheet()
        sheet.title = name
        sheet.append(["填表说明：每件申请填一行"])
    sheet = book.create_sheet("台账") if before else first
    if title is not None:
        sheet.append([title])
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row) if row is not None else [])
    book.save(path)
    return path


def _csv_cell(value: object) -> str:
    if isinstance(value, dt.date):
        return f"{value.year}/{value.month}/{value.day}"  # as Excel (Chinese locale) saves a date cell to CSV
    return "" if value is None else str(value)


def write_csv(
    path: Path,
    rows: Sequence[Sequence[object] | None] = ROWS,
    header: Sequence[object] = HEADER,
    title: str | None = TITLE,
    encoding: str = "utf-8-sig",
    delimiter: str = ",",
) -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        out = csv.writer(fh, delimiter=delimiter)
        if title is not None:
            out.writerow([title])
        out.writerow([_csv_cell(v) for v in header])
        for row in rows:
            out.writerow([_csv_cell(v) for v in row] if row is not None else [])
    return path
