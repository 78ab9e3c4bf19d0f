"""A lost cell pinned to a value its row never printed: the identities that pinned it prove nothing.

A PDF table with narrow number columns wraps 1643 as ``164`` over ``3``. Read line by line, the first pieces
(``三、 164 0 0 0 0 0 164``, beside the group's title) go to the row above, and 予以公开 keeps the last ones with
empty cells between (``3 — — — — — 3``: its row sum holds by chance). 部分公开's line then has too many numbers
(its own and the next row's) and is lost; the identities pin it to 1958 (1640 too many), a value none of its
printed numbers holds. The column sum that pinned it holds only through that value, so it proves none of its
cells: 予以公开's 3 must not come out proven (``DERIVE.UNPRINTED``), nor its empty cells.
"""

from __future__ import annotations

from llm_extract.evidence import CellKind, Reading, Status
from llm_extract.extract import extract_regex
from llm_extract.ingest import Document
from llm_extract.schema import TABLE3_ROW_PATHS, Report
from llm_extract.synth import render
from verify import verify_extraction

_ROWS = {"granted": 1643, "partially_granted": 318, "denied_state_secret": 21}


def _report() -> Report:
    """Every identity holds: three rows of 自然人 applications, all of them new and all closed."""
    values: dict[str, object] = {"agency": "某某区人民政府", "year": 2023}
    for row, paths in TABLE3_ROW_PATHS.items():
        for p in paths:
            values[p] = 0
    for row, n in _ROWS.items():
        values[f"applications.{row}.natural_person"] = values[f"applications.{row}.total"] = n
    total = sum(_ROWS.values())
    for row in ("new_received", "total_processed"):
        values[f"applications.{row}.natural_person"] = values[f"applications.{row}.total"] = total
    return Report.from_values("x", values)


def _record(partial_raw: str, granted: tuple[str, str] = ("3", "3")):
    """The report read from tab rows, then 予以公开 read as ``granted`` with five empty cells between, and
    部分公开 lost with ``partial_raw`` printed on its line(s)."""
    extraction = extract_regex(Document.from_text(render(_report(), "tabrows"), doc_id="x"))
    readings = dict(extraction.readings)
    first, last = granted
    for j, p in enumerate(TABLE3_ROW_PATHS["granted"]):
        raw = first if j == 0 else last if j == 6 else ""
        readings[p] = Reading(value=int(raw) if raw else None, kind=CellKind.NUMBER if raw else CellKind.BLANK,
                              raw=raw, lines=[40], method="test")
    for p in TABLE3_ROW_PATHS["partially_granted"]:
        readings[p] = Reading(kind=CellKind.MISSING, raw=partial_raw, lines=[41, 42], method="test",
                              note="14 numbers for 7 columns")
    return verify_extraction(extraction.model_copy(update={"readings": readings}))


def test_a_row_read_from_wrapped_pieces_is_not_proven_when_the_pin_is_printed_nowhere() -> None:
    record = _record("318 0 0 0 0 0 318 21 0 0 0 0 0 21")
    assert record.report.get("applications.partially_granted.total") == 1958       # pinned, not printed
    assert record.provenance["applications.partially_granted.total"].status is Status.DERIVED
    for p in TABLE3_ROW_PATHS["granted"]:
        prov = record.provenance[p]
        assert prov.status is Status.UNVERIFIED and "DERIVE.UNPRINTED" in prov.rules, p
    assert any(f.code == "DERIVE.UNPRINTED" and f.paths == ["applications.partially_granted.total"]
               for f in record.findings)


def test_no_wrong_value_comes_out_proven() -> None:
    record = _record("318 0 0 0 0 0 318 21 0 0 0 0 0 21")
    truth = _report()
    for p, prov in record.provenance.items():
        if prov.status is Status.PROVEN:
            assert record.report.get(p) == truth.get(p), p


def test_a_pin_among_the_printed_numbers_proves_as_before() -> None:
    """予以公开 read whole: 部分公开 pinned to 318, one of the numbers on its line(s)."""
    record = _record("318 0 0 0 0 0 318 21 0 0 0 0 0 21", granted=("1643", "1643"))
    assert record.report.get("applications.partially_granted.total") == 318
    assert record.provenance["applications.granted.natural_person"].status is Status.PROVEN
    assert not any(f.code == "DERIVE.UNPRINTED" for f in record.findings)


def test_a_row_that_printed_fewer_numbers_than_cells_may_pin_an_unprinted_one() -> None:
    """部分公开's line printed fewer numbers than the row has cells (a cell lost with its number): a pinned value
    its line lacks may be that lost cell's, no sign of a misread elsewhere."""
    record = _record("0 0 0 0 0 318", granted=("1643", "1643"))
    assert record.provenance["applications.granted.natural_person"].status is Status.PROVEN
    assert not any(f.code == "DERIVE.UNPRINTED" for f in record.findings)


def test_the_empty_cells_of_a_row_an_identity_disputes_are_not_proven() -> None:
    """予以公开 read as ``3 — — — — — 3`` and 部分公开 read whole: the column sums break, 予以公开's 3s are disputed,
    and its empty cells (its lost 0s, perhaps) are unverified, not proven null (``READ.BLANK_IN_BROKEN_ROW``)."""
    extraction = extract_regex(Document.from_text(render(_report(), "tabrows"), doc_id="x"))
    readings = dict(extraction.readings)
    for j, p in enumerate(TABLE3_ROW_PATHS["granted"]):
        raw = "3" if j in (0, 6) else ""
        readings[p] = Reading(value=int(raw) if raw else None, kind=CellKind.NUMBER if raw else CellKind.BLANK,
                              raw=raw, lines=[40], method="test")
    record = verify_extraction(extraction.model_copy(update={"readings": readings}))
    assert record.provenance["applications.granted.total"].status is Status.DISPUTED
    for p in TABLE3_ROW_PATHS["granted"][1:6]:
        assert record.provenance[p].status is Status.UNVERIFIED, p
        assert "READ.BLANK_IN_BROKEN_ROW" in record.provenance[p].rules
    assert record.provenance["applications.partially_granted.commercial"].status is Status.PROVEN
