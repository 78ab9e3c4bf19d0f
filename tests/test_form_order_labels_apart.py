"""``pdftotext`` (default mode) of a Word report printed to PDF, its narrow label column wrapped: a page's
labels are printed first, then its numbers, one to a line.

* A label wrapped in a narrow cell is printed in pieces, a group title's characters written down its own
  column glued before them (``度 (三) 1．属于国家`` / ``办`` / ``理 不予 秘密``, ``）无 2.没有现成信``): the first
  piece names its row when it begins exactly one row's label.
* The numbers run row by row, but the last rows of a page come as a band printed column by column (two rows'
  自然人, then their 商业企业 …), and the next page's repeated header parts the last row's cells. The labels,
  all printed before the numbers, say nothing of where a band starts: the identities alone place it, and the
  table is read only when exactly one way of cutting the numbers holds every identity.
"""

from __future__ import annotations

import pytest

from llm_extract.evidence import Status
from llm_extract.extract.formorder import read_form_order
from llm_extract.extract.labels import row_begun
from llm_extract.extract.layout import label_key
from llm_extract.form import FORM
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document

_ROWS = [r.key for r in FORM.table3_rows]
_VALUES = {
    "new_received": [131, 25, 2, 4, 3, 5, 170], "carried_over": [0, 0, 1, 1, 1, 0, 3],
    "granted": [73, 25, 1, 4, 3, 2, 108], "partially_granted": [15, 0, 0, 0, 0, 0, 15],
    "unavailable_not_held": [36, 0, 2, 0, 0, 3, 41], "rejected_petition": [1, 0, 0, 0, 0, 0, 1],
    "rejected_reconfirm": [1, 0, 0, 0, 0, 0, 1],
    "total_processed": [126, 25, 3, 4, 3, 5, 166], "carried_forward": [5, 0, 0, 1, 1, 0, 7],
}
#: labels as the narrow cell wraps them, a group title's characters before some pieces
_PIECES = {
    "granted": ["三 (一)予以公开"],
    "partially_granted": ["、 (二)部分公开(区分处", "本 理的，只计这一情", "年 形，不计其他情形)"],
    "denied_state_secret": ["度 (三) 1．属于国家", "办", "理 不予 秘密"],
    "denied_prohibited_by_law": ["结 公开 2．其他法律", "行政法规禁", "果", "止公开"],
    "denied_internal_affairs": ["不予公 5、属于三类内", "开", "部事务信息"],
    "unavailable_needs_creation": ["）无 2.没有现成信", "法提 息需要另行制作"],
}
_HEADER = ["自然", "人", "商业", "企业", "申请人情况", "法人或其他组织", "社会 法律", "科研", "公益 服务", "机构",
           "组织 机构", "其他", "总计"]


def _values(row: str) -> list[int]:
    return _VALUES.get(row, [0] * 7)


def _text(pieces: dict[str, list[str]] | None = None) -> str:
    """表三 over two pages: page one's labels (rows 1 to 24), the header, rows 1 to 22 one number to a line,
    rows 23 and 24 as a band by columns; page two's repeated header parting row 25's cells."""
    pieces = {**_PIECES, **(pieces or {})}
    lines = ["三、收到和处理政府信息公开申请情况", "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"]
    for r in FORM.table3_rows[:-1]:
        lines += pieces.get(r.key, [r.label])
    lines += _HEADER
    lines += [str(v) for r in _ROWS[:22] for v in _values(r)]
    lines += [str(v) for pair in zip(_values(_ROWS[22]), _values(_ROWS[23])) for v in pair]
    last = [str(v) for v in _values(_ROWS[24])]
    lines += ["\f（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "四、结转下年度继续办理",
              "自然", "人", last[0], "商业", "企业", last[1], "申请人情况", "法人或其他组织", "社会 法律", "科研",
              "公益 服务", "机构", "组织 机构", *last[2:5], "其他", last[5], "总计", last[6]]
    lines += ["四、政府信息公开行政复议、行政诉讼情况", *["0"] * 15, "五、存在的主要问题及改进情况"]
    return "\n".join(lines)


@pytest.mark.parametrize(("piece", "row"), [
    ("度 (三) 1．属于国家", "denied_state_secret"), ("不予公 5、属于三类内部", "denied_internal_affairs"),
    ("）无 2.没有现成信", "unavailable_needs_creation"), ("3．危及“三", "denied_security_stability"),
    ("2、申请人逾期", "other_unpaid_fee"), ("(一)予以公", "granted"),
])
def test_the_first_piece_of_a_wrapped_label_names_the_one_row_it_begins(piece: str, row: str) -> None:
    assert row_begun(label_key(piece)) == row


@pytest.mark.parametrize("piece", [
    "1．属于",           # 属于国家秘密, 属于三类…, 属于四类…, 属于行政…: several rows begin so
    "属于国",            # no item number: five characters at least
    "理 不予 秘密",      # a label's end, not its beginning
    "总计",              # a column header
])
def test_a_piece_that_begins_no_row_or_several_names_none(piece: str) -> None:
    assert row_begun(label_key(piece)) is None


def test_labels_printed_apart_and_a_band_by_columns_are_read_by_the_identities() -> None:
    table = read_form_order(_text().split("\n"))
    assert table is not None
    assert {p: r.value for p, r in table.items()} == {
        f"applications.{r}.{c.key}": v for r in _ROWS for c, v in zip(FORM.table3_columns, _values(r))}


def test_the_record_holds_every_cell_and_proves_no_wrong_one() -> None:
    record = process_document(Document.from_text(_text(), doc_id="apart"))
    for r in _ROWS:
        for c, v in zip(FORM.table3_columns, _values(r)):
            path = f"applications.{r}.{c.key}"
            assert record.report.get(path) == v, path
            assert record.provenance[path].status in (Status.PROVEN, Status.UNVERIFIED), path


def test_a_wrapped_label_whose_first_piece_names_no_row_leaves_the_table_unread() -> None:
    # 1．属于 begins four rows' labels: the row is not known to be printed, the table is not read
    text = _text({"denied_state_secret": ["度 (三) 1．属于", "办", "理 不予 国", "家秘", "密"]})
    assert read_form_order(text.split("\n")) is None


def test_a_number_that_breaks_an_identity_leaves_the_table_unread() -> None:
    lines = _text().split("\n")
    lines[lines.index("126")] = "127"        # total_processed's 自然人: its row sum and column sum break
    assert read_form_order(lines) is None
