"""The CSV outputs are written without the csv module per field (a document's lines are made in one
pass in a worker); every line is exactly what ``csv.writer`` (QUOTE_MINIMAL, CRLF) writes for it,
whatever a document holds: commas, quotes, line breaks, spaces, markup, empty text."""

from __future__ import annotations

import csv
import io
import random
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from llm_extract.export.csv_tables import as_text, csv_field, fields_csv_text, records_csv_text
from llm_extract.export.fields import QUEUED_STATUSES, field_rows
from llm_extract.outputs import read_json

_ALPHABET = ['a', 'Z', '0', ' ', ',', '"', '\r', '\n', '\t', ';', "'", '=', '局', '\u3000', '\\', '|', '<', '']


def _csv(lines: list[list[Any]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(lines)
    return buf.getvalue()


def _strings(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_ALPHABET) for _ in range(rng.randrange(0, 7))) for _ in range(n)]


@pytest.mark.parametrize("seed", range(5))
def test_a_field_is_what_the_csv_module_writes_for_it(seed: int) -> None:
    values: list[Any] = _strings(400, seed) + [None, 0, 17, Decimal("94.0121"), "", " ", '"', "a,b", "x\r\ny"]
    for i in range(0, len(values) - 3, 3):
        line = values[i:i + 3]
        assert ",".join(map(csv_field, line)) + "\r\n" == _csv([line])


def _hostile_record(seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    words = _strings(50, seed)
    rec: dict[str, Any] = {"doc_id": rng.choice(["004", "a,b", 'q"1', "x\ny", "plain"]), "agency": rng.choice(words),
                           "year": 2021, "active_disclosure": {"fees_10k_yuan": Decimal("94.0121"),
                                                               "licensing": 3},
                           "applications": {"granted": {"total": 5, "natural_person": None}},
                           "provenance": {}}
    for path in ("agency", "year", "active_disclosure.licensing", "applications.granted.total",
                 "applications.granted.natural_person", "active_disclosure.fees_10k_yuan"):
        rec["provenance"][path] = {"status": rng.choice(["proven", "pinned", "derived", "reviewed", "we,ird\"", ""]),
                                   "source": rng.choice([None, "regex", "mo,del", 'a"b']),
                                   "rules": rng.sample(["T3.ROW_SUM", "R,1", 'Q"', "x\ny"], rng.randrange(0, 3)),
                                   "lines": rng.sample(range(1, 9), rng.randrange(0, 4)) * 2}
    return rec


def _golden_record(golden_dir: Path) -> dict[str, Any]:
    rec = read_json(next(golden_dir.glob("*.json")))
    rec["provenance"] = {p: {"status": "proven", "source": "regex", "rules": [], "lines": [3, 1, 3]}
                         for p in ("agency", "year", "applications.granted.total")}
    return rec


@pytest.mark.parametrize("seed", [*range(8), "golden"])
def test_a_documents_csv_lines_are_those_of_the_csv_module(seed: int | str, golden_dir: Path) -> None:
    rows = field_rows(_golden_record(golden_dir) if seed == "golden" else _hostile_record(int(seed)))
    # (a text a spreadsheet would run as a formula is written with an apostrophe before it: as_text)
    reference_fields = _csv([[as_text(r.doc_id), r.path, r.table, r.row, r.column or "", as_text(r.text or ""), r.status,
                              r.source or "", " ".join(r.rules), " ".join(map(str, r.lines))] for r in rows])
    statuses = [r.status for r in rows]
    reference_record = [as_text(rows[0].doc_id), 1, "", statuses.count("proven"), statuses.count("pinned"),
                        statuses.count("reviewed"), sum(1 for s in statuses if s in QUEUED_STATUSES)]
    for r in rows:
        reference_record += [as_text(r.text or ""), r.status]
    assert fields_csv_text(rows) == reference_fields
    assert records_csv_text(rows) == _csv([reference_record])
