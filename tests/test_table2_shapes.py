"""表二 as agencies reshape it. Given as sentences, no table (llm_extract/extract/t2sentences.py): each row's
counts section 二 states are read; what it does not state, or states in a unit the form does not use, stays missing;
a printed 表二 is never read from sentences. Printed wide (extract/t2wide.py): its labels side by side over one row
of cells, read in order where the cells are exactly as many as the labels' columns."""

from __future__ import annotations

from decimal import Decimal

from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from tests.fixtures.ingest.form2021 import GOLDEN, golden_report, with_section

STEM = "003_d677def7845cc038"
_HEADING = "二、主动公开政府信息情况"


def _record(section: str):
    return process_document(Document.from_text(with_section(STEM, _HEADING, "三、收到和处理政府信息公开申请情况", section), doc_id=STEM))


def _t2(record) -> dict:
    return {p.split(".", 1)[1]: v for p, v in record.report.values().items() if p.startswith("active_disclosure.")}


def test_each_rows_counts_are_read_from_its_clause() -> None:
    record = _record("2023年，本机关无规章制定权限，制发规章0件、废止0件、现行有效0件；制发行政规范性文件5件，废止8件，"
                     "现行有效74件。\n全年作出行政许可决定47795件，行政处罚决定690件，行政强制决定0件（未实施行政强制）。"
                     "收取行政事业性收费79.5万元。")
    assert _t2(record) == {"regulations.issued": 0, "regulations.repealed": 0, "regulations.in_force": 0,
                           "normative_documents.issued": 5, "normative_documents.repealed": 8,
                           "normative_documents.in_force": 74, "licensing": 47795, "punishment": 690,
                           "enforcement": 0, "fees_10k_yuan": 79.5}


def test_another_years_counts_are_no_cells_and_a_cell_stated_twice_otherwise_stays_missing() -> None:
    # no identity checks 表二: taking the first of two statements proved last year's 12 for this year's 9
    record = _record("2020年制发行政规范性文件12件，废止3件，现行有效72件；2021年制发规章0件、废止0件、现行有效0件；"
                     "制发行政规范性文件9件，废止3件，现行有效81件。上年度作出行政许可决定500件。"
                     "全年作出行政许可决定480件，行政处罚决定7件，行政强制决定0件。")
    t2 = _t2(record)
    assert {k: t2[k] for k in ("normative_documents.issued", "normative_documents.repealed",
                               "normative_documents.in_force")} == {"normative_documents.issued": None,
                                                                    "normative_documents.repealed": 3,
                                                                    "normative_documents.in_force": None}
    assert (t2["regulations.issued"], t2["licensing"], t2["punishment"]) == (0, 480, 7)
    assert record.provenance["active_disclosure.normative_documents.issued"].status.value == "missing"


def test_a_clause_naming_both_kinds_of_document_and_a_fee_in_yuan_stay_missing() -> None:
    record = _record("本年度制发规章和行政规范性文件共3件。行政事业性收费1200元。全年作出行政许可决定12件。")
    t2 = _t2(record)
    assert t2["licensing"] == 12
    assert {k: v for k, v in t2.items() if k != "licensing"} == {k: None for k in t2 if k != "licensing"}


def test_an_articles_heading_and_the_columns_name_after_a_decision_do_not_hide_the_counts() -> None:
    """A phone article's section 二: a Markdown heading with a pictograph (``## 👉二、主动公开政府信息情况``), and the
    decisions' counts after the column's name (``行政许可本年处理决定0件``)."""
    text = with_section(STEM, _HEADING, "三、收到和处理政府信息公开申请情况",
                        "本年度制发规章0件、废止0件、现行有效0件；制发行政规范性文件2件、废止0件、现行有效2件。"
                        "行政许可本年处理决定3件，行政处罚12件，行政强制0件，行政事业性收费0万元。")
    text = text.replace(_HEADING, "## 👉" + _HEADING, 1)
    t2 = _t2(process_document(Document.from_text(text, doc_id=STEM)))
    assert t2 == {"regulations.issued": 0, "regulations.repealed": 0, "regulations.in_force": 0,
                  "normative_documents.issued": 2, "normative_documents.repealed": 0, "normative_documents.in_force": 2,
                  "licensing": 3, "punishment": 12, "enforcement": 0, "fees_10k_yuan": 0}


