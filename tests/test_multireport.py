"""Several reports in one file are noticed and split: one record each (ids <stem>-1, <stem>-2, …);
copies of one report are that report once."""

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


def test_a_file_of_many_copies_of_one_report_is_that_report_once_with_a_warning(tmp_path: Path) -> None:
    """A crawler's concatenation of one report, or a page printing its article twice: one report, read
    from its first copy under the file's own id (never counted twice downstream), the copies named."""
    one = load(SEEDS[2])                                     # 红旗区 2021, 74 lines
    src = tmp_path / "in"
    src.mkdir()
    (src / "copies.txt").write_text(_joined([one] * 30), encoding="utf-8")
    (src / "single.txt").write_text(one.text, encoding="utf-8")
    summary = run_batch([src], tmp_path / "out")
    records = sorted(p.stem for p in (tmp_path / "out" / "records").iterdir())
    assert records == ["copies", "single"]
    alone = read_json(tmp_path / "out" / "records" / "single.json")
    copies = read_json(tmp_path / "out" / "records" / "copies.json")
    assert copies["applications"] == alone["applications"]
    assert [f["code"] for f in copies["findings"]] == [f["code"] for f in alone["findings"]] + ["INGEST.DUPLICATE_COPY"]
    warning = copies["findings"][-1]
    assert len(warning["detail"]["copies"]) == 29 and warning["severity"] == "warning"
    assert (summary.ok, summary.failed) == (2, 0)


def test_a_copy_among_different_reports_is_left_out_and_the_others_split() -> None:
    a, b = load(SEEDS[1]), load(SEEDS[2])
    parts = split_reports(Document.from_text(_joined([a, b, a]), doc_id="all"))
    assert [p.doc_id for p in parts] == ["all-1", "all-2"]
    assert [p.text.rstrip("\n") for p in parts] == [a.text.rstrip("\n"), b.text.rstrip("\n")]
    lines = _joined([a, b, a]).split("\n")
    [(first, last)] = parts[0].meta["duplicate_copies"]
    assert lines[first - 1] == a.lines[0] and last == len(lines)


def test_the_same_tables_under_two_years_titles_are_two_reports() -> None:
    """Two years of a small office that received nothing can print the same numbers: the titles'
    years tell them apart."""
    one = load(SEEDS[2]).text
    assert "2021 年" in one.split("\n")[0]
    other = one.replace("2021 年", "2022 年", 1)
    parts = split_reports(Document.from_text(one.rstrip("\n") + "\n" + other, doc_id="two"))
    assert [p.doc_id for p in parts] == ["two-1", "two-2"]


def test_a_compilation_splits_into_its_reports_each_with_its_own_issuing_body() -> None:
    """A county's departments' reports in one file under the compilation's title: part 1's agency is its
    own report's issuing body, not the words of the compilation's title."""
    a, b = load(SEEDS[1]), load(SEEDS[2])
    head = "丰城县2022年度县直部门政府信息公开工作年度报告汇编\n"
    parts = split_reports(Document.from_text(head + _joined([a, b]), doc_id="all"))
    assert [p.doc_id for p in parts] == ["all-1", "all-2"]
    for part, alone in zip(parts, (a, b)):
        record, own = process_document(part), process_document(alone)
        assert record.report.agency == own.report.agency and record.provenance["agency"].status == "proven"


def test_a_units_tables_after_a_report_whose_table4_section_states_its_counts_keep_that_table4() -> None:
    """A department's report, its 表四 section opening with a sentence (``…因政府信息公开工作被申请行政复议0件…。``),
    then a unit's tables in an appendix (附件1：…统计表, （一）主动公开… without a title of its own): the sentence is no
    title, so the department's 表四 stays in its own part."""
    text = load(SEEDS[2]).text
    heading = next(line for line in text.split("\n") if line.startswith("四、") and "行政复议" in line)
    sentence = "2021年，本机关因政府信息公开工作被申请行政复议1件，被提起行政诉讼1件。"
    own = text.replace(heading, heading + "\n" + sentence, 1)
    unit = ("附件1：红旗区政务服务中心政府信息公开情况统计表\n"
            + text[text.index("二、主动公开政府信息情况"):].replace("二、主动公开政府信息情况", "（一）主动公开政府信息情况", 1)
            .replace("三、收到和处理政府信息公开申请情况", "（二）收到和处理政府信息公开申请情况", 1)
            .replace(heading, "（三）政府信息公开行政复议、行政诉讼情况", 1))
    parts = split_reports(Document.from_text(own.rstrip("\n") + "\n" + unit, doc_id="dept"))
    assert [p.doc_id for p in parts] == ["dept-1", "dept-2"]
    assert sentence in parts[0].text and heading in parts[0].text
    first = process_document(parts[0]).report.values()
    alone = process_document(Document.from_text(own, doc_id="own")).report.values()
    assert {p: v for p, v in first.items() if p.startswith("review_litigation.")} == \
        {p: v for p, v in alone.items() if p.startswith("review_litigation.")}
