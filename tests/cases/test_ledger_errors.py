"""All or nothing: every problem of a 台账 is listed at once by row and column; garbage is refused with E205."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest

from gongkai.cases import ledger, ledger_file
from gongkai.cases.ledger import read_ledger
from gongkai.errors import RegisterError
from tests.cases.ledger_fixture import write_csv, write_xlsx

D = dt.date
HEADER = ("编号", "申请人类型", "收到日期", "补正告知日期", "补正收到日期", "征求意见日期", "意见收到日期",
          "延期天数", "收费金额", "答复日期", "处理结果")  # fmt: skip
NO_CORRECTION = "（六）1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"


def _row(
    number: object, received: object = "2025-03-03", kind: object = "自然人", **cells: object
) -> tuple[object, ...]:
    names = {"asked": 3, "corrected": 4, "sent": 5, "answered": 6, "days": 7, "fee": 8, "decided": 9, "outcome": 10}
    row: list[object] = [number, kind, received] + [None] * 8
    for name, value in cells.items():
        row[names[name]] = value
    return tuple(row)


BAD_ROWS = (
    _row("A1", decided="2025-03-10", outcome="予以公开"),  # line 2: fine
    _row("A2", "2025-13-01", kind="个人"),
    _row(None),
    _row("A1", "2025-03-05"),
    _row("A5", decided="2025-03-20"),
    _row("A6", outcome="予以公开"),
    _row("A7", "2025-03-10", asked="2025-03-12", corrected="2025-03-11"),
    _row("A8", "2025-03-10", decided="2025-03-09", outcome="予以公开"),  # line 9
    _row("A9", days=0),
    _row("A10", days=21),
    _row("A11", days="1.5"),
    _row("A12", fee=-5),
    _row("A13", fee=12.5),
    _row("A14", decided="2025-03-20", outcome="同意公开"),  # line 15
    _row("A15", decided="2025-03-20", outcome="不予公开"),
    _row("A16", answered="2025-03-20"),
    _row("A17", decided="2025-04-20", outcome=NO_CORRECTION),
    _row("A18", None),
    _row("A19", 45720),  # line 20
    _row("A20", "2025-02-30"),
    _row("A21", "下周一", decided="2025-03-05", outcome="予以公开"),
    None,
    _row("A23", D(2025, 3, 3), fee="一百元", days="十天"),  # line 24
)

EXPECTED_DETAILS = (
    "第3行「申请人类型」：无法识别的申请人类型“个人”（应为自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他）",
    "第3行「收到日期」：无法识别的日期“2025-13-01”（没有13月）",
    "第4行「编号」：必填，但单元格是空的",
    "第5行「编号」：编号“A1”与第2行重复",
    "第6行「答复日期」：填了答复日期，但没有填处理结果",
    "第7行「处理结果」：填了处理结果，但没有填答复日期",
    "第8行「补正收到日期」：补正收到日期 2025-03-11 早于补正告知日期 2025-03-12",
    "第9行「答复日期」：答复日期 2025-03-09 早于收到日期 2025-03-10",
    "第10行「延期天数」：“0”超出范围（应为 1–20 个工作日）",
    "第11行「延期天数」：“21”超出范围（应为 1–20 个工作日）",
    "第12行「延期天数」：“1.5”不是整数（应为 1–20 的整数）",
    "第13行「收费金额」：“-5”是负数（应为以元计的非负整数）",
    "第14行「收费金额」：“12.5”不是整数（应为以元计的非负整数）",
    "第15行「处理结果」：无法识别的处理结果“同意公开”（应为表三的一个处理结果，如“予以公开”“不予公开-属于国家秘密”）",
    "第16行「处理结果」：“不予公开”是分组名称，不是处理结果：请写明具体情形，如“不予公开-属于国家秘密”“不予公开-其他法律行政法规禁止公开”",
    "第17行「意见收到日期」：填了意见收到日期，但没有填征求意见日期",
    "第18行「处理结果」：处理结果为“其他处理-申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请”，但没有填补正告知日期",
    "第19行「收到日期」：必填，但单元格是空的",
    "第20行「收到日期」：无法识别的日期“45720”（单元格是数字，不是日期：请把单元格设为日期格式）",
    "第21行「收到日期」：无法识别的日期“2025-02-30”（2025年2月只有28日）",
    "第22行「收到日期」：无法识别的日期“下周一”（应写作 2025-03-04、2025/3/4 或 2025年3月4日）",
    "第24行「延期天数」：“十天”不是整数（应为 1–20 的整数）",
    "第24行「收费金额」：“一百元”不是整数（应为以元计的非负整数）",
)


def _refusal(path: Path) -> RegisterError:
    with pytest.raises(RegisterError) as info:
        read_ledger(path)
    assert info.value.code == "E205"
    return info.value


def test_ledger_errors_every_problem_is_listed_at_once_by_row_and_column(tmp_path: Path) -> None:
    err = _refusal(write_xlsx(tmp_path / "bad.xlsx", rows=BAD_ROWS, header=HEADER, title=None))
    assert err.message == f"台账文件有{len(EXPECTED_DETAILS)}处错误，未导入任何记录"
    assert err.details == EXPECTED_DETAILS


def test_ledger_errors_the_same_in_a_csv_file(tmp_path: Path) -> None:
    rows = tuple(r for r in BAD_ROWS if r is None or r[0] != "A19")  # a CSV has no numeric cells: drop line 20
    err = _refusal(write_csv(tmp_path / "bad.csv", rows=rows, header=HEADER, title=None))
    renumbered = []
    for line in EXPECTED_DETAILS:
        n = int(line[1 : line.index("行")])
        if n != 20:
            renumbered.append(f"第{n - 1 if n > 20 else n}{line[line.index('行') :]}")
    assert err.details == tuple(renumbered)


def test_ledger_errors_header_problems_and_row_problems_together(tmp_path: Path) -> None:
    header = ("编号", "申请人类型", "编号", "答复日期", "处理结果", "备注")
    path = write_xlsx(tmp_path / "h.xlsx", header=header, rows=(("1", "法人", "x", "2025-03-03", "予以公开"),))
    err = _refusal(path)
    assert err.details == (
        "第2行（表头）：列「编号」出现了 2 次（第 A、C 列）",
        "第2行（表头）：缺少必填列「收到日期」（表头中的列：编号、申请人类型、编号、答复日期、处理结果、备注）",
        "第3行「申请人类型」：无法识别的申请人类型“法人”（应为自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他）",
    )
    assert err.message == "台账文件有3处错误，未导入任何记录"


def test_ledger_errors_the_listing_stops_but_the_count_does_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ledger, "MAX_LISTED", 2)
    rows = tuple(_row(f"N{i}", "bad") for i in range(5))
    err = _refusal(write_csv(tmp_path / "a.csv", rows=rows, header=HEADER, title=None))
    assert err.message == "台账文件有5处错误，未导入任何记录"
    assert err.details[2] == "……另有 3 处错误未列出"
    assert len(err.details) == 3


def _xlsx_bytes(tmp_path: Path) -> bytes:
    return write_xlsx(tmp_path / "ok.xlsx").read_bytes()


def _garbage(tmp_path: Path) -> dict[str, bytes]:
    good = _xlsx_bytes(tmp_path)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("readme.txt", "not a workbook")
    damaged = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(damaged, "w") as z:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            z.writestr(item, data)
    return {
        "empty": b"",
        "blank": b" \r\n\t\n",
        "binary": bytes(range(256)) * 4,
        "pk_junk": b"PK\x03\x04" + b"\x00junk" * 50,
        "truncated": good[: len(good) // 2],
        "zip_not_xlsx": buf.getvalue(),
        "damaged_sheet": damaged.getvalue(),
        "xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504,
        "bad_encoding": "编号,申请人类型,收到日期\n".encode() + b"\x80\x81\xff\n",
        "prose": "这不是台账\n只是一段文字\n".encode(),
        "no_header_sheet": b"",  # filled below
    }


EXPECTED_GARBAGE = {
    "empty": "台账文件 {name} 是空的",
    "blank": "台账文件 {name} 是空的",
    "binary": "不是 Excel（.xlsx）或 CSV 文件：内容是二进制数据",
    "pk_junk": "无法打开 Excel 工作簿：文件已损坏或不是 .xlsx 工作簿",
    "truncated": "无法打开 Excel 工作簿：文件已损坏或不是 .xlsx 工作簿",
    "zip_not_xlsx": "无法打开 Excel 工作簿：文件已损坏或不是 .xlsx 工作簿（KeyError）",
    "damaged_sheet": "无法读取 Excel 工作簿：工作表内容已损坏（ParseError）",
    "xls": "不支持旧版 Excel（.xls）文件或设有密码的工作簿：请另存为不加密的 .xlsx 或 CSV（UTF-8）文件",
    "bad_encoding": "无法识别 CSV 文件的文本编码（应为 UTF-8 或 GB18030/GBK）",
    "prose": "CSV 文件找不到表头行：前 10 行中没有一行含“编号”“申请人类型”“收到日期”等列名",
    "no_header_sheet": "工作簿的工作表「说明」、「Sheet1」中找不到表头行：前 10 行中没有一行含“编号”“申请人类型”“收到日期”等列名",
}


@pytest.mark.parametrize("kind", sorted(EXPECTED_GARBAGE))
def test_ledger_errors_garbage_is_refused_with_a_clear_message(tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"{kind}.xlsx"
    if kind == "no_header_sheet":
        from openpyxl import Workbook

        book = Workbook()
        assert book.active is not None
        book.active.title = "说明"
        book.active.append(["本工作簿记录……"])
        book.create_sheet("Sheet1").append([1, 2, 3])
        book.save(path)
    else:
        path.write_bytes(_garbage(tmp_path)[kind])
    err = _refusal(path)
    assert err.message == EXPECTED_GARBAGE[kind].format(name=path)
    assert err.details == ()


def test_ledger_errors_missing_file_and_folder(tmp_path: Path) -> None:
    assert _refusal(tmp_path / "none.xlsx").message == f"找不到台账文件 {tmp_path / 'none.xlsx'}"
    assert _refusal(tmp_path).message == f"无法读取台账文件 {tmp_path}：这是一个文件夹"


def test_ledger_errors_size_and_row_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_csv(tmp_path / "a.csv", rows=tuple(_row(f"N{i}") for i in range(4)), header=HEADER, title=None)
    monkeypatch.setattr(ledger_file, "MAX_LEDGER_ROWS", 3)
    assert _refusal(path).message == "台账超过 3 行，超出导入上限，未导入任何记录（请按年度拆分文件）"
    xlsx = write_xlsx(tmp_path / "a.xlsx", rows=tuple(_row(f"N{i}") for i in range(4)), header=HEADER, title=None)
    assert _refusal(xlsx).message == "台账超过 3 行，超出导入上限，未导入任何记录（请按年度拆分文件）"
    monkeypatch.setattr(ledger_file, "MAX_LEDGER_BYTES", 100)
    size = path.stat().st_size / 1024 / 1024
    assert _refusal(path).message == f"台账文件 {path} 过大（{size:.1f} MB，上限 0 MB）"


def test_ledger_errors_rows_with_only_ignored_columns_are_blank(tmp_path: Path) -> None:
    header = ("序号", "编号", "申请人类型", "收到日期", "备注")
    rows = (("1", "A", "自然人", "2025-03-03", ""), ("2", "", "", "", ""), ("3", None, None, None, "空行"))
    assert [r.number for r in read_ledger(write_csv(tmp_path / "a.csv", rows=rows, header=header, title=None))] == ["A"]


def test_ledger_errors_csv_rows_too_wide_or_cells_too_long(tmp_path: Path) -> None:
    wide = tmp_path / "wide.csv"
    wide.write_text("编号,申请人类型,收到日期\n" + "," * 1500 + "\n", encoding="utf-8")
    assert _refusal(wide).message == "CSV 文件第2行有 1,501 列，超出上限 1,000 列"
    long = tmp_path / "long.csv"
    long.write_text(
        '编号,申请人类型,收到日期\nA,自然人,2025-03-03\nB,自然人,"' + "长" * 200_000 + '"\n', encoding="utf-8"
    )
    assert _refusal(long).message == "CSV 文件第3行附近单元格内容超过 131,072 字"


def test_ledger_errors_number_or_name_too_long_for_the_register(tmp_path: Path) -> None:
    header = ("编号", "申请人类型", "申请人", "收到日期")
    rows = [("N" * 65, "自然人", "张三", "2025-03-03"), ("A2", "自然人", "张" * 201, "2025-03-03")]
    path = write_csv(tmp_path / "台账.csv", rows, header, title=None)
    with pytest.raises(RegisterError) as caught:
        read_ledger(path)
    assert caught.value.details == (
        f"第2行「编号」：“{'N' * 50}…（共65字）”过长（最多64个字）",
        f"第3行「申请人」：“{'张' * 50}…（共201字）”过长（最多200个字）",
    )


def test_ledger_errors_a_device_or_a_pipe_is_refused_unread(tmp_path: Path) -> None:
    # a character device reports size 0 and never ends; a pipe blocks: neither is read
    import os

    assert _refusal(Path("/dev/zero")).message == "无法读取台账文件 /dev/zero：不是普通文件"
    os.mkfifo(tmp_path / "台账.csv")
    assert _refusal(tmp_path / "台账.csv").message == f"无法读取台账文件 {tmp_path / '台账.csv'}：不是普通文件"
