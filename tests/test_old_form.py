"""Reports in the 2019/2020 form (国办公开办函〔2019〕60号) are refused as an unsupported form, never read into the
2021 form's keys: its 表二 told by its words (misread by OCR too) or by its decisions' signed 本年增/减 cells; a
report of 2020 printed in the 2021 form is read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from llm_extract import UnsupportedFormError, load, process_document
from llm_extract.ingest import Document
from llm_extract.evidence import Status
from llm_extract.extract.layout import label_key
from llm_extract.form import FORM, FORM_2019
from llm_extract.extract.oldform import OLD_FORM_WORDS, old_form_word

TITLE = "某县人民政府2020年政府信息公开工作年度报告\n一、总体情况\n2020年，本县认真推进政务公开。\n二、主动公开政府信息情况\n"
TABLE3 = ("三、收到和处理政府信息公开申请情况\n\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n"
          "一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n")
#: the old form's 表二 as a Word table copied to text, one row a line, its cells parted by tabs
OLD_ROWS = ["第二十条第（一）项", "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量", "规章\t0\t0\t3",
            "规范性文件\t5\t5\t61", "第二十条第（五）项", "信息内容\t上一年项目数量\t本年增/减\t处理决定数量",
            "行政许可\t82\t+1\t5735", "其他对外管理服务事项\t24\t0\t123", "第二十条第（六）项",
            "信息内容\t上一年项目数量\t本年增/减\t处理决定数量", "行政处罚\t26\t-2\t101", "行政强制\t5\t+7\t21",
            "第二十条第（八）项", "信息内容\t上一年项目数量\t本年增/减", "行政事业性收费\t6\t0",
            "第二十条第（九）项", "信息内容\t采购项目数量\t采购总金额", "政府集中采购\t12\t356.40"]


def _report(tmp_path: Path, rows: list[str], name: str = "report.txt") -> Path:
    f = tmp_path / name
    f.write_text(TITLE + "\n".join(rows) + "\n" + TABLE3, encoding="utf-8")
    return f


def _without(*words: str) -> list[str]:
    return [r for r in OLD_ROWS if not any(w in r for w in words)]


@pytest.mark.parametrize("misread, printed", [
    ("本年新制作数量", "本年新制作数昼"), ("本年新公开数量", "本年新公幵数量"), ("对外公开总数量", "木外公开总数量"),
    ("其他对外管理服务事项", "其它对外管理服务事项"), ("政府集中采购", "政府集中釆购"), ("上一年项目数量", "上一年项目数重"),
])
def test_the_old_forms_words_misread_by_ocr_still_mark_it(tmp_path: Path, misread: str, printed: str) -> None:
    """Each marker word with one character misread, the other markers gone: the report is still refused."""
    others = re.compile("|".join(re.escape(w) for w in OLD_FORM_WORDS + ("本年增/减",) if w != misread))
    rows = [others.sub("数据", r.replace(misread, printed)) for r in OLD_ROWS]     # (generic headers: 数据)
    rows = [r.replace("+1", "1").replace("-2", "2").replace("+7", "7") for r in rows]   # no signed cells either
    with pytest.raises(UnsupportedFormError, match=f"report.txt: unsupported form.*{printed}"):
        process_document(load(_report(tmp_path, rows)))


def test_the_old_forms_table_without_its_headers_is_told_by_its_rows(tmp_path: Path) -> None:
    rows = _without("信息内容", "政府集中采购")       # 其他对外管理服务事项 is left
    with pytest.raises(UnsupportedFormError, match="其他对外管理服务事项"):
        process_document(load(_report(tmp_path, rows)))


def test_the_old_forms_decisions_with_signed_changes_mark_it_without_any_of_its_words(tmp_path: Path) -> None:
    """No header, no 其他对外管理服务事项, no 政府集中采购: the decisions' rows still hold 上一年项目数量, a signed
    本年增/减 and 处理决定数量. (行政许可 82 +1 5735 was read as 行政许可 82, proven.)"""
    rows = _without("信息内容", "其他对外管理服务事项", "采购")
    with pytest.raises(UnsupportedFormError, match="本年增/减"):
        process_document(load(_report(tmp_path, rows)))


@pytest.mark.parametrize("fill", ["", "0", "—"])
def test_a_2020_report_in_the_2021_form_is_read_whatever_its_empty_cells_hold(tmp_path: Path, fill: str) -> None:
    """The 2021 form's 表二 laid in a four-column grid: the decisions' rows' two empty cells printed empty, as 0
    or as a dash, are no old-form shape."""
    rows = ["第二十条第（一）项", "信息内容\t本年制发件数\t本年废止件数\t现行有效件数", "规章\t0\t0\t0",
            "行政规范性文件\t7\t0\t55", "第二十条第（五）项", f"信息内容\t本年处理决定数量\t{fill}\t{fill}",
            f"行政许可\t555\t{fill}\t{fill}", "第二十条第（六）项", f"信息内容\t本年处理决定数量\t{fill}\t{fill}",
            f"行政处罚\t44\t{fill}\t{fill}", f"行政强制\t2\t{fill}\t{fill}", "第二十条第（八）项",
            f"信息内容\t本年收费金额（单位：万元）\t{fill}\t{fill}", f"行政事业性收费\t32.89\t{fill}\t{fill}"]
    record = process_document(load(_report(tmp_path, rows)))
    assert record.report.year == 2020
    assert record.report.values()["active_disclosure.normative_documents.in_force"] == 55
    assert record.provenance["active_disclosure.normative_documents.in_force"].status is Status.PROVEN


def test_the_old_forms_table_with_none_of_its_words_and_no_signed_change_proves_nothing(tmp_path: Path) -> None:
    """No header, no old row, every 本年增/减 unsigned: 行政许可 82 1 5735 is the old form's shape only. Not refused
    (a 2021 table printing its empty cells as 0 looks the same), but 规章 0 0 3 is no 2021 row proven: it may be the
    old form's 本年新制作 / 本年新公开 / 对外公开总数量."""
    rows = [r.replace("+", "").replace("-2", "2") for r in _without("信息内容", "其他对外管理服务事项", "采购")]
    record = process_document(load(_report(tmp_path, rows)))
    for path in ("active_disclosure.regulations.issued", "active_disclosure.regulations.in_force",
                 "active_disclosure.normative_documents.in_force"):
        prov = record.provenance[path]
        assert prov.status is not Status.PROVEN and "READ.OLD_FORM_SHAPE" in prov.rules, path


