"""Crawler text dumps: the whole article on one line, headings, labels and digit runs inline."""

import re
from pathlib import Path

from llm_extract.evidence import Status
from llm_extract.extract.inline import is_inline, unfold
from llm_extract.extract.meta import agency_name, read_meta
from llm_extract.ingest import load
from llm_extract.pipeline import process_document

DUMP = Path(__file__).parent / "fixtures" / "layouts" / "crawler_inline.txt"


def test_a_table_on_one_line_is_unfolded_into_a_line_per_heading_and_row():
    lines, origin = unfold(DUMP.read_text(encoding="utf-8").splitlines())
    assert "三、收到和处理政府信息公开申请情况" in lines
    assert "一、本年新收政府信息公开申请数量60000006" in lines
    # a digit run that swallowed the next item's number is cut before it
    assert "1.属于国家秘密0000000" in [line.removeprefix("（三）不予公开") for line in lines]
    assert "2.其他法律行政法规禁止公开0000000" in lines
    assert "行政许可3150" in lines and "规章000" in lines
    assert any(line.endswith("100010000000011") for line in lines)
    # every unfolded line remembers the source line it came from
    assert len(origin) == len(lines) and set(origin[lines.index("行政许可3150"):]) == {3}


def test_narrative_lines_and_short_lines_are_left_alone():
    narrative = "2021年，本机关共收到政府信息公开申请6件，予以公开2件，部分公开1件。" * 3
    assert not is_inline(narrative)
    assert unfold(["一、总体情况", narrative]) == (["一、总体情况", narrative], [1, 2])


def test_a_crawler_dump_is_read_not_refused_and_its_digit_runs_are_cut_by_the_identities():
    record = process_document(load(DUMP))
    apps = record.report.applications
    assert apps.new_received.natural_person == 6 and apps.new_received.total == 6
    assert apps.partially_granted.total == 4 and apps.unavailable_not_held.natural_person == 2
    assert record.report.review_litigation.litigation_after_review.pending == 1
    assert record.report.active_disclosure.licensing == 3150
    prov = record.provenance["applications.new_received.total"]
    assert prov.status is Status.DERIVED and prov.lines == [3]     # a cut is never proven by itself


def test_a_digit_run_with_several_surviving_cuts_stays_missing_with_its_candidates():
    record = process_document(load(DUMP))
    # 行政规范性文件5251: 5/2/51, 52/5/1, 5/25/1 … nothing decides between them
    prov = record.provenance["active_disclosure.normative_documents.issued"]
    assert prov.status is Status.MISSING and "DERIVE.AMBIGUOUS" in prov.rules
    assert record.report.active_disclosure.normative_documents.issued is None


def test_the_agency_is_the_issuing_bodys_name_only():
    assert agency_name("标题:向阳区") == "向阳区"
    assert agency_name("1-洪泽区人民政府") == "洪泽区人民政府"
    assert agency_name("- 2 -方正县会发镇") == "方正县会发镇"
    assert agency_name("第1页平源县岗山镇人民政府") == "平源县岗山镇人民政府"
    assert agency_name("第 1 页 共 5 页山水县华河镇人民政府") == "山水县华河镇人民政府"
    assert read_meta(["题名：哈尔滨市阿城区交界街道办事处2021年政府信息公开工作年度报告"])["agency"].value \
        == "哈尔滨市阿城区交界街道办事处"
    assert process_document(load(DUMP)).report.agency == "向阳区"


def test_a_notice_forwarding_the_report_names_the_forwarded_body_as_the_agency():
    """``XX县人民政府办公室关于转发XX县教育局2021年…年度报告的通知`` over the report: the report is the 教育局's."""
    meta = read_meta(["临朐县人民政府办公室关于转发临朐县教育局2021年政府信息公开工作年度报告的通知", "各有关单位："])
    assert (meta["agency"].value, meta["year"].value) == ("临朐县教育局", 2021)
    meta = read_meta(["湖南省人民政府办公室关于印发《湖南省住房和城乡建设厅2023年政府信息公开工作年度报告》的通知"])
    assert meta["agency"].value == "湖南省住房和城乡建设厅"


def _dump(*lines: str):
    from llm_extract.ingest import Document

    return process_document(Document.from_text("\n".join(lines), doc_id="dump"))


