"""Word automatic numbering: the label ("一、", "（二）", "3.") Word draws before a list paragraph.

A paragraph is numbered through ``w:pPr/w:numPr`` (``w:numId`` and ``w:ilvl``),
directly or through its paragraph style (``w:pStyle`` → ``styles.xml``, following
``w:basedOn``; the level is then the one whose ``w:pStyle`` names that style).
``w:num`` points at a ``w:abstractNum`` whose ``w:lvl`` gives ``w:start``,
``w:numFmt`` and ``w:lvlText`` (``%1、``, ``（%2）``).  As in Word, the ``w:num``
of one abstract list share its counters; a ``w:lvlOverride`` replaces a level
(``w:lvl``) or restarts it where that ``w:num`` is first used
(``w:startOverride``).  Using a level restarts the levels below it
(``w:lvlRestart`` can limit that).  Bullets and hidden numbers give no label.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from docx.opc.part import Part, XmlPart
from docx.oxml.parser import parse_xml
from lxml import etree

from gongkai.limits import DEADLINE_EVERY, check_deadline

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_VAL, _ILVL, _HIDDEN = _W + "val", _W + "ilvl", f"{_W}rPr/{_W}vanish"
_LEVELS = 9
_NO_SPACE_AFTER = "、，,．.。：:）)】」』〕"
"""A label ending in one of these is followed by the text directly; others by one space (unless suff=nothing)."""

_CN = "〇一二三四五六七八九"
_LEGAL_SIMPLIFIED = str.maketrans("〇一二三四五六七八九十百千", "零壹贰叁肆伍陆柒捌玖拾佰仟")
_LEGAL_TRADITIONAL = str.maketrans("〇一二三四五六七八九十百千万", "零壹貳參肆伍陸柒捌玖拾佰仟萬")
_ROMAN: tuple[tuple[int, str], ...] = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"))
_ROMAN += ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _chinese_full(n: int) -> str:
    """1 → 一, 110 → 一百一十, 101 → 一百〇一, 10001 → 一万〇一 (a leading 十 keeps its 一)."""
    if n >= 10000:
        high, low = divmod(n, 10000)
        rest = ("〇" if low < 1000 else "") + _chinese_full(low) if low else ""
        return _chinese_full(high) + "万" + rest
    out, gap = "", False
    for unit, value in (("千", 1000), ("百", 100), ("十", 10), ("", 1)):
        digit = n // value % 10
        if digit:
            out += ("〇" if gap else "") + _CN[digit] + unit
        gap = bool(out) and not digit
    return out


def chinese_counting(n: int) -> str:
    """Word's chineseCounting: 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 21 → 二十一, 0 → 〇."""
    if n < 10:
        return _CN[max(n, 0)]
    return "十" + (_CN[n % 10] if n % 10 else "") if n < 20 else _chinese_full(n)


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = ""
    for value, text in _ROMAN:
        count, n = divmod(n, value)
        out += text * count
    return out


def _letter(n: int) -> str:
    """Word's letters: A … Z, AA … ZZ, AAA …"""
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else str(n)


def _enclosed(*ranges: tuple[int, int, int]) -> Callable[[int], str]:
    def fmt(n: int) -> str:
        for low, high, first in ranges:
            if low <= n <= high:
                return chr(first + n - low)
        return str(n)

    return fmt


def _cycle(chars: str) -> Callable[[int], str]:
    """甲乙丙…: past the last sign Word (and LibreOffice) print decimal digits."""
    return lambda n: chars[n - 1] if 0 < n <= len(chars) else str(n)


_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_FORMATS: dict[str, Callable[[int], str]] = {
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate(_FULLWIDTH),
    "decimalFullWidth2": lambda n: str(n).translate(_FULLWIDTH),
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
    "upperLetter": _letter,
    "lowerLetter": lambda n: _letter(n).lower(),
    "chineseLegalSimplified": lambda n: _chinese_full(n).translate(_LEGAL_SIMPLIFIED) if n else "零",
    "ideographLegalTraditional": lambda n: _chinese_full(n).translate(_LEGAL_TRADITIONAL) if n else "零",
    "ideographTraditional": _cycle("甲乙丙丁戊己庚辛壬癸"),
    "ideographZodiac": _cycle("子丑寅卯辰巳午未申酉戌亥"),
    "ideographDigital": lambda n: "".join(_CN[int(d)] for d in str(n)),
    "decimalEnclosedCircle": _enclosed((1, 20, 0x2460), (21, 35, 0x3251), (36, 50, 0x32B1)),
    "decimalEnclosedParen": _enclosed((1, 20, 0x2474)),
    "decimalEnclosedFullstop": _enclosed((1, 20, 0x2488)),
    "none": lambda n: "",
}
_FORMATS["decimalEnclosedCircleChinese"] = _FORMATS["decimalEnclosedCircle"]
_COUNTING = ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand")
_FORMATS.update(dict.fromkeys(_COUNTING, chinese_counting))


