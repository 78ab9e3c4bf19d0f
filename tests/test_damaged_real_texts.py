"""The bundled real reports, damaged as viewers, converters and crawlers damage texts: a value the damaged text no
longer settles is never proven wrong.

Each test damages one real text the way a real conversion does (a line wrapped at a fixed width inside a number,
a page's header or footer inside a table, a row's numbers printed above its label, a crawler's dump on one line)
and checks the fields the damage touched: right, or not proven (queued for a person), never a wrong value proven.
"""

from __future__ import annotations

import re
from pathlib import Path

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from tests.fixtures.ingest.form2021 import CLEAN_SEEDS, golden_report

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
CELL_PER_LINE, TAB_ROWS, CELL_PER_LINE_TABBED = CLEAN_SEEDS[0], CLEAN_SEEDS[2], CLEAN_SEEDS[4]


def _text(stem: str) -> str:
    return (GOLDEN / f"{stem}.txt").read_text(encoding="utf-8")


def _record(text: str, stem: str):
    return process_document(Document.from_text(text, doc_id=stem))


def _never_wrong_and_proven(record, stem: str, paths: list[str]) -> None:
    truth = golden_report(stem)
    for path in paths:
        got, prov = record.report.get(path), record.provenance[path]
        assert got == truth.get(path) or prov.status is not Status.PROVEN, (path, got, prov)


def _unread(record, paths: list[str]) -> None:
    for path in paths:
        assert record.provenance[path].status is not Status.PROVEN, path


def test_a_count_cut_by_a_line_break_after_its_thousands_separator_is_not_the_digits_on_the_next_line() -> None:
    """``行政许可⇥3，15`` / ``0`` (a narrow viewer wrapped the line inside 3，150): the 0 is no cell."""
    text = _text(TAB_ROWS).replace("行政许可\t3150\t", "行政许可\t3，15\n0\t", 1)
    record = _record(text, TAB_ROWS)
    _unread(record, ["active_disclosure.licensing"])
    assert record.report.get("active_disclosure.licensing") != 0


def test_a_fee_cut_at_its_decimal_point_by_a_line_break_is_not_its_decimals() -> None:
    """``行政事业性收费⇥96171.`` / ``6``: 6 is the fee's decimals, not the fee."""
    text = _text(TAB_ROWS).replace("行政事业性收费\t0\t", "行政事业性收费\t96171.\n6\t", 1)
    record = _record(text, TAB_ROWS)
    _unread(record, ["active_disclosure.fees_10k_yuan"])
    assert record.report.get("active_disclosure.fees_10k_yuan") != 6


def test_an_item_number_alone_on_its_line_over_a_cell_is_no_cut_number() -> None:
    from llm_extract.extract.cutnumbers import cut_number_lines
    assert cut_number_lines(["3.", "0", "属于行政执法案卷"], 1, 4) == {}
    assert cut_number_lines(["行政事业性收费  96171.", "6"], 1, 3) == {1: "96171", 2: "96171"}
    assert cut_number_lines(["行政许可 3,1", "50"], 1, 3) == {1: "31", 2: "31"}
    assert cut_number_lines(["行政许可 3,150", "0"], 1, 3) == {}


def _table3_on_one_line(text: str) -> str:
    """A crawler's dump: 表三's lines stripped of their spaces and run together, nothing between them."""
    lines = text.split("\n")
    a = next(i for i, line in enumerate(lines) if line.startswith("三、收到和处理政府信息公开申请情况"))
    b = next(i for i, line in enumerate(lines) if line.startswith("四、政府信息公开行政复议"))
    return "\n".join(lines[:a] + ["".join(line.strip() for line in lines[a:b])] + lines[b:])


def test_a_glued_row_whose_digits_follow_the_tables_header_repeated_after_its_label_is_not_a_blank_row() -> None:
    """``6.属于四类过程性信息收到和处理…其他0000000 7.属于行政执法案卷…``: a page break repeated the header between
    the label and its digits; the label with no digits right after it is not a row of empty cells."""
    text = _text(CELL_PER_LINE)
    lines = text.split("\n")
    a = next(i for i, line in enumerate(lines) if line.startswith("三、收到和处理政府信息公开申请情况"))
    b = next(i for i, line in enumerate(lines) if "一、本年新收政府信息公开申请数量" in line)
    row = next(i for i, line in enumerate(lines) if "6.属于四类过程性信息" in line)
    lines[row + 1:row + 1] = lines[a:b]
    record = _record(_table3_on_one_line("\n".join(lines)), CELL_PER_LINE)
    _never_wrong_and_proven(record, CELL_PER_LINE, [f"applications.denied_process_info.{c}" for c in
                                                    ("natural_person", "commercial", "total")])


def test_a_glued_row_whose_digits_went_onto_the_row_above_is_not_a_blank_row() -> None:
    """``…数量0000000000000二、上年结转政府信息公开申请数量三、（一）予以公开…``: the row's numbers printed above its
    label run into the row above's; fourteen digits no cut makes seven cells may be both rows'."""
    text = _table3_on_one_line(_text(CELL_PER_LINE))
    m = re.search(r"二、上年结转政府信息公开申请数量(\d+)", text)
    assert m is not None and m.group(1) == "0" * 7
    text = text.replace(m.group(0), "二、上年结转政府信息公开申请数量").replace(
        "一、本年新收政府信息公开申请数量0000000", "一、本年新收政府信息公开申请数量" + "0" * 14)
    record = _record(text, CELL_PER_LINE)
    _never_wrong_and_proven(record, CELL_PER_LINE, [f"applications.carried_over.{c}" for c in
                                                    ("natural_person", "other_org", "total")])


