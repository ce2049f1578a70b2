"""Real reports read once for the copy-detection tests, and a copy of one passed off as another agency's."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from gongkai.api import read_report
from gongkai.model import AnnualReport

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
UNRELATED = (
    "hongze-district-2024.pdf",
    "huaian-city-2024.pdf",
    "shuyang-county-2025.txt",
    "shuyang-development-reform-2023.html",
    "shanghai-government-office-2025.md",
    "shanghai-science-commission-2024.md",
    "000_531ecae6516f2ca1.txt",
    "001_6f73e57e54ca5cf9.txt",
    "002_3e5507a8093b4360.txt",
    "003_e59e1557e310bd98.txt",
    "004_288d4dc2df949a91.txt",
)
"""Sample reports of different agencies (or, for the two Shanghai office reports, different formats and
years far apart): none copies another."""

NAME_ONLY = (("洪泽区", "清江浦区"), ("洪泽", "清江浦"))
"""The agency's own name replaced (for 淮安市清江浦区人民政府, in the same city), nothing else."""
REWORDED = (("淮安市洪泽区", "宿迁市泗阳县"), ("洪泽区", "泗阳县"), ("洪泽", "泗阳"), ("淮安市", "宿迁市"), ("我区", "我县"),
            ("全区", "全县"), ("区委", "县委"), ("区政府", "县政府"))  # fmt: skip
"""What a copier would also change: the city, and 区 → 县 in 我区, 全区, 区委, 区政府."""


@cache
def sample(name: str) -> AnnualReport:
    return read_report(SAMPLES / name)


def _renumber(text: str) -> str:
    """Every number changed, most to another length: 1136 → 7955, 21 → 150, 2024 → 14171."""
    return re.sub(r"\d+", lambda m: str(int(m.group()) * 7 + 3), text)


def _rewrap(text: str, width: int = 23) -> str:
    """The text's line breaks moved, as a copy laid out on another page would have them."""
    flat = "".join(text.split())
    return "\n".join(flat[i : i + width] for i in range(0, len(flat), width))


def copied_as(
    report: AnnualReport, agency: str = "宿迁市泗阳县人民政府", edits: tuple[tuple[str, str], ...] = REWORDED
) -> AnnualReport:
    """``report`` passed off as ``agency``'s: the ``edits`` made, every number changed, the lines wrapped
    differently; the rest of the prose as it was."""
    sections = []
    for s in report.sections:
        text = s.text
        for old, new in edits:
            text = text.replace(old, new)
        sections.append(s.model_copy(update={"text": _rewrap(_renumber(text))}))
    meta = report.metadata.model_copy(update={"agency": agency, "signature_agency": agency, "year": 2025})
    return report.model_copy(update={"sections": sections, "metadata": meta, "source_file": "copied.txt"})
