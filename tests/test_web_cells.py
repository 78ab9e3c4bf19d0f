"""Cells of web-page tables: 表四's placeholders before a Word spacer row, and 表二 rows that no identity checks.

表二 has no identity: nothing can pin one of its cells. A row that lost or merged a cell is missing, its
possible readings offered as candidates; a glued digit run with one cut only is read, never proven.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.extract import extract_regex
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.review import review_items

T4_PATHS = [f"review_litigation.{g}.{c}" for g in ("administrative_review", "litigation_direct", "litigation_after_review")
            for c in ("upheld", "corrected", "other", "pending", "total")]
TITLE = "向阳区2023年政府信息公开工作年度报告\n"
TAIL = "五、存在的主要问题及改进情况\n略。\n"


def _cells(*values: str) -> str:
    """One cell per line, as the HTML ingest prints a table row (a blank cell is a tab-only line)."""
    return "".join(f"\t{v}\n" for v in values) + "\n"


def test_table4_with_placeholders_for_its_empty_groups_before_a_spacer_row_of_empty_cells():
    """A Word table's row of 15: five numbers and ten ／ cells, then the supportMisalignedColumns row of empty
    <td>s; before, the empty row's cells were taken for the last of the 15 and the numbers were lost."""
    text = TITLE + "四、政府信息公开行政复议、行政诉讼情况\n" + _cells("行政复议", "行政诉讼") \
        + _cells("结果维持", "结果纠正", "其他结果", "尚未审结", "总计") \
        + _cells("0", "1", "0", "0", "1", *["／"] * 10) + _cells(*[""] * 10) + TAIL
    readings = extract_regex(Document.from_text(text, doc_id="t4-spacer")).readings
    assert [readings[p].value for p in T4_PATHS] == [0, 1, 0, 0, 1] + [None] * 10
    assert readings[T4_PATHS[5]].kind.value == "placeholder"


def test_table4_with_an_empty_column_at_both_edges():
    """Each row opens and closes with an empty cell (a page's spacer column): the 15 cells between them."""
    text = TITLE + "四、政府信息公开行政复议、行政诉讼情况\n" + _cells("", "行政复议", "行政诉讼", "") \
        + _cells("", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "") \
        + _cells("", "0", "2", "2", "3", "7", "0", "0", "3", "0", "3", *["无"] * 5, "") + TAIL
    readings = extract_regex(Document.from_text(text, doc_id="t4-edges")).readings
    assert [readings[p].value for p in T4_PATHS] == [0, 2, 2, 3, 7, 0, 0, 3, 0, 3] + [None] * 5


def test_a_blank_first_cell_beside_an_edge_column_is_not_guessed():
    """[edge, blank, 14 cells, edge]: which empty cell is the table's is not known, so 表四 is missing."""
    text = TITLE + "二、主动公开政府信息情况\n" + _cells("规章", "0", "0", "0") \
        + "四、政府信息公开行政复议、行政诉讼情况\n" + _cells("结果维持", "结果纠正", "其他结果", "尚未审结", "总计") \
        + _cells("", "", "2", "2", "3", "7", "0", "0", "3", "0", "3", *["无"] * 5, "") + TAIL
    readings = extract_regex(Document.from_text(text, doc_id="t4-edge-blank")).readings
    assert all(readings[p].missing for p in T4_PATHS)


def test_a_trailing_row_of_empty_cells_is_a_group_when_the_table_needs_it():
    """Three rows of five, the last one blank: its cells are 表四's, not a spacer."""
    text = TITLE + "四、政府信息公开行政复议、行政诉讼情况\n" + _cells("结果维持", "结果纠正", "其他结果", "尚未审结", "总计") \
        + _cells("1", "0", "0", "0", "1") + _cells("0", "0", "0", "0", "0") + _cells(*[""] * 5) + TAIL
    readings = extract_regex(Document.from_text(text, doc_id="t4-blank-group")).readings
    assert [readings[p].value for p in T4_PATHS] == [1, 0, 0, 0, 1] + [0] * 5 + [None] * 5


T2_HEAD = TITLE + "二、主动公开政府信息情况\n" + _cells("第二十条第（一）项") \
    + _cells("信息内容", "本年制发件数", "本年废止件数", "现行有效件数")
T2_TAIL = "三、收到和处理政府信息公开申请情况\n" + TAIL
NORMATIVE = [f"active_disclosure.normative_documents.{c}" for c in ("issued", "repealed", "in_force")]


def test_a_table2_row_with_two_numbers_for_three_cells_is_missing_with_its_recount_as_a_candidate():
    """行政规范性文件 | 19 | 2 | 47?? (junk in the last cell; a footnote mark, 47※, would be 47 and its note; 47? is a
    number's place whose character was lost, like 47�): cutting 19 into 1, 9 is the only recount into three
    cells, but no identity pins it; before, it came out derived (DERIVE.PINNED) with an empty note."""
    text = T2_HEAD + _cells("规章", "0", "0", "0") + _cells("行政规范性文件", "19", "2", "47??") + T2_TAIL
    doc = Document.from_text(text, doc_id="t2-junk")
    record = process_document(doc)
    for path in NORMATIVE:
        prov = record.provenance[path]
        assert prov.status is Status.MISSING and "DERIVE.PINNED" not in prov.rules, path
        assert record.report.get(path) is None
    items = {it.path: it for it in review_items(record, doc.lines)}
    # 1 9 2 (19 cut) among the candidates, and 19 with a blank cell beside it; the reader's, not the identities'
    assert {c["value"] for c in items[NORMATIVE[0]].candidates} >= {1, 19}
    assert {c["value"] for c in items[NORMATIVE[1]].candidates} >= {9}
    assert {c["source"] for c in items[NORMATIVE[0]].candidates} == {"regex"}
    finding = next(f for f in record.findings if f.code == "DERIVE.AMBIGUOUS")
    assert "no identity checks these cells" in finding.message
    assert not any(f.code == "DERIVE.PINNED" for f in record.findings)


def test_a_glued_table2_run_with_one_cut_is_read_but_never_proven():
    """规章1000: 10, 0, 0 is the only cut (no leading zeros), and 120 has one digit a cell; but a blank cell
    leaves no trace in a run (10 | | 0 also prints 100), and no identity checks 表二: unverified, queued."""
    text = TITLE + "二、主动公开政府信息情况\n信息内容本年制发件数本年废止件数现行有效件数\n规章1000\n行政规范性文件120\n" \
        "行政许可3150\n" + T2_TAIL
    doc = Document.from_text(text, doc_id="t2-glued")
    record = process_document(doc)
    values = {p: record.report.get(p) for p in record.provenance if p.startswith("active_disclosure.")}
    assert [values[f"active_disclosure.regulations.{c}"] for c in ("issued", "repealed", "in_force")] == [10, 0, 0]
    assert [values[p] for p in NORMATIVE] == [1, 2, 0]
    for path in NORMATIVE:
        prov = record.provenance[path]
        assert (prov.status, prov.rules) == (Status.UNVERIFIED, ["READ.ONE_CUT"]), path
    assert record.provenance["active_disclosure.licensing"].status is Status.PROVEN    # one cell: the whole run
    items = {it.path: it for it in review_items(record, doc.lines)}
    assert "no identity checks it" in items[NORMATIVE[0]].message
