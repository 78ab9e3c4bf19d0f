"""Line breaks inside a converter's markdown table cells (marker writes ``<br>``).

A label wrapped in its cell is one label (``7.属于行政<br>执法案卷``). Two rows a converter fused into one
table row hold two numbers in each cell (``1<br>0``): those are two numbers, never the number ``10``, and
the fused rows are not read cell by cell.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS, Report
from llm_extract.synth import render


def _report(golden_dir) -> Report:
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    return Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})


def _cells(report: Report, row: str) -> list[str]:
    return [str(report.get(f"applications.{row}.{c}")) for c in APPLICANT_COLUMNS]


def test_a_label_wrapped_in_its_cell_is_one_label(golden_dir) -> None:
    report = _report(golden_dir)
    text = render(report, "markdown").replace("| 7.属于行政执法案卷 |", "| 7.属于行政<br>执法案卷 |")
    assert "<br>" in text
    record = process_document(Document.from_text(text, doc_id="x"))
    for c in APPLICANT_COLUMNS:
        path = f"applications.denied_enforcement_file.{c}"
        assert record.report.get(path) == report.get(path)
        assert record.provenance[path].status is Status.PROVEN


def test_numbers_of_two_fused_rows_are_never_read_as_one_number(golden_dir) -> None:
    report = _report(golden_dir)
    text = render(report, "markdown")
    total, carried = (f"| {label} | " + " | ".join(_cells(report, row)) + " |"
                      for label, row in (("（七）总计", "total_processed"), ("四、结转下年度继续办理", "carried_forward")))
    assert total in text and carried in text
    fused = "| 四、结转下年<br>度继续办理 | （七）总计 | " + " | ".join(
        f"{a}<br>{b}" for a, b in zip(_cells(report, "total_processed"), _cells(report, "carried_forward"))) + " |"
    text = text.replace(total + "\n" + carried, fused)
    assert fused in text
    record = process_document(Document.from_text(text, doc_id="x"))
    for row in ("total_processed", "carried_forward"):
        for c in APPLICANT_COLUMNS:
            path = f"applications.{row}.{c}"
            prov = record.provenance[path]
            assert record.report.get(path) == report.get(path) or prov.status is not Status.PROVEN, path
            assert record.report.get(path) not in (30, 3 * 10), path


def test_bold_cells_and_bold_parts_of_cells_read_as_their_text(golden_dir) -> None:
    """A vision model's markdown: ``**5**``, ``**5件**``, ``**1**件``, a bold group label ``**（四）无法提供**``."""
    import re

    report = _report(golden_dir)
    text = render(report, "markdown")
    marks = iter(["**{}**", "**{}件**", "**{}**件", "*{}*", "__{}__"] * 200)
    bold = re.sub(r"(?<=\| )(\d+)(?= \|)", lambda m: next(marks).format(m[1]), text)
    bold = bold.replace("| （四）无法提供 |", "| **（四）无法提供** |")
    assert bold.count("**") > 100
    record = process_document(Document.from_text(bold, doc_id="x"))
    expected = process_document(Document.from_text(text, doc_id="x"))
    assert record.report.values() == expected.report.values()
    assert all(p.status is Status.PROVEN for k, p in record.provenance.items() if k.startswith("applications."))


def test_placeholders_stacked_in_one_cell_are_two_cells() -> None:
    """pymupdf4llm: ``|规章||0|-<br>-|`` — a label spanning two columns, then 0, - and - with the last two in one
    cell. ``-<br>-`` is two empty cells, not one ``--``: the row's cells are not shifted onto the empty field."""
    from llm_extract.extract.mdcells import md_cell
    from tests.fakeopenai import report_text, sample_values
    assert md_cell("-<br>-") == "- -"
    text = report_text(sample_values()).replace("规章\t0\t0\t0", "|规章||0|-<br>-|")
    record = process_document(Document.from_text(text, doc_id="x"))
    paths = [f"active_disclosure.regulations.{c}" for c in ("issued", "repealed", "in_force")]
    truth = dict(zip(paths, (0, None, None)))
    assert not [p for p in paths if record.provenance[p].status is Status.PROVEN and record.report.get(p) != truth[p]]


def test_numbers_set_as_code_read_as_their_text(golden_dir) -> None:
    """A language model's markdown sets numbers as code: ```14```, ```0件```."""
    import re

    report = _report(golden_dir)
    text = render(report, "markdown")
    marks = iter(["`{}`", "`{}件`", "``{}``"] * 300)
    code = re.sub(r"(?<=\| )(\d+)(?= \|)", lambda m: next(marks).format(m[1]), text)
    assert code.count("`") > 200
    record = process_document(Document.from_text(code, doc_id="x"))
    expected = process_document(Document.from_text(text, doc_id="x"))
    assert record.report.values() == expected.report.values()
    assert all(p.status is Status.PROVEN for k, p in record.provenance.items() if k.startswith("applications."))


def _joined_first_two_columns(text: str, report: Report) -> str:
    """表三's rows as pymupdf4llm may write a PDF's table: the first two value columns in one field,
    their numbers stacked (``| 一、本年新收… | 1<br>0 | 0 | 28 | 0 | 0 | 29 |``)."""
    from llm_extract.form import FORM
    for row in FORM.table3_rows:
        cells = _cells(report, row.key)
        line = f"| {row.label} | " + " | ".join(cells) + " |"
        assert line in text, line
        text = text.replace(line, f"| {row.label} | {cells[0]}<br>{cells[1]} | " + " | ".join(cells[2:]) + " |")
    return text


def test_two_columns_joined_in_one_field_stack_their_numbers_and_every_cell_is_read(golden_dir) -> None:
    report = _report(golden_dir)
    text = _joined_first_two_columns(render(report, "markdown"), report)
    record = process_document(Document.from_text(text, doc_id="x"))
    for path, value in report.values().items():
        if path.startswith("applications."):
            assert (record.report.get(path), record.provenance[path].status) == (value, Status.PROVEN), path


def test_a_stacked_field_beside_an_empty_field_is_never_proven(golden_dir) -> None:
    """``| 2.重复申请 | 1<br>0 |  | 0 | 0 | 0 | 1 |``: seven fields but one empty, and two numbers in one: 10 and a
    blank, or 1 and 0 with a field too many? Not known: the row is not read cell by cell."""
    report = _report(golden_dir)
    text = _joined_first_two_columns(render(report, "markdown"), report)
    cells = _cells(report, "rejected_duplicate")
    joined = f"| 2.重复申请 | {cells[0]}<br>{cells[1]} | " + " | ".join(cells[2:]) + " |"
    text = text.replace(joined, f"| 2.重复申请 | {cells[0]}<br>{cells[1]} |  | " + " | ".join(cells[3:]) + " |")
    record = process_document(Document.from_text(text, doc_id="x"))
    for c in APPLICANT_COLUMNS:
        path = f"applications.rejected_duplicate.{c}"
        assert record.report.get(path) == report.get(path) or record.provenance[path].status is not Status.PROVEN
