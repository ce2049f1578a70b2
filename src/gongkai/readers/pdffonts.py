"""pdfminer's font reading, sooner: ToUnicode maps lexed by :mod:`~gongkai.readers.pdflex`, widths not stored twice.

A report's fonts (subsets of SimSun, FangSong …) carry ToUnicode maps of thousands of
entries and width arrays as long; pdfminer reads each with its pure-Python lexer and
then walks every width again (``resolve_all``).  :func:`use_fast_fonts` puts
:class:`FastCMapParser` and :func:`resolve_all` in their place in ``pdfminer.pdffont``,
as :func:`~gongkai.readers.pdfrc4.use_fast_rc4` does for RC4: the same maps and widths.
"""

from __future__ import annotations

from typing import Any, BinaryIO

from pdfminer.cmapdb import CMapBase, CMapParser
from pdfminer.pdftypes import PDFObjRef
from pdfminer.psparser import PSEOF

from gongkai.readers.pdflex import Unsupported, lex_data

_NUMBERS = frozenset({int, float})


class FastCMapParser(CMapParser):
    """pdfminer's CMap parser (a font's ToUnicode map) fed by :func:`lex`; pdfminer's own lexer if it declines."""

    def __init__(self, cmap: CMapBase, fp: BinaryIO) -> None:
        super().__init__(cmap, fp)
        self._lexed: list[Any] | None = None
        try:
            self._lexed = _lexed_file(fp)
        finally:
            self.seek(0)  # as new, for pdfminer's lexer
        self._next = 0

    def nexttoken(self) -> tuple[int, Any]:
        if self._lexed is None:
            return super().nexttoken()
        if self._next >= len(self._lexed):
            raise PSEOF("Unexpected EOF")
        token = self._lexed[self._next]
        self._next += 1
        return (0, token)


def _lexed_file(fp: BinaryIO) -> list[Any] | None:
    out: list[Any] = []
    try:
        lex_data(fp.read(), True, out)
    except Unsupported:
        return None
    return out


def resolve_all(x: object, default: object = None) -> Any:
    """pdfminer's ``resolve_all``, passing over the numbers of a font's widths instead of storing each again."""
    while isinstance(x, PDFObjRef):
        x = x.resolve(default=default)
    if isinstance(x, list):
        x = [resolve_all(v, default=default) for v in x]
    elif isinstance(x, dict):
        for k, v in x.items():
            if type(v) not in _NUMBERS:
                x[k] = resolve_all(v, default=default)
    return x


def use_fast_fonts() -> None:
    """Make pdfminer read fonts' ToUnicode maps with :class:`FastCMapParser`, and their widths sooner (idempotent)."""
    import pdfminer.pdffont

    pdfminer.pdffont.CMapParser = FastCMapParser  # type: ignore[attr-defined]  # looked up by name when a font is read
    pdfminer.pdffont.resolve_all = resolve_all  # type: ignore[attr-defined]
