"""Cross-year linking scales: each agency-year is linked once, findings per document are bounded,
and the records of a batch are never all loaded at once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from llm_extract.evidence import Record
from llm_extract.outputs import read_json
from llm_extract.pipeline import run_batch
from llm_extract.record_keys import record_key
from llm_extract.synth.render import render
from tests.test_crossyear import golden_report, next_year
from verify.crossyear import consecutive_pairs


def test_each_agency_year_is_linked_once_however_many_documents_claim_it() -> None:
    keys = [("红旗区", 2021)] * 300 + [("红旗区人民政府", 2022)] * 300 + [("红旗区", 2023)] + [("牧野区", 2022)]
    pairs = consecutive_pairs(keys)
    assert pairs == [(0, 300), (300, 600)]            # 2021 → 2022 → 2023, by the first document of each year


def test_a_record_key_is_read_from_the_head_of_a_compact_record_or_from_a_whole_indented_one(tmp_path: Path) -> None:
    compact = tmp_path / "a.json"
    compact.write_text(json.dumps({"doc_id": "a\\\\\"b", "agency": "红旗区", "year": 2022, "x": list(range(5000))},
                                  ensure_ascii=False))
    indented = tmp_path / "b.json"
    indented.write_text(json.dumps({"year": 2021, "doc_id": "b", "agency": None}, indent=2))
    assert record_key(compact) == ("红旗区", 2022) and record_key(indented) == (None, 2021)


def test_a_batch_of_one_agencys_copies_links_once_and_loads_few_records(golden_dir: Path, tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    this = golden_report(golden_dir)
    later = next_year(this, agency="红旗区人民政府")
    later.active_disclosure.normative_documents.in_force = 60          # breaks the stock link
    inputs = tmp_path / "in"
    inputs.mkdir()
    for i in range(12):
        (inputs / f"a{i:02d}-2021.txt").write_text(render(this, "tabrows"), encoding="utf-8")
        (inputs / f"b{i:02d}-2022.txt").write_text(render(later, "cells"), encoding="utf-8")
    loads = []
    real = Record.from_json_dict
    monkeypatch.setattr(Record, "from_json_dict", classmethod(lambda cls, d: loads.append(1) or real(d)))
    summary = run_batch([inputs], tmp_path / "out", workers=1)
    assert summary.rules.get("XYEAR.STOCK_NORMATIVE") == 1           # one link, not 12 × 12
    assert len(loads) == 2                                              # the two records of that link
    lines = [json.loads(x) for x in (tmp_path / "out" / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    with_xyear = {r["doc_id"] for r in lines if any(f["code"].startswith("XYEAR.") for f in r["findings"])}
    assert with_xyear == {"b00-2022"}
    assert read_json(tmp_path / "out" / "summary.json")["ok"] == 24


def test_many_agencies_years_are_linked_on_every_core_as_in_one_process(golden_dir: Path, tmp_path: Path) -> None:
    """Each agency's consecutive years are one chain, checked in a worker: a batch of 40 agencies over three
    years links as one process links it, every broken link found once."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    broken = set()
    places = [a + b for a in ("东风", "红旗", "向阳", "解放", "胜利", "和平", "建设", "新华") for b in "路桥湖山园"]
    for a, place in enumerate(places):
        agency = f"{place}街道办事处"
        first = golden_report(golden_dir)
        first.agency = agency
        second = next_year(first, agency=agency)
        third = next_year(second, agency=agency, year=2023)
        third.active_disclosure.normative_documents.in_force = 53          # 52 + 2 issued − 1 repealed
        if a % 3 == 0:
            third.active_disclosure.normative_documents.in_force = 999     # breaks 2022 → 2023
            broken.add(f"a{a:02d}-2023")
        for report, name, layout in ((first, f"a{a:02d}-2021", "tabrows"), (second, f"a{a:02d}-2022", "cells"),
                                     (third, f"a{a:02d}-2023", "tabrows")):
            (inputs / f"{name}.txt").write_text(render(report, layout), encoding="utf-8")
    outputs = {}
    for workers in (1, 2):
        out = tmp_path / f"out{workers}"
        run_batch([inputs], out, workers=workers)
        outputs[workers] = {name: (out / name).read_bytes() for name in ("records.jsonl", "review_queue.jsonl")}
    assert outputs[1] == outputs[2]
    lines = [json.loads(x) for x in outputs[2]["records.jsonl"].decode("utf-8").splitlines()]
    assert {r["doc_id"] for r in lines if any(f["code"] == "XYEAR.STOCK_NORMATIVE" for f in r["findings"])} == broken
