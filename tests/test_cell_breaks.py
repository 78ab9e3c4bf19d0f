"""python-docx's text of a Word table: a merged label cell wrapped over two lines and repeated in each column it
spans is joined back into its row, which then reads as any tab row with its label repeated."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.extract.cellbreaks import joined_cell_breaks
from llm_extract.ingest import load_bytes
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE3_ROW_PATHS, Report
from llm_extract.synth import render

BROKEN = ["一、本年新收政府信息公开申请", "数量\t一、本年新收政府信息公开申请", "数量\t一、本年新收政府信息公开申请",
          "数量\t3\t0\t0\t0\t0\t0\t3"]


def test_a_merged_cells_broken_repeats_are_joined_onto_the_rows_last_line() -> None:
    label = "一、本年新收政府信息公开申请数量"
    assert joined_cell_breaks(BROKEN) == ["", "", "", "\t".join([label] * 3 + ["3", "0", "0", "0", "0", "0", "3"])]


def test_a_wrapped_label_with_its_numbers_at_once_and_numbered_labels_are_left_alone() -> None:
    wrapped = ["一、本年新收政府信息公开申请", "数量\t3\t0\t0\t0\t0\t0\t3"]
    assert joined_cell_breaks(wrapped) == wrapped                 # (the row reader reads a label's wrap)
    numbers = ["3\t0", "0\t3\t0"]
    assert joined_cell_breaks(numbers) == numbers
    numbered = ["2.其他法律行政法", "规禁止公开\t2.其他法律行政法", "规禁止公开\t0\t0\t0\t0\t0\t0\t0"]
    assert joined_cell_breaks(numbered)[-1] == "\t".join(["2.其他法律行政法规禁止公开"] * 2 + ["0"] * 7)


def test_rows_whose_counts_carry_their_unit_are_no_broken_merged_cell() -> None:
    """``规章 0件 0件 0件`` over ``行政规范性文件 0件 1件 97件``: the next row opens with its label, then a count equal to
    the last one above; a count with its unit is no merged label repeated, and each row keeps its line."""
    rows = ["规章\t0件\t0件\t0件", "行政规范性文件\t0件\t1件\t97件"]
    assert joined_cell_breaks(rows) == rows


def test_a_python_docx_dump_with_broken_merged_labels_reads_every_row(golden_dir) -> None:
    """Golden 003 as tab rows, the labels of 一 and 二 spanning three columns and wrapped before 数量 as
    python-docx writes them: both rows read and proven, as in the plain tab rows."""
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    report = Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})
    lines = []
    for line in render(report, "tabrows").split("\n"):
        label, sep, cells = line.partition("\t")
        if sep and label.startswith(("一、本年新收", "二、上年结转")) and label.endswith("数量"):
            head = label[:-2]
            lines += [head, f"数量\t{head}", f"数量\t{head}", f"数量\t{cells}"]
        else:
            lines.append(line)
    assert sum(line.startswith("数量\t") for line in lines) == 6
    record = process_document(load_bytes("\n".join(lines).encode(), doc_id="pythondocx", suffix=".txt"))
    for row in ("new_received", "carried_over"):
        for p in TABLE3_ROW_PATHS[row]:
            assert record.provenance[p].status is Status.PROVEN, p
            assert record.report.get(p) == report.get(p), p
