"""Table regions are found by their headings, not by sentences that mention them."""

from __future__ import annotations

from pathlib import Path

import pytest

from llm_extract.evidence import Status
from llm_extract.extract.regions import find_regions
from llm_extract.ingest import Document, load
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import DISCLOSURE_PATHS, Report
from llm_extract.synth import render


def _golden_report(golden_dir: Path) -> Report:
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    return Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})


def _with_narrative(golden_dir: Path, sentence: str, before: str) -> Document:
    text = load(golden_dir / "003_d677def7845cc038.txt").text
    return Document.from_text(text.replace(before, sentence + "\n" + before, 1), doc_id="003")


def test_a_sentence_mentioning_review_and_litigation_is_not_table_4s_heading(golden_dir: Path) -> None:
    doc = _with_narrative(golden_dir, "全年无因政府信息公开工作被申请行政复议、提起行政诉讼情况。", "（二）依申请公开情况")
    record = process_document(doc)
    reference = process_document(load(golden_dir / "003_d677def7845cc038.txt"))
    assert record.report.values() == reference.report.values()
    assert all(p.status == Status.PROVEN for p in record.provenance.values())


def test_a_narrative_line_starting_with_a_table_2_label_does_not_hide_the_row(golden_dir: Path) -> None:
    doc = _with_narrative(golden_dir, "二、主动公开政府信息情况\n行政许可事项清单已在网站公开", "（二）依申请公开情况")
    record = process_document(doc)
    assert record.report.active_disclosure.licensing == 15498
    assert record.provenance["active_disclosure.licensing"].status == Status.PROVEN


# the preamble real reports open with, wrapped as a PDF's text layer wraps it: no sentence punctuation on
# the lines that list the sections, so each could pass for a heading
_PREAMBLE = ("本报告根据《中华人民共和国政府信息公开条例》和国办公开办函〔2021〕30号要求编制。全文包括总体情况、主动\n"
             "公开政府信息情况、收到和\n"
             "处理政府信息公开申请情况、政府信息公开行政复议及行政诉讼情况、存在的主要问题及改进情\n"
             "况、其他需要报告的事项。")


def test_a_wrapped_preamble_listing_the_sections_is_not_their_headings(golden_dir: Path) -> None:
    doc = _with_narrative(golden_dir, _PREAMBLE, "（一）主动公开情况")
    record = process_document(doc)
    reference = process_document(load(golden_dir / "003_d677def7845cc038.txt"))
    assert record.report.values() == reference.report.values()
    assert all(p.status == Status.PROVEN for p in record.provenance.values())


def test_a_preamble_line_listing_table_2_and_3_is_not_a_heading(golden_dir: Path) -> None:
    preamble = "全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开\n行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项"
    record = process_document(_with_narrative(golden_dir, preamble, "（一）主动公开情况"))
    assert all(p.status == Status.PROVEN for p in record.provenance.values())


def test_a_preamble_line_naming_table_4_after_a_listed_table_3_is_not_table_4s_heading(golden_dir: Path) -> None:
    """A PDF's wrap: 表四's name without a 、 of its own, on a line that lists 表三 too."""
    preamble = ("全文包括总体情况、主动公开政\n府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议及行政诉讼情\n"
                "况、存在的主要问题及改进情况、其他需要报告的事项。")
    record = process_document(_with_narrative(golden_dir, preamble, "（一）主动公开情况"))
    assert all(p.status == Status.PROVEN for p in record.provenance.values())


def test_a_section_name_wrapped_before_the_list_goes_on_is_not_a_heading(golden_dir: Path) -> None:
    preamble = "全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、\n政府信息公开行政复议和行政诉讼情\n况、存在的主要问题及改进情况。"
    record = process_document(_with_narrative(golden_dir, preamble, "（一）主动公开情况"))
    assert all(p.status == Status.PROVEN for p in record.provenance.values())


@pytest.mark.parametrize("joiner", ["\t", " "])
def test_a_heading_closing_a_line_of_joined_paragraphs_opens_its_section(golden_dir: Path, joiner: str) -> None:
    """BeautifulSoup's ``get_text("\\t")`` or ``get_text(" ")`` of a page whose layout cell holds the report's opening
    paragraphs: they come out on one line, 表二's heading the last of them (``…保密审查机制。\\t二、主动公开政府信息情况``),
    its table's rows on the lines after. 表二 is read there and proven."""
    report_text = render(_golden_report(golden_dir), "tabrows")
    head = "二、主动公开政府信息情况"
    opening, rest = report_text.split(head + "\n", 1)
    text = joiner.join(line for line in opening.split("\n") if line.strip()) + joiner + head + joiner + "\n" + rest
    assert len(text.split("\n", 1)[0]) > 60
    record = process_document(Document.from_text(text, doc_id="003"))
    for path in DISCLOSURE_PATHS:
        assert record.provenance[path].status is Status.PROVEN, path
    assert record.report.active_disclosure.licensing == 15498


