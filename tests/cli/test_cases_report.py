"""``gongkai cases report`` through ``gongkai.cli.run``: a 台账 imported, the report computed, written as a
draft, refused as a final, then written as a final with staff's texts; a region's sum; bad usage."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine

from gongkai.cli import run
from gongkai.store.engine import session_scope
from gongkai.store.repo import add_agency
from tests.casework.ledger_files import AGENCY, ledger

OTHER = "某市另一局"


@pytest.fixture
def db(engine: Engine, url_of: Callable[[Engine], str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Engine:
    monkeypatch.setenv("GONGKAI_DATABASE_URL", url_of(engine))
    with session_scope(engine) as s:
        add_agency(s, AGENCY, "department", "某市")
        add_agency(s, OTHER, "department", "某市")
    assert run(["import", "applications", str(ledger(tmp_path / "台账.xlsx")), "--agency", AGENCY]) == 0
    return engine


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_cases_report_draft_then_refused_final_then_final_with_texts(
    capsys: pytest.CaptureFixture[str], db: Engine, tmp_path: Path
) -> None:
    capsys.readouterr()
    draft = tmp_path / "草稿.json"
    code, out, _ = _run(capsys, "cases", "report", "--agency", AGENCY, "--year", "2025", "--to", str(draft), "--draft")
    assert (code, out) == (0, f"已生成草稿：{draft}\n")
    data = json.loads(draft.read_text(encoding="utf-8"))
    # counted by hand from the 台账 (tests/casework/ledger_files.py): 16 received in 2025, 2 carried over,
    # 14 closed in 2025, 4 open at 12-31
    t3 = data["table3"]
    assert [t3[row]["total"] for row in ("new_received", "carried_over", "total_processed", "carried_forward")] == [
        16,
        2,
        14,
        4,
    ]
    assert len(data["provenance"]["table3.new_received.total"]["records"]) == 16
    # GK-011 and GK-012 were sent fee notices; the 台账 records no payment
    assert "本年度未收取信息处理费。" in data["sections"]["other_matters"]["text"]

    final = tmp_path / "年报.docx"
    code, out, err = _run(capsys, "cases", "report", "--agency", AGENCY, "--year", "2025", "--to", str(final))
    assert code == 1 and not final.exists() and out == ""
    assert "拒绝生成正式版本" in err and "S121" in err

    data["preamble"] = re.sub(r"【待填写[^】]*】", "本局办公室（0000-00000000）", data["preamble"])
    for section in data["sections"].values():
        section["text"] = re.sub(r"【待填写[^】]*】", "按要求做好了相关工作", section["text"])
    data["metadata"]["signature_date"] = "2026-01-20"
    for key in ("administrative_licensing", "administrative_penalty", "administrative_coercion"):
        data["table2"][key]["decisions"] = 0  # never taken: table 2's figures come from the register
    texts = tmp_path / "文字.json"
    texts.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out_json = tmp_path / "年报.json"
    code, out, err = _run(
        capsys,
        "cases", "report", "--agency", AGENCY, "--year", "2025", "--texts", str(texts), "--to", str(final), "--to", str(out_json),
    )  # fmt: skip
    # table 2's licensing/penalty/coercion/fee figures were never entered: blank (S109 is a warning)
    assert code == 0, err
    assert out == f"已生成正式版本：{final}\n已生成正式版本：{out_json}\n"
    written = json.loads(out_json.read_text(encoding="utf-8"))
    assert written["table2"]["administrative_licensing"]["decisions"] is None
    assert written["table3"]["new_received"]["total"] == 16
    assert "按要求做好了相关工作" in written["sections"]["overview"]["text"]


def test_cases_report_region_sums_its_agencies(capsys: pytest.CaptureFixture[str], db: Engine, tmp_path: Path) -> None:
    capsys.readouterr()
    out_json = tmp_path / "某市.json"
    code, _, err = _run(
        capsys, "cases", "report", "--region", "某市", "--year", "2025", "--to", str(out_json), "--draft"
    )
    assert code == 0, err
    data = json.loads(out_json.read_text(encoding="utf-8"))
    assert data["table3"]["new_received"]["total"] == 16  # the other bureau recorded nothing


def test_cases_report_bad_usage_is_a_chinese_message_with_exit_2(
    capsys: pytest.CaptureFixture[str], db: Engine, tmp_path: Path
) -> None:
    capsys.readouterr()
    out = str(tmp_path / "x.json")
    code, _, err = _run(
        capsys, "cases", "report", "--agency", AGENCY, "--region", "某市", "--year", "2025", "--to", out
    )
    assert code == 2 and err.startswith("错误：用法错误：请指定 --agency 或 --region 之一")
    code, _, err = _run(capsys, "cases", "report", "--agency", "不存在的局", "--year", "2025", "--to", out)
    assert code == 2 and err.startswith("错误 E209：")
    code, _, err = _run(
        capsys, "cases", "report", "--agency", AGENCY, "--year", "2025", "--to", str(tmp_path / "x.txt")
    )
    assert code == 2 and "错误" in err
    code, _, err = _run(
        capsys,
        "cases",
        "report",
        "--agency",
        AGENCY,
        "--year",
        "2025",
        "--texts",
        str(tmp_path / "无.json"),
        "--to",
        out,
    )
    assert code == 2 and err.startswith("错误 E101：")