def test_a_printed_table_is_read_as_printed_whatever_the_sentences_say() -> None:
    text = (GOLDEN / f"{STEM}.txt").read_text(encoding="utf-8")
    text = text.replace(_HEADING, _HEADING + "\n\n全年作出行政许可决定99999件。", 1)
    record = process_document(Document.from_text(text, doc_id=STEM))
    truth = golden_report(STEM).values()
    assert record.report.values()["active_disclosure.licensing"] == truth["active_disclosure.licensing"] != 99999


def test_a_wide_table_whose_labels_head_its_one_row_of_cells_is_read_in_order() -> None:
    record = _record("第二十条第（一）项\n规章\t行政规范性文件\n本年制发件数\t本年废止件数\t现行有效件数\t本年制发件数\t本年废止件数\t"
                     "现行有效件数\n0\t0\t1\t1\t4\t9\n第二十条第（五）项\t第二十条第（六）项\t第二十条第（八）项\n"
                     "行政许可\t行政处罚\t行政强制\t行政事业性收费（单位：万元）\n15427\t4470\t0\t0.5")
    assert _t2(record) == {"regulations.issued": 0, "regulations.repealed": 0, "regulations.in_force": 1,
                           "normative_documents.issued": 1, "normative_documents.repealed": 4,
                           "normative_documents.in_force": 9, "licensing": 15427, "punishment": 4470,
                           "enforcement": 0, "fees_10k_yuan": 0.5}


def test_labels_side_by_side_over_fewer_cells_than_their_columns_stay_missing() -> None:
    record = _record("行政许可\t行政处罚\t行政强制\t行政事业性收费（单位：万元）\n15427\t4470")
    assert {k: v for k, v in _t2(record).items() if k in ("licensing", "punishment")} \
        == {"licensing": None, "punishment": None}


def test_a_small_table_written_as_a_paragraph_reads_its_row_after_its_header_words() -> None:
    """pymupdf4llm writes a small unruled table as one paragraph: ``第二十条第（八）项 信息内容 本年收费金额（单位：万元）
    行政事业性收费 0.5``. The section and header words before the label are the table's own: the row is read."""
    from llm_extract.evidence import Status
    section = "\n".join([
        "第二十条第（一）项", "信息内容\t本年制发件数\t本年废止件数\t现行有效件数", "规章\t0\t0\t0", "行政规范性文件\t3\t1\t20",
        "第二十条第（五）项 信息内容 本年处理决定数量 行政许可 15",
        "第二十条第（六）项", "信息内容\t本年处理决定数量", "行政处罚\t7", "行政强制\t0",
        "第二十条第（八）项 信息内容 本年收费金额（单位：万元） 行政事业性收费 0.5"])
    record = _record(section)
    assert _t2(record)["fees_10k_yuan"] == 0.5 and _t2(record)["licensing"] == 15
    for path in ("active_disclosure.fees_10k_yuan", "active_disclosure.licensing"):
        assert record.provenance[path].status is Status.PROVEN, path


def test_header_words_then_a_label_running_on_into_another_row_read_no_cell_of_it() -> None:
    """OCR joined a row to the next section (``…本年处理决定数量 行政许可0-第二十条第六)项…行政处罚 143``): the text
    after the header words is more than a label, so 143 is not read as 行政许可's."""
    from llm_extract.extract.t2labels import _rows_after_heads
    from llm_extract.form import FORM
    licensing = next(row.path for row in FORM.table2 if row.path.endswith("licensing"))
    assert licensing in _rows_after_heads("第二十条第(五)项信息内容本年处理决定数量行政许可")
    assert licensing not in _rows_after_heads("第二十条第(五)项信息内容本年处理决定数量行政许可0-第二十条第六)项信息内容行政处罚")
    assert licensing not in _rows_after_heads("行政许可")


