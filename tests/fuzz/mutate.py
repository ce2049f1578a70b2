"""Byte mutations of real inputs, for the fuzz harness (tests/fuzz/test_fuzz.py, scripts/fuzz.py).

A mutation is a list of :class:`Edit` objects applied in order, so a failing input is
reproduced from its seed file and the printed edits alone.  Zip-based formats (DOCX,
XLSX) are also mutated *inside* a member, so the archive stays valid and the damage
reaches the XML parsers instead of stopping at the zip's checksum.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from hypothesis import strategies as st

TOKENS: tuple[bytes, ...] = (
    b"\x00", b"\xff", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\r", b"\n" * 50, b"\t" * 200,
    b"9" * 5000, b"-1", b"1e400", b"NaN", b"\xe3\x80", b"\xe4\xb8\x80" * 300,
    b"<table>", b"<td>", b"</tr>", b'<td rowspan="99999">', b'<td colspan="0">', b"<meta charset=undefined>",
    b"&#0;", b"&#x110000;", b"<!--", b"|" * 300, b"|---|", b"\xe4\xb8\x80\xe3\x80\x81",
    b"{", b"[" * 500, b"*a ", b"&a [*a,*a]", b"!!python/object", b"2024-02-30",
    b"/FlateDecode", b"/Fl#61teDecode", b"[/ASCIIHexDecode /FlateDecode]", b"endstream", b"/MediaBox [0 0 /x 9]",
    b"PK\x03\x04", b"<w:numPr><w:ilvl w:val=\"8\"/><w:numId w:val=\"1\"/></w:numPr>",
)  # fmt: skip
"""Tokens that have broken parsers before (see shared/fuzz/README.md), spliced into inputs."""


@dataclass(frozen=True)
class Edit:
    kind: str
    at: float
    """Position as a fraction of the current length (so an edit means the same on any input)."""
    size: int = 0
    data: bytes = b""
    member: str | None = None

    def apply(self, data: bytes) -> bytes:
        i = min(int(self.at * len(data)), len(data))
        if self.kind == "set":
            return data[:i] + self.data[:1] + data[i + 1 :]
        if self.kind == "insert":
            return data[:i] + self.data + data[i:]
        if self.kind == "delete":
            return data[:i] + data[i + self.size :]
        if self.kind == "repeat":
            return data[:i] + data[i : i + self.size] * 8 + data[i + self.size :]
        if self.kind == "truncate":
            return data[: max(i, 1)]
        raise ValueError(self.kind)


def _edits() -> st.SearchStrategy[Edit]:
    at = st.floats(min_value=0, max_value=1, allow_nan=False)
    return st.one_of(
        st.builds(Edit, kind=st.just("set"), at=at, data=st.binary(min_size=1, max_size=1)),
        st.builds(Edit, kind=st.just("insert"), at=at, data=st.one_of(st.sampled_from(TOKENS), st.binary(max_size=64))),
        st.builds(Edit, kind=st.just("delete"), at=at, size=st.integers(1, 4096)),
        st.builds(Edit, kind=st.just("repeat"), at=at, size=st.integers(1, 2048)),
        st.builds(Edit, kind=st.just("truncate"), at=at),
    )


def edits(max_size: int = 6) -> st.SearchStrategy[list[Edit]]:
    return st.lists(_edits(), min_size=1, max_size=max_size)


def is_zip(data: bytes) -> bool:
    return data.startswith(b"PK\x03\x04")


def apply(data: bytes, changes: list[Edit], member: str | None = None) -> bytes:
    """``data`` with ``changes`` applied: to the bytes, or to one member of a zip archive."""
    if member is None or not is_zip(data):
        for change in changes:
            data = change.apply(data)
        return data
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == member:
                for change in changes:
                    body = change.apply(body)
            dst.writestr(info.filename, body)
    return out.getvalue()


def members(data: bytes) -> list[str]:
    """The XML members of a zip archive worth mutating."""
    if not is_zip(data):
        return []
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    return sorted(n for n in names if n.endswith((".xml", ".rels")))


def seed_files(folder: Path) -> dict[str, Path]:
    """One real input of every format gongkai reads, by format name (some written into ``folder``)."""
    from gongkai.render.docx_report import render_docx
    from gongkai.render.json import report_to_json
    from gongkai.render.workbook import render_workbook
    from tests.factories import make_report

    root = Path(__file__).resolve().parents[2] / "samples"
    seeds = {
        "text": root / "002_3e5507a8093b4360.txt",
        "text-tabs": root / "004_288d4dc2df949a91.txt",
        "html": root / "city-sample-2025.html",
        "html-page": root / "shuyang-development-reform-2023.html",
        "markdown": root / "shanghai-government-office-2025.md",
        "pdf": root / "hongze-district-2024.pdf",
        "docx-template": root / "official-template-2021-blank.docx",
    }
    report = make_report()
    written = {
        "docx": ("report.docx", render_docx(report)),
        "xlsx": ("report.xlsx", render_workbook(report)),
        "json": ("report.json", __import__("json").dumps(report_to_json(report), ensure_ascii=False).encode()),
    }
    for name, (file, data) in written.items():
        path = folder / file
        path.write_bytes(data)
        seeds[name] = path
    import yaml

    yaml_path = folder / "report.yaml"
    yaml_path.write_text(yaml.safe_dump(report_to_json(report), allow_unicode=True, sort_keys=False), encoding="utf-8")
    seeds["yaml"] = yaml_path
    return seeds
