"""The paragraph and character styles of gongkai's DOCX, in the 公文 conventions (国办公开办函〔2021〕30号).

Title 方正小标宋简体 二号; headings (一、) 黑体 三号; （一）-level sub-headings 楷体_GB2312
三号 — a paragraph style for a sub-heading on its own line, a character style for one
that opens a paragraph; body 仿宋_GB2312 三号 with a two-character first-line indent on
exact 29 pt lines; tables 宋体 五号.  Explicit (not theme) Latin and East Asian fonts, so
the look does not depend on Word's theme; styles, so a user can restyle the document.
"""

from __future__ import annotations

from typing import Any

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

TITLE_FONT, HEADING_FONT, BODY_FONT, TABLE_FONT = "方正小标宋简体", "黑体", "仿宋_GB2312", "宋体"
SUBHEADING_FONT = "楷体_GB2312"
TITLE_EMS = 20
"""Characters of 二号 (22 pt) that fit on one line of the page's 15.6 cm text width."""
CORE_PROPERTY_MAX = 255
"""Longest core property (title, author) a .docx holds."""
LINE = 580
"""Exact line pitch of the text in twips (29 pt: 22 lines on the A4 page of a 公文)."""
TABLE_SIZE = 21
"""Table text size in half-points (五号, 10.5 pt)."""
ROW_HEIGHT = 369
"""Minimum table row height in twips (0.65 cm)."""
W = nsdecls("w")
_INDENT = '<w:ind w:firstLineChars="200" w:firstLine="640"/>'
_NO_INDENT = '<w:ind w:left="0" w:right="0" w:firstLineChars="0" w:firstLine="0"/>'
_EXACT = f'<w:spacing w:before="0" w:after="0" w:line="{LINE}" w:lineRule="exact"/>'
_SINGLE = '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
_TITLE_SPACING = f'<w:spacing w:before="0" w:after="{LINE}" w:line="720" w:lineRule="exact"/>'
_SIGNATURE_INDENT = '<w:ind w:right="1280" w:rightChars="400" w:firstLineChars="0" w:firstLine="0"/>'
_STYLES: tuple[tuple[str, str, str, int, str], ...] = (
    # style id, name, font, size in half-points, paragraph properties
    ("Normal", "Normal", BODY_FONT, 32, f'{_EXACT}{_INDENT}<w:jc w:val="both"/>'),
    ("Title", "Title", TITLE_FONT, 44, f'<w:keepNext/>{_TITLE_SPACING}{_NO_INDENT}<w:jc w:val="center"/>'),
    (
        "Heading1",
        "heading 1",
        HEADING_FONT,
        32,
        f'<w:keepNext/>{_EXACT}{_INDENT}<w:jc w:val="both"/><w:outlineLvl w:val="0"/>',
    ),
    (
        "Heading2",
        "heading 2",
        SUBHEADING_FONT,
        32,
        f'<w:keepNext/>{_EXACT}{_INDENT}<w:jc w:val="both"/><w:outlineLvl w:val="1"/>',
    ),
    ("Signature", "Signature", BODY_FONT, 32, f'{_EXACT}{_SIGNATURE_INDENT}<w:jc w:val="right"/>'),
    ("TableText", "Table Text", TABLE_FONT, TABLE_SIZE, f'{_SINGLE}{_NO_INDENT}<w:jc w:val="center"/>'),
    ("Header", "header", TABLE_FONT, 18, f"{_SINGLE}{_NO_INDENT}"),
    ("Footer", "footer", TABLE_FONT, 28, f'{_SINGLE}{_NO_INDENT}<w:jc w:val="center"/>'),
)


def run_props(font: str, size: int) -> str:
    return (
        f'<w:rPr {W}><w:rFonts w:hint="eastAsia" w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/>'
        f'<w:color w:val="000000"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
        '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr>'
    )


def setup_styles(doc: Any) -> None:
    """Document defaults and the paragraph styles, with explicit (not theme) Latin and East Asian fonts."""
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    defaults.clear()
    defaults.append(parse_xml(f"<w:rPrDefault {W}>{run_props(BODY_FONT, 32)}</w:rPrDefault>"))
    defaults.append(parse_xml(f"<w:pPrDefault {W}><w:pPr>{_SINGLE}</w:pPr></w:pPrDefault>"))
    existing = {s.get(qn("w:styleId")): s for s in styles.findall(qn("w:style"))}
    for style_id, name, font, size, ppr in _STYLES:
        style = existing.get(style_id)
        if style is None:
            style = parse_xml(f'<w:style {W} w:type="paragraph" w:styleId="{style_id}"/>')
            styles.append(style)
        for child in list(style):
            style.remove(child)
        if style_id == "Normal":
            style.set(qn("w:default"), "1")
        style.append(parse_xml(f'<w:name {W} w:val="{name}"/>'))
        if style_id != "Normal":
            style.append(parse_xml(f'<w:basedOn {W} w:val="Normal"/>'))
        style.append(parse_xml(f"<w:qFormat {W}/>"))
        style.append(parse_xml(f"<w:pPr {W}>{ppr}</w:pPr>"))
        style.append(parse_xml(run_props(font, size)))
    sub = parse_xml(
        f'<w:style {W} w:type="character" w:styleId="SubheadingChar"><w:name w:val="Subheading Char"/>'
        f"<w:qFormat/>{run_props(SUBHEADING_FONT, 32).replace(f' {W}', '')}</w:style>"
    )
    styles.append(sub)
