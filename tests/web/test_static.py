"""The front end keeps the CSP: vendored files match their recorded hash, templates load nothing from
another origin and carry no inline script, style or event handler."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

WEB = Path(__file__).resolve().parents[2] / "src" / "gongkai" / "web"
STATIC = WEB / "static"
TEMPLATES = sorted((WEB / "templates").rglob("*.html"))

_ROW = re.compile(r"^\|\s*([^|\s]+)\s*\|.*\|\s*([0-9a-f]{64})\s*\|\s*$", re.MULTILINE)
_OFF_SITE = re.compile(r"""\b(?:src|href|action|formaction|srcset|poster|data)\s*=\s*["']?\s*(?:https?:)?//""", re.I)
_INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc\s*=)[^>]*>", re.I)
_STYLE_ATTR = re.compile(r"""<[^>]*\sstyle\s*=""", re.I)
_STYLE_BLOCK = re.compile(r"<style\b", re.I)
_HANDLER = re.compile(r"""<[^>]*\son[a-z]+\s*=""", re.I)
_JS_URL = re.compile(r"""\b(?:href|src|action)\s*=\s*["']?\s*javascript:""", re.I)


def _vendored() -> dict[str, str]:
    return dict(_ROW.findall((STATIC / "VENDORED.md").read_text(encoding="utf-8")))


def test_static_vendored_files_match_recorded_sha256() -> None:
    table = _vendored()
    assert any(name.startswith("htmx-") for name in table), "VENDORED.md lists no htmx file"
    for name, digest in table.items():
        assert hashlib.sha256((STATIC / name).read_bytes()).hexdigest() == digest, name


def test_static_every_script_file_is_vendored_or_in_the_table() -> None:
    table = _vendored()
    for path in STATIC.rglob("*.js"):
        if path.name.endswith(".min.js"):
            assert path.name in table, f"{path.name}: a vendored file not recorded in VENDORED.md"


def test_static_templates_exist() -> None:
    names = {path.name for path in TEMPLATES}
    assert {"base.html", "login.html", "error.html"} <= names


def test_static_templates_load_nothing_from_another_origin() -> None:
    bad = [f"{p.name}: {m.group(0)}" for p in TEMPLATES for m in _OFF_SITE.finditer(p.read_text(encoding="utf-8"))]
    assert not bad, bad


def test_static_templates_have_no_inline_script_style_or_handlers() -> None:
    bad: list[str] = []
    for path in TEMPLATES:
        text = path.read_text(encoding="utf-8")
        for name, pattern in (
            ("inline <script>", _INLINE_SCRIPT),
            ("style= attribute", _STYLE_ATTR),
            ("<style> block", _STYLE_BLOCK),
            ("on*= handler", _HANDLER),
            ("javascript: URL", _JS_URL),
        ):
            bad += [f"{path.name}: {name}: {m.group(0)[:80]}" for m in pattern.finditer(text)]
    assert not bad, bad


def test_static_checks_catch_what_they_should() -> None:
    assert _OFF_SITE.search('<script src="https://cdn.example/x.js">')
    assert _OFF_SITE.search("<link href='//cdn.example/a.css'>")
    assert not _OFF_SITE.search('<a href="/static/app.css">')
    assert _INLINE_SCRIPT.search("<script>alert(1)</script>")
    assert not _INLINE_SCRIPT.search('<script src="/static/x.js" defer></script>')
    assert _STYLE_ATTR.search('<p class="a" style="color:red">')
    assert _HANDLER.search('<button type="button" onclick="go()">')
    assert not _HANDLER.search('<input name="once" value="x">')
