"""Split-number diagnosis: "1 0" for 10, "10" for two cells; a suggestion for review, never applied."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from llm_extract.evidence import CellKind, Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.review import review_items
from llm_extract.schema import APPLICANT_COLUMNS, APPLICATION_ROWS, Report
from llm_extract.synth.render import render
from verify.rules import RULES
from verify.split import diagnose_record, diagnose_row, join_candidates, unmerge_candidates


def row(name: str, values: list[int | None]) -> dict[str, int | None]:
    return {f"applications.{name}.{c}": v for c, v in zip(APPLICANT_COLUMNS, values)}


ZERO = [0] * 7
#: a 表三 whose new_received row is the one under diagnosis: 10 natural persons, 2 companies
CONTEXT = (row("carried_over", ZERO) | row("total_processed", [10, 2, 0, 0, 0, 0, 12])
           | row("carried_forward", ZERO))


def test_joins_are_only_between_adjacent_tokens_and_never_make_a_leading_zero() -> None:
    got = [values for values, _ in join_candidates(["1", "0", "0", "0", "0", "0", "0", "10"])]
    assert got == [[10, 0, 0, 0, 0, 0, 10]]


def test_unmerges_split_inside_one_token_without_a_leading_zero() -> None:
    got = sorted(values for values, _ in unmerge_candidates(["10", "0", "0", "0", "0", "105"]))
    assert got == [[1, 0, 0, 0, 0, 0, 105], [10, 0, 0, 0, 0, 10, 5]]


def test_a_split_ten_is_joined_when_every_identity_holds_with_it() -> None:
    (f,) = diagnose_row("new_received", ["1", "0", "2", "0", "0", "0", "0", "12"], CONTEXT, lines=[34])
    assert (f.code, f.severity) == ("SPLIT.JOIN", "warning")
    assert f.detail["suggested"] == row("new_received", [10, 2, 0, 0, 0, 0, 12])
    assert any(e.startswith("T3.ROW_SUM [new_received]") for e in f.detail["evidence"])
    assert any(e.startswith("T3.BALANCE [natural_person]") for e in f.detail["evidence"])
    assert f.detail["groups"][0] == [0, 1] and f.detail["lines"] == [34]
    assert "SPLIT.JOIN" in RULES


def test_nothing_is_suggested_when_no_join_makes_the_row_hold() -> None:
    assert diagnose_row("new_received", ["1", "0", "2", "0", "0", "0", "0", "13"], CONTEXT) == []


def test_nothing_is_suggested_when_two_joins_fit_and_one_is_suggested_when_the_columns_decide() -> None:
    tokens = ["1", "1", "0", "0", "0", "0", "0", "11"]      # 11 | 0 … or 1 | 10 …: both add up to 11
    assert diagnose_row("new_received", tokens, {}) == []
    context = (row("carried_over", ZERO) | row("carried_forward", ZERO)
               | row("total_processed", [11, 0, 0, 0, 0, 0, 11]))
    (f,) = diagnose_row("new_received", tokens, context)
    assert f.detail["suggested"]["applications.new_received.natural_person"] == 11


def test_a_known_cell_that_breaks_every_join_stops_the_suggestion() -> None:
    context = CONTEXT | row("total_processed", [9, 2, 0, 0, 0, 0, 11])
    assert diagnose_row("new_received", ["1", "0", "2", "0", "0", "0", "0", "12"], context) == []


def test_two_cells_merged_into_one_number_are_unmerged() -> None:
    context = row("carried_over", ZERO) | row("carried_forward", ZERO) | row("total_processed", [1, 0, 0, 0, 0, 0, 1])
    (f,) = diagnose_row("new_received", ["10", "0", "0", "0", "0", "1"], context)
    assert (f.code, f.severity) == ("SPLIT.UNMERGE", "warning")
    assert f.detail["suggested"] == row("new_received", [1, 0, 0, 0, 0, 0, 1]) and f.detail["splits"] == [[0, 1]]


def test_nothing_is_unmerged_when_no_split_makes_the_row_hold() -> None:
    context = row("carried_over", ZERO) | row("carried_forward", ZERO) | row("total_processed", [1, 0, 0, 0, 0, 0, 1])
    assert diagnose_row("new_received", ["10", "0", "0", "0", "0", "2"], context) == []


@pytest.mark.parametrize("tokens", [["1", "0", "0", "0", "0", "0", "1"],
                                    ["1O", "0", "0", "0", "0", "0", "0", "10"], []])
def test_rows_of_seven_and_non_digit_tokens_are_left_alone(tokens: list[str]) -> None:
    assert diagnose_row("new_received", tokens, CONTEXT) == []


def test_diagnosis_changes_no_value() -> None:
    known = dict(CONTEXT)
    diagnose_row("new_received", ["1", "0", "2", "0", "0", "0", "0", "12"], known)
    assert known == CONTEXT


# ── the acceptance fixture: a tab-row 表三 whose "10" became "1 0" ─────────────────

def _report(golden_dir: Path) -> Report:
    golden = json.loads((golden_dir / "003_d677def7845cc038.json").read_text(encoding="utf-8"))
    report = Report.model_validate({k: v for k, v in golden.items() if k in Report.model_fields})
    a = report.applications
    a.new_received.natural_person, a.new_received.commercial, a.new_received.total = 10, 2, 12
    a.partially_granted.commercial, a.partially_granted.total = 2, 2
    a.unavailable_not_held.natural_person, a.unavailable_not_held.total = 7, 7
    a.total_processed.natural_person, a.total_processed.commercial, a.total_processed.total = 10, 2, 12
    return report


def _split_ten(text: str, sep: str, drop_carried_over: bool = False) -> list[str]:
    lines = text.split("\n")
    i = next(n for n, line in enumerate(lines) if line.startswith("一、本年新收"))
    assert "\t10\t2\t" in lines[i]
    lines[i] = lines[i].replace("\t10\t", f"\t1{sep}0\t", 1)
    if drop_carried_over:
        j = next(n for n, line in enumerate(lines) if line.startswith("二、上年结转"))
        lines[j] = lines[j].split("\t")[0]
    return lines


@pytest.mark.parametrize("sep", [" ", "\t"], ids=["space-in-cell", "extra-tab"])
def test_a_tab_row_with_a_split_ten_gets_the_join_suggested_and_not_applied(golden_dir: Path, sep: str) -> None:
    lines = _split_ten(render(_report(golden_dir), "tabrows"), sep)
    record = process_document(Document.from_text("\n".join(lines), doc_id="split"))
    path = "applications.new_received.natural_person"
    prov = record.provenance[path]
    assert prov.kind == CellKind.MISSING and prov.raw == "1 0 2 0 0 0 0 12"   # not read as 10 (nor as 0)
    assert prov.status != Status.PROVEN                                        # a person looks at it
    (f,) = [f for f in record.findings if f.code.startswith("SPLIT.")]
    assert f.code == "SPLIT.JOIN" and f.detail["suggested"][path] == 10
    assert f.detail["suggested"]["applications.new_received.total"] == 12
    assert diagnose_record(record) == [f] and record.provenance[path] == prov   # diagnosing again changes nothing


def test_a_split_ten_beside_a_dropped_row_is_derived_with_it_and_both_wait_for_review(golden_dir: Path) -> None:
    """The reader offers every join of the split row; the only one its total allows, with 表三's balance,
    pins the split row and the row the text dropped: derived, never proven, and queued."""
    lines = _split_ten(render(_report(golden_dir), "tabrows"), " ", drop_carried_over=True)
    doc = Document.from_text("\n".join(lines), doc_id="split-open")
    record = process_document(doc)
    path = "applications.new_received.natural_person"
    assert record.report.get(path) == 10 and record.provenance[path].status == Status.DERIVED
    assert record.report.get("applications.carried_over.natural_person") == 0
    assert record.provenance["applications.carried_over.natural_person"].status == Status.DERIVED
    queued = {i.path for i in review_items(record, doc.lines)}
    assert {path, "applications.carried_over.natural_person"} <= queued


def test_seed_rows_missing_a_cell_get_no_split_suggestion(golden_dir: Path) -> None:
    from llm_extract.ingest import load

    record = process_document(load(golden_dir / "002_0126e23b7202ee31.txt"))
    assert record.provenance["applications.new_received.natural_person"].raw == "0 0 0 0 0 6"
    assert diagnose_record(record) == []


def test_a_join_is_not_suggested_when_leaving_one_number_out_holds_as_well() -> None:
    """``6 0 0 1 0 0 7 23``: ``1 0`` → 10 adds up to 23, but so do the first seven without 23 (a converter's
    hidden cell, a 序号 printed after the row): which one the row is, nothing here says."""
    assert diagnose_row("unavailable_not_held", ["6", "0", "0", "1", "0", "0", "7", "23"], {}) == []


def _hidden_cell_report(golden_dir: Path) -> Report:
    """Golden 003 with 本机关不掌握相关政府信息 = 6 0 0 1 0 0 7, the totals rows kept adding up."""
    report = _report(golden_dir)
    a = report.applications
    a.unavailable_not_held.natural_person, a.unavailable_not_held.social_org, a.unavailable_not_held.total = 6, 1, 7
    for c in APPLICANT_COLUMNS:          # 总计 and 本年新收 follow: the table's identities hold
        processed = sum(getattr(getattr(a, r), c) or 0 for r in APPLICATION_ROWS[2:-2])
        setattr(a.total_processed, c, processed)
        setattr(a.new_received, c, processed + (getattr(a.carried_forward, c) or 0)
                - (getattr(a.carried_over, c) or 0))
    return report


def _with_hidden_cell(text: str, drop_totals: bool = False) -> str:
    """The row with a number after its seven cells; ``drop_totals``: the rows its columns add up in printed
    without cells, so that only the row's own total checks it."""
    lines = text.split("\n")
    i = next(n for n, line in enumerate(lines) if "本机关不掌握相关政府信息" in line)
    assert lines[i].endswith("\t6\t0\t0\t1\t0\t0\t7")
    lines[i] += "\t23"
    if drop_totals:
        for start in ("一、本年新收", "二、上年结转", "（七）总计", "四、结转下年度"):
            j = next(n for n, line in enumerate(lines) if line.startswith(start))
            lines[j] = lines[j].split("\t")[0]
    return "\n".join(lines)


