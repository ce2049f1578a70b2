"""Fuzz harness, short bounded run: byte mutations of every input format through ``api.check_path``.

Each example mutates one real input (a sample, or a report gongkai wrote) with a few
edits — bytes set, inserted, deleted, repeated, the file cut short, tokens that broke
parsers before spliced in — or, for DOCX/XLSX, edits one XML member of the archive, and
checks the contract of :mod:`tests.fuzz.contract`.  Derandomized here, so CI is
reproducible.  A long random campaign on demand::

    GONGKAI_FUZZ_SCALE=50 GONGKAI_FUZZ_RANDOM=1 .venv/bin/python -m pytest tests/fuzz -x

(50 times the examples, a new random seed each run; hypothesis prints the failing edits).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.cli import run as cli
from tests.fuzz import mutate
from tests.fuzz.contract import check

SCALE = int(os.environ.get("GONGKAI_FUZZ_SCALE", "1"))
RANDOM = os.environ.get("GONGKAI_FUZZ_RANDOM") == "1"

EXAMPLES = {
    "text": 30,
    "text-tabs": 15,
    "html": 15,
    "html-page": 10,
    "markdown": 15,
    "json": 20,
    "yaml": 20,
    "xlsx": 12,
    "docx": 12,
    "docx-template": 6,
    "pdf": 8,
}


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return mutate.seed_files(tmp_path_factory.mktemp("seeds"))


@pytest.mark.parametrize("fmt", sorted(EXAMPLES))
def test_fuzz_every_mutant_ends_with_a_result_in_time_and_memory(
    fmt: str, seeds: dict[str, Path], tmp_path_factory: pytest.TempPathFactory
) -> None:
    seed = seeds[fmt]
    data = seed.read_bytes()
    names = mutate.members(data)
    folder = tmp_path_factory.mktemp(f"fuzz-{fmt}")

    @settings(
        max_examples=EXAMPLES[fmt] * SCALE,
        deadline=None,
        derandomize=not RANDOM,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    @given(changes=mutate.edits(), member=st.sampled_from([None, *names]) if names else st.none())
    def run(changes: list[mutate.Edit], member: str | None) -> None:
        path = folder / f"mutant{seed.suffix}"
        path.write_bytes(mutate.apply(data, changes, member))
        outcome = check(path)
        assert outcome.violations() == [], f"{seed.name} {member or ''} {changes}"
        seen[outcome.status] = seen.get(outcome.status, 0) + 1

    seen: dict[str, int] = {}
    run()
    assert sum(seen.values()) >= EXAMPLES[fmt] * SCALE // 2  # the mutants really ran


def test_fuzz_command_line_never_exits_3_and_its_json_stays_valid(
    seeds: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The shells too: a mutant of every format through ``gongkai check -f json`` (exit 0–2, valid UTF-8 JSON)."""
    for i, (fmt, seed) in enumerate(sorted(seeds.items())):
        data = seed.read_bytes()
        edit = mutate.Edit(kind="insert", at=0.5, data=mutate.TOKENS[i % len(mutate.TOKENS)])
        path = tmp_path / f"\udcff{fmt}{seed.suffix}"  # a file name that is not valid UTF-8 too
        path.write_bytes(mutate.apply(data, [edit]))
        code = cli(["check", str(path), "-f", "json", "--timeout", "10"])
        out, err = capsys.readouterr()
        assert code in (0, 1, 2), f"{fmt}: exit {code}: {err[-500:]}"
        out.encode("utf-8")
        report = json.loads(out)["reports"][0]
        assert report["status"] in ("ok", "partial", "failed")
        assert all(e["code"] != "E108" for e in report["errors"]), report["errors"]
