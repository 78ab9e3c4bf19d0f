"""A record's JSON is built by hand on the hot path: it stays exactly the generic dump."""

from __future__ import annotations

from dataclasses import fields
from decimal import Decimal
from pathlib import Path

from llm_extract.evidence import CellKind, FieldProvenance, Status
from llm_extract.ingest import load
from llm_extract.pipeline import process_document


def _generic(v: FieldProvenance) -> dict:
    return v.model_dump(mode="json", exclude_defaults=True) | {"status": v.status.value}


def test_the_fast_provenance_dump_is_the_generic_one_for_every_field_of_the_sample_reports(
        seed_paths: list[Path]) -> None:
    seen = 0
    for path in seed_paths:
        for prov in process_document(load(path)).provenance.values():
            assert prov.json_dict() == _generic(prov)
            assert list(prov.json_dict()) == list(_generic(prov))          # same key order: same bytes
            seen += 1
    assert seen > 1000


def test_the_fast_provenance_dump_knows_every_field() -> None:
    full = FieldProvenance(status=Status.RESOLVED, source="model", method="tab-row", kind=CellKind.OCR, raw="1O",
                           lines=[3, 4], rules=["T3.ROW_SUM"], candidates={"regex": 10, "fee": Decimal("94.0121")},
                           note="note", grounding={"status": "exact", "lines": [3], "text": "10"})
    assert set(full.json_dict()) == {f.name for f in fields(FieldProvenance)}   # a new field must be added there
    assert full.json_dict() == _generic(full)
    bare = FieldProvenance(status=Status.MISSING)
    assert bare.json_dict() == _generic(bare) == {"status": "missing"}
