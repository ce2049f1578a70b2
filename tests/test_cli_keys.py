"""``gongkai extract`` speaks exactly the vocabulary of shared/spec/report-keys.md (2021 format)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongkai.cli import run

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

# written out from report-keys.md, not derived from the template
TABLE2_KEYS = {
    "regulations": ["issued", "abolished", "in_force"],
    "normative_documents": ["issued", "abolished", "in_force"],
    "administrative_licensing": ["decisions"],
    "administrative_penalty": ["decisions"],
    "administrative_coercion": ["decisions"],
    "administrative_fees": ["amount_10k_yuan"],
}
TABLE3_COLUMNS = [
    "natural_person",
    "commercial_enterprise",
    "research_institution",
    "social_welfare_org",
    "legal_service_org",
    "other_org",
    "total",
]
TABLE3_ROWS = [
    "new_received",
    "carried_over",
    "granted",
    "partially_granted",
    "denied_state_secret",
    "denied_prohibited_by_law",
    "denied_three_safeties_one_stability",
    "denied_third_party_rights",
    "denied_internal_affairs",
    "denied_process_information",
    "denied_enforcement_files",
    "denied_query_matters",
    "unavailable_not_held",
    "unavailable_needs_creation",
    "unavailable_unclear_after_correction",
    "not_processed_complaint",
    "not_processed_duplicate",
    "not_processed_publication",
    "not_processed_massive_repeated",
    "not_processed_confirmation",
    "other_no_correction",
    "other_no_fee",
    "other_other",
    "total_processed",
    "carried_forward",
]
TABLE4_GROUPS = ["administrative_review", "litigation_direct", "litigation_after_review"]
TABLE4_FIELDS = ["upheld", "corrected", "other", "pending", "total"]
TOP_KEYS = [
    "schema_version",
    "format",
    "template",
    "source",
    "metadata",
    "preamble",
    "sections",
    "table2",
    "table3",
    "table4",
    "notes",
    "provenance",
    "unplaced",
    "layout",
    "evidence",
    "lines",
]
METADATA_KEYS = [
    "title",
    "agency",
    "agency_kind",
    "year",
    "period_start",
    "period_end",
    "signature_agency",
    "signature_date",
    "publication_date",
    "source",
]


@pytest.mark.parametrize("sample", sorted(p.name for p in SAMPLES.glob("00*.txt")))
def test_extract_json_keys_match_report_keys(capsys: pytest.CaptureFixture[str], sample: str) -> None:
    assert run(["extract", str(SAMPLES / sample)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == TOP_KEYS
    assert list(data["metadata"]) == METADATA_KEYS
    assert data["format"] == "2021"
    assert {k: list(v) for k, v in data["table2"].items()} == TABLE2_KEYS
    assert list(data["table3"]) == TABLE3_ROWS
    assert all(list(cols) == TABLE3_COLUMNS for cols in data["table3"].values())
    assert list(data["table4"]) == TABLE4_GROUPS
    assert all(list(fields) == TABLE4_FIELDS for fields in data["table4"].values())
    for key in data["provenance"]:
        part, *rest = key.split(".")
        if part == "table3":
            assert rest[0] in TABLE3_ROWS and rest[1] in TABLE3_COLUMNS