def test_a_number_after_a_rows_seven_cells_is_left_out_when_the_columns_say_so(golden_dir: Path) -> None:
    report = _hidden_cell_report(golden_dir)
    record = process_document(Document.from_text(_with_hidden_cell(render(report, "tabrows")), doc_id="hidden"))
    for c in APPLICANT_COLUMNS:
        path = f"applications.unavailable_not_held.{c}"
        assert record.report.get(path) == report.get(path), path
        # placed by the identities, not read as printed: pinned (the 6, the 1, the 7) or derived (the 0s: the line
        # printed a number no cell took, so which 0 it lost, if any, no identity tells)
        assert record.provenance[path].status == (Status.PINNED if report.get(path) else Status.DERIVED)


def test_a_row_read_both_ways_by_its_own_total_stays_missing_when_nothing_else_decides(golden_dir: Path) -> None:
    text = _with_hidden_cell(render(_hidden_cell_report(golden_dir), "tabrows"), drop_totals=True)
    record = process_document(Document.from_text(text, doc_id="hidden-open"))
    for c in APPLICANT_COLUMNS:
        prov = record.provenance[f"applications.unavailable_not_held.{c}"]
        assert prov.status not in (Status.PROVEN, Status.DERIVED), c
    assert not [f for f in record.findings if f.code == "SPLIT.JOIN"]
