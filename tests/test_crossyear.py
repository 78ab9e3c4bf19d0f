"""Cross-year links: last year's carried-forward is this year's carried-over; 表二 stocks flow."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from llm_extract.evidence import Record, Status
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document, run_batch
from llm_extract.schema import Report
from llm_extract.synth.render import render
from verify.crossyear import agency_key, check_cross_year
from verify.rules import RULES

SEED_002 = "002_0126e23b7202ee31"   # 红旗区人民政府 2021: 行政规范性文件 5 issued, 2 repealed, 51 in force


def golden_report(golden_dir: Path, stem: str = SEED_002) -> Report:
    data = json.loads((golden_dir / f"{stem}.json").read_text(encoding="utf-8"))
    return Report.model_validate({k: v for k, v in data.items() if k in Report.model_fields})


def as_record(report: Report, doc_id: str, layout: str = "cells") -> Record:
    """The report as a document, extracted and verified: a record with real provenance."""
    return process_document(Document.from_text(render(report, layout), doc_id=doc_id))


def next_year(report: Report, agency: str = "红旗区", year: int = 2022) -> Report:
    """A consistent following year: two applications carried over, 2 issued + 1 repealed documents."""
    r = report.model_copy(deep=True)
    r.agency, r.year = agency, year
    a = r.applications
    for row in (a.new_received, a.total_processed, a.carried_forward):
        for c in ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total"):
            setattr(row, c, 0)
    a.new_received.natural_person = a.new_received.total = 3
    a.carried_over.natural_person = a.carried_over.total = 0
    a.granted.natural_person = a.granted.total = 3
    for row in ("partially_granted", "unavailable_not_held", "other_unpaid_fee"):
        for c in ("natural_person", "total"):
            setattr(getattr(a, row), c, 0)
    a.total_processed.natural_person = a.total_processed.total = 3
    r.active_disclosure.normative_documents.issued = 2
    r.active_disclosure.normative_documents.repealed = 1
    r.active_disclosure.normative_documents.in_force = 52
    return r


@pytest.mark.parametrize("a, b", [
    ("红旗区人民政府", "红旗区"), ("红旗区 人民政府", "红旗区人民政府"), ("哈尔滨市阿城区交界街道办事处", "哈尔滨市阿城区交界街道"),
    ("哈尔滨市阿城区交界街道办", "哈尔滨市阿城区交界街道办事处"), ("方正县会发镇人民政府", "方正县会发镇"),
    ("新乡市牧野区人民政府", "新乡市牧野区"), ("２０２１年度红旗区人民政府", "红旗区"),
    ("红旗区人民政府办公室", "红旗区政府办公室"), ("红旗区政府办", "红旗区人民政府办公室"),
])
def test_agency_names_match_across_naming_variants(a: str, b: str) -> None:
    assert agency_key(a) == agency_key(b)


def test_different_agencies_keep_different_keys() -> None:
    assert agency_key("红旗区人民政府办公室") != agency_key("红旗区人民政府")
    assert agency_key("牧野区") != agency_key("红旗区")
    assert agency_key("红旗区政府办") != agency_key("红旗区政府")       # the government's office is not the government


def test_consistent_consecutive_years_raise_nothing(golden_dir: Path) -> None:
    this = golden_report(golden_dir)
    records = [as_record(this, "hq-2021"), as_record(next_year(this), "hq-2022")]
    assert check_cross_year(records) == []


def test_carried_over_differing_from_last_years_carried_forward_is_a_warning_per_column(golden_dir: Path) -> None:
    this = golden_report(golden_dir)
    later = next_year(this)
    a = later.applications
    a.carried_over.natural_person = a.carried_over.total = 1          # 2021 carried nothing forward
    a.total_processed.natural_person = a.total_processed.total = 4
    a.granted.natural_person = a.granted.total = 4
    got = check_cross_year([as_record(later, "hq-2022"), as_record(this, "hq-2021")])
    assert [(doc, f.code, f.severity, f.paths, f.expected, f.actual) for doc, f in got] == [
        ("hq-2022", "XYEAR.CARRY", "warning", ["applications.carried_over.natural_person"], 0, 1),
        ("hq-2022", "XYEAR.CARRY", "warning", ["applications.carried_over.total"], 0, 1),
    ]
    assert got[0][1].detail["previous_doc"] == "hq-2021" and "XYEAR.CARRY" in RULES


def test_a_stock_that_does_not_flow_is_a_warning(golden_dir: Path) -> None:
    this = golden_report(golden_dir)
    later = next_year(this)
    later.active_disclosure.normative_documents.in_force = 60        # 51 + 2 − 1 = 52
    later.active_disclosure.regulations.issued = 1                   # 0 + 1 − 0 = 1, but 0 in force
    got = check_cross_year([as_record(this, "hq-2021"), as_record(later, "hq-2022")])
    assert sorted((f.code, f.expected, f.actual) for _, f in got) == [
        ("XYEAR.STOCK_NORMATIVE", 52, 60), ("XYEAR.STOCK_REGULATIONS", 1, 0)]


def test_only_consecutive_years_of_one_agency_are_linked(golden_dir: Path) -> None:
    this = golden_report(golden_dir)
    broken = next_year(this, year=2023)
    broken.applications.carried_over.total = 5
    other = next_year(this, agency="牧野区")
    other.active_disclosure.normative_documents.in_force = 99
    assert check_cross_year([as_record(this, "hq-2021"), as_record(broken, "hq-2023"),
                             as_record(other, "my-2022")]) == []


def test_a_short_name_shared_by_two_agencies_links_neither(golden_dir: Path) -> None:
    this = golden_report(golden_dir)
    this.agency = "向阳区"
    a = next_year(this, agency="鹤岗市向阳区")
    a.active_disclosure.normative_documents.in_force = 99
    b = next_year(this, agency="佳木斯市向阳区")
    b.active_disclosure.normative_documents.in_force = 98
    assert check_cross_year([as_record(this, "x-2021"), as_record(a, "a-2022"), as_record(b, "b-2022")]) == []
    assert len(check_cross_year([as_record(this, "x-2021"), as_record(a, "a-2022")])) == 1


def test_cells_that_were_not_read_are_not_compared(golden_dir: Path) -> None:
    this = golden_report(golden_dir)
    rec_later = as_record(next_year(this), "hq-2022")
    path = "applications.carried_over.total"
    rec_later.report.set(path, 7)                                    # 2021 carried 0 forward
    assert [f.paths for _, f in check_cross_year([as_record(this, "hq-2021"), rec_later])] == [[path]]
    rec_later.provenance[path] = rec_later.provenance[path].model_copy(update={"status": Status.MISSING})
    assert check_cross_year([as_record(this, "hq-2021"), rec_later]) == []


def test_a_batch_puts_cross_year_warnings_in_the_review_queue_and_summary_once(golden_dir: Path,
                                                                           tmp_path: Path) -> None:
    inputs = two_years(golden_dir, tmp_path)
    out = tmp_path / "out"
    for _ in range(2):                                # a resumed run adds no duplicates
        summary = run_batch([inputs], out)
        assert summary.rules.get("XYEAR.STOCK_NORMATIVE") == 1
        queue = [json.loads(line) for line in (out / "review_queue.jsonl").read_text(encoding="utf-8").splitlines()]
        items = [i for i in queue if i["rules"] == ["XYEAR.STOCK_NORMATIVE"]]
        assert len(items) == 1 and items[0]["doc_id"] == "hq2022"
    assert not any(f["code"].startswith("XYEAR.") for f in read_json(out / "records" / "hq2022.json")["findings"])


def test_the_known_values_of_some_fields_are_those_of_the_whole_record_restricted_to_them() -> None:
    from llm_extract.evidence import FieldProvenance, Record, Status
    from llm_extract.schema import ALL_PATHS, Report
    from verify.crossyear import known_values

    report = Report.from_values("d", {"applications.granted.total": 4, "applications.granted.research": 0,
                                      "agency": "向阳区"})
    provenance = {p: FieldProvenance(status=Status.PROVEN) for p in ALL_PATHS}
    provenance["applications.granted.research"] = FieldProvenance(status=Status.MISSING)
    del provenance["applications.granted.other_org"]                       # no provenance: known when not null
    record = Record(report=report, provenance=provenance)
    every = known_values(record)
    some = ["applications.granted.total", "applications.granted.research", "applications.granted.other_org",
            "agency", "not.a.field"]
    assert known_values(record, some) == {p: every[p] for p in some if p in every}
    assert known_values(record, some) == {"applications.granted.total": 4, "agency": "向阳区"}


def two_years(golden_dir: Path, tmp_path: Path, in_force_2021: int | None = None) -> Path:
    """An input folder of one agency's 2021 and 2022 reports whose 规范性文件 stock does not flow (60 in force in
    2022, not 2021's + issued − repealed): one XYEAR.STOCK_NORMATIVE finding on hq2022."""
    this = golden_report(golden_dir)
    if in_force_2021 is not None:
        this.active_disclosure.normative_documents.in_force = in_force_2021
    later = next_year(this, agency="红旗区人民政府")
    later.active_disclosure.normative_documents.in_force = 60
    inputs = tmp_path / "in"
    inputs.mkdir(exist_ok=True)
    (inputs / "hq2021.txt").write_text(render(this, "tabrows"), encoding="utf-8")
    (inputs / "hq2022.txt").write_text(render(later, "cells"), encoding="utf-8")
    return inputs