_T3 = ("四、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
       "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"
       "一、本年新收政府信息公开申请数量{new}二、上年结转政府信息公开申请数量0 0 0 0 0 0 0"
       "三、本年度办理结果（一）予以公开{new}（二）部分公开0 0 0 0 0 0 0（三）不予公开1.属于国家秘密0 0 0 0 0 0 0"
       "2.其他法律行政法规禁止公开0 0 0 0 0 0 0 3.危及“三安全一稳定”0 0 0 0 0 0 0 4.保护第三方合法权益0 0 0 0 0 0 0"
       "5.属于三类内部事务信息0 0 0 0 0 0 0 6.属于四类过程性信息0 0 0 0 0 0 0 7.属于行政执法案卷0 0 0 0 0 0 0"
       "8.属于行政查询事项0 0 0 0 0 0 0（四）无法提供1.本机关不掌握相关政府信息0 0 0 0 0 0 0"
       "2.没有现成信息需要另行制作0 0 0 0 0 0 0 3.补正后申请内容仍不明确0 0 0 0 0 0 0"
       "（五）不予处理1.信访举报投诉类申请0 0 0 0 0 0 0 2.重复申请0 0 0 0 0 0 0 3.要求提供公开出版物0 0 0 0 0 0 0"
       "4.无正当理由大量反复申请0 0 0 0 0 0 0 5.要求行政机关确认或重新出具已获取信息0 0 0 0 0 0 0"
       "（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请0 0 0 0 0 0 0"
       "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请0 0 0 0 0 0 0 3.其他///////"
       "（七）总计{new}四、结转下年度继续办理0 0 0 0 0 0 0")
_T4 = ("五、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉"
       "复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计{t4}"
       "六、存在的主要问题及改进情况无。")


def test_spaced_cells_glued_runs_headings_ending_a_paragraph_and_placeholder_runs():
    record = _dump("标题:某县2022年政府信息公开工作年度报告一、总体情况本年度共收到申请12件。三、主动公开政府信息情况",
                   "第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章0 0 0行政规范性文件17 1 0"
                   "第二十条第（五）项信息内容本年处理决定数量行政许可56第二十条第（六）项信息内容本年处理决定数量行政处罚340"
                   "行政强制0第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费0.00",
                   _T3.format(new="10 2 0 0 0 0 12"),
                   _T4.format(t4="1000010 092011 0030030"))
    report = record.report
    assert (report.agency, report.year) == ("某县", 2022)
    assert report.active_disclosure.normative_documents.issued == 17
    assert (report.active_disclosure.licensing, report.active_disclosure.punishment) == (56, 340)
    # the label keeps no digit of its row: 数量10 2 0 0 0 0 12 is seven cells
    assert record.provenance["applications.new_received.natural_person"].status is Status.PROVEN
    assert report.applications.new_received.natural_person == 10
    # a run of placeholders is a blank row
    assert report.applications.other_other.total is None
    # 表四: runs parted by spaces are cut only where the spaces stand, as the identities allow
    t4 = report.review_litigation
    assert (t4.administrative_review.upheld, t4.litigation_direct.corrected, t4.litigation_after_review.other) == (10, 9, 30)
    assert record.provenance["review_litigation.litigation_direct.other"].status is Status.DERIVED


def test_a_count_glued_with_its_unit_between_its_label_and_the_next_heading_is_read() -> None:
    """``行政许可58件第二十条第（六）项…``: the unit 件 ends the count; the heading's digits never join it."""
    record = _dump("某县2022年政府信息公开工作年度报告三、主动公开政府信息情况",
                   "第二十条第（五）项信息内容本年处理决定数量行政许可58件第二十条第（六）项信息内容本年处理决定数量"
                   "行政处罚340行政强制0第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费0.00",
                   _T3.format(new="10 2 0 0 0 0 12"), _T4.format(t4="1000010 092011 0030030"))
    assert record.report.active_disclosure.licensing == 58
    assert record.provenance["active_disclosure.licensing"].status is Status.PROVEN
    assert record.report.active_disclosure.punishment == 340


def test_a_notes_tail_or_a_count_of_items_after_a_one_cell_rows_label_is_no_cell() -> None:
    """``行政许可2件）第二十条…``: the tail of a cell's note (``（其中修订2件）``) a text tool printed on the row's line;
    件 closing a note is no count's unit. ``行政事业性收费3件第二十条…``: the fee is in 万元, never a count of 件."""
    record = _dump("某县2022年政府信息公开工作年度报告三、主动公开政府信息情况",
                   "第二十条第（五）项信息内容本年处理决定数量行政许可2件）第二十条第（六）项信息内容本年处理决定数量"
                   "行政处罚340行政强制0第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费3件第二十条",
                   _T3.format(new="10 2 0 0 0 0 12"), _T4.format(t4="1000010 092011 0030030"))
    assert record.report.active_disclosure.licensing is None
    assert record.report.active_disclosure.fees_10k_yuan is None
    assert record.report.active_disclosure.punishment == 340


