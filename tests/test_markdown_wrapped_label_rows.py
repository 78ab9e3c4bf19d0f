"""A converter that reads a label wrapped over two lines as two table rows (docling-style markdown).

Docling repeats a merged cell's text in every field it spans, and where a label cell wraps it may emit
two rows: one with the label's first half and empty fields, one with the rest of the label and the
numbers (or the numbers on the first half). The row's cells are the numbers on the other half, never the
empty fields of the half the label was found on (those read as a blank row, proven: a silent error).
"""

from __future__ import annotations

import re

from llm_extract.evidence import Status
from llm_extract.form import FORM
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS, Report
from llm_extract.synth import render

EMPTY = [""] * 7


def _report(golden_dir) -> Report:
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    return Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})


def _counted(report: Report, row: str, n: int) -> None:
    """``n`` applications by natural persons put in ``row`` (a 0 row), the totals they are in kept holding."""
    report.set(f"applications.{row}.natural_person", n)
    for path in (f"applications.{row}.total", "applications.new_received.natural_person",
                 "applications.new_received.total", "applications.total_processed.natural_person",
                 "applications.total_processed.total"):
        report.set(path, report.get(path) + n)


def _line(labels: list[str], cells: list[str]) -> str:
    return "| " + " | ".join(labels + cells) + " |"


