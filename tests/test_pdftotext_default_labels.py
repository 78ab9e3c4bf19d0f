"""``pdftotext`` (default mode): 表三's labels as the text blocks reader finds them (extract/textblocks.py).

A label wrapped, printed in pieces or beside its group's pieces is still its row's label, found once; text
that only looks like a label names no row:

* an item number written ``2、`` (not ``2.``) and the label's end on the next line (``2、其他法律行政法规`` /
  ``禁止公开``);
* a group's piece between two pieces of a label (``（六）其他 2.申请人逾期未按收费通知`` / ``处理`` /
  ``要求缴纳费用、行政机关`` …);
* a group's piece after a label's first piece is no end of that label, even where the pattern's one typo
  would let the two name it (``3.要求提供公开出版`` + ``（五）不予``): the label's own end (``物``) is;
* a sentence citing a rule (``依据《…办法》，本年度未发出收费通知``) and 表四's column headers side by side
  (``总计 结果 结果 其他 尚未``) name no row;
* 表二's column headers printed on one line with each other or with their section's title are its headers.
"""

from __future__ import annotations

from llm_extract.extract.blockside import heads_table2_column
from llm_extract.extract.blocktiles import assemble_table3
from llm_extract.extract.formorder import read_form_order
from llm_extract.extract.textblocks import read_blocks
from llm_extract.form import FORM
from llm_extract.ingest import Document

_ROWS = [r.key for r in FORM.table3_rows]
#: a table whose every identity holds: one application received and granted, the rest 0
_VALUES = {"new_received": [1, 0, 0, 0, 0, 0, 1], "granted": [1, 0, 0, 0, 0, 0, 1],
           "total_processed": [1, 0, 0, 0, 0, 0, 1]}


def _row(key: str) -> str:
    return " ".join(str(v) for v in _VALUES.get(key, [0] * 7))


def _lines(replace: dict[str, list[str]] | None = None, after: list[str] | None = None) -> list[str]:
    """表三 with each row's label and its seven numbers on one line, a row's line replaced by ``replace``'s
    lines, then 表四 (its heading, ``after``, its fifteen numbers)."""
    lines = ["三、收到和处理政府信息公开申请情况", ""]
    for r in FORM.table3_rows:
        lines += (replace or {}).get(r.key, [f"{r.label} {_row(r.key)}"])
    return lines + ["", "四、政府信息公开行政复议、行政诉讼情况", *(after or []), " ".join(["0"] * 15), "",
                    "五、存在的主要问题及改进情况"]


def _read(lines: list[str]):
    return read_blocks(Document.from_text("\n".join(lines)).lines)


def _numbers(blocks, row: str) -> list:
    return [n.cell.value for n in blocks.rows[row].attached]


def test_the_plain_table_is_read() -> None:
    blocks = _read(_lines())
    assert blocks is not None and set(blocks.rows) == set(_ROWS)
    assert assemble_table3(blocks) is not None


def test_a_label_numbered_with_a_dun_comma_and_wrapped_continues_on_the_next_line() -> None:
    blocks = _read(_lines({"denied_prohibited_by_law": ["2、其他法律行政法规 0 0 0 0 0 0 0", "禁止公开"]}))
    assert blocks is not None
    assert _numbers(blocks, "denied_prohibited_by_law") == [0] * 7
    assert assemble_table3(blocks) is not None


def test_a_groups_piece_between_a_labels_pieces_does_not_break_the_label() -> None:
    blocks = _read(_lines({"other_unpaid_fee": ["（六）其他 2.申请人逾期未按收费通知", "处理",
                                                "要求缴纳费用、行政机关 0 0 0 0 0 0 0", "不再处理其政府信息公开", "申请"]}))
    assert blocks is not None
    assert _numbers(blocks, "other_unpaid_fee") == [0] * 7


def test_a_groups_piece_after_a_labels_first_piece_is_not_its_end() -> None:
    blocks = _read(_lines({"rejected_publication": ["3.要求提供公开出版 0 0 0 0 0 0 0", "（五）不予 物", "处理"]}))
    assert blocks is not None and "rejected_publication" in blocks.rows
    assert _numbers(blocks, "rejected_publication") == [0] * 7
    assert assemble_table3(blocks) is not None


def test_a_sentence_citing_a_rule_names_no_row() -> None:
    blocks = _read(_lines() + ["六、其他需要报告的事项", "依据《政府信息公开信息处理费管理办法》，本年度未发出收费通知，未收取信息处理",
                               "费。"])
    assert blocks is not None and assemble_table3(blocks) is not None


def test_table4s_column_headers_side_by_side_name_no_row() -> None:
    blocks = _read(_lines(after=["行政复议", "总计 结果 结果 其他 尚未"]))
    assert blocks is not None and assemble_table3(blocks) is not None


def test_table2s_column_headers_on_one_line_are_its_headers() -> None:
    assert heads_table2_column("本年废止件数")
    assert heads_table2_column("本年废止件数本年处理决定数量")
    assert heads_table2_column("第二十条第(一)项本年制发件数")
    assert heads_table2_column("本年收费金额(单位:万元)")
    assert not heads_table2_column("第二十条第(一)项")     # a section's title alone heads no column
    assert not heads_table2_column("数据1")
    assert not heads_table2_column("本年废止件数予以公开")


def _apart(per_line: int) -> list[str]:
    """表三's labels all first, then its 175 numbers in the form's order, ``per_line`` to a line."""
    numbers = [v for r in FORM.table3_rows for v in _row(r.key).split()]
    return ["三、收到和处理政府信息公开申请情况", *[r.label for r in FORM.table3_rows], "申请人情况",
            *[" ".join(numbers[i:i + per_line]) for i in range(0, len(numbers), per_line)],
            "四、政府信息公开行政复议、行政诉讼情况"]


def test_numbers_printed_a_row_to_a_line_are_read_in_the_forms_order() -> None:
    readings = read_form_order(_apart(7))
    assert readings is not None
    assert [readings[f"applications.new_received.{c.key}"].value for c in FORM.table3_columns] == [1, 0, 0, 0, 0, 0, 1]


def test_numbers_side_by_side_on_one_line_are_never_cells_of_two_rows() -> None:
    """A line of text stands on one baseline and a table's rows do not overlap: five numbers to a line are no
    rows of seven (nor columns), whatever identities such a reading keeps."""
    assert read_form_order(_apart(5)) is None