def test_section_two_numbered_by_the_reports_own_count_is_read_up_to_the_next_number_of_that_count() -> None:
    """A report that counts its tables' sections from 一 (``一、主动公开政府信息情况`` … ``二、收到和处理…``), or in
    brackets (``（二）主动公开政府信息情况`` … ``（三）收到和处理…``): section 二's sentences are read, full-width
    digits too, and a sentence after the next section's heading is none of its cells."""
    section = ("本年度制发规章０件、废止０件、现行有效０件；制发规范性文件８件、废止３件、现行有效４７件。"
               "行政许可本年处理决定１５４３０件，行政处罚８４１件，行政强制７７件，行政事业性收费１１１.７４万元。")
    expected = {"regulations.issued": 0, "regulations.repealed": 0, "regulations.in_force": 0,
                "normative_documents.issued": 8, "normative_documents.repealed": 3, "normative_documents.in_force": 47,
                "licensing": 15430, "punishment": 841, "enforcement": 77, "fees_10k_yuan": Decimal("111.74")}
    nxt = "三、收到和处理政府信息公开申请情况"
    for heading, next_heading in (("一、主动公开政府信息情况", "二、收到和处理政府信息公开申请情况"),
                                  ("（二）主动公开政府信息情况", "（三）收到和处理政府信息公开申请情况")):
        text = with_section(STEM, _HEADING, nxt, section).replace(_HEADING, heading, 1)
        text = text.replace(nxt, next_heading + "\n行政处罚决定5件的复议情况见下表。", 1)
        t2 = _t2(process_document(Document.from_text(text, doc_id=STEM)))
        assert t2 == expected, heading


def test_an_empty_cells_mark_is_an_empty_cell_and_a_note_in_brackets_may_stand_for_the_unit() -> None:
    """``制发规章无、废止-、现行有效/``: three empty cells, stated; ``制发行政规范性文件23（其中修订10件）``: 23, the note
    after it no count of the row."""
    for mark in ("无", "-", "/"):
        record = _record(f"本年度制发规章{mark}、废止{mark}、现行有效{mark}；制发行政规范性文件23（其中修订10件）、废止2件、"
                         "现行有效47（含部门规范性文件43件）。行政许可本年处理决定5件，行政处罚6件，行政强制0件。")
        t2 = _t2(record)
        assert {k: v for k, v in t2.items() if "fees" not in k} == {
            "regulations.issued": None, "regulations.repealed": None, "regulations.in_force": None,
            "normative_documents.issued": 23, "normative_documents.repealed": 2, "normative_documents.in_force": 47,
            "licensing": 5, "punishment": 6, "enforcement": 0}, mark
        for path in ("regulations.issued", "normative_documents.issued", "normative_documents.in_force"):
            assert record.provenance[f"active_disclosure.{path}"].status.value == "proven", (mark, path)


def test_a_count_stated_before_the_row_is_named_is_none_of_its_cells() -> None:
    """``本年共制发各类文件120件，其中规章0件``: 120 is all the documents', not 规章's 制发; ``现行有效文件95件，其中行政规范性
    文件3件``: 95 is no 现行有效 of 行政规范性文件. No identity checks 表二: a count so placed would be proven wrong."""
    record = _record("本年共制发各类文件120件，其中规章0件。现行有效文件95件，其中行政规范性文件3件。"
                     "全年作出行政许可决定12件。")
    t2 = _t2(record)
    assert t2["licensing"] == 12
    assert t2["regulations.issued"] is None and t2["normative_documents.in_force"] is None
    for path in ("regulations.issued", "normative_documents.in_force"):
        assert record.provenance[f"active_disclosure.{path}"].status.value != "proven", path


def test_counts_written_with_thousands_separators_are_read_whole() -> None:
    """An article's section 二 writes big counts with thousands separators (``行政许可本年处理决定34,128件``, full-width
    digits too, ``７,１９５件``): each is the whole count, and the sentence is a sentence, no crawler's dump of table
    rows to cut at its commas (which would leave every count of the line missing)."""
    record = _record("本年度制发规章0件、废止0件、现行有效76件；制发规范性文件２９件、废止3件、现行有效３９３件。"
                     "行政许可本年处理决定34,128件，行政处罚７,１９５件，行政强制2,826件，行政事业性收费1,195.97万元。")
    assert _t2(record) == {"regulations.issued": 0, "regulations.repealed": 0, "regulations.in_force": 76,
                           "normative_documents.issued": 29, "normative_documents.repealed": 3,
                           "normative_documents.in_force": 393, "licensing": 34128, "punishment": 7195,
                           "enforcement": 2826, "fees_10k_yuan": Decimal("1195.97")}
    for path in ("regulations.issued", "licensing", "punishment", "fees_10k_yuan"):
        assert record.provenance[f"active_disclosure.{path}"].status.value == "proven", path
