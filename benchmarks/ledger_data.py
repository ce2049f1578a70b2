"""Generate a realistic 台账 (application ledger) workbook for the import benchmark.

    .venv/bin/python benchmarks/ledger_data.py /tmp/台账.xlsx --rows 10000 --seed 1 [--time]

The workbook looks like one staff keep: a title row above the header, a 序号 and a 备注 column
the import ignores, Excel date cells (and some dates typed as text), outcomes in both naming
styles, about 15 % of the applications still open, with corrections, consultations, extensions
and fees (most of them paid: 缴费日期) where a real year has them. Every row is valid:
:func:`gongkai.cases.ledger.read_ledger` reads all of them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from gongkai.cases.ledger_columns import HEADERS  # noqa: E402
from gongkai.cases.outcomes import outcome_name, outcome_spellings  # noqa: E402
from gongkai.cases.records import APPLICANT_LABELS, CHANNEL_LABELS  # noqa: E402

_APPLICANTS = (("natural_person", 80), ("commercial_enterprise", 10), ("research_institution", 1))
_APPLICANTS += (("social_welfare_org", 2), ("legal_service_org", 4), ("other_org", 3))
_OUTCOMES = (
    ("granted", 35), ("partially_granted", 10), ("denied_third_party_rights", 3), ("denied_process_information", 3),
    ("denied_enforcement_files", 2), ("denied_query_matters", 2), ("denied_state_secret", 1),
    ("unavailable_not_held", 22), ("unavailable_needs_creation", 4), ("unavailable_unclear_after_correction", 2),
    ("not_processed_complaint", 4), ("not_processed_duplicate", 4), ("not_processed_publication", 1),
    ("other_no_correction", 3), ("other_no_fee", 1), ("other_other", 3),
)  # fmt: skip
_TOPICS = ("征收补偿方案", "规划许可证", "行政处罚决定书", "财政预算", "会议纪要", "环评批复", "招标文件", "低保名单")


def _pick(rng: random.Random, weighted: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([k for k, _ in weighted], [w for _, w in weighted])[0]


def _weekday(rng: random.Random, start: dt.date, lo: int, hi: int) -> dt.date:
    day = start + dt.timedelta(days=rng.randint(lo, hi))
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def ledger_rows(n_rows: int, seed: int, year: int = 2025) -> list[dict[str, object]]:
    """``n_rows`` valid rows (column name → cell value; dates as :class:`datetime.date`)."""
    rng = random.Random(seed)
    rows: list[dict[str, object]] = []
    for i in range(1, n_rows + 1):
        received = _weekday(rng, dt.date(year, 1, 2), 0, 360)
        kind = _pick(rng, _APPLICANTS)
        row: dict[str, object] = {
            "编号": f"{year}-{i:05d}",
            "申请人类型": APPLICANT_LABELS[kind],
            "申请人": f"申请人{rng.randint(1, max(n_rows // 3, 1))}",
            "渠道": rng.choice(list(CHANNEL_LABELS.values())),
            "收到日期": received,
            "申请内容": f"申请公开{rng.choice(_TOPICS)}（{i}）",
        }
        outcome = _pick(rng, _OUTCOMES)
        start = received
        if outcome in ("other_no_correction", "unavailable_unclear_after_correction") or rng.random() < 0.08:
            row["补正告知日期"] = asked = _weekday(rng, received, 1, 6)
            if outcome != "other_no_correction":
                row["补正收到日期"] = start = _weekday(rng, asked, 2, 12)
        if rng.random() < 0.06 or outcome == "denied_third_party_rights":
            row["征求意见日期"] = sent = _weekday(rng, start, 2, 8)
            row["征求意见对象"] = rng.choice(("第三方", "其他机关"))
            row["意见收到日期"] = _weekday(rng, sent, 3, 18)
        if rng.random() < 0.08:
            row["延期日期"] = _weekday(rng, start, 15, 25)
            row["延期天数"] = rng.choice((10, 15, 20))
        if outcome == "other_no_fee" or rng.random() < 0.02:
            row["收费通知日期"] = notified = _weekday(rng, start, 5, 15)
            row["收费金额"] = rng.choice((100, 200, 1700, 300))
            if outcome != "other_no_fee" and rng.random() < 0.7:
                row["缴费日期"] = _weekday(rng, notified, 1, 15)
        decided = _weekday(rng, max(d for d in row.values() if isinstance(d, dt.date)), 1, 20)
        if rng.random() < 0.15 and outcome not in ("other_no_correction", "unavailable_unclear_after_correction"):
            rows.append(row)  # still open
            continue
        row["答复日期"] = decided if rng.random() < 0.9 else f"{decided.year}年{decided.month}月{decided.day}日"
        row["处理结果"] = outcome_name(outcome) if rng.random() < 0.7 else outcome_spellings(outcome)[1]
        rows.append(row)
    return rows


def make_ledger(path: Path | str, n_rows: int, seed: int) -> Path:
    """Write a realistic ``n_rows``-row 台账 workbook at ``path`` (same seed, same file content)."""
    import xlsxwriter

    target = Path(path)
    book = xlsxwriter.Workbook(str(target), {"strings_to_numbers": False})
    sheet = book.add_worksheet("2025年依申请公开台账")
    date = book.add_format({"num_format": "yyyy/m/d"})
    columns = ("序号", *HEADERS, "备注")
    sheet.write_string(0, 0, "2025年政府信息公开申请办理台账")
    for col, name in enumerate(columns):
        sheet.write_string(1, col, name)
    for r, row in enumerate(ledger_rows(n_rows, seed), start=2):
        sheet.write_number(r, 0, r - 1)
        for col, name in enumerate(columns[1:-1], start=1):
            value = row.get(name)
            if isinstance(value, dt.date):
                sheet.write_datetime(r, col, value, date)
            elif isinstance(value, int):
                sheet.write_number(r, col, value)
            elif value:
                sheet.write_string(r, col, str(value))
    book.close()
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("path", type=Path)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--time", action="store_true", help="also time read_ledger on the file")
    args = parser.parse_args()
    make_ledger(args.path, args.rows, args.seed)
    print(f"{args.path}: {args.rows} rows, {args.path.stat().st_size / 1024:.0f} KB")
    if args.time:
        from gongkai.cases.ledger import read_ledger

        t0 = time.perf_counter()
        rows = read_ledger(args.path)
        print(f"read_ledger: {len(rows)} rows in {time.perf_counter() - t0:.2f} s")


if __name__ == "__main__":
    main()
