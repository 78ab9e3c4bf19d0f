"""表三 with one-character-wide applicant columns, as PDF text tools that keep the page's layout print it: each
count's digits stacked down its cell, centred on the row (``pdftotext -layout``), or with the row's short cells on
the stacks' upper middle line (pypdf's layout mode)::

                                            1              1
                                            5              5
    一、本年新收政府信息公开申请数量          0   0   1   1
                                            0              0
                                            7              7

Each stacked cell is its digits read down its column; a row is read so only where every way of cutting the
table's lines into rows agrees, and a row cut by a page break is never proven."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest

from llm_extract.evidence import Status
from llm_extract.extract.digitstacks import stacked_rows
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS, APPLICATION_ROWS, TABLE3_PATHS, same_value
from tests.fakeopenai import T3_LABELS, report_text, sample_values

_FACTOR = 137           # every applicant count times this: three and four digits (the identities still hold)
_LABEL_WIDTH = 44
_COLUMN = 4             # characters from one column's digits to the next's


def _values() -> dict[str, Any]:
    values = sample_values()
    return {k: v * _FACTOR if k.startswith("applications.") else v for k, v in values.items()}


def _positions(digits: int, centred: bool, height: int) -> list[Fraction]:
    """Where a cell's digits print, in lines from the row's label line: centred on it (half a line apart where the
    count is even, as pdftotext places a line between two), or from the stacks' upper middle line down (pypdf)."""
    if centred:
        return [Fraction(2 * i - (digits - 1), 2) for i in range(digits)]
    start = (height - digits) // 2 - (height - 1) // 2
    return [Fraction(start + i) for i in range(digits)]


def _row_lines(label: str, cells: list[str], centred: bool) -> list[str]:
    height = max(len(c) for c in cells)
    placed: dict[Fraction, dict[int, str]] = {Fraction(0): {}}
    for col, cell in enumerate(cells):
        for pos, digit in zip(_positions(len(cell), centred, height), cell):
            placed.setdefault(pos, {})[col] = digit
    out = []
    for pos in sorted(placed):
        line = (label if pos == 0 else "").ljust(_LABEL_WIDTH)
        for col, digit in sorted(placed[pos].items()):
            line = line.ljust(_LABEL_WIDTH + _COLUMN * col) + digit
        out.append(line.rstrip())
    return out


#: what stands between two pages' halves of a table: the page's footer, or the table's header printed again
_BREAKS = {"footer": ["", "", "第 1 页 共 3 页", "", ""],
           "header": ["                    申请人情况", "              法人或其他组织", "    自  商  科  社  法  其  总",
                      "    然  业  研  会  律  他  计"]}


def _report(values: dict[str, Any], centred: bool, break_after: str | None = None, between: str = "footer") -> str:
    """The report with its 表三 printed in narrow columns; ``break_after``: a page break right under that row's
    label line (``between`` the pages: see _BREAKS), the rest of its digits on the next page."""
    header = "申请人情况".rjust(_LABEL_WIDTH + 12)
    lines = ["三、收到和处理政府信息公开申请情况", header,
             "".ljust(_LABEL_WIDTH) + "   ".join(["自", "商", "科", "社", "法", "其", "总"])]
    for row, label in zip(APPLICATION_ROWS, T3_LABELS):
        printed = _row_lines(label, [str(values[f"applications.{row}.{c}"]) for c in APPLICANT_COLUMNS], centred)
        if row == break_after:
            cut = next(i for i, line in enumerate(printed) if line.startswith(label)) + 1
            printed[cut:cut] = _BREAKS[between]
        lines += printed
    text = report_text(values)
    start = text.index("三、收到和处理政府信息公开申请情况")
    end = text.index("\n\n四、政府信息公开行政复议")
    return text[:start] + "\n".join(lines) + text[end:]


def _read(text: str) -> Any:
    return process_document(Document.from_text(text, doc_id="stacks"))


def _wrong(record: Any, values: dict[str, Any]) -> list[str]:
    return [p for p in TABLE3_PATHS if record.provenance[p].status is Status.PROVEN
            and not same_value(p, record.report.get(p), values[p])]


def test_the_renderer_prints_the_shape_this_module_is_about() -> None:
    text = _report(_values(), centred=True)
    assert "\n" + " " * _LABEL_WIDTH + "1" + " " * 23 + "2\n" in text      # 1507 and 2055's first digits alone
    assert "\n一、本年新收政府信息公开申请数量" + " " * 32 + "7   0   0   3   3\n" in text    # 274's middle digit


def test_centred_stacks_read_down_their_columns_every_cell_proven() -> None:
    values = _values()
    record = _read(_report(values, centred=True))
    for path in TABLE3_PATHS:
        assert record.report.get(path) == values[path], path
        assert record.provenance[path].status is Status.PROVEN, path


def test_a_stacked_rows_evidence_cites_every_line_its_digits_stand_on() -> None:
    text = _report(_values(), centred=True)
    record = _read(text)
    lines = record.provenance["applications.new_received.natural_person"].lines
    assert len(lines) == 7                      # 1507, 274 and 2055 stacked round the label line
    assert any(text.split("\n")[n - 1].startswith("一、本年新收") for n in lines)


def test_stacks_from_their_upper_middle_line_are_never_proven_wrong_and_mostly_read() -> None:
    """pypdf's way leaves some cuts in doubt (``7 0 0 0 0 0 7`` / ``1 1``: 71 and the next row's 4…, or 7 and the
    next row's 14…): those rows stay as printed and unproven; the rows every cut agrees on are read."""
    values = _values()
    record = _read(_report(values, centred=False))
    assert _wrong(record, values) == []
    right = sum(record.report.get(p) == values[p] for p in TABLE3_PATHS)
    assert right >= 0.8 * len(TABLE3_PATHS)


@pytest.mark.parametrize("between", sorted(_BREAKS))
def test_a_row_cut_by_a_page_break_is_never_proven_wrong(between: str) -> None:
    """Its label's line and the digits above it on one page, the rest on the next after the page's footer or the
    table's header printed again: the next page's first lines of numbers alone may be that row's or the next one's."""
    values = _values()
    for row in ("granted", "unavailable_not_held", "rejected_petition"):
        record = _read(_report(values, centred=True, break_after=row, between=between))
        assert _wrong(record, values) == [], row


def test_lines_of_tab_separated_fields_are_left_as_they_are() -> None:
    lines = ["一、本年新收\t1\t0", "\t5", "二、上年结转\t0"]
    assert stacked_rows(lines, 1, 4) == (lines, {})


def test_a_header_printed_again_between_pages_parts_the_tables_lines_as_a_footer_does() -> None:
    """The lines of words between two pages' halves (the header again) end one run of the table's lines and start
    another, so each page's rows are cut on their own and read, as many as with the page's footer between."""
    values = _values()
    for row in ("granted", "unavailable_not_held"):
        right = {between: sum(_read(_report(values, centred=True, break_after=row, between=between)).report.get(p)
                              == values[p] for p in TABLE3_PATHS) for between in _BREAKS}
        assert right["header"] >= right["footer"] > 0.7 * len(TABLE3_PATHS), (row, right)
