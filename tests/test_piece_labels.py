"""A Word table whose label columns are very narrow, read by plain ``pdftotext`` (no -layout; LibreOffice's PDF):
each label is printed a piece of two characters to a line, each piece a block of its own, and where a group's
merged cell (（三）不予公开) stands beside its first item, the two cells' pieces take turns line by line
(``（三`` / ``1.属`` / ``）不`` / ``于国`` / ``予公`` / ``家秘`` / ``开`` / ``密``); a page break repeats 表三's header
between two pieces of a label. Such a label names its row where its item number's piece is followed by pieces
spelling the row's whole words, the group title's, the header's and the cells' pieces standing apart
(``extract/piecelabels.py``). 表三 whose 175 numbers stand in the form's order is then read in that order, as when
every label is printed whole (``extract/formorder.py``), and proven where every identity holds.
"""

from __future__ import annotations

import time

from llm_extract.evidence import Method, Status
from llm_extract.extract import extract_regex
from llm_extract.extract.formorder import read_form_order
from llm_extract.extract.piecelabels import rows_in_pieces
from llm_extract.form import FORM
from llm_extract.ingest import Document
from llm_extract.schema import TABLE3_ROW_PATHS
from verify import verify_extraction

_HEAD = "开封市发展和改革委员会 2024 年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
_TAIL = "四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n"
_HEADER = ("（本列数据的勾稽关\n系为：第一项加第二\n项之和，等于第三项\n加第四项之和）\n\n申请人情况\n自然\n人\n\n"
           "法人或其他组织\n\n总计\n\n商业\n\n科研\n\n社会\n\n法律\n\n企业\n\n机构\n\n公益\n\n服务\n\n组织\n\n机构\n\n其他\n\n")
#: the rows whose labels stand whole on a line (no item number of 1.–8.)
_WHOLE = {"new_received": "一、本年新收政府信息公开申请数量", "carried_over": "二、上年结转政府信息公开申请数量",
          "granted": "（一）予以公开", "partially_granted": "（二）部分公开", "total_processed": "（七）总计",
          "carried_forward": "四、结转下年度继续办理"}
#: the group title printed beside a group's first item, the two cells' pieces taking turns
_GROUP_PIECES = {"denied_state_secret": ["（三", "）不", "予公", "开"], "unavailable_not_held": ["（四", "）无", "法提", "供"],
                 "rejected_petition": ["（五", "）不", "予处", "理"], "other_no_correction": ["（六", "）其", "他处", "理"]}


def _table() -> dict[str, list[int]]:
    """A table keeping every identity: each outcome row's applicant cells, its total, the balance."""
    rows = {r: [0] * 7 for r in FORM.table3_row_keys}
    rows["granted"][:6] = [5, 1, 0, 0, 0, 0]
    rows["denied_state_secret"][:6] = [0, 2, 0, 0, 0, 0]
    rows["unavailable_not_held"][:6] = [3, 0, 0, 1, 0, 0]
    rows["rejected_duplicate"][:6] = [4, 0, 0, 0, 0, 0]
    rows["other_unpaid_fee"][:6] = [0, 0, 0, 7, 0, 0]
    for r in FORM.table3_outcome_rows:
        for c in range(6):
            rows["total_processed"][c] += rows[r][c]
    rows["carried_over"][:6] = [2, 0, 0, 0, 0, 0]
    rows["carried_forward"][:6] = [1, 0, 0, 0, 0, 0]
    rows["new_received"][:6] = [t + f - o for t, f, o in zip(rows["total_processed"][:6], rows["carried_forward"],
                                                           rows["carried_over"])]
    for row in rows.values():
        row[6] = sum(row[:6])
    return rows


def _pieces(row: str) -> list[str]:
    label = next(r.label for r in FORM.table3_rows if r.key == row)
    chunks = [label[:3]] + [label[i:i + 2] for i in range(3, len(label), 2)]     # 1.属 / 于国 / 家秘 / 密
    group = _GROUP_PIECES.get(row, [])
    out: list[str] = []
    for i in range(max(len(chunks), len(group))):        # group piece, item piece, group piece, …
        out += group[i:i + 1] + chunks[i:i + 1]
    return out


def _text(rows: dict[str, list[int]], page_break_in: str = "") -> str:
    body = ""
    for row in FORM.table3_row_keys:
        if row in _WHOLE:
            label = _WHOLE[row] + "\n\n"
        else:
            pieces = _pieces(row)
            if row == page_break_in:     # the header repeated between the label's first piece and the rest
                pieces = pieces[:1] + [_HEADER] + pieces[1:]
            label = "".join(f"{p}\n\n" for p in pieces)
        body += label + "".join(f"{v}\n\n" for v in rows[row])
    return _HEAD + _HEADER + body + _TAIL


def test_labels_in_pieces_name_their_rows_past_a_group_title_and_a_repeated_header() -> None:
    lines = _text(_table(), page_break_in="denied_internal_affairs").split("\n")
    numbered = {r.key for r in FORM.table3_rows if r.key not in _WHOLE}
    assert rows_in_pieces(lines) == numbered


def test_a_label_missing_a_character_names_no_row() -> None:
    text = _text(_table()).replace("家秘\n\n开\n\n密\n", "家秘\n\n开\n")      # 1.属于国家秘 (密 lost)
    assert "denied_state_secret" not in rows_in_pieces(text.split("\n"))


def test_a_piece_of_other_words_ends_the_label_unnamed() -> None:
    text = _text(_table()).replace("于国\n", "于其\n国\n", 1)                 # 1.属于其国家秘密: not the form's words
    assert "denied_state_secret" not in rows_in_pieces(text.split("\n"))


def test_the_table_is_read_in_the_forms_order_and_proven() -> None:
    rows = _table()
    text = _text(rows, page_break_in="denied_internal_affairs")
    read = read_form_order(text.split("\n"))
    assert read is not None
    for row, values in rows.items():
        assert [read[p].value for p in TABLE3_ROW_PATHS[row]] == values
    assert {r.method for r in read.values()} == {Method.FORM_ORDER}
    record = verify_extraction(extract_regex(Document.from_text(text, doc_id="x")))
    for row, values in rows.items():
        for path, value in zip(TABLE3_ROW_PATHS[row], values):
            assert record.report.get(path) == value
            assert record.provenance[path].status is Status.PROVEN


def test_numbers_out_of_the_forms_order_are_not_read() -> None:
    rows = _table()
    rows["rejected_duplicate"] = [0, 4, 0, 0, 0, 0, 4]        # its 4 a column to the right: a column sum breaks
    assert read_form_order(_text(rows).split("\n")) is None


def test_a_region_of_many_item_pieces_is_looked_at_boundedly_and_names_nothing() -> None:
    # a hostile text: 1,000 item numbers' pieces, each followed by 230 pieces of a group title before its label's
    # rest (each piece would be looked at 240 times): past 64 item numbers' pieces the region is no such table
    lines = ("1.属\n" + "予公\n" * 230 + "于国\n家秘\n密\n") * 1000
    started = time.perf_counter()
    assert rows_in_pieces(lines.split("\n")) == frozenset()
    assert time.perf_counter() - started < 5
    assert rows_in_pieces(lines.split("\n")[:234 * 64]) == {"denied_state_secret"}     # (64 of them: named)
