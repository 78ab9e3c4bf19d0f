"""verify/crosscheck.py: the reader's value placed by a guess about the layout, kept over the model's by the identities.

A browser's print, as pdftotext gives it, prints 表三's header pieces in an order of their own: here 科研机构 named
before 商业企业, while the numbers stand in the form's order. The reader places the cells as the
header says (extract/applicantorder.py: READ.APPLICANT_ORDER, never proven): every row's cells moved alike, so every
identity holds. A model reading the numbers as printed (right) but one row a column off (wrong) disagrees with the
reader in every moved cell, and only the reader's table adds up: the identities "resolved" the moved cells to the
reader's wrong values. The guess's other placements keep every identity too, so the identities chose nothing: those
cells are disputed, never resolved.
"""

from __future__ import annotations

from llm_extract.form import FORM
from llm_extract.outputs import read_json
from llm_extract.pipeline import run_batch
from llm_extract.schema import APPLICATION_ROWS
from tests.fakeopenai import answer_for, by_doc
from llm_extract.synth.render import TABLE3_ROW_LABELS
from tests.test_applicant_order import _two_lines
from tests.test_model_pipeline import settings

COLS = FORM.table3_column_keys
#: a small agency's 表三: natural persons and one business asked, no research institute
_SIX = {"new_received": [5, 1, 0, 0, 0, 0], "granted": [3, 1, 0, 0, 0, 0], "unavailable_not_held": [2, 0, 0, 0, 0, 0],
        "total_processed": [5, 1, 0, 0, 0, 0]}
TABLE = {row: (cells := _SIX.get(row, [0] * 6)) + [sum(cells)] for row in APPLICATION_ROWS}
VALUES = {f"applications.{row}.{c}": v for row in APPLICATION_ROWS for c, v in zip(COLS, TABLE[row])}
_T2 = {"regulations": [0, 0, 3], "normative_documents": [5, 2, 51]}
VALUES |= {f"active_disclosure.{r}.{k}": v for r, cells in _T2.items()
           for k, v in zip(("issued", "repealed", "in_force"), cells)}
VALUES |= {"active_disclosure.licensing": 3150, "active_disclosure.punishment": 65, "active_disclosure.enforcement": 10,
           "active_disclosure.fees_10k_yuan": 0, "agency": "红旗区人民政府", "year": 2022}
_T4 = [1, 2, 0, 1, 4, 0, 1, 0, 0, 1, 2, 0, 1, 0, 3]
VALUES |= {f"review_litigation.{g}.{c}": _T4[5 * i + j] for i, g in enumerate(FORM.table4_group_keys)
           for j, c in enumerate(FORM.table4_column_keys)}
#: the header names 科研机构 before 商业企业; the numbers are printed in the form's order
TEXT = "\n".join([
    "红旗区人民政府2022年政府信息公开工作年度报告", "", "一、总体情况", "2022年，红旗区扎实推进政府信息公开工作。", "",
    "二、主动公开政府信息情况", "第二十条第（一）项", "信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
    "规章\t0\t0\t3", "行政规范性文件\t5\t2\t51", "第二十条第（五）项", "信息内容\t本年处理决定数量", "行政许可\t3150",
    "第二十条第（六）项", "信息内容\t本年处理决定数量", "行政处罚\t65", "行政强制\t10", "第二十条第（八）项",
    "信息内容\t本年收费金额（单位：万元）", "行政事业性收费\t0", "",
    "三、收到和处理政府信息公开申请情况", *_two_lines([0, 2, 1, 3, 4, 5, 6]),
    *(f"{TABLE3_ROW_LABELS[row][1]}\t" + "\t".join(map(str, TABLE[row])) for row in APPLICATION_ROWS), "",
    "四、政府信息公开行政复议、行政诉讼情况", "行政复议\t行政诉讼", "\t".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3),
    "\t".join(map(str, _T4)), "", "五、存在的主要问题及改进情况", "无。", "六、其他需要报告的事项", "无。", ""])


def settled(server, tmp_path, answer) -> dict:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "print.txt").write_text(TEXT, encoding="utf-8")
    server.responder = by_doc({"print": answer})
    run_batch([tmp_path / "in"], tmp_path / "out", llm="always", model=settings(server), cache_dir=tmp_path / "c")
    return read_json(tmp_path / "out" / "records" / "print.json")


def test_the_reader_alone_moves_the_columns_as_the_header_says_and_proves_none_of_the_moved_cells(tmp_path):
    from llm_extract.ingest import Document
    from llm_extract.pipeline import process_document
    record = process_document(Document.from_text(TEXT, doc_id="print"))
    moved = "applications.new_received.commercial"          # 1 in the report, the header's order reads 0
    assert record.report.values()[moved] == 0
    assert record.provenance[moved].status.value == "unverified"


def test_a_model_one_row_off_leaves_the_readers_moved_cells_disputed_never_resolved(server, tmp_path):
    row = TABLE["new_received"]                 # read one column to the right: 0 first, its total lost
    shifted = {f"applications__new_received__{c}": v for c, v in zip(COLS, [0] + row[:-1])}
    record = settled(server, tmp_path, answer_for(VALUES, **shifted))
    wrong = []
    for p, prov in record["provenance"].items():
        if p.startswith("applications.") and prov["status"] in ("proven", "derived", "resolved"):
            _, r, c = p.split(".")
            if record["applications"][r][c] != VALUES[p]:
                wrong.append((p, prov["status"]))
    assert not wrong
    moved = "applications.granted.commercial"           # 1 in the report, the header's order reads 0
    assert record["provenance"][moved]["status"] == "disputed"
    assert "READ.APPLICANT_ORDER" in record["provenance"][moved]["rules"]


def test_a_perfect_model_against_the_moved_cells_is_not_taken_over_them_silently(server, tmp_path):
    record = settled(server, tmp_path, answer_for(VALUES))
    for p, prov in record["provenance"].items():
        if p.startswith("applications.") and prov["status"] in ("proven", "derived", "resolved"):
            _, r, c = p.split(".")
            assert record["applications"][r][c] == VALUES[p], p