def format_number(n: int, fmt: str) -> str:
    """``n`` in Word number format ``fmt`` (w:numFmt); unknown formats print decimal digits."""
    return _FORMATS.get(fmt, str)(n)


def _related(part: Part, name: str) -> etree._Element | None:
    for rel in part.rels.values():
        if not rel.is_external and rel.reltype == _RELS + name:
            target = rel.target_part
            if isinstance(target, XmlPart):
                element: etree._Element = target.element
                return element
            try:
                return parse_xml(target.blob)
            except (etree.XMLSyntaxError, ValueError):
                return None
    return None


def _children(el: etree._Element | None, name: str) -> Iterator[etree._Element]:
    return iter(()) if el is None else el.iterchildren(_W + name)


def _child(el: etree._Element | None, name: str) -> etree._Element | None:
    """The first ``w:name`` child (``find`` with a path is several times slower, and runs for every paragraph)."""
    return None if el is None else next(el.iterchildren(_W + name), None)


def _child_val(el: etree._Element | None, name: str) -> str | None:
    found = _child(el, name)
    return None if found is None else found.get(_VAL)


def _val(el: etree._Element | None, path: str) -> str | None:
    found = el.find(path) if el is not None else None
    return found.get(_VAL) if found is not None else None


def _on(el: etree._Element | None, path: str) -> bool:
    """A w:ST_OnOff property that is present and not switched off."""
    found = el.find(path) if el is not None else None
    return found is not None and found.get(_VAL) not in ("0", "false", "off")


def _int(text: str | None, high: int = 10**6) -> int | None:
    try:
        return max(0, min(int(text), high)) if text is not None else None
    except ValueError:
        return None


class _Level:
    def __init__(self, lvl: etree._Element | None, start: int | None = None) -> None:
        self.start = start if start is not None else _int(_val(lvl, f"{_W}start")) or 0
        fmt = _val(lvl, f"{_W}numFmt") or _val(lvl, f"{_MC}AlternateContent/{_MC}Fallback/{_W}numFmt")
        self.fmt = fmt or "decimal"
        self.text = _val(lvl, f"{_W}lvlText") or ""
        self.restart = _int(_val(lvl, f"{_W}lvlRestart"))
        self.legal = _on(lvl, f"{_W}isLgl")
        self.suffix = _val(lvl, f"{_W}suff") or "tab"
        self.hidden = _on(lvl, _HIDDEN)
        self.lvl = lvl


class _List:
    """One abstract list: its levels, counters, and the paragraph styles tied to its levels."""

    def __init__(self, abstract: etree._Element | None) -> None:
        found = {_int(lvl.get(_ILVL), _LEVELS - 1): lvl for lvl in _children(abstract, "lvl")}
        self.levels = [_Level(found.get(i)) for i in range(_LEVELS)]
        self.counters: list[int | None] = [None] * _LEVELS
        self.styles = {_val(lvl, f"{_W}pStyle"): i for i, lvl in found.items() if i is not None}


class _Num:
    def __init__(self, num: etree._Element, lst: _List) -> None:
        self.list = lst
        self.levels = list(lst.levels)
        self.restarts: list[int] = []
        self.used = False
        for o in _children(num, "lvlOverride"):
            i = _int(o.get(_ILVL), _LEVELS - 1)
            if i is None:
                continue
            start = _int(_val(o, f"{_W}startOverride"))
            lvl = o.find(f"{_W}lvl")
            self.levels[i] = _Level(lvl if lvl is not None else self.levels[i].lvl, start)
            if start is not None:
                self.restarts.append(i)