def _docling_table3(report: Report, wraps: dict[str, tuple[str, str, bool]]) -> str:
    """表三 as docling prints it: three label fields (a spanning label repeated), seven value fields.
    ``wraps``: row → (first half, second half, numbers on the first half?)."""
    head = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    lines = [_line([head] * 3, ["申请人情况"] * 7), "|" + "---|" * 10,
             _line([head] * 3, ["自然人", *["法人或其他组织"] * 5, "总计"]),
             _line([head] * 3, ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"])]
    group = ""
    for row in FORM.table3_rows:
        cells = ["" if v is None else str(v) for v in (report.get(f"applications.{row.key}.{c}")
                                                       for c in APPLICANT_COLUMNS)]
        group = row.group if row.group.startswith("（") else group if row.label[0].isdigit() else ""
        outer = row.label[:1] in "一二四"

        def fields(label: str) -> list[str]:
            return [label] * 3 if outer else ["三、本年度办理结果", group or label, label]
        if row.key in wraps:
            first, rest, numbers_first = wraps[row.key]
            lines.append(_line(fields(first), cells if numbers_first else EMPTY))
            lines.append(_line(fields(rest), EMPTY if numbers_first else cells))
        else:
            lines.append(_line(fields(row.label), cells))
    return "\n".join(lines)


def _document(report: Report, wraps: dict[str, tuple[str, str, bool]]) -> Document:
    text = render(report, "markdown")
    start = text.index("三、收到和处理政府信息公开申请情况")
    end = text.index("四、政府信息公开行政复议")
    table = re.sub(r"^(三、收到和处理政府信息公开申请情况)\n.*", lambda m: m[1], text[start:end], flags=re.S)
    return Document.from_text(text[:start] + table + "\n\n" + _docling_table3(report, wraps) + "\n\n" + text[end:],
                              doc_id="x")


def test_the_numbers_on_the_other_half_of_a_wrapped_label_are_its_row_s(golden_dir) -> None:
    report = _report(golden_dir)
    _counted(report, "other_unpaid_fee", 1)     # a row not all 0: its place matters
    wraps = {"carried_over": ("二、上年结", "转政府信息公开申请数量", False),
             "other_unpaid_fee": ("2．申请人逾期未按收费通知要求缴纳费用、行政", "机关不再处理其政府信息公开申请", False),
             "rejected_reconfirm": ("5．要求行政机关确认或重新", "出具已获取信息", False),
             "unavailable_not_held": ("1．本机关不", "掌握相关政府信息", True)}
    record = process_document(_document(report, wraps))
    for row in wraps:
        for c in APPLICANT_COLUMNS:
            path = f"applications.{row}.{c}"
            assert record.report.get(path) == report.get(path), path
            assert record.provenance[path].status is Status.PROVEN, path


def _three_lines(document: Document) -> Document:
    """The wrapped label's second half cut once more at ``§``: its first piece on a grid line of empty fields,
    the numbers beside the last piece (LibreOffice's PDF through pymupdf4llm)."""
    out = []
    for line in document.text.split("\n"):
        if "§" not in line:
            out.append(line)
            continue
        fields = line.strip("|").split("|")
        out.append("|" + "|".join(f.split("§")[0] if "§" in f else " " if i >= len(fields) - 7 else f
                                  for i, f in enumerate(fields)) + "|")
        out.append("|" + "|".join(f.split("§")[1] if "§" in f else f for f in fields) + "|")
    return Document.from_text("\n".join(out), doc_id="x")


def test_numbers_two_lines_below_a_label_wrapped_over_three_are_its_row_s(golden_dir) -> None:
    report = _report(golden_dir)
    wraps = {"partially_granted": ("（二）部分公开", "（区分处理的，只§计这一情形，不计其他情形）", False),
             "rejected_reconfirm": ("5．要求行政机关", "确认或重新§出具已获取信息", False)}
    document = _three_lines(_document(report, wraps))
    lines = document.text.split("\n")
    middle = next(i for i, line in enumerate(lines) if "确认或重新" in line)
    assert "出具已获取信息" in lines[middle + 1] and "§" not in document.text
    record = process_document(document)
    for row in wraps:
        for c in APPLICANT_COLUMNS:
            path = f"applications.{row}.{c}"
            assert (record.report.get(path), record.provenance[path].status) == (report.get(path), Status.PROVEN), path


def test_numbers_below_a_wrapped_label_that_name_another_row_are_not_its_cells(golden_dir) -> None:
    """The label goes on over a line of empty fields, then numbers beside text that completes no label of
    this row: whose numbers? The row is not read (its empty fields are no blank cells, proven)."""
    report = _report(golden_dir)
    wraps = {"partially_granted": ("（二）部分公开", "（区分处理的，只§外加说明文字）", False)}
    record = process_document(_three_lines(_document(report, wraps)))
    for c in APPLICANT_COLUMNS:
        path = f"applications.partially_granted.{c}"
        prov = record.provenance[path]
        assert record.report.get(path) == report.get(path) or prov.status is not Status.PROVEN, path


def test_a_blank_row_followed_by_another_row_s_label_stays_blank(golden_dir) -> None:
    """A row printed with empty fields, then the next row (its own label, item number and all): the
    empty row is not given the next row's numbers."""
    report = _report(golden_dir)
    for c in APPLICANT_COLUMNS:
        report.set(f"applications.denied_state_secret.{c}", None)
    record = process_document(_document(report, {}))
    assert [record.report.get(f"applications.denied_state_secret.{c}") for c in APPLICANT_COLUMNS] == [None] * 7
    assert [record.report.get(f"applications.denied_prohibited_by_law.{c}") for c in APPLICANT_COLUMNS] == \
        [report.get(f"applications.denied_prohibited_by_law.{c}") for c in APPLICANT_COLUMNS]


def _page_break_before(text: str, line_start: str) -> str:
    """A page break (footer, the table's note, its header repeated) before the grid line starting ``line_start``,
    as PDF-to-markdown converters print a table that runs over two pages."""
    head = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    header = ["", "", "", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    page = "\n".join(["", "", "第 3 页 共 5 页", "", head, "", _line([""] * 3, ["", "法人或其他组织", "", "", "", "", ""]),
                      "|" + "---|" * 10, _line(header[:3], header[3:]), ""])
    at = text.index("\n" + line_start)
    return text[:at] + "\n" + page + text[at:]


def test_a_label_cut_by_a_page_break_keeps_the_numbers_of_its_first_half(golden_dir) -> None:
    """``|（六）其| 1.申请人无正当理由逾 | 0 | … |``, the page's end, the header again, then ``| 他处理 | 期不补正、…申请 |
    | | … |``: the row's numbers are the first half's, not the empty fields the label's end was found on."""
    report = _report(golden_dir)
    _counted(report, "other_no_correction", 2)
    rest = "期不补正、行政机关不再处理其政府信息公开申请"
    doc = _document(report, {"other_no_correction": ("1．申请人无正当理由逾", rest, True)})
    doc = Document.from_text(_page_break_before(doc.text, f"| 三、本年度办理结果 | （六）其他处理 | {rest} |"), doc_id="x")
    record = process_document(doc)
    for c in APPLICANT_COLUMNS:
        path = f"applications.other_no_correction.{c}"
        assert record.report.get(path) == report.get(path), path
        assert record.provenance[path].status is Status.PROVEN, path


def test_a_blank_row_after_a_page_break_stays_blank(golden_dir) -> None:
    """A row of empty fields right after a page break, the row before the break whole (its own label): the
    blank row is not given the numbers above the break."""
    report = _report(golden_dir)
    for c in APPLICANT_COLUMNS:
        report.set(f"applications.denied_prohibited_by_law.{c}", None)
    doc = _document(report, {})
    doc = Document.from_text(_page_break_before(doc.text, "| 三、本年度办理结果 | （三）不予公开 | 2.其他法律"), doc_id="x")
    record = process_document(doc)
    assert [record.report.get(f"applications.denied_prohibited_by_law.{c}") for c in APPLICANT_COLUMNS] == [None] * 7
    assert [record.report.get(f"applications.denied_state_secret.{c}") for c in APPLICANT_COLUMNS] == \
        [report.get(f"applications.denied_state_secret.{c}") for c in APPLICANT_COLUMNS]


def test_a_label_whose_second_half_and_numbers_follow_a_page_break_takes_them(golden_dir) -> None:
    """``| （四）无法提供３．补正后 |  | … |``, empty lines and the page's foot, then ``| 申请内容仍不明确 | 0 | 0 | … |``
    (a converter may rule it as a new table's header): the numbers after the break are the row's; its empty fields
    before the break were read as a blank row, proven (a silent error where the numbers are 0)."""
    report = _report(golden_dir)
    rest = "申请内容仍不明确"
    doc = _document(report, {"unavailable_unclear": ("3．补正后", rest, False)})
    for foot in ("\n\n— 3 —\n\n", "\n\n\n", "\n\n第 3 页 共 5 页\n\n"):
        for rule in ("", "\n" + "|" + "---|" * 10):
            at = doc.text.rindex("\n", 0, doc.text.index(f"| {rest} |"))
            nl = doc.text.index("\n", at + 1)
            text = doc.text[:at] + foot + doc.text[at + 1:nl] + rule + doc.text[nl:]
            record = process_document(Document.from_text(text, doc_id="x"))
            for c in APPLICANT_COLUMNS:
                path = f"applications.unavailable_unclear.{c}"
                got = (record.report.get(path), record.provenance[path].status)
                assert got == (report.get(path), Status.PROVEN), (foot, rule, path)


def test_a_label_s_second_half_printing_its_group_titles_takes_its_numbers(golden_dir) -> None:
    """``|  |  | 2.其他法律 |  | … |`` over ``| 三、本年度办理结果 | （三）不予公开 | 行政法规禁止公开 | 4 | … |``: the converter
    printed the merged group cells on the second line only. Those titles are no piece of the label (and 三、 opens
    no item of it): the numbers are the row's (it was left unread)."""
    report = _report(golden_dir)
    _counted(report, "denied_prohibited_by_law", 4)
    doc = _document(report, {"denied_prohibited_by_law": ("2.其他法律", "行政法规禁止公开", False)})
    text = doc.text.replace("| 三、本年度办理结果 | （三）不予公开 | 2.其他法律 |", "|  |  | 2.其他法律 |")
    assert text != doc.text
    record = process_document(Document.from_text(text, doc_id="x"))
    for c in APPLICANT_COLUMNS:
        path = f"applications.denied_prohibited_by_law.{c}"
        assert (record.report.get(path), record.provenance[path].status) == (report.get(path), Status.PROVEN), path


def test_labels_wrapped_over_three_lines_with_their_group_titles_on_the_last_take_its_numbers(golden_dir) -> None:
    """Two rows, each wrapped over three grid lines, the numbers and the merged group cells on the third:
    ``|  |  | 1.申请人无正当理由逾期不补正、行政机关 |`` / ``|  |  | 不再处理其政 |`` / ``| 三、… | （六）其他处理 | 府信息公开申请 | 1 |
    …``, then ``|  |  | 2.申请人逾期未按收费通知 |`` / ``|  |  | 要求缴纳费用、行政 |`` / ``| 三、… | （六）其他处理 | 机关不再处理…申请 |
    0 | …``. The first row's numbers were read as the second's (the line above its label, ending in words both labels
    share) and the first read blank: both proven, swapped."""
    report = _report(golden_dir)
    _counted(report, "other_no_correction", 1)
    doc = _document(report, {})
    empty = " |" * 7
    titles = "| 三、本年度办理结果 | （六）其他处理 |"
    lines = []
    for line in doc.text.split("\n"):
        if "逾期不补正" in line or "逾期未按收费通知" in line:
            cells = line.rsplit(" | ", 7)[1:]
            first, middle, last = (("1.申请人无正当理由逾期不补正、行政机关", "不再处理其政", "府信息公开申请")
                                   if "逾期不补正" in line else
                                   ("2.申请人逾期未按收费通知", "要求缴纳费用、行政", "机关不再处理其政府信息公开申请"))
            lines += [f"|  |  | {first} |{empty}", f"|  |  | {middle} |{empty}", f"{titles} {last} | " + " | ".join(cells)]
        else:
            lines.append(line)
    record = process_document(Document.from_text("\n".join(lines), doc_id="x"))
    for row in ("other_no_correction", "other_unpaid_fee"):
        for c in APPLICANT_COLUMNS:
            path = f"applications.{row}.{c}"
            assert (record.report.get(path), record.provenance[path].status) == (report.get(path), Status.PROVEN), path


def _cut_across(doc: Document, rest: str, between: str) -> str:
    """The document's text with ``between`` (a page's number, a caption) on lines of its own before the row whose
    label goes on with ``rest``."""
    at = doc.text.rindex("\n", 0, doc.text.index(f"| {rest} |"))
    return doc.text[:at] + between + doc.text[at:]


def _unclear_cut_across(golden_dir, between: str) -> tuple[Report, list[tuple[object, Status]]]:
    """The report, and the (value, status) of 3.补正后申请内容仍不明确's cells when its label is cut after 补正后 and
    ``between`` stands between the two halves."""
    report = _report(golden_dir)
    rest = "申请内容仍不明确"
    doc = _document(report, {"unavailable_unclear": ("3．补正后", rest, False)})
    record = process_document(Document.from_text(_cut_across(doc, rest, between), doc_id="x"))
    paths = [f"applications.unavailable_unclear.{c}" for c in APPLICANT_COLUMNS]
    return report, [(record.report.get(p), record.provenance[p].status) for p in paths]


def test_a_bare_page_number_between_a_labels_halves_is_no_cell_of_its_row(golden_dir) -> None:
    """``| ５．要求行政机关确认或重 |  | … |``, then the page's number alone (``2``), then ``| 新出具已获取信息 | 0 | … |``:
    the number is the page's; the row's cells are the second half's (its empty fields were read as a blank row,
    proven: a silent error where the numbers are 0)."""
    report, got = _unclear_cut_across(golden_dir, "\n\n2\n")
    assert got == [(report.get(f"applications.unavailable_unclear.{c}"), Status.PROVEN) for c in APPLICANT_COLUMNS]


def test_a_label_cut_short_whose_rest_is_not_found_is_never_a_blank_row(golden_dir) -> None:
    """A caption between the halves (``（续表）``) that no reader joins across: the first half's empty fields are no
    blank cells; the row is never proven blank (its numbers are the second half's)."""
    _, got = _unclear_cut_across(golden_dir, "\n\n（续表）\n")
    assert (None, Status.PROVEN) not in got


def test_a_wrapped_labels_second_half_printing_its_cells_as_marks_is_a_blank_row(golden_dir) -> None:
    """``| 2.其他法律行 |  | … |`` over ``| 政法规禁止公开 | / | / | … |``: the marks are the row's empty cells, in place."""
    report = _report(golden_dir)
    for c in APPLICANT_COLUMNS:
        report.set(f"applications.denied_prohibited_by_law.{c}", None)
    doc = _document(report, {"denied_prohibited_by_law": ("2.其他法律行", "政法规禁止公开", False)})
    text = re.sub(r"(\| 政法规禁止公开 \|)((?: [^|]* \|){7})", lambda m: m[1] + " / |" * 7, doc.text)
    assert "| 政法规禁止公开 | / | / |" in text
    record = process_document(Document.from_text(text, doc_id="x"))
    for c in APPLICANT_COLUMNS:
        path = f"applications.denied_prohibited_by_law.{c}"
        assert (record.report.get(path), record.provenance[path].status) == (None, Status.PROVEN), path




def _one_field_rows(report: Report, row: str, lines: list[str]) -> list[str]:
    """表三's cells of ``row`` in ``report``, as text, then ``lines`` with ``{cells}`` standing for them."""
    cells = ["" if v is None else str(v) for v in (report.get(f"applications.{row}.{c}") for c in APPLICANT_COLUMNS)]
    return [line.replace("{cells}", " | ".join(cells)) for line in lines]


def _one_field_table3(report: Report, wrapped: dict[str, list[str]]) -> Document:
    """The report with 表三 as a converter prints a PDF's table: one label field (a group's title in it), seven value
    fields; the rows in ``wrapped`` as its lines (``{cells}``: the row's seven cells, ``{empty}``: seven empty ones)."""
    lines = [_line(["申请人情况", "自然人", "法人或其他组织", *[""] * 4], ["总计"]), "|" + "---|" * 8,
             _line(["", ""], ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""])]
    for row in FORM.table3_rows:
        own = wrapped.get(row.key, [f"| {row.label} | {{cells}} |"])
        lines += [line.replace("{empty}", " | ".join(EMPTY)) for line in _one_field_rows(report, row.key, own)]
    text = render(report, "markdown")
    start = text.index("三、收到和处理政府信息公开申请情况")
    end = text.index("四、政府信息公开行政复议")
    text = text[:start] + "三、收到和处理政府信息公开申请情况\n\n" + "\n".join(lines) + "\n\n" + text[end:]
    return Document.from_text(text, doc_id="x")


def _read_as(report: Report, document: Document, row: str) -> None:
    record = process_document(document)
    for c in APPLICANT_COLUMNS:
        path = f"applications.{row}.{c}"
        assert (record.report.get(path), record.provenance[path].status) == (report.get(path), Status.PROVEN), path


def test_a_label_wrapped_over_three_lines_with_its_numbers_on_the_first_takes_them(golden_dir) -> None:
    """``| （六）其他处理１．申请人无正 | 1 | 0 | … |`` / ``| 当理由 |  | … |`` / ``| 逾期不补正、行政机关不再处理其政府信息公开
    申请 |  | … |``: the numbers two lines above the label's rest are its row's (the empty fields below were read as a
    blank row, proven: a silent error)."""
    report = _report(golden_dir)
    _counted(report, "other_no_correction", 1)
    _read_as(report, _one_field_table3(report, {"other_no_correction": [
        "| （六）其他处理１．申请人无正 | {cells} |", "| 当理由 | {empty} |",
        "| 逾期不补正、行政机关不再处理其政府信息公开申请 | {empty} |"]}), "other_no_correction")


def test_a_page_number_between_a_labels_halves_its_numbers_on_the_first_is_no_cell(golden_dir) -> None:
    """``| （三）不予公开3.危 | 1 | 0 | … |``, the page's number alone (``2``), then a new table: ``| 及“三安全一稳定” |  | … |``:
    the first half's numbers are the row's (the second half's empty fields were read as a blank row, proven)."""
    report = _report(golden_dir)
    _counted(report, "denied_security_stability", 1)
    _read_as(report, _one_field_table3(report, {"denied_security_stability": [
        "| （三）不予公开3.危 | {cells} |", "", "2", "", "| 及“三安全一稳定” | {empty} |", "|---|---|---|---|---|---|---|---|"]}),
        "denied_security_stability")


def test_the_rest_of_a_label_whose_beginning_is_not_found_is_never_a_blank_row(golden_dir) -> None:
    """``| （三）不予公开3.危 | 0 | 0 | 0 | 0 | 0 | 0 |`` (a cell lost: not the grid's width), then ``| 及“三安全一稳定” |  | … |``:
    the second half's empty fields are no blank cells; the row is never proven blank (its 0s were, the identities
    holding either way)."""
    report = _report(golden_dir)
    assert {report.get(f"applications.denied_security_stability.{c}") for c in APPLICANT_COLUMNS} == {0}
    record = process_document(_one_field_table3(report, {"denied_security_stability": [
        "| （三）不予公开3.危 | 0 | 0 | 0 | 0 | 0 | 0 |", "| 及“三安全一稳定” | {empty} |"]}))
    for c in APPLICANT_COLUMNS:
        path = f"applications.denied_security_stability.{c}"
        got = (record.report.get(path), record.provenance[path].status)
        assert got[1] is not Status.PROVEN or got[0] == report.get(path), path
