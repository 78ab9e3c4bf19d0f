"""表三 printed by a text tool with each row's numbers above its label (pdftotext's default mode on a
word processor's PDF): read top-down, every label takes the row below's numbers. The reader also reads
every row from the numbers right above its label, and the identities choose: where only one direction
keeps them all, that direction's rows are read (and proven like any row); where both keep them with
different values, no row is proven (``READ.ABOVE_OR_BELOW``)."""

from __future__ import annotations

from llm_extract.evidence import Method, Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS, APPLICATION_ROWS
from tests.fakeopenai import report_text, sample_values


def _numbers_above_labels(text: str, wrap: str = "") -> str:
    """The report with each 表三 row's numbers one to a line above its label; the label starting with
    ``wrap`` is printed in two pieces with its numbers between them (a wrapped label's middle line)."""
    lines, out, in_table3 = text.split("\n"), [], False
    for line in lines:
        in_table3 = (in_table3 or line.startswith("一、本年新收")) and not line.startswith("四、政府信息公开")
        cells = line.split("\t")
        if in_table3 and len(cells) == 8 and wrap and cells[0].startswith(wrap):
            out += [cells[0][:len(wrap)]] + cells[1:] + [cells[0][len(wrap):]]
        elif in_table3 and len(cells) == 8:
            out += cells[1:] + [cells[0]]            # the row's numbers, one to a line, then its label
        else:
            out.append(line)
    return "\n".join(out)


def _table3(values: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in values.items() if k.startswith("applications.")}


def _read(record) -> dict[str, object]:
    return {f"applications.{row}.{c}": getattr(getattr(record.report.applications, row), c)
            for row in APPLICATION_ROWS for c in APPLICANT_COLUMNS}


def _assert_read_and_proven(text: str, values: dict[str, object]) -> None:
    """The text's 表三 reads as ``values``, every cell proven."""
    record = process_document(Document.from_text(text, doc_id="x"))
    assert _read(record) == _table3(values)
    assert {v.status for p, v in record.provenance.items() if p.startswith("applications.")} == {Status.PROVEN}


def test_a_table_printed_with_each_rows_numbers_above_its_label_is_read_from_above_and_proven() -> None:
    values = sample_values()
    _assert_read_and_proven(_numbers_above_labels(report_text(values)), values)


def test_a_wrapped_label_with_its_numbers_between_its_pieces_keeps_them_in_the_above_direction() -> None:
    values = sample_values()
    text = _numbers_above_labels(report_text(values), wrap="（四）无法提供 1.本机关不")
    assert "（四）无法提供 1.本机关不\n3\n1\n0\n0\n1\n0\n5\n掌握相关政府信息\n" in text
    _assert_read_and_proven(text, values)


def _row_lines(row: list[int]) -> list[str]:
    return [str(v) for v in row]


def test_a_table_whose_identities_hold_in_both_directions_with_different_values_proves_neither() -> None:
    # Above: 新收, 结转, 予以公开, 总计 and 结转下年度 are 1 … 1; below (each label taking the next
    # row's numbers, 结转下年度 the seven after it): 予以公开 is 0 and 3.其他 is 1 … 1. Both keep every identity.
    one, zero = [1, 0, 0, 0, 0, 0, 1], [0] * 7
    above = {row: zero for row in APPLICATION_ROWS}
    for row in ("new_received", "carried_over", "granted", "total_processed", "carried_forward"):
        above[row] = one
    values = sample_values()
    text = report_text(values)
    labelled = [line.split("\t")[0] for line in text.split("\n") if line.count("\t") == 7][1:]
    assert len(labelled) == len(APPLICATION_ROWS)
    table = []
    for row, label in zip(APPLICATION_ROWS, labelled):
        table += _row_lines(above[row]) + [label]
    table += _row_lines(one)
    start, end = text.index("本列数据的勾稽关系"), text.index("四、政府信息公开")
    header = text[start:text.index("\n", start)]
    doc = text[:start] + header + "\n" + "\n".join(table) + "\n\n" + text[end:]
    record = process_document(Document.from_text(doc, doc_id="x"))
    for row in ("granted", "other_other"):
        for c in APPLICANT_COLUMNS:
            f = record.provenance[f"applications.{row}.{c}"]
            assert f.status is not Status.PROVEN, (row, c, f)
    assert "READ.ABOVE_OR_BELOW" in record.provenance["applications.granted.natural_person"].rules


