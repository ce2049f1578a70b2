"""A corpus in the web app's store: sample reports checked into it (in this process)."""

from __future__ import annotations

from pathlib import Path

from gongkai.batch.executors import Executor
from gongkai.batch.inputs import run_items
from gongkai.batch.run import RunOptions, run_check
from gongkai.web.settings import WebSettings

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
HONGZE_2023 = SAMPLES / "hongze-district-2023.pdf"
HONGZE_2024 = SAMPLES / "hongze-district-2024.pdf"
SHUYANG = SAMPLES / "shuyang-county-2025.txt"
CITY = SAMPLES / "city-sample-2025.html"


def fill_corpus(settings: WebSettings, *paths: Path) -> None:
    items = list(run_items([str(p) for p in paths], archive=settings.files_dir / "archive"))
    options = RunOptions(executor=Executor(inline=True), store=settings.store().database_url)
    for _ in run_check(items, options):
        pass


def hostile_html(folder: Path) -> Path:
    """The city sample with a script and a javascript: link in its text, and one row total off by one
    (a finding on that line)."""
    lines = CITY.read_text(encoding="utf-8").splitlines()
    out = []
    for line in lines:
        if "2.其他法律行政法规禁止公开</td><td>30<" in line:
            line = line.replace("<td>30</td></tr>", "<td>31</td></tr>")
        out.append(line)
        if line.lstrip().startswith("<body"):
            out.append('<p>说明<script>alert(1)</script><a href="javascript:alert(1)">点此</a></p>')
    path = folder / "hostile-2025.html"
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path
