"""Render a report's tables in the layouts real reports use, for round-trip tests.

Test-only renderers: tab-separated (merged label columns, trailing tab), one cell
per line, Markdown pipe tables, HTML with rowspan/colspan, and a tab table split
over two pages with its header repeated.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from gongkai.model import AnnualReport, TableData
from gongkai.model.template import TABLE2, TABLE3, TABLE4

Table2 = dict[str, list[int]]
Table3 = dict[str, list[int]]
Table4 = dict[str, list[int]]

HEADER_NOTE = "(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)"
T3_ROWS = [r for r in TABLE3.rows if not r.optional]
T2_GROUPS = [
    ("第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"], ["regulations", "normative_documents"]),
    ("第二十条第（五）项", ["本年处理决定数量"], ["administrative_licensing"]),
    ("第二十条第（六）项", ["本年处理决定数量"], ["administrative_penalty", "administrative_coercion"]),
    ("第二十条第（八）项", ["本年收费金额（单位：万元）"], ["administrative_fees"]),
]
T4_HEAD = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]


def _label(key: str) -> str:
    return TABLE3.row(key).label


def _group(key: str) -> str:
    return TABLE3.row(key).group or ""


def _t2_label(key: str) -> str:
    return TABLE2.row(key).label


def document(t2: Table2, t3: Table3, t4: Table4, tables: str, year: int = 2024) -> str:
    """A full report text around rendered tables (``tables`` holds sections 二–四 content)."""
    return "\n\n".join(
        [
            f"某市某局{year}年政府信息公开工作年度报告",
            f"本报告所列数据统计期限为{year}年1月1日至{year}年12月31日。",
            "一、总体情况",
            "本局依法做好政府信息公开工作。",
            tables,
            "五、存在的主要问题及改进情况",
            "公开形式较为单一。",
            "六、其他需要报告的事项",
            "本年度未收取信息处理费。",
            "某市某局",
            f"{year + 1}年1月20日",
        ]
    )


# ------------------------------------------------------------------ tab layout
def tab_layout(t2: Table2, t3: Table3, t4: Table4, split_at: int | None = None) -> str:
    lines = ["二、主动公开政府信息情况"]
    for title, heads, keys in T2_GROUPS:
        lines.append(title + "\t\t\t")
        lines.append("\t".join(["信息内容", *heads]))
        for k in keys:
            lines.append("\t".join([_t2_label(k), *map(str, t2[k])]))
    lines += ["三、收到和处理政府信息公开申请情况", *_tab_header()]
    for i, row in enumerate(T3_ROWS):
        if split_at is not None and i == split_at:
            lines += _tab_header()
        vals = "\t".join(map(str, t3[row.key]))
        if row.group:
            first = TABLE3.rows[[r.key for r in TABLE3.rows].index(row.key) - 1].group != row.group
            lines.append(f"\t{row.group if first else ''}\t{row.label}\t{vals}")
        elif row.key in ("new_received", "carried_over", "carried_forward"):
            lines.append(f"{row.label}\t\t{vals}\t")
        else:
            lines.append(f"\t{row.label}\t\t{vals}")
    lines += ["四、政府信息公开行政复议、行政诉讼情况", "行政复议\t\t\t\t\t行政诉讼"]
    lines.append("\t".join(T4_HEAD) + "\t未经复议直接起诉\t\t\t\t\t复议后起诉")
    lines.append("\t" * 5 + "\t".join(T4_HEAD * 2))
    lines.append("\t".join(str(v) for g in TABLE4.rows for v in t4[g.key]))
    return "\n".join(lines)


def _tab_header() -> list[str]:
    return [
        f"{HEADER_NOTE}\t\t申请人情况\t\t\t\t\t\t总计",
        "\t\t自然人\t法人或其他组织",
        "\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他",
    ]


def tab_split_layout(t2: Table2, t3: Table3, t4: Table4) -> str:
    return tab_layout(t2, t3, t4, split_at=9)


# -------------------------------------------------------- one cell per line
def line_layout(t2: Table2, t3: Table3, t4: Table4) -> str:
    out = ["二、主动公开政府信息情况"]
    for title, heads, keys in T2_GROUPS:
        out += [title, "信息内容", *heads]
        for k in keys:
            out += [_t2_label(k), *map(str, t2[k])]
    out += ["三、收到和处理政府信息公开申请情况", HEADER_NOTE, "申请人情况", "自然人", "法人或其他组织", "总计"]
    out += ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    seen: set[str] = set()
    for row in T3_ROWS:
        if row.key == "granted":
            out.append("三、本年度办理结果")
        if row.group and row.group not in seen:
            seen.add(row.group)
            out.append(row.group)
        label = row.label
        if len(label) > 12:  # a long label broken over two lines
            out += [label[:8], label[8:]]
        else:
            out.append(label)
        out += list(map(str, t3[row.key]))
    out += ["四、政府信息公开行政复议、行政诉讼情况", "行政复议", "行政诉讼", *T4_HEAD]
    out += ["未经复议直接起诉", "复议后起诉", *T4_HEAD, *T4_HEAD]
    out += [str(v) for g in TABLE4.rows for v in t4[g.key]]
    return "\n\n".join(out)


# ----------------------------------------------------------- markdown pipes
def markdown_layout(t2: Table2, t3: Table3, t4: Table4) -> str:
    out = ["## 二、主动公开政府信息情况"]
    for title, heads, keys in T2_GROUPS:
        out += [f"### {title}", "| 信息内容 | " + " | ".join(heads) + " |", "|" + "---|" * (len(heads) + 1)]
        out += ["| " + " | ".join([_t2_label(k), *map(str, t2[k])]) + " |" for k in keys]
        out.append("")
    out += ["## 三、收到和处理政府信息公开申请情况", "", HEADER_NOTE, ""]
    out.append("| 项目 | | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |")
    out.append("|" + "---|" * 9)
    for row in T3_ROWS:
        group = row.group or ("三、本年度办理结果" if row.key in ("granted", "partially_granted") else "")
        out.append("| " + " | ".join([group, row.label, *map(str, t3[row.key])]) + " |")
    out += ["", "## 四、政府信息公开行政复议、行政诉讼情况", ""]
    out.append("| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |")
    out.append("|" + "---|" * 15)
    out.append("| " + " | ".join(T4_HEAD * 3) + " |")
    out.append("| " + " | ".join(str(v) for g in TABLE4.rows for v in t4[g.key]) + " |")
    return "\n".join(out)


# --------------------------------------------------------------------- html
def _td(text: object, rowspan: int = 1, colspan: int = 1) -> str:
    attrs = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (f' colspan="{colspan}"' if colspan > 1 else "")
    return f"<td{attrs}>{html.escape(str(text))}</td>"


def html_layout(t2: Table2, t3: Table3, t4: Table4) -> str:
    p = ["<p>二、主动公开政府信息情况</p><table>"]
    for title, heads, keys in T2_GROUPS:
        p.append("<tr>" + _td(title, colspan=4) + "</tr>")
        p.append(
            "<tr>"
            + _td("信息内容")
            + "".join(_td(h, colspan=4 - len(heads) if len(heads) == 1 else 1) for h in heads)
            + "</tr>"
        )
        for k in keys:
            cells = "".join(_td(v, colspan=3 if len(heads) == 1 else 1) for v in t2[k])
            p.append("<tr>" + _td(_t2_label(k)) + cells + "</tr>")
    p.append("</table><p>三、收到和处理政府信息公开申请情况</p><table>")
    p.append("<tr>" + _td(HEADER_NOTE, 3, 3) + _td("申请人情况", colspan=7) + "</tr>")
    p.append("<tr>" + _td("自然人", 2) + _td("法人或其他组织", colspan=5) + _td("总计", 2) + "</tr>")
    p.append(
        "<tr>" + "".join(_td(h) for h in ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]) + "</tr>"
    )
    spans = {"三、本年度办理结果": 22}
    done: set[str] = set()
    for row in T3_ROWS:
        vals = "".join(_td(v) for v in t3[row.key])
        lead = ""
        if row.key == "granted":
            lead = _td("三、本年度办理结果", spans["三、本年度办理结果"])
        if row.group:
            if row.group not in done:
                done.add(row.group)
                size = sum(1 for r in T3_ROWS if r.group == row.group)
                lead += _td(row.group, size)
            p.append("<tr>" + lead + _td(row.label) + vals + "</tr>")
        elif row.key in ("new_received", "carried_over", "carried_forward"):
            p.append("<tr>" + _td(row.label, colspan=3) + vals + "</tr>")
        else:
            p.append("<tr>" + lead + _td(row.label, colspan=2) + vals + "</tr>")
    p.append("</table><p>四、政府信息公开行政复议、行政诉讼情况</p><table>")
    p.append("<tr>" + _td("行政复议", colspan=5) + _td("行政诉讼", colspan=10) + "</tr>")
    p.append(
        "<tr>"
        + "".join(_td(h, 2) for h in T4_HEAD)
        + _td("未经复议直接起诉", colspan=5)
        + _td("复议后起诉", colspan=5)
        + "</tr>"
    )
    p.append("<tr>" + "".join(_td(h) for h in T4_HEAD * 2) + "</tr>")
    p.append("<tr>" + "".join(_td(v) for g in TABLE4.rows for v in t4[g.key]) + "</tr></table>")
    return "".join(p)


def html_page(body: str) -> str:
    """Wrap an article in a government-site page with navigation, scripts and a footer."""
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>年报</title>"
        "<script>var x = '一、总体情况';</script></head><body>"
        "<div class='nav'><a>首页</a><a>政府信息公开</a><a>政民互动</a></div>"
        f"<div class='article'>{body}</div>"
        "<div class='footer'>主办单位：某市人民政府办公室 网站标识码 0000000000</div></body></html>"
    )


LAYOUTS: dict[str, Callable[[Table2, Table3, Table4], str]] = {
    "tab": tab_layout,
    "tab-split-page": tab_split_layout,
    "one-cell-per-line": line_layout,
    "markdown": markdown_layout,
    "html": html_layout,
}


def render(layout: str, t2: Table2, t3: Table3, t4: Table4) -> tuple[str, bytes]:
    """File name and bytes of a whole report in ``layout``."""
    body = LAYOUTS[layout](t2, t3, t4)
    if layout == "html":
        paras = document(t2, t3, t4, "@@TABLES@@").split("\n\n")
        inner = "".join("<p>" + html.escape(x) + "</p>" if x != "@@TABLES@@" else body for x in paras)
        return "report.html", html_page(inner).encode("utf-8")
    name = "report.md" if layout == "markdown" else "report.txt"
    return name, document(t2, t3, t4, body).encode("utf-8")


def assert_reads_back(report: AnnualReport, t2: Table2, t3: Table3, t4: Table4, *, variants: bool = False) -> None:
    """A report read from any rendered layout holds exactly the tables it was rendered from.

    ``variants`` accepts label variants (OCR may read 社会公益组织 as a variant); otherwise every
    table-3 row must be identified by its exact template label.
    """

    def values(table: TableData) -> dict[str, list[object]]:
        return {k: [c.plain() for c in row.values()] for k, row in table.rows.items()}

    assert report.format == "2021"
    assert values(report.table2) == t2
    assert values(report.table3) == {r.key: t3[r.key] for r in T3_ROWS}
    assert values(report.table4) == t4
    assert not report.table3.unplaced and not report.table4.unplaced
    allowed = ("exact", "variant") if variants else ("exact",)
    assert all(ev.match in allowed for ev in report.table3.row_evidence.values())
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    assert report.metadata.signature_agency == "某市某局"
