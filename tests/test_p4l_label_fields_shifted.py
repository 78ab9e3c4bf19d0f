"""A 表三 label pymupdf4llm cut into two side-by-side fields whose second holds only the label's last lines.

Under a repeated header, pymupdf4llm may find one more column in the label's cell than the page has: the words
that overflow the narrow label column (``开`` of ``（一）予以公开``, ``开（区分`` of ``（二）部分公开（区分``) land in
a field of their own, beside the label's last lines, while the first field also holds the group title's lines
(``三、本年度<br><br>（⼀）予以公`` | ``开``). Read with the second field's lines against the first's last ones
(extract/brlabels.py) the label names its row, and the table's identities prove it; fields naming no row, or
naming different rows read either way, are left as printed."""

from __future__ import annotations

from llm_extract.extract.brlabels import labels_interleaved


def test_a_label_whose_last_piece_overflowed_into_the_next_field_is_read_whole() -> None:
    fields = ["三、本年度<br><br>（⼀）予以公", "开", "125", "17", "0", "—", "0", "0", "142"]
    assert labels_interleaved(fields) == ["三、本年度（⼀）予以公开", "", *fields[2:]]


def test_the_overflowing_lines_stand_beside_the_first_fields_last_lines() -> None:
    fields = ["办理结果<br>（⼆）部分公<br>处理的，只计<br>形，不计其他", "开（区分<br>这⼀情<br>情形）", "37", "6", "0", "0",
              "0", "0", "43"]
    assert labels_interleaved(fields)[:2] == ["办理结果（⼆）部分公开（区分处理的，只计这⼀情形，不计其他情形）", ""]


def test_fields_that_name_no_row_together_or_each_name_one_are_left_as_printed() -> None:
    nothing = ["办理结果<br>（⼆）部分", "情形<br>", "37", "6"]
    assert labels_interleaved(nothing) == nothing
    named = ["（三）不予公开<br>1.属于国家秘密", "另行<br>", "3", "0"]
    assert labels_interleaved(named) == named