def test_seven_empty_cells_then_seven_numbers_the_next_row_lacks_are_not_surely_the_rows() -> None:
    """``3.其他`` and its seven empty cells, then seven 0s, then ``（七）总计`` with nothing after it: the 0s may be
    the total's, printed above its label; 3.其他's cells are then empty (null), not 0."""
    lines = _text(CELL_PER_LINE).split("\n")
    total = next(i for i, line in enumerate(lines) if line.strip() == "（七）总计")
    cells = lines[total + 1:total + 8]
    assert [c.strip() for c in cells] == ["0"] * 7
    lines[total:total + 8] = cells + [lines[total]]
    record = _record("\n".join(lines), CELL_PER_LINE)
    assert golden_report(CELL_PER_LINE).get("applications.other_other.natural_person") is None
    _never_wrong_and_proven(record, CELL_PER_LINE, [f"applications.other_other.{c}" for c in
                                                    ("natural_person", "research", "total")])


def _wrapped(text: str, width: int) -> str:
    """The text as a narrow viewer saves it: every line cut each ``width`` characters, wherever that falls."""
    return "\n".join(line[i:i + width] for line in text.split("\n") for i in range(0, max(len(line), 1), width))


def test_a_tab_row_wrapped_at_a_fixed_width_is_not_read_by_its_fields() -> None:
    """A pasted table's rows hold ten fields after the label (three trailing); the text wrapped at 52 characters
    left one row with seven, an empty one first, and its trailing tabs on the next line: the empty field is no
    proof of an empty cell when the table's rows hold another count of fields."""
    text = _wrapped(_text(TAB_ROWS), 52)
    row = next(line for line in text.split("\n") if "2.申请人逾期未按收费通知要求缴纳费用" in line)
    assert row.endswith("申请\t\t0\t0\t0\t0\t0\t0")
    record = _record(text, TAB_ROWS)
    _never_wrong_and_proven(record, TAB_ROWS, [f"applications.other_unpaid_fee.{c}" for c in
                                               ("natural_person", "commercial", "total")])


def test_a_page_mark_inside_a_crawlers_one_line_dump_is_no_cell() -> None:
    """``行政许可 第4页/共6页 3150 第二十条…``: the page's number is not 行政许可's count."""
    lines = _text(TAB_ROWS).split("\n")
    a = next(i for i, line in enumerate(lines) if line.startswith("二、主动公开政府信息情况"))
    b = next(i for i, line in enumerate(lines) if line.startswith("五、"))
    dump = " ".join(line.strip() for line in lines[a:b] if line.strip()).replace("行政许可", "行政许可 第4页/共6页", 1)
    record = _record("\n".join(lines[:a] + [dump] + lines[b:]), TAB_ROWS)
    assert record.report.get("active_disclosure.licensing") != 4
    _never_wrong_and_proven(record, TAB_ROWS, ["active_disclosure.licensing"])


def test_a_bare_page_number_among_a_table2_rows_cells_leaves_the_row_unread() -> None:
    """``规章`` / ``0`` / ``0`` / (a page's number, centred) ``2`` / ``0``: four numbers for three cells; a block
    of three of them says nothing of which are the row's."""
    text = _text(CELL_PER_LINE_TABBED)
    assert "\t规章\n\t0\n\t0\n\t0\n" in text
    record = _record(text.replace("\t规章\n\t0\n\t0\n\t0\n", "\t规章\n\t0\n\t0\n" + " " * 36 + "2\n\n\t0\n", 1),
                     CELL_PER_LINE_TABBED)
    _never_wrong_and_proven(record, CELL_PER_LINE_TABBED, [f"active_disclosure.regulations.{c}" for c in
                                                           ("issued", "repealed", "in_force")])


def test_a_table2_label_wrapped_into_short_pieces_a_line_each_is_its_rows_label() -> None:
    """``行政`` / ``处罚`` / ``466`` (a narrow label column wraps 行政处罚 after two characters, or after one:
    ``行`` / ``政处`` / ``罚``): the pieces spell the label exactly, a piece to a line; the row is read, and the
    rest of 表二 is not put in doubt by a row whose label went unfound."""
    stem = CLEAN_SEEDS[3]
    text = _text(stem)
    assert "\t行政处罚\n\t466\n" in text
    for pieces in (["行政", "处罚"], ["行", "政处", "罚"], ["行政", "466", "处罚"]):
        lines = "".join(f"\t{p}\n" for p in pieces) + ("" if "466" in pieces else "\t466\n")
        record = _record(text.replace("\t行政处罚\n\t466\n", lines, 1), stem)
        assert record.report.get("active_disclosure.punishment") == 466, pieces
        assert all(p.status is Status.PROVEN for path, p in record.provenance.items()
                   if path.startswith("active_disclosure.")), pieces
    record = _record(text.replace("\t行政处罚\n", "\t行政\n\t处\n", 1), stem)     # (no label's rest: not joined)
    assert record.provenance["active_disclosure.punishment"].status is not Status.PROVEN