def test_an_empty_group_printed_wu_between_digit_runs_at_a_lines_end_is_read() -> None:
    """``…总计00000无无无无无00000`` ending its line: the 无 are the middle group's five empty cells, no label
    starting with 无 (无法提供…); the runs either side are the other groups, cut by the identities."""
    t4 = _T4.format(t4="00000无无无无无10001").split("六、")[0]
    record = _dump("某县2022年政府信息公开工作年度报告", _T3.format(new="10 2 0 0 0 0 12"), t4, "六、存在的主要问题及改进情况无。")
    groups = record.report.review_litigation
    assert [groups.litigation_direct.upheld, groups.litigation_direct.total] == [None, None]
    assert record.provenance["review_litigation.litigation_direct.total"].status is Status.PROVEN
    assert (groups.administrative_review.total, groups.litigation_after_review.upheld,
            groups.litigation_after_review.total) == (0, 1, 1)


def test_a_blank_rows_label_before_the_next_label_is_a_blank_row_and_run_together_labels_are_read_as_neither():
    """`…大量反复申请 ５．要求…0 0 0`, `…公开申请2.申请人逾期…`, `国家秘密———————2.其他法律`: each label
    starts its own row, and a label alone is a row of empty cells; a label item that still holds two
    rows' labels (no item number between them) is read as neither."""
    record = _dump("某县2022年政府信息公开工作年度报告",
                   _T3.format(new="10 2 0 0 0 0 12")
                   .replace("4.无正当理由大量反复申请0 0 0 0 0 0 0 5.", "4.无正当理由大量反复申请 ５．")
                   .replace("政府信息公开申请0 0 0 0 0 0 02.申请人逾期", "政府信息公开申请2.申请人逾期")
                   .replace("1.属于国家秘密0 0 0 0 0 0 0", "1.属于国家秘密———————"),
                   _T4.format(t4="0 0 0 0 0 0 0 0 0 0 0 0 0 0 0"))
    apps = record.report.applications
    assert apps.denied_state_secret.total is None and apps.denied_prohibited_by_law.total == 0
    assert record.provenance["applications.rejected_reconfirm.total"].status is Status.PROVEN
    for row in ("rejected_excessive", "other_no_correction"):      # a label alone: its cells are empty
        assert record.report.get(f"applications.{row}.total") is None, row
    assert record.provenance["applications.other_unpaid_fee.total"].status is Status.PROVEN
    merged = _dump("某县2022年政府信息公开工作年度报告",
                   _T3.format(new="10 2 0 0 0 0 12").replace("4.无正当理由大量反复申请0 0 0 0 0 0 0 5.",
                                                             "4.无正当理由大量反复申请"),
                   _T4.format(t4="0 0 0 0 0 0 0 0 0 0 0 0 0 0 0"))
    for row in ("rejected_excessive", "rejected_reconfirm"):
        assert merged.provenance[f"applications.{row}.total"].status is not Status.PROVEN, row


def test_a_glued_rows_label_with_nothing_after_it_is_a_blank_row():
    """In a crawler's dump a row of empty cells leaves its label alone, whatever its wording."""
    from llm_extract.ingest import Document

    text = DUMP.read_text(encoding="utf-8").replace("3.危及“三安全一稳定”0000000", "3.危及“三安全一稳定”")
    record = process_document(Document.from_text(text, doc_id="blank-row"))
    row = record.report.applications.denied_security_stability
    assert [row.natural_person, row.total] == [None, None]
    assert record.provenance["applications.denied_security_stability.total"].kind.value == "blank"
    assert record.report.applications.denied_third_party.total == 0


def test_a_dump_that_keeps_tabs_between_cells_and_spaces_between_rows_reads_every_table(golden_dir: Path):
    """A crawler that prints a table's cells with tabs and its rows with spaces, the whole table on one line:
    规章\\t0\\t0\\t0 行政规范性文件\\t5\\t2\\t51 … is cut before each row's label, 表二's too."""
    from llm_extract.ingest import Document
    from llm_extract.outputs import read_json
    from llm_extract.schema import Report
    from llm_extract.synth import render

    report = Report.model_validate(read_json(golden_dir / "002_0126e23b7202ee31.json"))
    text = render(report, "tabrows")
    start, end = text.index("二、主动公开"), text.index("五、")
    dump = text[:start] + " ".join(line for line in text[start:end].split("\n") if line.strip()) + "\n" + text[end:]
    assert "规章\t0\t0\t0 行政规范性文件\t5" in dump.replace("\t\t", "\t")
    record = process_document(Document.from_text(dump, doc_id="dump"))
    assert record.report.values() == report.values()