def _blank_row(values: dict[str, object], row: str) -> dict[str, object]:
    return {**values, **{f"applications.{row}.{c}": None for c in APPLICANT_COLUMNS}}


def test_a_label_with_nothing_between_it_and_the_label_above_is_a_blank_row_in_the_above_direction() -> None:
    values = _blank_row(sample_values(), "rejected_duplicate")
    text = _numbers_above_labels(report_text(values).replace("2.重复申请" + "\t/" * 7, "2.重复申请" + "\t" * 7))
    assert "投诉类申请\n\n\n\n\n\n\n\n2.重复申请\n" in text      # no cell printed between the two labels
    record = process_document(Document.from_text(text, doc_id="x"))
    assert _read(record) == _table3(values)
    assert record.provenance["applications.rejected_duplicate.total"].status is not Status.MISSING


def test_numbers_no_row_takes_from_above_keep_the_table_from_being_read_that_way() -> None:
    values = sample_values()
    text = _numbers_above_labels(report_text(values)).replace("\n3.其他\n", "\n3.其他\n9\n注\n", 1)
    record = process_document(Document.from_text(text, doc_id="x"))
    t3 = [v for p, v in record.provenance.items() if p.startswith("applications.")]
    assert not any(v.status is Status.PROVEN and v.method == Method.CELLS_ABOVE_LABEL for v in t3)


def test_a_table_whose_identities_hold_only_read_from_below_is_read_so_and_proven() -> None:
    # the columns numbered 1 … 7, one to a line, over rows printed label first: read from above, every
    # row would take the row above's numbers (the first one the column numbers), and the identities break
    values = sample_values()
    lines, out, in_table3 = report_text(values).split("\n"), [], False
    for line in lines:
        in_table3 = (in_table3 or line.startswith("一、本年新收")) and not line.startswith("四、政府信息公开")
        cells = line.split("\t")
        if line.startswith("一、本年新收"):
            out += [str(n) for n in range(1, 8)]
        out += [cells[0]] + cells[1:] if in_table3 and len(cells) == 8 else [line]
    _assert_read_and_proven("\n".join(out), values)


def test_an_item_number_wrapped_onto_its_group_heading_is_given_back_over_numbers_one_to_a_line() -> None:
    # （五）不予处理 1 / 1 / 0 / … / 1 / .信访举报投诉类申请: the 1 after the heading is the label's number
    values = sample_values()
    text = _numbers_above_labels(report_text(values), wrap="（五）不予处理 1")
    assert "（五）不予处理 1\n1\n0\n0\n0\n0\n0\n1\n.信访举报投诉类申请" in text
    _assert_read_and_proven(text, values)


def test_a_blank_row_under_a_row_whose_numbers_stand_on_its_labels_middle_line_is_read_blank() -> None:
    values = _blank_row(sample_values(), "rejected_duplicate")
    text = _numbers_above_labels(report_text(values).replace("2.重复申请" + "\t/" * 7, "2.重复申请" + "\t" * 7),
                                 wrap="（五）不予处理 1.信访")
    assert "（五）不予处理 1.信访\n1\n0\n0\n0\n0\n0\n1\n举报投诉类申请\n\n\n\n\n\n\n\n2.重复申请\n" in text
    _assert_read_and_proven(text, values)


