"""pypdf's text of a Word table: a group's title printed down its narrow column runs on before a sub-row's label,
its head with its own item number (``(三)不1.属于国家秘``), the label cut where its cell wrapped. The label is the
row's (its item number and the first words of its label, its numbers right after it): the row is read, and its
numbers are not taken by the row above (``14 numbers for 7 columns``)."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.extract.table3_labels import without_title_piece
from llm_extract.form import FORM
from llm_extract.ingest import load_bytes
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE3_ROW_PATHS


def test_a_titles_head_with_its_item_number_before_a_label_is_taken_off() -> None:
    assert without_title_piece("(三)不1.属于国家秘") == "1.属于国家秘"
    assert without_title_piece("不5.属于三类内部") == "5.属于三类内部"
    assert without_title_piece("(一)予以公开") == "(一)予以公开"


def test_a_cut_label_after_its_groups_title_head_reads_its_row() -> None:
    cells = {r.key: "0 0 0 0 0 0 0" for r in FORM.table3_rows}
    cells.update({"new_received": "86 5 0 0 4 2 97", "granted": "3 0 0 0 0 0 3", "partially_granted": "81 5 0 0 4 2 92",
                  "denied_state_secret": "2 0 0 0 0 0 2", "total_processed": "86 5 0 0 4 2 97"})
    lines = ["某某县人民政府2023年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况",
             "自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计"]
    for r in FORM.table3_rows:
        label = "(三)不 1.属于国家秘" if r.key == "denied_state_secret" else r.label
        lines.append(f"{label} {cells[r.key]}")
    lines.append("四、政府信息公开行政复议、行政诉讼情况")
    record = process_document(load_bytes("\n".join(lines).encode(), doc_id="pypdf", suffix=".txt"))
    for row in ("partially_granted", "denied_state_secret"):
        values = [record.report.get(p) for p in TABLE3_ROW_PATHS[row]]
        assert values == [int(v) for v in cells[row].split()], row
        assert all(record.provenance[p].status is Status.PROVEN for p in TABLE3_ROW_PATHS[row]), row


def test_a_longer_piece_of_the_results_title_before_a_rows_item_number_is_taken_off() -> None:
    """pymupdf4llm of a browser's print joins the group's cell and the row's first piece in one field
    (``|三、本年度办<br>（⼀）予|以公开|9|1|…``): six characters of 三、本年度办理结果 before （一）; any piece inside a
    title, up to the longest, is one. Words that are in no title stay."""
    assert without_title_piece("三、本年度办(一)予") == "(一)予"
    assert without_title_piece("三、本年度办理结果(一)予以公开") == "(一)予以公开"
    assert without_title_piece("申请人无正当理由(一)予") == "申请人无正当理由(一)予"


def test_a_whole_report_whose_granted_row_opens_with_the_results_title_reads_it() -> None:
    """The whole report (tests/fixtures/layouts): （一）予以公开 was lost, and with it the identities' checks of the
    whole 表三 (every other row unverified). Now it is read and proven, nothing proven wrong."""
    from llm_extract.ingest import load
    from llm_extract.schema import TABLE3_PATHS
    from tests.block_fixtures import LAYOUTS_DIR, layout_value, proven_wrong

    name = "pymupdf4llm_chromium_group_title_and_first_piece_in_one_field"
    record = process_document(load(LAYOUTS_DIR / f"{name}.md"))
    assert proven_wrong(record, name) == []
    got = record.report.values()
    row = TABLE3_ROW_PATHS["granted"]
    assert [(got[p], record.provenance[p].status) for p in row] == [(layout_value(name, p), Status.PROVEN) for p in row]
    assert sum(record.provenance[p].status is Status.PROVEN for p in TABLE3_PATHS) >= len(TABLE3_PATHS) - 14