class Numbering:
    """Labels of numbered paragraphs; :meth:`label` must be called on paragraphs in document order."""

    def __init__(self, part: Part) -> None:
        numbering, styles = _related(part, "numbering"), _related(part, "styles")
        self._styles = {s.get(_W + "styleId"): s for s in _children(styles, "style")}
        self._default = next((s for s in self._styles.values() if _default_paragraph(s)), None)
        self._by_style: dict[str | None, tuple[etree._Element | None, str | None, int | None]] = {}
        abstracts = {a.get(_W + "abstractNumId"): a for a in _children(numbering, "abstractNum")}
        nums = {n.get(_W + "numId"): n for n in _children(numbering, "num")}
        lists: dict[str | None, _List] = {}
        self._nums: dict[str | None, _Num] = {}
        for num_id, num in nums.items():
            key = _val(num, f"{_W}abstractNumId")
            for _ in range(3):  # w:numStyleLink: the levels are those of a numbering style's list
                link = _val(abstracts.get(key), f"{_W}numStyleLink")
                linked = nums.get(self._style_numpr(self._styles.get(link))[0]) if link else None
                if linked is None:
                    break
                key = _val(linked, f"{_W}abstractNumId")
            if key not in lists:
                lists[key] = _List(abstracts.get(key))
            self._nums[num_id] = _Num(num, lists[key])

    @property
    def empty(self) -> bool:
        return not self._nums

    def _style_numpr(self, style: etree._Element | None) -> tuple[str | None, int | None]:
        num_id, ilvl = None, None
        for _ in range(20):  # the w:basedOn chain; a cycle is cut short
            if style is None:
                break
            num_id = num_id or _val(style, f"{_W}pPr/{_W}numPr/{_W}numId")
            ilvl = ilvl if ilvl is not None else _int(_val(style, f"{_W}pPr/{_W}numPr/{_W}ilvl"), _LEVELS - 1)
            style = self._styles.get(_val(style, f"{_W}basedOn"))
        return num_id, ilvl

    def _style_numbering(self, style_id: str | None) -> tuple[etree._Element | None, str | None, int | None]:
        """The paragraph style (the default one when none is named) and the numbering it gives; memoised."""
        found = self._by_style.get(style_id)
        if found is None:
            style = self._styles.get(style_id) if style_id else self._default
            found = self._by_style[style_id] = (style, *self._style_numpr(style))
        return found

    def label(self, p: etree._Element) -> str:
        """The label of paragraph ``p`` and the space after it, or ""; advances the counters."""
        ppr = _child(p, "pPr")
        numpr = _child(ppr, "numPr")
        num_id = _child_val(numpr, "numId")
        ilvl = _int(_child_val(numpr, "ilvl"), _LEVELS - 1)
        if num_id is None or ilvl is None:
            style, by_style, style_ilvl = self._style_numbering(_child_val(ppr, "pStyle"))
            num_id = num_id or by_style
            if ilvl is None and num_id in self._nums and style is not None:
                ilvl = self._nums[num_id].list.styles.get(style.get(_W + "styleId"), style_ilvl)
        num = self._nums.get(num_id)  # numId 0, or one not defined: no numbering
        if num is None:
            return ""
        counters, levels, i = num.list.counters, num.levels, ilvl or 0
        if not num.used:
            num.used = True
            for r in num.restarts:
                counters[r] = None
        current = counters[i]
        counters[i] = levels[i].start if current is None else current + 1
        for j in range(i + 1, _LEVELS):
            restart = levels[j].restart
            if restart is None or i < restart:
                counters[j] = None
        level = levels[i]
        if level.hidden or level.fmt == "bullet":
            return ""
        out = level.text
        for k in range(1, _LEVELS + 1):
            if f"%{k}" in out:
                n = counters[k - 1]
                fmt = "decimal" if level.legal and levels[k - 1].fmt != "decimalZero" else levels[k - 1].fmt
                out = out.replace(f"%{k}", format_number(levels[k - 1].start if n is None else n, fmt))
        out = out.strip()
        return out + " " if out and level.suffix != "nothing" and out[-1] not in _NO_SPACE_AFTER else out


def _default_paragraph(style: etree._Element) -> bool:
    return style.get(_W + "type") == "paragraph" and style.get(_W + "default") in ("1", "true", "on")


def _paragraphs(el: etree._Element) -> Iterator[etree._Element]:
    """Paragraphs in document order, text boxes included, fallback copies of drawings skipped."""
    fallback = {p for fb in el.iter(_MC + "Fallback") for p in fb.iter(_W + "p")}
    return (p for p in el.iter(_W + "p") if p not in fallback)


def _has_text(p: etree._Element) -> bool:
    """Visible text of its own: not hidden, not only in a text box anchored in it."""
    return any(
        (t.text or "").strip() and next(t.iterancestors(_W + "p"), None) is p and not _on(t.getparent(), _HIDDEN)
        for t in p.iter(_W + "t")
    )


def number_paragraphs(part: Part, body: etree._Element) -> None:
    """Write each numbered paragraph's label into it as a leading run, so readers see "一、总体情况"."""
    numbering = Numbering(part)
    if numbering.empty:
        return
    for n, p in enumerate(list(_paragraphs(body)), 1):
        if n % DEADLINE_EVERY == 0:
            check_deadline()
        label = numbering.label(p)
        if label and _has_text(p):
            run = p.makeelement(_W + "r", {})
            etree.SubElement(run, _W + "t").text = label
            ppr = _child(p, "pPr")
            p.insert(0 if ppr is None else p.index(ppr) + 1, run)
