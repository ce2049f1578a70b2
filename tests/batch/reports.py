"""Generated folders of distinct text reports, made from the bundled samples."""

from __future__ import annotations

from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
TEXTS = sorted(SAMPLES.glob("*.txt"))


def make_reports(folder: Path, count: int) -> list[Path]:
    """``count`` text reports, each a sample with one distinct closing line (distinct content, same tables)."""
    folder.mkdir(parents=True, exist_ok=True)
    out: list[Path] = []
    for i in range(count):
        src = TEXTS[i % len(TEXTS)]
        path = folder / f"{i:05d}_{src.name}"
        path.write_text(src.read_text(encoding="utf-8") + f"\n本报告副本编号：{i}\n", encoding="utf-8")
        out.append(path)
    return out
