"""verify.bounds: counts are never negative, so the cells read cap the cells lost, and a reading that puts a number
above its cell's cap is no reading of the table (an OCR line running two cells together: ``64`` ``237`` → ``64237``)."""

from __future__ import annotations

from llm_extract.evidence import Ambiguity
from verify import derive
from verify.bounds import upper_bounds
from verify.identities import equations_by_path

from .test_identities import consistent

COLS = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")
TOTAL_ROW = [f"applications.total_processed.{c}" for c in COLS]


def test_a_lost_cell_is_capped_by_the_cells_read_and_caps_carry_from_identity_to_identity() -> None:
    v = consistent()
    lost = ["applications.total_processed.commercial", "applications.granted.commercial"]
    for p in lost:
        del v[p]
    caps = upper_bounds(v, equations_by_path())
    # (七)总计 of a column is at most its 一 + 二 (the balance, 四 never negative) ...
    assert caps["applications.total_processed.commercial"] <= (v["applications.new_received.commercial"] or 0) \
        + (v["applications.carried_over.commercial"] or 0)
    # ... and an outcome cell at most what its row's total and its column's (七)总计 leave room for
    assert caps["applications.granted.commercial"] <= caps["applications.total_processed.commercial"]
    assert all(cap >= 0 for cap in caps.values())
    assert all(p not in caps for p in v)          # a cell read is read: only lost cells are capped


def test_readings_of_a_row_that_put_a_number_above_its_cap_are_dropped_and_the_identities_pin_the_row() -> None:
    v = consistent()
    row = lambda r: [f"applications.{r}.{c}" for c in COLS]  # noqa: E731
    truth = [v.pop(p) for p in TOTAL_ROW]
    forward = [v.pop(p) for p in row("carried_forward")]
    other = [v.pop(p) for p in row("other_other")]
    # OCR read (七)总计 as "5 0 0 0 5005": two cells run together, two lost; every place for the lost ones is offered;
    # 四 and （六）3.其他 are each read two ways (a 1 placed first or last): 12 combinations, over a search cap of 4
    groups = [Ambiguity(paths=TOTAL_ROW, reason="5 numbers for 7 columns",
                        options=[[5, 0, 0, 0, 5005, None, None], [5, 0, 0, 0, None, 5005, None],
                                 [5, 0, 0, 0, None, None, 5005]]),
              Ambiguity(paths=row("carried_forward"), options=[forward, [0, 0, 0, 0, 0, 1, 1]], reason="two ways"),
              Ambiguity(paths=row("other_other"), options=[other, [0, 0, 0, 0, 0, 1, 1]], reason="two ways")]
    d = derive(v, set(), groups, search_cap=4)
    # no column's 一 + 二 leaves room for 5005: none of them is the row, whose cells the identities pin, and the
    # search left is small enough to finish
    assert not d.capped
    assert [d.values.get(p) for p in TOTAL_ROW] == truth
    assert [d.values.get(p) for p in row("carried_forward")] == forward
    assert [d.values.get(p) for p in row("other_other")] == other


def test_a_reading_within_its_caps_is_kept_for_the_identities_to_choose() -> None:
    v = consistent()
    truth = [v.pop(p) for p in TOTAL_ROW]
    d = derive(v, set(), [Ambiguity(paths=TOTAL_ROW, options=[truth], reason="read")])
    assert [d.values.get(p) for p in TOTAL_ROW] == truth
