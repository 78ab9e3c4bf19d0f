"""The five seed reports come back exactly as their golden files say, with the right statuses."""

from __future__ import annotations

from pathlib import Path

import pytest

from llm_extract.compare import compare_dirs
from llm_extract.evidence import Status
from llm_extract.ingest import load
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document, run_batch

SEED_002 = "002_0126e23b7202ee31"
_COLUMNS = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")
#: 一、本年新收 printed 0 0 0 0 0 6 under seven columns: each cell forced by its column's balance, the lost one a 6
PINNED_IN_002 = {f"applications.new_received.{col}" for col in _COLUMNS}
#: three rows of the results, each with a lost cell: placed by the order the text kept (and two lost a 0, or a blank)
DERIVED_IN_002 = {f"applications.{row}.{col}" for row in ("granted", "partially_granted", "other_unpaid_fee")
                  for col in _COLUMNS}
LOST_IN_002 = PINNED_IN_002 | DERIVED_IN_002


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory: pytest.TempPathFactory, golden_dir: Path) -> Path:
    out = tmp_path_factory.mktemp("out")
    run_batch([golden_dir], out)
    return out


def test_every_seed_field_matches_golden_strictly(seed_run: Path, golden_dir: Path) -> None:
    cmp = compare_dirs(seed_run, golden_dir)
    assert cmp.fields == 5 * 202
    assert [(d.doc_id, d.path, d.expected, d.got) for d in cmp.differences] == []
    assert cmp.accuracy == 1.0


@pytest.mark.parametrize("stem", ["000_38ec84bebc7328d3", "001_486c4dbf7b9bad2b", "003_d677def7845cc038",
                                  "004_70fa07ff4f3c9aaf"])
def test_clean_seeds_have_every_field_proven(golden_dir: Path, stem: str) -> None:
    record = process_document(load(golden_dir / f"{stem}.txt"))
    assert {p: v.status for p, v in record.provenance.items() if v.status != Status.PROVEN} == {}


def test_seed_002_lost_cells_are_pinned_or_derived_and_everything_else_proven(golden_dir: Path) -> None:
    record = process_document(load(golden_dir / f"{SEED_002}.txt"))
    assert {p for p, v in record.provenance.items() if v.status == Status.PINNED} == PINNED_IN_002
    assert {p for p, v in record.provenance.items() if v.status == Status.DERIVED} == DERIVED_IN_002
    assert all(v.status == Status.PROVEN for p, v in record.provenance.items() if p not in LOST_IN_002)
    assert record.report.applications.new_received.natural_person == 6
    assert record.report.applications.partially_granted.natural_person == 4
    prov = record.provenance["applications.new_received.natural_person"]
    assert "DERIVE.PINNED" in prov.rules and prov.raw == "0 0 0 0 0 6"


def test_seed_002_derived_cells_are_in_the_review_queue_with_their_source_lines(seed_run: Path) -> None:
    queue = [item for item in (read_json(seed_run / "records" / f"{SEED_002}.json"))["review"]]
    by_path = {item["path"]: item for item in queue}
    assert set(by_path) == DERIVED_IN_002          # the pinned ones are not
    item = by_path["applications.granted.natural_person"]
    assert item["status"] == "derived" and item["value"] == 0
    assert item["source_lines"][0]["n"] == 36
    assert "予以公开" in item["source_lines"][0]["text"]


def test_clean_seeds_put_nothing_in_the_review_queue(seed_run: Path) -> None:
    for rec_path in (seed_run / "records").glob("*.json"):
        if rec_path.stem != SEED_002:
            assert read_json(rec_path)["review"] == [], rec_path.stem
