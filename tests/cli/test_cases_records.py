"""A clerk records applications one at a time through ``gongkai cases add|event|show|void|void-event|history``,
on both backends, with the real 2025 calendar (National Day 10/1–10/8; Sunday 9/28 and Saturday 10/11 worked).

Worked out by hand (the start day not counted):
  received Fri 9/26 → 9/28 1, 9/29 2, 9/30 3, 10/9 4, 10/10 5, 10/11 6, 10/13–17 7–11, 10/20–24 12–16,
      10/27–30 17–20 → due 10/30; off: 9/27, 10/1–10/8, 10/12, 10/18–19, 10/25–26; correction notice due 10/13
  corrected application received Thu 10/9 → 10/10 1, 10/11 2, 10/13–17 3–7, 10/20–24 8–12, 10/27–31 13–17,
      11/3–5 18–20 → due 11/5 (weekends 10/12, 10/18–19, 10/25–26, 11/1–2: 7 days)
  on 10/9 the applicant's reply-by date 10/20 is 8 working days away (10/10, 10/11, 10/13–17, 10/20)
  fee notice Mon 10/13 → 10/14–17, 10/20–24, 10/27–31, 11/3–7, 11/10 → payment due 11/10 (weekends: 8 days)
  extension of 10 on the 10/30 deadline → 10/31, 11/3–7, 11/10–13 → due 11/13
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from tests.cli.records_cli import BUREAU, make_store, ok, refused

TODAY_MODULES = ("cases", "cases_add", "cases_event", "cases_show", "cases_void")


def set_today(monkeypatch: pytest.MonkeyPatch, day: str) -> None:
    for name in TODAY_MODULES:
        monkeypatch.setattr(f"gongkai.cli.{name}._today", lambda: dt.date.fromisoformat(day))


@pytest.fixture
def store(empty_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> pytest.MonkeyPatch:
    monkeypatch.setenv("GONGKAI_USER", "李四")
    make_store(empty_url, monkeypatch, capsys)
    set_today(monkeypatch, "2025-10-09")
    return monkeypatch


ANSWER_1030 = [
    "答复期限：2025-10-30",
    "  收到申请之日（2025-09-26）不计入，自次日起计算20个工作日。",
    "  节假日不计入：国庆节、中秋节 2025-10-01至2025-10-08（8天）。",
    "  其间周末6天不计入。",
    "  调休上班日照常计入：2025-09-28（周日，国庆节调休上班，第1个工作日）、2025-10-11（周六，国庆节调休上班，第6个工作日）。",
    "  第20个工作日为2025-10-30，即答复期限的最后一天。",
]
ANSWER_1105 = [
    "答复期限：2025-11-05",
    "  收到补正申请之日（2025-10-09）不计入，自次日起计算20个工作日。",
    "  答复期限自收到补正的申请之日起计算（条例第三十条）。",
    "  其间周末7天不计入。",
    "  调休上班日照常计入：2025-10-11（周六，国庆节调休上班，第2个工作日）。",
    "  第20个工作日为2025-11-05，即答复期限的最后一天。",
]
APP = ("--agency", BUREAU, "--number", "2025-001")


def test_cases_records_clerk_flow(capsys: pytest.CaptureFixture[str], store: pytest.MonkeyPatch) -> None:
    added = ok(
        capsys, "cases", "add", *APP, "--applicant-type", "自然人", "--received", "2025年9月26日",
        "--channel", "当面提交", "--applicant", "张三", "--content", "某项目环评文件",
    )  # fmt: skip
    assert added == [
        "已登记申请 2025-001（某市某某局，记录号 1）",
        "  申请人：张三（自然人）",
        "  提交渠道：当面提交；收到申请之日：2025-09-26（条例第三十一条：当面提交的，以提交之日为收到申请之日）",
        "  申请内容：某项目环评文件",
        "状态（截至2025-10-09）：办理中",
        *ANSWER_1030,
        "如需补正，应于2025-10-13前一次性告知申请人（条例第三十条，收到申请后7个工作日内）",
    ]
    assert ok(capsys, "cases", "event", *APP, "告知补正", "2025-09-29", "--reply-by", "2025-10-20") == [
        "已记录（申请 2025-001）：#1 2025-09-29 告知补正：补正期限2025-10-20（李四录入）",
        "状态（截至2025-10-09）：等待补正",
        "申请人补正期限：2025-10-20",
        "答复期限：自收到补正的申请之日起重新计算20个工作日（条例第三十条）",
    ]
    due = ok(capsys, "cases", "due")
    assert due[1] == "2025-10-20\t剩余8个工作日\t某市某某局\t2025-001\t自然人\t收到2025-09-26\t等待补正"
    assert ok(capsys, "cases", "event", *APP, "收到补正", "2025-10-09") == [
        "已记录（申请 2025-001）：#2 2025-10-09 收到补正（李四录入）",
        "状态（截至2025-10-09）：办理中",
        *ANSWER_1105,
    ]
    due = ok(capsys, "cases", "due")
    assert due[1] == "2025-11-05\t剩余20个工作日\t某市某某局\t2025-001\t自然人\t收到2025-09-26\t办理中"

    store.setattr("gongkai.cli.cases_event._today", lambda: dt.date(2025, 10, 28))
    assert ok(capsys, "cases", "event", *APP, "答复", "2025-10-28", "--outcome", "（一）予以公开") == [
        "已记录（申请 2025-001）：#3 2025-10-28 答复：结果：予以公开（李四录入）",
        "状态（截至2025-10-28）：已办结：予以公开（2025-10-28，在答复期限内）",
        *ANSWER_1105,
    ]
    assert ok(capsys, "cases", "due") == ["截至2025-10-09，未办结申请0件，其中已超期0件"]
    shown = ok(capsys, "cases", "show", *APP)
    assert shown[4:8] == [
        "事件（3条）：",
        "  #1 2025-09-29 告知补正：补正期限2025-10-20（李四录入）",
        "  #2 2025-10-09 收到补正（李四录入）",
        "  #3 2025-10-28 答复：结果：予以公开（李四录入）",
    ]
    data = json.loads("\n".join(ok(capsys, "cases", "show", *APP, "--format", "json")))
    assert data["state"]["status"] == "closed" and data["state"]["outcome"] == "granted"
    assert data["state"]["answer"]["due"] == "2025-11-05" and data["state"]["answer"]["explanation"][-1] == (
        "第20个工作日为2025-11-05，即答复期限的最后一天。"
    )
    assert [e["kind"] for e in data["events"]] == ["correction_requested", "correction_received", "decided"]


def test_cases_records_fee_notice_computed(capsys: pytest.CaptureFixture[str], store: pytest.MonkeyPatch) -> None:
    number = ("--agency", BUREAU, "--number", "2025-002")
    ok(capsys, "cases", "add", *number, "--applicant-type", "commercial_enterprise", "--received", "2025-10-09")
    set_today(store, "2025-10-13")
    lines = ok(capsys, "cases", "event", *number, "收费通知", "2025-10-13", "--basis", "按量", "--quantity", "150")
    assert lines[:2] == [
        "已记录（申请 2025-002）：#1 2025-10-13 收费通知：按量150页，1700元（李四录入）",
        "收费金额：按量计收：共150页，第1–30页免费；第31–100页70页×10元＝700元；第101–150页50页×20元＝1000元；合计1700元。",
    ]
    assert lines[2] == "状态（截至2025-10-13）：等待缴费"
    fee = lines[lines.index("缴费期限：2025-11-10") :]
    assert fee == [
        "缴费期限：2025-11-10",
        "  收费通知之日（2025-10-13）不计入，自次日起计算20个工作日。",
        "  其间周末8天不计入。",
        "  第20个工作日为2025-11-10，即缴费期限的最后一天。",
        "如需补正，应于2025-10-17前一次性告知申请人（条例第三十条，收到申请后7个工作日内）",  # 10/10, 10/11, 10/13–17
    ]
    for n, day in (("2025-003", "2025-10-02"), ("2025-004", "2025-10-10")):
        ok(capsys, "cases", "add", "--agency", BUREAU, "--number", n, "--applicant-type", "商业企业",
           "--received", day, "--applicant", "某公司")  # fmt: skip
    ok(capsys, "cases", "add", "--agency", BUREAU, "--number", "2025-005", "--applicant-type", "自然人",
       "--received", "2025-10-03", "--applicant", "某公司")  # fmt: skip
    lines = ok(capsys, "cases", "event", "--agency", BUREAU, "--number", "2025-004", "fee_notice", "2025-10-13",
               "--basis", "count")  # fmt: skip
    assert (
        lines[1]
        == "收费金额：按件计收：申请人某公司2025年10月共登记申请2件，本件按收到日期排第2件；第1–10件免费，本件收费0元。"
    )
    err = refused(capsys, "cases", "event", *number, "收费通知", "2025-10-14", "--basis", "按件", "--pages", "3")
    assert err.startswith("错误：未知选项：--pages")


def test_cases_records_second_extension_refused(capsys: pytest.CaptureFixture[str], store: pytest.MonkeyPatch) -> None:
    ok(capsys, "cases", "add", *APP, "--applicant-type", "其他", "--received", "2025-09-26")
    set_today(store, "2025-10-20")  # past the correction notice's deadline (10/13): no hint any more
    lines = ok(capsys, "cases", "event", *APP, "延期", "2025-10-20", "--days", "10", "--note", "负责人同意")
    assert lines[0] == "已记录（申请 2025-001）：#1 2025-10-20 延期：延长10个工作日，备注：负责人同意（李四录入）"
    assert lines[2] == "答复期限：2025-11-13" and lines[-2:] == [
        "  原答复期限为第20个工作日（2025-10-30）；延长10个工作日，自次日起接着计算。",
        "  第30个工作日为2025-11-13，即答复期限的最后一天。",
    ]
    err = refused(capsys, "cases", "event", *APP, "延期", "2025-10-21", "--days", "5")
    assert err == "错误 E204：申请 2025-001已经延期过一次，答复期限只能延长一次（条例第三十三条）\n"
    assert "#2" not in "\n".join(ok(capsys, "cases", "show", *APP))


def test_cases_records_void_void_event_history(capsys: pytest.CaptureFixture[str], store: pytest.MonkeyPatch) -> None:
    ok(capsys, "cases", "add", *APP, "--applicant-type", "自然人", "--received", "2025-09-26")
    ok(capsys, "cases", "event", *APP, "告知补正", "2025-09-29", "--reply-by", "2025-10-20")
    ok(capsys, "cases", "event", *APP, "收到补正", "2025-10-09")
    err = refused(capsys, "cases", "void-event", *APP, "--event", "2", "--reason", "")
    assert err.startswith("错误：参数值无效：选项 --reason：作废理由不能为空\n")
    assert ok(capsys, "cases", "void-event", *APP, "--event", "#2", "--reason", "日期录错") == [
        "已作废申请 2025-001 的事件 #2：日期录错",
        "状态（截至2025-10-09）：等待补正",
        "申请人补正期限：2025-10-20",
        "答复期限：自收到补正的申请之日起重新计算20个工作日（条例第三十条）",
    ]
    shown = ok(capsys, "cases", "show", *APP)
    assert shown[3] == "事件（2条，其中已作废1条）："
    assert re.fullmatch(r"  #2 2025-10-09 收到补正（李四录入）［已作废：日期录错（李四，[-0-9: ]{19}）］", shown[5])
    assert refused(capsys, "cases", "void-event", *APP, "--event", "9", "--reason", "x") == (
        "错误 E203：申请 2025-001 没有记录号为 9 的事件\n"
    )
    assert ok(capsys, "cases", "void", *APP, "--reason", "重复登记") == ["已作废申请 2025-001（记录号 1）：重复登记"]
    assert refused(capsys, "cases", "event", *APP, "送达", "2025-10-10") == (
        "错误 E203：申请不存在：某市某某局 没有编号为 2025-001 的申请（该编号的申请已作废）\n"
    )
    assert ok(capsys, "cases", "show", *APP)[0].startswith(
        "申请 2025-001（某市某某局，记录号 1）［已作废：重复登记（李四，"
    )
    history = ok(capsys, "cases", "history", *APP)
    heads = [re.sub(r"^[-0-9: ]{19}  ", "", line) for line in history if not line.startswith(" ")]
    assert heads == [
        "申请 2025-001（某市某某局）的修改记录，共5条：",
        "李四  新增申请 #1",
        "李四  新增事件 #1",
        "李四  新增事件 #2",
        "李四  作废事件 #2",
        "李四  作废申请 #1",
    ]
    assert history[1:6] == [
        history[1],
        "  编号：（空） → 2025-001",
        "  申请人类型：（空） → 自然人",
        "  提交渠道：（空） → 互联网",
        "  收到日期：（空） → 2025-09-26",
    ]
    assert history[-2:] == ["  作废人：（空） → 李四", "  作废理由：（空） → 重复登记"]
    entries = json.loads("\n".join(ok(capsys, "cases", "history", *APP, "--format", "json")))
    assert [(e["action"], e["entity"], e["actor"]) for e in entries][-1] == ("void", "application", "李四")
    assert entries[-2]["before"]["void_reason"] is None and entries[-2]["after"]["void_reason"] == "日期录错"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("cases", "add", *APP, "--applicant-type", "外星人", "--received", "2025-09-26"),
         "错误：参数值无效：选项 --applicant-type：“外星人”不是可选值之一（可选：自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他）"),
        (("cases", "add", *APP, "--applicant-type", "自然人", "--received", "2025-02-30"),
         "错误：参数值无效：选项 --received：“2025-02-30”不是有效的日期（该日不存在）"),
        (("cases", "add", *APP, "--applicant-type", "自然人", "--received", "2025-09-26", "--channel", "飞鸽"),
         "错误：参数值无效：选项 --channel：“飞鸽”不是可选值之一（可选：当面提交、邮寄、平常信函、互联网、传真）"),
        (("cases", "add", *APP, "--applicant-type", "自然人"), "错误：缺少参数：--received（必须指定）"),
        (("cases", "event", *APP, "开会", "2025-10-09"),
         "错误：参数值无效：参数 KIND：“开会”不是可选值之一（可选：告知补正、收到补正、发出征求意见、收到意见、延期、收费通知、缴费、答复、送达、撤回）"),
        (("cases", "event", *APP, "延期", "2025-10-09", "--days", "21"),
         "错误：参数值无效：选项 --days：应为 1 到 20 个工作日，而不是 21"),
        (("cases", "event", *APP, "答复", "2025-10-09", "--outcome", "无法提供"),
         "错误：参数值无效：选项 --outcome：“无法提供”是一类结果，请写明其中一项：无法提供-本机关不掌握相关政府信息、"
         "无法提供-没有现成信息需要另行制作、无法提供-补正后申请内容仍不明确"),
        (("cases", "event", *APP, "发出征求意见", "2025-10-09", "--party", "群众"),
         "错误：参数值无效：选项 --party：“群众”不是可选值之一（可选：第三方、其他机关）"),
        (("cases", "show", *APP, "--format", "xml"), "错误：参数值无效：选项 -f/--format：“xml”不是可选值之一（可选：text、json）"),
    ],
    ids=["applicant-type", "received", "channel", "no-received", "kind", "days", "outcome-group", "party", "format"],
)  # fmt: skip
def test_cases_records_bad_input_is_a_chinese_usage_error(
    capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
) -> None:
    # refused while the options are read: no store is opened (there is none)
    assert refused(capsys, *args).splitlines()[0] == message


def test_cases_records_register_errors(capsys: pytest.CaptureFixture[str], store: pytest.MonkeyPatch) -> None:
    assert refused(capsys, "cases", "show", "--agency", "无此局", "--number", "1") == (
        "错误 E209：机关不存在：无此局（先运行 gongkai agency add 添加）\n"
    )
    assert refused(capsys, "cases", "history", *APP) == "错误 E203：申请不存在：某市某某局 没有编号为 2025-001 的申请\n"
    ok(capsys, "cases", "add", *APP, "--applicant-type", "自然人", "--received", "2025-09-26")
    assert refused(capsys, "cases", "add", *APP, "--applicant-type", "自然人", "--received", "2025-09-26") == (
        "错误 E206：编号重复：某市某某局 已有编号为 2025-001 的申请\n"
    )
    assert refused(capsys, "cases", "event", *APP, "答复", "2025-09-25", "--outcome", "予以公开") == (
        "错误 E204：申请 2025-001：“作出答复”的日期（2025-09-25）早于收到申请之日（2025-09-26）\n"
    )
    assert refused(capsys, "cases", "event", *APP, "送达", "2025-10-09", "--amount", "3") == (
        "错误 E204：“送达”不记录收费金额\n"
    )


@pytest.mark.parametrize(
    "command",
    [
        ["cases", "add"], ["cases", "event"], ["cases", "show"], ["cases", "void"], ["cases", "void-event"],
        ["cases", "history"], ["reviews"], ["reviews", "add"], ["reviews", "conclude"], ["reviews", "list"],
        ["documents"], ["documents", "add"], ["documents", "abolish"], ["documents", "list"], ["items"],
        ["items", "add"], ["items", "publish"], ["items", "list"], ["figures"], ["figures", "set"], ["figures", "list"],
    ],
    ids=" ".join,
)  # fmt: skip
def test_cases_records_help_is_chinese(capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    lines = ok(capsys, *command, "--help")
    assert lines[0].startswith(f"用法：gongkai {' '.join(command)} [选项]")
    assert "选项：" in lines and any("显示此帮助并退出。" in line for line in lines)
    assert not any("［默认：］" in line for line in lines)