def test_a_preamble_that_names_every_section_does_not_end_the_tables_before_they_start(golden_dir: Path):
    """本报告由总体情况、主动公开政府信息情况、……、存在的主要问题及改进情况……组成, then the article, all on
    one line: the tables end at the 五、 after the last table heading, not at the preamble's mention of it."""
    from llm_extract.ingest import Document
    from llm_extract.outputs import read_json
    from llm_extract.schema import Report
    from llm_extract.synth import render

    report = Report.model_validate(read_json(golden_dir / "002_0126e23b7202ee31.json"))
    text = render(report, "tabrows")
    title, body = text.split("\n", 1)
    preamble = ("本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼"
                "情况、存在的主要问题及改进情况、其他需要报告的事项等六部分组成。")
    dump = title + " " + preamble + " " + " ".join(line.replace("\t", " ") for line in body.split("\n") if line.strip())
    assert "\n" not in dump
    record = process_document(Document.from_text(dump, doc_id="dump"))
    assert record.report.values() == report.values()


def test_a_count_with_thousands_separators_glued_to_its_label_is_read():
    from llm_extract.extract.glued import glued_number

    assert glued_number("行政处罚1,314") == "1,314" and glued_number("行政许可3150") == "3150"
    assert glued_number("规章0,0,0") is None            # not one number: three cells, which no cut can part
    text = ("某县2021年政府信息公开工作年度报告\n二、主动公开政府信息情况 第二十条第（五）项 信息内容本年处理决定数量 "
            "行政许可12,345 第二十条第（六）项 信息内容本年处理决定数量 行政处罚1,314 行政强制0 "
            "第二十条第（八）项 信息内容本年收费金额（单位：万元） 行政事业性收费0\n")
    from llm_extract.ingest import Document

    record = process_document(Document.from_text(text, doc_id="t2"))
    ad = record.report.active_disclosure
    assert (ad.licensing, ad.punishment, ad.enforcement) == (12345, 1314, 0)


def test_a_sentence_comparing_with_last_years_figures_is_not_a_crawlers_dump(golden_dir: Path):
    """上年行政许可3265件、行政处罚195件，上年结转政府信息公开申请数量4件；本年新收…较上年的98件: row labels with
    figures and units, in a sentence. The document is read line by line, not unfolded as an inline table."""
    from llm_extract.ingest import Document

    sentence = ("与2020年相比，上年行政许可3265件、行政处罚195件，上年结转政府信息公开申请数量4件；本年新收政府信息公开申请"
                "数量较上年的98件有所变化，予以公开21件，部分公开3件，行政规范性文件17件已全部公开。")
    assert not is_inline(sentence)
    text = load(golden_dir / "003_d677def7845cc038.txt").text
    doc = Document.from_text(text.replace("（一）主动公开情况", sentence + "\n（一）主动公开情况", 1), doc_id="003")
    lines, _ = unfold(doc.lines)
    assert lines == doc.lines
    record = process_document(doc)
    assert record.report.values() == process_document(load(golden_dir / "003_d677def7845cc038.txt")).report.values()
    assert is_inline("一、本年新收政府信息公开申请数量530010590二、上年结转政府信息公开申请数量0000000三、本年度办理结果"
                     "（一）予以公开3001004（二）部分公开0000000")


def _tab_dump(golden_dir: Path, rows_apart: str, placeholders: bool = False, cells_apart: str = "\t"):
    """002's report as a crawler prints it: the tables on one line, cells apart by ``cells_apart``, rows
    by ``rows_apart``, an item number's dot followed by a space (1. 属于国家秘密)."""
    from llm_extract.ingest import Document
    from llm_extract.outputs import read_json
    from llm_extract.schema import Report
    from llm_extract.synth import render

    report = Report.model_validate(read_json(golden_dir / "002_0126e23b7202ee31.json"))
    text = render(report, "tabrows")
    header = next(line for line in text.split("\n") if "申请人情况" in line)
    text = text.replace(header, "\t".join(["申请人情况"] + [f"数据{k}" for k in range(1, 8)]))     # a generic header
    if placeholders:
        text = text.replace("（一）予以公开\t0\t0\t0\t0\t0\t0\t0", "（一）予以公开\t0\t—\t0\t—\t0\t—\t0")
    start, end = text.index("二、主动公开"), text.index("五、")
    table = rows_apart.join(line for line in text[start:end].split("\n") if line.strip())
    table = re.sub(r"(?<=\d)\.(?=[\u4e00-\u9fff])", ". ", table).replace("\t", cells_apart)
    table = table.replace("不掌握", "不掌控")         # a label typo: the row is known by its place, after 1.
    return report, Document.from_text(text[:start] + table + "\n" + text[end:], doc_id="dump")


