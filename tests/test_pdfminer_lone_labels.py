"""``pdf2txt.py`` text (pdfminer.six's boxes, a blank line after each) of 表三: a lone label is no blank row where
the tool moved the table's numbers off their labels.

pdfminer boxes a ruled table's columns apart from its labels: columns of cells right under their headers, the
row labels stacked after them, a few rows' cells among the labels, and the last row's cells printed after
表四's heading. 四、结转下年度继续办理 then stands alone right before the next section: its cells were printed
elsewhere, not left blank (a blank row counts as 0 for the identities, so a row of zeros read blank keeps
them all: it was proven blank, silently wrong).
"""

from __future__ import annotations

from llm_extract.evidence import CellKind
from llm_extract.extract.layout import tokenize
from llm_extract.extract.regions import find_regions
from llm_extract.extract.table3 import read_table3
from llm_extract.form import FORM
from llm_extract.schema import APPLICANT_COLUMNS

_HEAD = ["三、收到和处理政府信息公开申请情况", "申请人情况", "法人或其他组织", "商业", "企业", "科研", "机构",
         "社会", "公益", "组织", "法律", "服务", "机构", "总计", "其他"]
_T4 = ["四、政府信息公开行政复议、行政诉讼情况"] + ["0"] * 15 + ["五、存在的主要问题及改进情况", "无。"]


def _boxes(items: list[str]) -> list[str]:
    return [line for it in items for line in (it, "")]


def _readings(before_labels: list[str]) -> dict:
    labels = [r.label for r in FORM.table3_rows]
    lines = _boxes(_HEAD + before_labels + ["自然", "人"] + labels[:-1] + ["0"] * 7 + labels[-1:] + _T4)
    region = find_regions(lines)["表三"]
    region.items = tokenize(lines, region.start, region.end)
    return read_table3(region)[0]


def _last_row(readings: dict) -> set:
    return {(readings[f"applications.carried_forward.{c}"].kind, readings[f"applications.carried_forward.{c}"].method)
            for c in APPLICANT_COLUMNS}


def test_a_lone_last_label_after_columns_printed_under_their_headers_is_no_blank_row() -> None:
    """Columns' cells under their headers (six rows' worth of zeros) before the first row's label: the
    numbers stand off their labels, and 四、结转下年度继续办理's may be among those after 表四's heading."""
    readings = _readings(["0"] * 42)
    assert all(kind is not CellKind.BLANK and method != "label-alone" for kind, method in _last_row(readings))


def test_a_first_rows_numbers_above_its_label_still_leave_a_lone_label_blank() -> None:
    """Seven numbers at most before the first label are a row's (printed above its label), no column block."""
    readings = _readings(["0"] * 7)
    assert _last_row(readings) == {(CellKind.BLANK, "label-alone")}


def test_a_last_row_label_where_the_text_ends_is_a_cut_file_not_a_blank_row(golden_dir) -> None:
    """A crawler's one-cell-a-line text (rows parted by empty lines) cut off right after 表三's last label
    (``四、结转下年度继续办理``, then nothing): its cells were lost with the rest of the file, not printed empty;
    they are never proven blank."""
    from llm_extract.evidence import Status
    from llm_extract.ingest import Document
    from llm_extract.outputs import read_json
    from llm_extract.pipeline import process_document
    from llm_extract.schema import Report
    from llm_extract.synth import render

    g = read_json(golden_dir / "003_d677def7845cc038.json")
    text = render(Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields}), "cells")
    text = text.replace("\n\t\n", "\n\n")
    label = "四、结转下年度继续办理"
    assert label in text
    cut = text[:text.index(label) + len(label)] + "\n"
    record = process_document(Document.from_text(cut, doc_id="x"))
    prov = record.provenance["applications.carried_forward.total"]
    assert prov.status is not Status.PROVEN
