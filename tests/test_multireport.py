"""Several reports in one file are noticed and split: one record each (ids <stem>-1, <stem>-2, …)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from llm_extract.ingest import Document, load
from llm_extract.multireport import report_starts, split_reports
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document, run_batch
from llm_extract.schema import Report
from llm_extract.synth import LAYOUTS, render

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
SEEDS = sorted(GOLDEN.glob("*.txt"))


def _joined(docs: list[Document]) -> str:
    return "\n".join(d.text.rstrip("\n") for d in docs) + "\n"


def test_one_report_is_one_report_in_every_seed_and_every_layout() -> None:
    for seed in SEEDS:
        assert report_starts(load(seed).lines) == [0], seed.name
        data = json.loads(seed.with_suffix(".json").read_text(encoding="utf-8"))
        report = Report.model_validate({k: v for k, v in data.items() if k in Report.model_fields})
        for layout in LAYOUTS:
            assert report_starts(render(report, layout).split("\n")) == [0], (seed.name, layout)


def test_the_seeds_concatenated_split_exactly_at_each_title_and_read_as_each_alone() -> None:
    docs = [load(s) for s in SEEDS]
    parts = split_reports(Document.from_text(_joined(docs), doc_id="all"))
    assert [p.doc_id for p in parts] == [f"all-{k}" for k in range(1, len(docs) + 1)]
    for part, alone in zip(parts, docs):
        assert part.text.rstrip("\n") == alone.text.rstrip("\n")
        assert process_document(part).report.values() == process_document(alone).report.values()


def test_a_table_of_contents_or_a_repeated_heading_is_not_a_second_report() -> None:
    text = load(SEEDS[2]).text
    toc = "目录\n一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n"
    assert report_starts((toc + text).split("\n")) == [0]
    assert len(split_reports(Document.from_text(text, doc_id="x"))) == 1


def test_a_file_of_many_copies_becomes_one_record_per_copy_not_one_with_every_finding(tmp_path: Path) -> None:
    one = load(SEEDS[2])                                     # 红旗区 2021, 74 lines
    src = tmp_path / "in"
    src.mkdir()
    (src / "copies.txt").write_text(_joined([one] * 30), encoding="utf-8")
    (src / "single.txt").write_text(one.text, encoding="utf-8")
    summary = run_batch([src], tmp_path / "out")
    records = sorted(p.stem for p in (tmp_path / "out" / "records").iterdir())
    assert records == sorted([f"copies-{k}" for k in range(1, 31)] + ["single"])
    alone = read_json(tmp_path / "out" / "records" / "single.json")
    copy = read_json(tmp_path / "out" / "records" / "copies-17.json")
    assert len(copy["findings"]) == len(alone["findings"]) and copy["applications"] == alone["applications"]
    assert (summary.ok, summary.failed) == (2, 0)
