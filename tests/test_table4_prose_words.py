"""A sentence's word is no cell of 表四. An OCR layer prints its words apart (``本 年 度 无 收取 …``), so
``无`` stands alone on a sentence's line as an empty cell's mark would: taken as 表四's fifteenth cell
after a row that lost one of its numbers, it filled the last group's total (proven, all zeros holding).
A placeholder on a line of a sentence is the sentence's word: the lost cell stays lost."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE4_PATHS
from tests.fakeopenai import report_text, sample_values

ROW = "1\t0\t0\t1\t2\t0\t1\t0\t0\t1\t0\t0\t0\t0\t0"
#: three labelled rows of zeros, the first with a number lost, then a sentence whose 无 stands apart
TABLE = ("行政复议\t0\t0\t0\t0\n"
         "行政诉讼（未经复议直接起诉）\t0\t0\t0\t0\t0\n"
         "行政诉讼（复议后起诉）\t0\t0\t0\t0\t0\n"
         "本 年 度 无 收取 信息 处理费 情况 。")


def _record(table4: str):
    text = report_text(sample_values())
    assert ROW in text
    return process_document(Document.from_text(text.replace(ROW, table4), doc_id="x"))


def test_a_sentences_placeholder_word_is_not_taken_for_a_lost_cell() -> None:
    record = _record(TABLE)
    for path in TABLE4_PATHS:
        prov = record.provenance[path]
        assert prov.raw != "无", path
        assert not (prov.status is Status.PROVEN and record.report.get(path) is None), path


def test_the_table_without_the_sentence_reads_as_before() -> None:
    whole = TABLE.replace("行政复议\t0\t0\t0\t0\n", "行政复议\t0\t0\t0\t0\t0\n")
    record = _record(whole)
    assert all(record.provenance[p].status is Status.PROVEN for p in TABLE4_PATHS)
    assert all(record.report.get(p) == 0 for p in TABLE4_PATHS)


def test_a_rows_last_empty_cells_before_a_sentence_run_on_after_them_are_cells() -> None:
    """OCR'd text: a speck (、) after a row of 15 whose last group is printed — each, and the sentence on the next
    line joined to it; the — beside other cells are the row's empty cells, read as such."""
    row15 = "     1     0     0     0     1     0     0     0     0     0     —     —     —     —     — 、\n全年因政府信息公开被申请行政复议1件，提起行政诉讼0件。"
    record = _record(row15)
    assert [record.report.get(p) for p in TABLE4_PATHS] == [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, None, None, None, None, None]
    assert all(record.provenance[p].status is Status.PROVEN for p in TABLE4_PATHS)


def test_a_sentence_parted_run_by_run_before_the_table_gives_no_cells() -> None:
    """BeautifulSoup's text with a line break between pieces: a Word page's sentence above 表四 comes out a run a
    line (``2022`` / ``年，因政府信息公开工作被申请行政复议`` / ``6`` / ``件，…``). Its counts are the sentence's: the
    table's fifteen cells are read and proven."""
    cells = "\n".join(ROW.split("\t"))
    parted = "\n".join(["2022", "年，因政府信息公开工作被申请行政复议", "6", "件，提起行政诉讼", "3", "件。", "", cells])
    record = _record(parted)
    assert [record.report.get(p) for p in TABLE4_PATHS] == [int(v) for v in ROW.split("\t")]
    assert all(record.provenance[p].status is Status.PROVEN for p in TABLE4_PATHS)