def _stock_items(out: Path) -> list[dict]:
    queue = [json.loads(line) for line in (out / "review_queue.jsonl").read_text(encoding="utf-8").splitlines()]
    return [i for i in queue if i["rules"] == ["XYEAR.STOCK_NORMATIVE"]]


def test_an_acknowledged_cross_year_mismatch_that_changes_is_reviewed_again(golden_dir: Path, tmp_path: Path) -> None:
    """Keeping a cross-year finding accepts the mismatch it showed; when last year's report is read again with
    another stock, the new mismatch on the same fields is another finding, back in the queue."""
    from llm_extract.review_store import DecisionRequest, ReviewStore

    inputs, out = two_years(golden_dir, tmp_path), tmp_path / "out"
    run_batch([inputs], out)
    [item] = _stock_items(out)
    ReviewStore(out).resolve([DecisionRequest(item_id=item["id"], value="keep")])
    assert _stock_items(out) == []
    run_batch([inputs], out)                                   # the same mismatch: still acknowledged
    assert _stock_items(out) == []
    this = golden_report(golden_dir)
    two_years(golden_dir, tmp_path, in_force_2021=this.active_disclosure.normative_documents.in_force + 5)
    run_batch([inputs], out)
    [again] = _stock_items(out)
    assert again["id"] != item["id"] and again["finding"].startswith(item["finding"].split("=")[0])


