"""One agency-year reported by two documents (a page and its attachment, an original and its correction) is
summed once in the roll-ups and stands once in cross-year links; two that differ with nothing to choose
between them are summed in neither and wait for a reviewer."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from llm_extract.agency_years import marked_corrected
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document, run_batch
from llm_extract.schema import Report
from llm_extract.synth.render import render

from .test_crossyear import golden_report, next_year


def _rollup(out: Path, by: str, key: str, code: str = "applications_total") -> dict:
    db = sqlite3.connect(out / "records.sqlite")
    db.row_factory = sqlite3.Row
    row = db.execute('SELECT * FROM indicator_rollups WHERE "by"=? AND "key"=? AND code=?', (by, key, code)).fetchone()
    return dict(row)


def _queue(out: Path, rule: str) -> list[dict]:
    lines = (out / "review_queue.jsonl").read_text(encoding="utf-8").splitlines()
    return [item for item in map(json.loads, lines) if item["rules"] == [rule]]


def _write(folder: Path, name: str, report: Report, layout: str = "cells") -> None:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(render(report, layout), encoding="utf-8")


def _two_that_differ(golden_dir: Path, inputs: Path) -> Report:
    """a.txt and b.txt: one agency-year's reports, nothing marked corrected, b's 行政规范性文件 in force 40 (a's 51);
    returns a's report."""
    a = golden_report(golden_dir)
    b = a.model_copy(deep=True)
    b.active_disclosure.normative_documents.in_force = 40
    _write(inputs, "a.txt", a)
    _write(inputs, "b.txt", b)
    return a


def test_the_same_report_in_two_formats_is_summed_once_and_the_roll_ups_name_the_copy(golden_dir: Path,
                                                                                       tmp_path: Path) -> None:
    report = golden_report(golden_dir)                       # 红旗区人民政府 2021: 6 applications
    inputs, out = tmp_path / "in", tmp_path / "out"
    _write(inputs, "hq2021.txt", report, "tabrows")
    _write(inputs, "hq2021_page.txt", report, "cells")
    run_batch([inputs], out)
    for by, key in (("year", "2021"), ("agency", "红旗区人民政府")):
        row = _rollup(out, by, key)
        assert (row["numerator"], row["documents"], row["excluded"]) == (6, 1, 0)
        assert row["notes"] == "hq2021_page = hq2021 (the same report, counted once)"
    assert "hq2021_page = hq2021 (the same report, counted once)" in (out / "report.html").read_text(encoding="utf-8")
    assert _queue(out, "ROLLUP.SAME_REPORT") == []                 # nothing to review: the values are equal


def test_a_corrected_report_counts_and_stands_for_its_year_and_the_original_is_superseded(golden_dir: Path,
                                                                                          tmp_path: Path) -> None:
    right = golden_report(golden_dir)                         # 51 行政规范性文件 in force
    wrong = right.model_copy(deep=True)
    wrong.applications.new_received.natural_person = wrong.applications.new_received.total = 7
    wrong.applications.granted.natural_person = wrong.applications.granted.total = 1
    wrong.applications.total_processed.natural_person = wrong.applications.total_processed.total = 7
    wrong.active_disclosure.normative_documents.in_force = 40
    inputs, out = tmp_path / "in", tmp_path / "out"
    _write(inputs, "hq2021.txt", wrong)                       # first by name: it stood for 2021 before
    _write(inputs, "hq2021更正版.txt", right)
    _write(inputs, "hq2022.txt", next_year(right, agency="红旗区人民政府"))   # 51 + 2 − 1 = 52 in force
    run_batch([inputs], out)
    row = _rollup(out, "year", "2021")
    assert (row["numerator"], row["documents"], row["excluded"]) == (6, 1, 0)
    assert row["notes"] == "hq2021 superseded by hq2021更正版 (its corrected version)"
    assert _queue(out, "XYEAR.STOCK_NORMATIVE") == []         # 2022 is linked to the corrected 2021
    assert _queue(out, "ROLLUP.CONFLICT") == []


def test_two_reports_of_one_agency_year_that_differ_unmarked_are_summed_in_neither_until_a_reviewer_chooses(
        golden_dir: Path, tmp_path: Path) -> None:
    from llm_extract.review_store import DecisionRequest, ReviewStore

    inputs, out = tmp_path / "in", tmp_path / "out"
    a = _two_that_differ(golden_dir, inputs)
    _write(inputs, "hq2022.txt", next_year(a, agency="红旗区人民政府"))
    run_batch([inputs], out)
    row = _rollup(out, "year", "2021")
    assert (row["numerator"], row["documents"], row["excluded"]) == (None, 0, 2)
    assert row["notes"] == "a conflicts with b (not summed); b conflicts with a (not summed)"
    items = {i["doc_id"]: i for i in _queue(out, "ROLLUP.CONFLICT")}
    assert sorted(items) == ["a", "b"] and "also reported by b" in items["a"]["message"]
    assert _queue(out, "XYEAR.STOCK_NORMATIVE") == []         # 2021 is not known: 2022 is linked to neither

    ReviewStore(out).resolve([DecisionRequest(item_id=items["b"]["id"], value="keep")])   # b is right
    for _ in range(2):                                        # as decided, and after a rerun
        row = _rollup(out, "year", "2021")
        assert (row["numerator"], row["documents"], row["excluded"]) == (6, 1, 0)
        assert row["notes"] == "a superseded by b (a reviewer's choice)"
        assert _queue(out, "ROLLUP.CONFLICT") == []
        [stock] = _queue(out, "XYEAR.STOCK_NORMATIVE")        # 40 + 2 − 1 ≠ 52: now linked to b
        assert stock["doc_id"] == "hq2022"
        run_batch([inputs], out)


def test_a_corrected_report_is_told_by_its_file_name_title_or_heading_not_by_an_agency_named_for_renewal(
        golden_dir: Path) -> None:
    report = golden_report(golden_dir)
    plain = render(report, "cells")
    title = "红旗区人民政府2021年政府信息公开工作年度报告"
    assert plain.startswith(title + "\n")

    def marked(text: str, path: str = "in/a.txt") -> bool:
        rec = process_document(Document.from_text(text, doc_id="a")).to_json_dict()
        assert (rec["agency"], rec["year"]) == (report.agency, 2021) or "更新" in text
        return marked_corrected(rec | {"source": {"path": path}})

    assert not marked(plain)
    assert marked(plain, "in/红旗区2021年报（更正）.pdf")
    assert marked(plain.replace(title, title + "（更正版）", 1))
    assert marked(plain.replace(title, title + "\n（2022年3月修订）", 1))
    renewal = plain.replace("红旗区人民政府", "深圳市城市更新和土地整备局", 1)
    assert not marked(renewal)


def test_a_report_found_many_times_with_different_values_names_a_few_of_the_others(golden_dir: Path,
                                                                                   tmp_path: Path) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    for i in range(7):
        r = golden_report(golden_dir)
        r.active_disclosure.normative_documents.in_force = 40 + i
        _write(inputs, f"d{i}.txt", r)
    run_batch([inputs], out)
    row = _rollup(out, "year", "2021")
    assert (row["documents"], row["excluded"]) == (0, 7)
    message = {i["doc_id"]: i["message"] for i in _queue(out, "ROLLUP.CONFLICT")}["d0"]
    assert "also reported by d1, d2, d3, d4, d5 and 1 more with other values" in message


def test_a_conflict_kept_on_both_reports_stays_unsettled_and_says_so(golden_dir: Path, tmp_path: Path) -> None:
    from llm_extract.review_store import DecisionRequest, ReviewStore

    inputs, out = tmp_path / "in", tmp_path / "out"
    _two_that_differ(golden_dir, inputs)
    run_batch([inputs], out)
    ReviewStore(out).resolve([DecisionRequest(item_id=i["id"], value="keep") for i in _queue(out, "ROLLUP.CONFLICT")])
    row = _rollup(out, "year", "2021")
    assert (row["documents"], row["excluded"]) == (0, 2)       # accepting everything chose nothing
    assert sorted(i["doc_id"] for i in _queue(out, "ROLLUP.CONFLICT_KEPT_TWICE")) == ["a", "b"]


def test_two_copies_that_differ_only_where_one_is_not_trusted_are_the_same_report(golden_dir: Path,
                                                                                   tmp_path: Path) -> None:
    """The PDF attached to a page, one cell misread and so disputed there: the copies agree on every value both
    vouch for, so they are one report, and the copy with more trusted fields counts."""
    from llm_extract.outputs import dumps, read_json
    from llm_extract.pipeline import rebuild_outputs

    report = golden_report(golden_dir)
    inputs, out = tmp_path / "in", tmp_path / "out"
    _write(inputs, "page.txt", report, "tabrows")
    _write(inputs, "pdf.txt", report, "cells")
    run_batch([inputs], out)
    pdf = out / "records" / "pdf.json"
    rec = read_json(pdf)
    rec["active_disclosure"]["normative_documents"]["in_force"] = 57
    rec["provenance"]["active_disclosure.normative_documents.in_force"]["status"] = "disputed"
    rec["status_counts"]["proven"] -= 1
    pdf.write_text(dumps(rec), encoding="utf-8")
    rebuild_outputs(out)
    row = _rollup(out, "year", "2021")
    assert (row["numerator"], row["documents"], row["excluded"]) == (6, 1, 0)
    assert row["notes"] == "pdf = page (the same report, counted once)"
    assert _queue(out, "ROLLUP.CONFLICT") == []