def test_a_paragraph_naming_a_section_in_its_last_words_opens_none(golden_dir: Path) -> None:
    """``…。 主动公开政府信息情况见下表`` is a sentence, not a heading: only a numbered heading closes a line so."""
    report_text = render(_golden_report(golden_dir), "tabrows")
    text = report_text.replace("二、主动公开政府信息情况\n", "本机关全年认真做好公开工作。 主动公开政府信息情况见下表\n", 1)
    record = process_document(Document.from_text(text, doc_id="003"))
    assert record.provenance["active_disclosure.licensing"].status is not Status.PROVEN or \
        record.report.active_disclosure.licensing == 15498


@pytest.mark.parametrize("layout", ["tabrows", "markdown"])
def test_tables_whose_section_headings_a_converter_dropped_are_read_at_their_first_rows(golden_dir: Path,
                                                                                        layout: str) -> None:
    """trafilatura keeps a page's tables but not its ``<h3>`` headings: 表二, 表三 and 表四 are found at their own
    first rows (``第二十条第（一）项``, ``一、本年新收…``, ``行政复议 | 行政诉讼``) and read as with their headings."""
    report = _golden_report(golden_dir)
    headings = ("二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况")
    text = "\n".join(line for line in render(report, layout).split("\n")
                     if line.strip().strip("#* ") not in headings)
    assert not any(h in text for h in headings)
    record = process_document(Document.from_text(text, doc_id="003"))
    reference = process_document(Document.from_text(render(report, layout), doc_id="003"))
    for path, value in reference.report.values().items():
        if path.startswith(("active_disclosure.", "applications.", "review_litigation.")):
            assert record.report.values()[path] == value, path
            assert record.provenance[path].status is reference.provenance[path].status, path


def test_a_text_that_only_tells_its_counts_in_sentences_anchors_no_table() -> None:
    """``本年度收到政府信息公开申请3件，…`` in a paragraph is no first row of 表三: no table is found there."""
    from llm_extract.extract.headless import anchor_headless_tables
    lines = ["某某局2023年工作总结", "本年度收到政府信息公开申请3件，均已答复。", "依据第二十条规定，主动公开信息。"]
    found: dict[str, int] = {}
    anchor_headless_tables(lines, found, {})
    assert found == {}


