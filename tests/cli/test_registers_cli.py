"""``gongkai reviews|documents|items|figures`` on both backends, ending in the computed report
(``gongkai cases report --to x.json --draft``). Publication deadlines (第二十六条) with the real 2025 calendar,
worked out by hand in tests/casework/test_registers.py: formed 9/1 → 9/28 (a Sunday worked); 9/26 → 10/30;
10/9 → 11/5; 12/1 → 12/29; 12/17 → 2026-01-14, provisional (2026 not covered: weekends only)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from gongkai.cli import run
from tests.cli.records_cli import BUREAU, make_store, ok, refused

A = ("--agency", BUREAU)


@pytest.fixture
def store(empty_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    make_store(empty_url, monkeypatch, capsys)
    for name in ("items", "documents"):
        monkeypatch.setattr(f"gongkai.cli.{name}._today", lambda: dt.date(2025, 12, 19))


def test_registers_cli_end_in_the_computed_report(
    capsys: pytest.CaptureFixture[str], store: None, tmp_path: Path
) -> None:
    ok(capsys, "cases", "add", *A, "--number", "2025-001", "--applicant-type", "自然人", "--received", "2025-03-01")
    assert ok(
        capsys, "reviews", "add", *A, "--number", "复议1", "--kind", "行政复议", "--filed", "2025-03-10",
        "--result", "维持", "--concluded", "2025-05-10", "--application", "2025-001",
    ) == ["已登记（记录号 1）：复议1\t行政复议\t立案2025-03-10\t维持（2025-05-10审结）\t涉及申请 2025-001"]  # fmt: skip
    ok(capsys, "reviews", "add", *A, "--number", "诉1", "--kind", "未经复议直接起诉", "--filed", "2025-04-01")
    ok(capsys, "reviews", "add", *A, "--number", "诉2", "--kind", "行政诉讼(复议后起诉)", "--filed", "2025-06-01")
    assert ok(capsys, "reviews", "conclude", *A, "--number", "诉2", "--result", "纠正", "--on", "2025-12-01") == [
        "已更新：诉2\t行政诉讼（复议后起诉）\t立案2025-06-01\t纠正（2025-12-01审结）"
    ]
    assert refused(capsys, "reviews", "conclude", *A, "--number", "诉1", "--result", "其他") == (
        "错误 E204：已审结的案件须写明审结日期（结果为尚未审结时不写）\n"
    )
    assert ok(capsys, "reviews", "list", *A) == [
        "某市某某局：复议诉讼案件3件",
        "复议1\t行政复议\t立案2025-03-10\t维持（2025-05-10审结）\t涉及申请 2025-001",
        "诉1\t行政诉讼（未经复议直接起诉）\t立案2025-04-01\t尚未审结",
        "诉2\t行政诉讼（复议后起诉）\t立案2025-06-01\t纠正（2025-12-01审结）",
    ]

    assert ok(
        capsys, "documents", "add", *A, "--kind", "规章", "--title", "某某办法", "--issued", "2025-02-01",
        "--doc-number", "某府令第1号",
    ) == ["已登记：#1\t规章\t某某办法\t某府令第1号\t制发2025-02-01\t现行有效"]  # fmt: skip
    ok(capsys, "documents", "add", *A, "--kind", "规范性文件", "--title", "某某通知", "--issued", "2024-05-01")
    ok(capsys, "documents", "add", *A, "--kind", "行政规范性文件", "--title", "某某意见", "--issued", "2023-01-05")
    assert ok(capsys, "documents", "abolish", *A, "--id", "2", "--on", "2025-06-01") == [
        "已更新：#2\t行政规范性文件\t某某通知\t制发2024-05-01\t已于2025-06-01废止"
    ]
    assert len(ok(capsys, "documents", "list", *A)) == 4

    assert ok(capsys, "figures", "set", *A, "--year", "2025", "行政许可", "12") == ["已填写：2025\t行政许可\t12"]
    ok(capsys, "figures", "set", *A, "--year", "2025", "行政事业性收费（万元）", "3.5")
    ok(capsys, "figures", "set", *A, "--year", "2025", "administrative_fees.amount_10k_yuan", "3.25", "--note", "更正")
    assert ok(capsys, "figures", "list", *A, "--year", "2025") == [
        "某市某某局：年度数据2项",
        "2025\t行政许可\t12",
        "2025\t行政事业性收费（万元）\t3.25\t更正",
    ]

    out = tmp_path / "年报.json"
    assert run(["cases", "report", *A, "--year", "2025", "--to", str(out), "--draft"]) == 0  # findings: a draft
    assert capsys.readouterr().out == f"已生成草稿：{out}\n"
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["table4"] == {
        "administrative_review": {"upheld": 1, "corrected": 0, "other": 0, "pending": 0, "total": 1},
        "litigation_direct": {"upheld": 0, "corrected": 0, "other": 0, "pending": 1, "total": 1},
        "litigation_after_review": {"upheld": 0, "corrected": 1, "other": 0, "pending": 0, "total": 1},
    }
    assert data["table2"] == {
        "regulations": {"issued": 1, "abolished": 0, "in_force": 1},
        "normative_documents": {"issued": 0, "abolished": 1, "in_force": 1},
        "administrative_licensing": {"decisions": 12},
        "administrative_penalty": {"decisions": None},
        "administrative_coercion": {"decisions": None},
        "administrative_fees": {"amount_10k_yuan": 3.25},
    }


def test_registers_cli_items_late_by_hand(capsys: pytest.CaptureFixture[str], store: None) -> None:
    added = ok(capsys, "items", "add", *A, "--title", "某规划公示", "--formed", "2025-09-01")
    assert added == [
        "已登记：#1\t某规划公示\t形成2025-09-01\t公开期限2025-09-28\t未公开\t逾期未公开",
        "公开期限：2025-09-28",
        "  政府信息形成或者变更之日（2025-09-01）不计入，自次日起计算20个工作日。",
        "  其间周末7天不计入。",  # 9/6–7, 13–14, 20–21, 27
        "  调休上班日照常计入：2025-09-28（周日，国庆节调休上班，第20个工作日）。",
        "  第20个工作日为2025-09-28，即主动公开期限的最后一天。",
    ]
    ok(capsys, "items", "add", *A, "--title", "某统计", "--formed", "2025-09-26", "--published", "2025-10-31")
    ok(capsys, "items", "add", *A, "--title", "某通知", "--formed", "2025-10-09", "--published", "2025-11-05")
    ok(capsys, "items", "add", *A, "--title", "某公告", "--formed", "2025-12-01")
    last = ok(capsys, "items", "add", *A, "--title", "某年度计划", "--formed", "2025-12-17")
    assert last[0] == "已登记：#5\t某年度计划\t形成2025-12-17\t公开期限2026-01-14（暂定）\t未公开\t尚未公开"
    assert (
        last[1] == "公开期限：2026-01-14（暂定）" and last[-1] == "  （暂定：2026年的节假日安排尚未导入，仅按周末计算）"
    )
    assert ok(capsys, "items", "list", *A) == [
        "截至2025-12-19，某市某某局：主动公开信息5条",
        "#1\t某规划公示\t形成2025-09-01\t公开期限2025-09-28\t未公开\t逾期未公开",
        "#2\t某统计\t形成2025-09-26\t公开期限2025-10-30\t公开2025-10-31\t逾期公开",
        "#3\t某通知\t形成2025-10-09\t公开期限2025-11-05\t公开2025-11-05\t按时公开",
        "#4\t某公告\t形成2025-12-01\t公开期限2025-12-29\t未公开\t尚未公开",
        "#5\t某年度计划\t形成2025-12-17\t公开期限2026-01-14（暂定）\t未公开\t尚未公开",
    ]
    assert ok(capsys, "items", "list", *A, "--late") == [
        "截至2025-12-19，某市某某局：逾期公开或逾期未公开的信息2条",
        "#1\t某规划公示\t形成2025-09-01\t公开期限2025-09-28\t未公开\t逾期未公开",
        "#2\t某统计\t形成2025-09-26\t公开期限2025-10-30\t公开2025-10-31\t逾期公开",
    ]
    assert ok(capsys, "items", "publish", *A, "--id", "1", "--on", "2025-09-28") == [
        "已更新：#1\t某规划公示\t形成2025-09-01\t公开期限2025-09-28\t公开2025-09-28\t按时公开"
    ]
    assert refused(capsys, "items", "publish", *A, "--id", "4", "--on", "2025-11-30") == (
        "错误 E204：公开日期 2025-11-30 早于信息形成日期 2025-12-01\n"
    )
    assert refused(capsys, "items", "publish", *A, "--id", "9", "--on", "2025-12-01") == (
        "错误 E203：主动公开信息不存在：9\n"
    )
    assert ok(capsys, "items", "list", *A, "--late")[1:] == [
        "#2\t某统计\t形成2025-09-26\t公开期限2025-10-30\t公开2025-10-31\t逾期公开"
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("reviews", "add", *A, "--number", "1", "--kind", "仲裁", "--filed", "2025-01-01"),
         "错误：参数值无效：选项 --kind：“仲裁”不是可选值之一（可选：行政复议、行政诉讼（未经复议直接起诉）、行政诉讼（复议后起诉））"),
        (("reviews", "conclude", *A, "--number", "1", "--result", "撤销"),
         "错误：参数值无效：选项 --result：“撤销”不是可选值之一（可选：维持、纠正、其他、尚未审结）"),
        (("documents", "add", *A, "--kind", "通知", "--title", "x", "--issued", "2025-01-01"),
         "错误：参数值无效：选项 --kind：“通知”不是可选值之一（可选：规章、行政规范性文件）"),
        (("items", "add", *A, "--title", " ", "--formed", "2025-01-01"), "错误：参数值无效：选项 --title：信息标题不能为空"),
        (("figures", "set", *A, "--year", "2025", "行政复议", "3"),
         "错误：参数值无效：参数 KEY：“行政复议”不是可选值之一（可选：行政许可、行政处罚、行政强制、行政事业性收费（万元））"),
        (("figures", "set", *A, "--year", "1999", "行政许可", "3"),
         "错误：参数值无效：选项 -y/--year：应在 2021 到 2100 之间（2021年格式的年度），而不是 1999"),
    ],
    ids=["review-kind", "review-result", "document-kind", "item-title", "figure-key", "figure-year"],
)  # fmt: skip
def test_registers_cli_bad_input_is_a_chinese_usage_error(
    capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
) -> None:
    assert refused(capsys, *args).splitlines()[0] == message


def test_registers_cli_register_errors(capsys: pytest.CaptureFixture[str], store: None) -> None:
    assert refused(capsys, "figures", "set", *A, "--year", "2025", "行政许可", "十二") == (
        "错误 E204：年度数据应为数字，而不是“十二”\n"
    )
    assert refused(capsys, "reviews", "list", "--agency", "无此局") == (
        "错误 E209：机关不存在：无此局（先运行 gongkai agency add 添加）\n"
    )
    assert refused(capsys, "reviews", "add", *A, "--number", "复1", "--kind", "行政复议", "--filed", "2025-01-02",
                   "--application", "无此件") == "错误 E203：申请不存在：某市某某局 没有编号为 无此件 的申请\n"  # fmt: skip
