"""（七）总计's label printed as the bare header word it also is (合计, 总计) in PDF text printed as blocks.

pdf2txt.py prints ``3.其他`` / ``合计`` / ``2`` / ``10`` / ``0`` / ``四、结转下年度继续办理``: the 合计 between 3.其他's label
and 四、结转's, nothing but numbers after it, is the total row's label. A page's repeated header prints its 总计 after
its 其他 (a header word, not 3.其他's label): that 总计 names no row.
"""

from __future__ import annotations

from llm_extract.extract.textblocks import read_blocks
from tests.block_fixtures import fixture_text

_NAME = "pdfminer_total_label_bare"      # office seed 41


def _total_line(lines: list[str]) -> int:
    return next(n for n, line in enumerate(lines, start=1) if line.strip() == "合计")


def test_a_bare_total_word_between_the_last_rows_labels_is_the_total_rows_label() -> None:
    lines = fixture_text(_NAME).split("\n")
    at = _total_line(lines)
    assert [line.strip() for line in lines[at - 3:at + 3]] == ["3.其他", "", "合计", "", "2", "10"]
    blocks = read_blocks(lines)
    assert blocks is not None
    assert blocks.rows["total_processed"].line == at


def test_a_total_word_after_a_headers_other_names_no_row() -> None:
    lines = fixture_text(_NAME).split("\n")
    at = _total_line(lines)
    lines[at - 2:at - 2] = ["其他", ""]          # a repeated header's 其他 before its 总计
    blocks = read_blocks(lines)
    assert blocks is None or "total_processed" not in blocks.rows