@pytest.mark.parametrize("left, right", [("【", "】"), ("〔", "〕"), ("[", "]")])
def test_a_heading_set_in_brackets_opens_its_section(golden_dir: Path, left: str, right: str) -> None:
    """A page that sets its headings in brackets (``【三、收到和处理政府信息公开申请情况】``): the bracket before the
    heading's number is no 、 list going on; every table is read as with plain headings."""
    report = _golden_report(golden_dir)
    plain = render(report, "tabrows")
    text = plain
    for heading in ("二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况"):
        text = text.replace(heading + "\n", f"{left}{heading}{right}\n", 1)
    assert text.count(left) == 3
    from llm_extract.extract.regions import find_regions
    regions = find_regions(text.split("\n"))
    assert [regions[t].heading for t in ("表二", "表三", "表四")] == [
        f"{left}{h}{right}" for h in ("二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                                      "四、政府信息公开行政复议、行政诉讼情况")]
    record = process_document(Document.from_text(text, doc_id="003"))
    reference = process_document(Document.from_text(plain, doc_id="003"))
    for path, value in reference.report.values().items():
        if path.startswith(("active_disclosure.", "applications.", "review_litigation.")):
            assert record.report.values()[path] == value, path
            assert record.provenance[path].status is reference.provenance[path].status, path


def _cells_text(golden_dir: Path) -> tuple[Report, list[str]]:
    """The golden report a cell to a line, as PyMuPDF prints a ruled table (no tabs, no empty lines)."""
    report = _golden_report(golden_dir)
    return report, [line.strip() for line in render(report, "cells").split("\n") if line.strip()]


def test_a_group_title_in_half_width_brackets_alone_on_its_line_ends_no_table(golden_dir: Path) -> None:
    """``(五)`` / ``不予`` / ``处理``: 表三's group title printed down its cell, not section 五's heading (where no
    heading after 表三's is found, the first line that looks like section 五's ends the tables)."""
    report, lines = _cells_text(golden_dir)
    at = next(i for i, line in enumerate(lines) if line.startswith("（五）不予处理"))
    assert lines[at] == "（五）不予处理"                      # the shape this test is about
    lines[at:at + 1] = ["(五)", "不予", "处理"]
    four = next(i for i, line in enumerate(lines) if line.startswith("四、政府信息公开行政复议"))
    five = next(i for i, line in enumerate(lines) if line.startswith("五、"))
    del lines[four:five]                                       # no 表四 (its heading lost with it): 表三 runs on
    doc = Document.from_text("\n".join(lines), doc_id="p")
    assert find_regions(doc.lines)["表三"].end > doc.lines.index("五、存在的主要问题及改进情况")
    record = process_document(doc)
    for path in ("applications.rejected_duplicate.total", "applications.total_processed.total"):
        assert record.report.get(path) == report.get(path), path
        assert record.provenance[path].status is Status.PROVEN, path


def test_a_heading_wrapped_at_the_pages_width_opens_its_section(golden_dir: Path) -> None:
    """``四、因政府信息公开工作被申请行政复议、提起行政`` / ``诉讼情况``: neither line holds the heading whole."""
    report, lines = _cells_text(golden_dir)
    at = next(i for i, line in enumerate(lines) if line.startswith("四、政府信息公开行政复议"))
    lines[at:at + 1] = ["四、因政府信息公开工作被申请行政复议、提起行政", "诉讼情况"]
    doc = Document.from_text("\n".join(lines), doc_id="p")
    assert find_regions(doc.lines)["表四"].start == at + 1       # (1-based): at the heading, not at its header row
    record = process_document(doc)
    for path in ("review_litigation.administrative_review.total", "review_litigation.litigation_direct.total"):
        assert record.report.get(path) == report.get(path), path
        assert record.provenance[path].status is Status.PROVEN, path


def test_a_section_numbered_in_arabic_digits_ends_table_4(golden_dir: Path) -> None:
    """``4. 政府信息公开行政复议…`` / ``5. 存在的主要问题及改进情况``: a report numbering its sections 1. … 6. ends 表四 at
    section 5's heading. ``pdftotext -raw`` prints cells in the order they were drawn: four of 直接起诉's cells after
    that heading are not 表四's last four, and no reading proves them so."""
    report = _golden_report(golden_dir)
    for group, cells in (("administrative_review", (0, 5, 0, 0, 5)), ("litigation_direct", (0, 5, 0, 0, 5))):
        for column, value in zip(("upheld", "corrected", "other", "pending", "total"), cells):
            report.set(f"review_litigation.{group}.{column}", value)
    lines = [line.strip() for line in render(report, "cells").split("\n") if line.strip()]
    lines = [line.replace("四、", "4. ", 1) if line.startswith("四、政府信息公开行政复议") else
             line.replace("五、", "5. ", 1) if line.startswith("五、存在") else line for line in lines]
    five = lines.index("5. 存在的主要问题及改进情况")
    numbers = lines[five - 15:five]
    assert numbers == ["0", "5", "0", "0", "5", "0", "5", "0", "0", "5", "0", "0", "0", "0", "0"]
    # drawn: 行政复议's five, 直接起诉's first, 复议后起诉's five; 直接起诉's other four after the next heading
    lines[five - 15:five + 1] = numbers[:6] + numbers[10:] + [lines[five]] + numbers[6:10]
    doc = Document.from_text("\n".join(lines), doc_id="p")
    assert find_regions(doc.lines)["表四"].end == doc.lines.index("5. 存在的主要问题及改进情况") + 1
    record = process_document(doc)
    for group in ("litigation_direct", "litigation_after_review"):
        for column in ("corrected", "total"):
            path = f"review_litigation.{group}.{column}"
            assert record.report.get(path) == report.get(path) or record.provenance[path].status is not Status.PROVEN


def test_a_note_under_table_3_whose_spans_stand_a_line_each_holds_no_cell(golden_dir: Path) -> None:
    """``注：2021年共收到政府信息公开申请3件，较上年基本持平。`` under 表三, its spans taken one to a line (BeautifulSoup's
    ``get_text("\\n")``): no line of it is a sentence to drop, yet its figures are no cells of the last row."""
    report = _golden_report(golden_dir)
    text = render(report, "cells")
    heading = "四、政府信息公开行政复议、行政诉讼情况"
    assert text.count(heading) == 1
    note = "注：\n2021\n年共收到政府信息公开申请\n3\n件，较上年基本持平。\n\n"
    record = process_document(Document.from_text(text.replace(heading, note + heading), doc_id="note"))
    assert record.report.values() == report.values()
    assert all(record.provenance[f"applications.carried_forward.{c}"].status is Status.PROVEN
               for c in ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org",
                         "total"))


def test_a_list_of_the_sections_double_spaced_is_not_a_heading(golden_dir: Path) -> None:
    """pypdf's layout mode puts a blank line between a paragraph's wrapped lines: the line that goes on with ``况、``
    is the next one holding text, not the blank right after."""
    preamble = ("告。全文包括总体情况、主动公开政府信息情况、收到和处理\n\n政府信息公开申请情况、政府信息公开行政复议和行政诉讼情\n\n"
                "况、存在的主要问题及改进情况、其他需要报告的事项。")
    doc = _with_narrative(golden_dir, preamble, "（一）主动公开情况")
    lines = list(doc.lines)
    regions = find_regions(lines)
    assert lines[regions["表四"].start - 1].strip().startswith("四、")
    record = process_document(doc)
    assert all(p.status == Status.PROVEN for p in record.provenance.values())