def test_a_one_row_other_handling_with_numbers_is_not_left_over_above_the_total_row() -> None:
    """（六）其他处理 printed as one row (no sub-rows) with numbers that are not all 0: its sub-rows are not
    printed, but its numbers are its own, not the total row's printed above its label."""
    values = sample_values()
    subrows = ("1.申请人无正当理由逾期不补正", "2.申请人逾期未按收费通知", "3.其他")
    cols = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")
    one_row = [sum(values.get(f"applications.{r}.{c}") or 0 for r in ("other_no_correction", "other_unpaid_fee",
                                                                          "other_other")) for c in cols]
    one_row[0] += 1
    one_row[-1] += 1                                   # not all 0 (the identities may break: not the point)
    out, in_table3 = [], False
    for line in report_text(values).split("\n"):
        in_table3 = (in_table3 or line.startswith("一、本年新收")) and not line.startswith("四、政府信息公开")
        cells = line.split("\t")
        if in_table3 and any(cells[0].startswith(s) or cells[0].startswith("（六）") and s in line for s in subrows):
            if "（六）其他处理" not in out:
                out += ["（六）其他处理", *map(str, one_row)]
        elif in_table3 and len(cells) == 8:
            out += [cells[0], *cells[1:]]              # a web table's cells, one to a line, below the label
        else:
            out.append(line)
    assert "（六）其他处理" in out
    record = process_document(Document.from_text("\n".join(out), doc_id="x"))
    assert not [p for p, v in record.provenance.items() if "READ.ABOVE_OR_BELOW" in v.rules]



def test_numbers_under_a_garbled_labels_tail_in_a_table_read_top_down_cast_no_doubt_on_its_rows() -> None:
    """A spreadsheet printed with overflowing text (tests/fixtures/layouts/spreadsheet_print_overflowing_labels.txt,
    the text of such a PDF) runs two labels together (``5.要求…已获取信息1.申请人无正当理由逾期不补正、行政机关``),
    prints a label over the merged （六） cell's (``其2.申政请府人信逾息期公未开…``) and leaves a tail on a line of its
    own (``不再处理其政府信息公开申请``) above numbers no row takes, right above ``3.其他``. The table's first row has
    its numbers after its label: those numbers are the garbled rows', not a sign of numbers printed above labels.
    Every other row is read and proven; the garbled rows are derived by the identities."""
    import json
    from pathlib import Path

    path = Path(__file__).parent / "fixtures" / "layouts" / "spreadsheet_print_overflowing_labels.txt"
    truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    record = process_document(Document.from_text(path.read_text(encoding="utf-8"), doc_id="sheet"))
    garbled = ("rejected_reconfirm", "other_no_correction", "other_unpaid_fee")
    for row in APPLICATION_ROWS:
        for c in APPLICANT_COLUMNS:
            p = f"applications.{row}.{c}"
            assert record.report.values()[p] == truth["applications"][row][c], p
            assert record.provenance[p].status is (Status.DERIVED if row in garbled else Status.PROVEN), p


def test_cells_after_a_labels_words_are_not_taken_for_another_row_in_a_spreadsheet_print() -> None:
    """tests/fixtures/layouts/spreadsheet_print_label_run_into_the_next.txt: the labels of a spreadsheet printed
    with overflowing text stand a row too high (``5.要求…已获取信息1.申请人无正当理由逾期不补正、行政机关不再处理``),
    a label over the merged （六） cell reads ``其2.申政请府人信逾息期公未开按申收请费通知要求缴纳费用…`` above the first
    （六） row's seven cells, and the words ``不再处理其政府信息公开申请`` stand before the next seven. Which seven are
    2.申请人逾期未按收费…'s is not known: neither is taken for it, and nothing wrong is proven."""
    import json
    from pathlib import Path

    path = Path(__file__).parent / "fixtures" / "layouts" / "spreadsheet_print_label_run_into_the_next.txt"
    truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    record = process_document(Document.from_text(path.read_text(encoding="utf-8"), doc_id="sheet"))
    for row in APPLICATION_ROWS:
        for c in APPLICANT_COLUMNS:
            p = f"applications.{row}.{c}"
            if record.provenance[p].status is Status.PROVEN:
                assert record.report.values()[p] == truth["applications"][row][c], p
    assert record.provenance["applications.other_unpaid_fee.natural_person"].status is not Status.PROVEN