def test_an_acknowledgement_recorded_before_keys_held_values_still_holds(golden_dir: Path, tmp_path: Path) -> None:
    from llm_extract.review_store import DecisionRequest, ReviewStore

    inputs, out = two_years(golden_dir, tmp_path), tmp_path / "out"
    run_batch([inputs], out)
    [item] = _stock_items(out)
    ReviewStore(out).resolve([DecisionRequest(item_id=item["id"], value="keep")])
    log = out / "decisions.jsonl"
    line = json.loads(log.read_text(encoding="utf-8"))
    line["finding"] = line["finding"].split("=")[0]             # as an older version wrote it
    log.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    run_batch([inputs], out, resume=False)
    assert _stock_items(out) == []


def test_a_cross_year_item_on_one_field_shows_the_value_the_record_holds(golden_dir: Path, tmp_path: Path) -> None:
    """An item's ``value`` is what the record holds now (README): a 上年结转 cell that differs from last
    year's 结转下年度 is queued on that field with its value (3), not null, which reads as a blank cell."""
    this = golden_report(golden_dir)
    later = next_year(this, agency="红旗区人民政府")
    a = later.applications
    a.carried_over.natural_person = a.carried_over.total = 3
    a.new_received.natural_person = a.new_received.total = 0            # the balance still holds
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "hq2021.txt").write_text(render(this, "tabrows"), encoding="utf-8")
    (inputs / "hq2022.txt").write_text(render(later, "cells"), encoding="utf-8")
    run_batch([inputs], tmp_path / "out")
    queue = [json.loads(line) for line in (tmp_path / "out" / "review_queue.jsonl").read_text(encoding="utf-8")
             .splitlines()]
    carry = {i["path"]: i["value"] for i in queue if i["rules"] == ["XYEAR.CARRY"]}
    assert carry and carry == {p: 3 for p in ("applications.carried_over.natural_person",
                                              "applications.carried_over.total")}