def test_a_tabbed_dump_whose_item_numbers_have_a_space_after_the_dot_reads_every_row(golden_dir: Path):
    """…0 0 2 2. 没有现成信息…: an item number with a space after its dot starts a row as well (cells and
    rows apart by tabs or by spaces, under a header that names no column: 数据1 … 数据7)."""
    for apart in ("\t", " "):
        report, doc = _tab_dump(golden_dir, apart, cells_apart=apart)
        assert any("2 2. 没有现成" in line or "2\t2. 没有现成" in line for line in doc.lines)
        assert process_document(doc).report.values() == report.values(), repr(apart)


def test_placeholders_in_a_tabbed_dumps_row_that_adds_up_are_its_empty_cells(golden_dir: Path):
    """（一）予以公开⇥0⇥—⇥0⇥—⇥0⇥—⇥0: printed placeholders hold their columns (an empty field would not)."""
    from llm_extract.evidence import Status

    _, doc = _tab_dump(golden_dir, "\t", placeholders=True)
    record = process_document(doc)
    row = record.report.applications.granted
    assert (row.natural_person, row.commercial, row.research, row.total) == (0, None, 0, 0)
    assert record.provenance["applications.granted.natural_person"].status is Status.PROVEN


def test_a_tables_last_placeholders_glued_to_the_sentence_after_it_are_still_its_cells():
    """… 0 0 1 1 / / / / /全年因… (spaces) and …⇥无⇥无⇥无⇥无⇥无全年因… (tabs): the last placeholder is the row's
    cell, the words after it the narrative's."""
    for cells in (" 1 0 0 0 1 0 0 0 0 0 / / / / /", "\t1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t无\t无\t无\t无\t无"):
        record = _dump("某县2022年政府信息公开工作年度报告", _T3.format(new="10 2 0 0 0 0 12"),
                       _T4.format(t4=cells + "全年因政府信息公开被申请行政复议1件。"))
        t4 = record.report.review_litigation
        assert (t4.administrative_review.upheld, t4.administrative_review.total) == (1, 1), repr(cells)
        assert t4.litigation_after_review.total is None, repr(cells)
        assert record.provenance["review_litigation.litigation_after_review.total"].kind.value == "placeholder"


def test_heading_words_inside_the_narratives_sentences_open_no_table(golden_dir: Path):
    """A dump's narrative uses the tables' heading words in sentences: a section list (``全文包括总体情况、主动公开
    政府信息情况、…``), a figure (``主动公开政府信息216条``), a sentence going on (``被申请行政复议、提起行政诉讼的
    情况。``). None of them opens a table: the tables are the ones under the numbered headings, every cell read."""
    from llm_extract.ingest import Document
    from llm_extract.outputs import read_json
    from llm_extract.schema import Report
    from llm_extract.synth import render

    report = Report.model_validate(read_json(golden_dir / "002_0126e23b7202ee31.json"))
    text = render(report, "tabrows")
    title, body = text.split("\n", 1)
    narrative = ("全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、"
                 "存在的主要问题及改进情况、其他需要报告的事项。 一、总体情况 我局通过政府网站主动公开政府信息216条。"
                 "全年未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。 ")
    body = body[body.index("二、主动公开"):]
    dump = title + " " + narrative + " ".join(line.replace("\t", " ") for line in body.split("\n") if line.strip())
    assert "\n" not in dump
    record = process_document(Document.from_text(dump, doc_id="dump"))
    assert record.report.values() == report.values()
    assert all(p.status is Status.PROVEN for k, p in record.provenance.items() if k.startswith("active_disclosure."))


def test_a_bare_total_label_right_after_a_blank_other_row_takes_the_numbers_after_it():
    """`3.其他 总计 0 0 0 0 0 0 0 四、结转…`: 3.其他 printed no cell, the numbers are （七）总计's; with every count 0
    no identity tells the two readings apart, so the label decides."""
    for total in ("3.其他 总计", "3、其他合计", "3.其他\u3000总计"):
        record = _dump("某县2022年政府信息公开工作年度报告",
                       _T3.format(new="0 0 0 0 0 0 0").replace("3.其他///////（七）总计", total + " "),
                       _T4.format(t4="0 0 0 0 0 0 0 0 0 0 0 0 0 0 0"))
        apps = record.report.applications
        assert [apps.other_other.natural_person, apps.other_other.total] == [None, None], total
        assert [apps.total_processed.natural_person, apps.total_processed.total] == [0, 0], total
        assert record.provenance["applications.total_processed.total"].status is Status.PROVEN, total