def test_no_label_the_2021_form_prints_is_an_old_form_mark() -> None:
    printed = [text for row in FORM.table2 for text in (row.label, row.section, *(c.label for c in row.columns))]
    printed += [r.label for r in FORM.table3_rows] + [c.label for c in FORM.table3_columns] + list(FORM.table3_header)
    printed += [g.label for g in FORM.table4_groups] + [c.label for c in FORM.table4_columns]
    assert len(printed) > 60
    for label in printed:
        assert old_form_word(label_key(label)) is None, label


def test_each_word_of_the_2019_form_marks_it_and_its_rows_are_2021_rows_it_prints_otherwise() -> None:
    for word in FORM_2019.words:
        assert old_form_word(label_key(word)) == word
    assert set(FORM_2019.row_names) <= set(FORM_2019.words)
    one_cell = {row.path for row in FORM.table2 if len(row.columns) == 1}
    assert set(FORM_2019.three_cell_rows) <= one_cell


NEW_ROWS = ["第二十条第（一）项", "信息内容\t本年制发件数\t本年废止件数\t现行有效件数", "规章\t0\t0\t0",
            "行政规范性文件\t7\t0\t55", "第二十条第（五）项", "信息内容\t本年处理决定数量", "行政许可\t555",
            "第二十条第（六）项", "信息内容\t本年处理决定数量", "行政处罚\t44", "行政强制\t2", "第二十条第（八）项",
            "信息内容\t本年收费金额（单位：万元）", "行政事业性收费\t32.89"]


@pytest.mark.parametrize("prose", [
    ["本年度通过门户网站主动公开政府集中采购信息15条，对外公开总数量较上年增加，其他对外管理服务事项均按时公开。"],
    ["（一）政府集中采购信息公开", "全年公开政府集中采购项目信息15条。"],
])
def test_a_2021_report_telling_of_the_old_forms_matters_in_its_prose_is_read(tmp_path: Path, prose: list[str]) -> None:
    """Section 二 of a 2021 report may tell of 政府集中采购 in sentences or under a sub-heading before its
    table: with the 2021 form's headers printed, that is no old form (it was refused as one)."""
    record = process_document(load(_report(tmp_path, prose + NEW_ROWS)))
    assert record.report.values()["active_disclosure.licensing"] == 555
    assert record.provenance["active_disclosure.licensing"].status is Status.PROVEN


def test_the_old_forms_table_printed_as_sentences_is_refused(tmp_path: Path) -> None:
    prose = ["本年度新制作规范性文件5件，新公开规范性文件5件，对外公开总数量61件。",
             "行政许可处理决定数量5735件，行政处罚处理决定数量101件。政府集中采购项目12个，采购总金额356.4万元。"]
    with pytest.raises(UnsupportedFormError, match="unsupported form"):
        process_document(load(_report(tmp_path, prose)))


def test_the_old_forms_decisions_glued_by_a_crawler_mark_it_by_the_sign_inside_their_runs(tmp_path: Path) -> None:
    """A crawler's dump runs each row's cells together (行政许可82+15735: 82, +1, 5735; 行政处罚26-2101), its headers
    and the old rows dropped: the sign inside the runs marks the old form. (行政事业性收费60, the old form's 上一年项目数量
    6 and 本年增/减 0, was proven a fee of 60 万元.)"""
    rows = [r.replace("\t", "") for r in _without("信息内容", "其他对外管理服务事项", "采购")]
    with pytest.raises(UnsupportedFormError, match="本年增/减"):
        process_document(load(_report(tmp_path, rows)))


def test_a_2021_tables_decisions_glued_by_a_crawler_are_read() -> None:
    """The 2021 form's one-cell rows glued to their labels (行政许可5735) and a three-cell row glued round a blank
    cell printed as - (规章0-3) are no mark of the old form."""
    text = (TITLE + "规章0-3\n规范性文件5561\n行政许可5735\n行政处罚101\n行政强制21\n行政事业性收费0.5\n"
            + TABLE3)
    record = process_document(Document.from_text(text, doc_id="glued2021"))
    assert [record.report.get(f"active_disclosure.{k}") for k in ("licensing", "punishment", "enforcement")] == \
        [5735, 101, 21]
