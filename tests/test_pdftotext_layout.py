"""``pdftotext -layout`` text of a report: columns parted by runs of spaces, words of a sentence by one.

* A sentence between a table's heading and its rows (``全年发生…行政复议案件 2 件、行政诉讼案件 1 件，
  具体情况如下。``, ``2021 年，本机关未发生…``) tells counts, it holds no cells: a number followed by its
  unit word in a line with a sentence's comma or full stop is prose, outside any bracket.
* A cell's note in brackets whose words a space parts (``5（其中修订 2 件）``) is one annotated cell: the
  note's number is no cell of the row, and its unit word makes no sentence of the row.
* A page's bare number (``2`` alone at the foot of page 2, before the form feed) is no cell, when the
  document numbers at least two of its pages so.
"""

from __future__ import annotations

import re

from llm_extract.evidence import CellKind, Status
from llm_extract.extract.pagenumbers import without_page_numbers
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import REVIEW_COLUMNS, REVIEW_GROUPS
from tests.fakeopenai import report_text, sample_values

VALUES = sample_values()
T4 = [f"review_litigation.{g}.{c}" for g in REVIEW_GROUPS for c in REVIEW_COLUMNS]
T4_HEADING = "四、政府信息公开行政复议、行政诉讼情况"
NORMATIVE = "行政规范性文件    5    2    51"


def _layout(values: dict = VALUES) -> str:
    """The sample report as ``pdftotext -layout`` prints it: runs of spaces between the columns."""
    return report_text(values).replace("\t", "    ")


def _t4_rows(values: dict = VALUES, before: str = "") -> str:
    """The sample report, 表四 printed as three rows of five under one header row, ``before`` between
    its heading and its header (as LibreOffice's PDF of a Word table prints it)."""
    rows = (("行政复议", "administrative_review"), ("行政诉讼（未经复议直接起诉）", "litigation_direct"),
            ("行政诉讼（复议后起诉）", "litigation_after_review"))
    table = "\n".join(label + "      " + "      ".join(str(values[f"review_litigation.{g}.{c}"]) for c in REVIEW_COLUMNS)
                      for label, g in rows)
    head = _layout(values).split(T4_HEADING)[0]
    return (head + T4_HEADING + "\n\n" + before + "\n                 结果维持   结果纠正   其他结果   尚未审结     总计\n\n"
            + table + "\n\n五、存在的主要问题及改进情况\n\n无。\n")


def _record(text: str):
    return process_document(Document.from_text(text, doc_id="d"))


def _proven(record, paths: list[str], values: dict = VALUES) -> list[str]:
    """The paths not read as ``values`` or not proven."""
    return [p for p in paths if record.report.get(p) != values[p] or record.provenance[p].status is not Status.PROVEN]


def test_the_plain_layout_text_reads_table4() -> None:
    assert _proven(_record(_layout()), T4) == []
    assert _proven(_record(_t4_rows()), T4) == []


def test_a_sentence_counting_cases_before_table4_holds_none_of_its_cells() -> None:
    text = _t4_rows(before="  全年发生政府信息公开行政复议案件 2 件、行政诉讼案件 1 件，具体情况如\n下。\n")
    assert _proven(_record(text), T4) == []


def test_a_sentence_naming_the_year_before_table4_holds_none_of_its_cells() -> None:
    zero = dict(VALUES, **{p: 0 for p in T4})
    text = _t4_rows(zero, before="  2021 年，本机关未发生政府信息公开行政复议、行政诉讼案件。\n")
    assert _proven(_record(text), T4, zero) == []


def test_a_row_of_cells_is_no_sentence() -> None:
    """Numbers after a label, a comma inside the label's brackets: a row, its cells read."""
    text = _t4_rows().replace("行政复议      ", "行政复议（含复议后起诉，见下）      ", 1)
    assert _proven(_record(text), T4) == []


def test_a_note_whose_words_a_space_parts_is_its_cells_note() -> None:
    paths = [f"active_disclosure.normative_documents.{c}" for c in ("issued", "repealed", "in_force")]
    assert NORMATIVE in _layout()
    for note in ("（其中修订 2 件）", "（其中新制定 3 件，修订 2 件）", "(含修订 2 件)"):
        text = _layout().replace(NORMATIVE, f"行政规范性文件     5{note}     2     51", 1)
        record = _record(text)
        assert [record.report.get(p) for p in paths] == [5, 2, 51], note
        assert record.provenance[paths[0]].raw and "修订" in record.provenance[paths[0]].raw, note


def test_a_note_printed_a_column_gap_after_its_number_is_its_cells_note() -> None:
    """``16   （其中修改15件）``: the note's cell is centred apart from its number, not a cell of its own."""
    paths = [f"active_disclosure.normative_documents.{c}" for c in ("issued", "repealed", "in_force")]
    for note in ("（其中修订2件）", "(含修订 2 件)"):
        record = _record(_layout().replace(NORMATIVE, f"行政规范性文件     5   {note}     2     51", 1))
        assert [record.report.get(p) for p in paths] == [5, 2, 51], note


def test_a_note_wrapped_in_its_narrow_cell_is_joined_back_onto_its_line() -> None:
    """``5（其中修订 2`` / ``件）``: the note's end printed on the next line under the cell; the note's count is
    no cell of the row, which reads as three cells, each in its column, proven."""
    paths = [f"active_disclosure.normative_documents.{c}" for c in ("issued", "repealed", "in_force")]
    wrapped = "行政规范性文件     5（其中修订 2      2     51\n                件）"
    record = _record(_layout().replace(NORMATIVE, wrapped, 1))
    assert [record.report.get(p) for p in paths] == [5, 2, 51]
    assert [record.provenance[p].status for p in paths] == [Status.PROVEN] * 3
    assert "修订2件" in (record.provenance[paths[0]].raw or "")


def test_a_noted_cell_of_three_lines_centred_on_its_row_is_put_back_into_the_row() -> None:
    """A Word table's cell too narrow for ``3（其中修订 1 件）`` takes three lines; the row's label and other cells
    stand on the middle one, the count above it and the note's end below: both rows of 表二's stock read, proven."""
    paths = [f"active_disclosure.{row}.{c}" for row in ("regulations", "normative_documents")
             for c in ("issued", "repealed", "in_force")]
    stock = ("  规章           0          0         0\n"
             "              3（其中修订 1\n"
             "   行政规范性文件                   0         5\n"
             "                 件）\n")
    assert _layout().count(NORMATIVE) == 1
    text = re.sub(r"^.*规章.*\n.*" + NORMATIVE + r".*\n", lambda _: stock, _layout(), count=1, flags=re.M)
    assert stock in text
    record = _record(text)
    assert [record.report.get(p) for p in paths] == [0, 0, 0, 3, 0, 5]
    assert [record.provenance[p].status for p in paths] == [Status.PROVEN] * 6
    assert "修订1件" in (record.provenance[paths[3]].raw or "")


def test_a_count_above_a_row_with_no_room_for_it_is_left_as_printed() -> None:
    from llm_extract.extract.wrapnotes import joined_notes

    lines = ["              3（其中修订 1", "   行政规范性文件      2       0         5", "                 件）"]
    assert joined_notes(lines) == lines         # the row's line holds a cell where it stands


def test_a_closing_piece_not_under_the_cell_is_left_as_printed() -> None:
    from llm_extract.extract.wrapnotes import joined_notes

    lines = ["行政规范性文件     5（其中修订 2      2     51", "                                    件）"]
    assert joined_notes(lines) == lines
    crowded = ["行政规范性文件     5（其中修订 2  2     51", "                件）"]   # no room: columns would move
    assert joined_notes(crowded) == crowded


def _paged(text: str, cut: str, numbers: bool = True) -> str:
    """``text`` as two pages, the second starting at ``cut``; each page's number alone at its foot."""
    head, tail = text.split(cut, 1)
    one, two = ("                 1\n", "                 2\n") if numbers else ("", "")
    return head + "\n" + one + "\f" + cut + tail + "\n" + two + "\f"


def test_a_page_number_inside_table4_is_no_cell() -> None:
    row = "    ".join(str(VALUES[p]) for p in T4)
    text = _layout().replace(row, "\n                 1\n\f" + row, 1)      # page 1 ends between header and row
    text = text + "\n                 2\n\f"
    assert _proven(_record(text), T4) == []


def test_bare_page_numbers_are_blanked_only_when_two_pages_are_numbered_so() -> None:
    lines = ["表", "1", "\f行", "3", "2", "\f"]
    assert without_page_numbers(lines) == ["表", "", "\f行", "3", "", "\f"]
    assert without_page_numbers(["表", "1", "\f行", "3", "\f"]) == ["表", "1", "\f行", "3", "\f"]   # one only
    assert without_page_numbers(["表", "2", "\f行", "3", "\f"]) == ["表", "2", "\f行", "3", "\f"]   # not its page
    assert without_page_numbers(["\f 1", "表", "\f  2", "行"]) == ["\f", "表", "\f", "行"]          # headers


def test_a_cell_alone_at_a_pages_foot_is_kept() -> None:
    assert without_page_numbers(["0", "\f行", "0", "\f"]) == ["0", "\f行", "0", "\f"]


# ---- 表三's short rows: blank cells placed by the spacing of the page's full rows ----

T3_HEAD = "本列数据的勾稽关系    自然人    商业企业    科研机构    社会公益组织    法律服务机构    其他    总计"


def _t3_layout(values: dict, width: int = 6) -> str:
    """The sample report, 表三 in fixed-width columns ``width`` apart that start where each row's label
    ends (as ``pdftotext -layout`` prints a table of CJK labels); a ``None`` cell printed as nothing."""
    text = _layout(values)
    out = []
    for line in text.split("\n"):
        parts = line.split("    ")
        if len(parts) == 8 and not line.startswith("本列"):
            cells = "".join(("" if v == "/" else v).rjust(width) for v in parts[1:])
            line = parts[0] + "  " + cells
        out.append(line)
    return "\n".join(out)


def _with_blanks(*paths: str) -> dict:
    """The sample values with the zero cells ``paths`` blank (null): every identity still holds."""
    assert all(VALUES[p] == 0 for p in paths)
    return dict(VALUES, **{p: None for p in paths})


def test_a_short_rows_numbers_go_to_their_columns_and_the_rest_are_blank_cells() -> None:
    blanks = ("applications.new_received.research", "applications.carried_over.commercial",
              "applications.carried_over.social_org", "applications.granted.legal_service")
    values = _with_blanks(*blanks)
    record = _record(_t3_layout(values))
    rows = ("new_received", "carried_over", "granted")
    paths = [f"applications.{r}.{c}" for r in rows for c in
             ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")]
    assert [p for p in paths if record.report.get(p) != values[p]] == []
    # its numbers other than 0 are proven: one in a wrong column would break that column's identities
    assert _proven(record, [p for p in paths if values[p]], values) == []
    # a 0 and a blank trading places break none: which is which, the positions alone say (read, not proven)
    unchecked = [p for p in paths if values[p] in (0, None)]
    assert {record.provenance[p].status for p in unchecked} == {Status.UNVERIFIED}
    assert {tuple(record.provenance[p].rules) for p in unchecked if p not in blanks} == {("READ.LAYOUT_CLOSE",)}


def test_a_short_row_without_a_zero_is_proven_cell_by_cell() -> None:
    """Numbers and blanks only: a number in a wrong column would break that column's identities."""
    values = dict(VALUES, **{"applications.granted.research": None, "applications.granted.social_org": None,
                             "applications.granted.legal_service": None, "applications.granted.other_org": None})
    record = _record(_t3_layout(values))
    paths = [f"applications.granted.{c}" for c in ("natural_person", "commercial", "research", "social_org",
                                                   "legal_service", "other_org", "total")]
    assert [p for p in paths if record.report.get(p) != values[p]] == []
    assert [p for p in paths if record.provenance[p].status is not Status.PROVEN] == []


def test_a_short_row_whose_numbers_fit_two_runs_of_columns_is_never_proven() -> None:
    """Six evenly spaced numbers: the blank may be the first column or the last (the shift of a line is
    free): the row is not read cell by cell, nothing of it is proven."""
    values = _with_blanks("applications.denied_state_secret.natural_person")
    record = _record(_t3_layout(values))
    paths = [f"applications.denied_state_secret.{c}" for c in ("natural_person", "commercial", "total")]
    assert [p for p in paths if record.provenance[p].status is Status.PROVEN] == []


def _region_filled(lines: list[str]):
    """表三's region of ``lines`` (all of them), its short rows' blank cells placed by their columns."""
    from llm_extract.extract.blankcols import fill_blank_columns
    from llm_extract.extract.layout import Region, tokenize

    region = Region("表三", 1, len(lines) + 1)
    region.items = tokenize(lines, 1, len(lines) + 1)
    fill_blank_columns(lines, region)
    return region


def test_numbers_beside_words_no_label_was_found_in_are_left_as_printed() -> None:
    lines = ["三、收到和处理政府信息公开申请情况",
             "（一）予以公开              5     1     0     0     0     0     6",
             "（二）部分公开              2           0     0     0     1     3",
             "予处理某某某某              2           0     0     0     1     3", ""]
    region = _region_filled(lines)
    per_line = {n: sum(1 for it in region.items if it.line == n and it.is_value) for n in (2, 3, 4)}
    assert per_line == {2: 7, 3: 7, 4: 6}


def _filled(lines: list[str]) -> dict[int, list[str]]:
    """The value cells of each line of a 表三 of ``lines`` once its short rows' blank cells are placed."""
    region = _region_filled(lines)
    out: dict[int, list[str]] = {}
    for it in region.items:
        if it.is_value:
            out.setdefault(it.line, []).append(it.cell.kind.value)
    return out


def test_numbers_beside_the_second_line_of_a_wrapped_label_go_to_their_columns() -> None:
    """A label wrapped over two lines, its numbers beside its second line (``5.属于三类内部`` / ``事务信息
    0 0 …``): the words before them are the rest of the label on the line above, their row's own."""
    lines = ["三、收到和处理政府信息公开申请情况",
             "（一）予以公开              5     1     0     0     0     0     6",
             "5.属于三类内部",
             "事务信息                    2           0     0     0     1     3", ""]
    assert _filled(lines)[4] == ["number", "blank", "zero", "zero", "zero", "number", "number"]


def test_numbers_beside_words_of_another_label_than_the_one_above_are_left_as_printed() -> None:
    """The words are no piece of the label above (a label the reader did not find), or the label above
    has numbers of its own on its line: whose cells these are is not sure."""
    other = ["三、收到和处理政府信息公开申请情况",
             "（一）予以公开              5     1     0     0     0     0     6",
             "5.属于三类内部",
             "某某某某                    2           0     0     0     1     3", ""]
    assert len(_filled(other)[4]) == 6
    own = ["三、收到和处理政府信息公开申请情况",
           "（一）予以公开              5     1     0     0     0     0     6",
           "5.属于三类内部              5     1     0     0     0     0     6",
           "事务信息                    2           0     0     0     1     3", ""]
    assert len(_filled(own)[4]) == 6


def test_a_row_whose_cells_two_lines_share_never_reads_a_blank_among_them() -> None:
    """A fixed-width row broken over two lines (``2 0 0 无`` / ``0 0 2``): which line's cell stands in which
    column is unsure, and a placeholder swapped with a 0 breaks no identity: the row reader leaves it."""
    from llm_extract.extract.layout import tokenize
    from llm_extract.extract.regions import find_regions
    from llm_extract.extract.table3 import read_table3

    text = _layout().replace("二、上年结转政府信息公开申请数量    2    0    0    0    0    0    2",
                             "二、上年结转政府信息公开申请数量    2    0    0         无\n          0    0    2", 1)
    assert "    无\n" in text
    lines = text.split("\n")
    region = find_regions(lines)["表三"]
    region.items = tokenize(lines, region.start, region.end)
    readings, _ = read_table3(region)
    row = [f"applications.carried_over.{c}" for c in ("research", "social_org", "legal_service", "other_org")]
    assert all(readings[p].missing for p in row)
    assert not readings["applications.granted.natural_person"].missing     # (a row on one line is read)


def test_cells_a_single_space_apart_are_placed_too() -> None:
    """Narrow columns: ``0 0`` are two cells one space apart (a PDF's glyphs, never a number split in
    layout text); the short row's six numbers fit one choice of the full rows' columns only."""
    lines = ["三、收到和处理政府信息公开申请情况",
             "一、本年新收政府信息公开申请数量        2     3     0     0     0 0     5",
             "二、上年结转政府信息公开申请数量        0     0     0     0     0 0     0",
             "（一）予以公开                 0     2     0     0     0 0     2",
             "       2.其他法律行政法规禁止公开     0           0     0     0 0     0", ""]
    region = _region_filled(lines)
    row = [it.cell.kind.value for it in region.items if it.line == 5 and it.is_value]
    assert row == ["zero", "blank"] + ["zero"] * 5


def test_a_placement_every_other_of_which_puts_a_cell_two_columns_off_is_clear() -> None:
    """Three-wide columns: the fit is within half a column, every other choice two columns off a cell's
    place (a line's own rounding is half a column): the blank is the 法律服务机构 cell."""
    from llm_extract.extract.columns import place_by_spacing

    assert place_by_spacing("（二）部分公开     0 0  0  0      1   1", 6, "（一）予以公开    12 0  0  0   2  4  18", 7) \
        == [0, 1, 2, 3, 5, 6]


def test_blank_rows_one_under_another_between_rows_printed_beside_their_labels_are_blank() -> None:
    """Three rows left blank: their labels stand alone, one under another, between rows whose numbers
    stand on their own labels' lines: blank (null), not lost cells the identities fill in with 0."""
    rows = ("denied_state_secret", "denied_prohibited_by_law", "denied_security_stability")
    paths = [f"applications.{r}.{c}" for r in rows for c in
             ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")]
    values = _with_blanks(*paths)
    record = _record(_t3_layout(values))
    assert [p for p in paths if record.report.get(p) is not None] == []
    assert {record.provenance[p].method for p in paths} == {"label-alone"}


def test_stacked_labels_whose_numbers_follow_as_a_block_are_not_blank_rows() -> None:
    """pdftotext's column blocks: labels one under another, their numbers after the last of them."""
    from llm_extract.extract.layout import tokenize
    from llm_extract.extract.regions import find_regions
    from llm_extract.extract.table3 import read_table3

    lines = ["三、收到和处理政府信息公开申请情况", "一、本年新收政府信息公开申请数量    3    0    0    0    0    0    3",
             "二、上年结转政府信息公开申请数量", "（一）予以公开", "（二）部分公开",
             "0    0    0    0    0    0    0", "1    0    0    0    0    0    1", "2    0    0    0    0    0    2",
             "（三）不予公开 1.属于国家秘密    0    0    0    0    0    0    0", "四、政府信息公开行政复议、行政诉讼情况"]
    region = find_regions(lines)["表三"]
    region.items = tokenize(lines, region.start, region.end)
    readings, _ = read_table3(region)
    assert all(readings[f"applications.{r}.total"].method != "label-alone" for r in ("carried_over", "granted"))


def test_a_full_row_whose_own_spacing_fits_nothing_gives_no_opinion() -> None:
    """pdftotext spaces some lines unevenly: a full row that places the short row nowhere neither
    confirms nor contradicts the full row that places it clearly."""
    lines = ["三、收到和处理政府信息公开申请情况",
             "一、本年新收政府信息公开申请数量    12     0     0     0     1     3    16",
             "二、上年结转政府信息公开申请数量     0     0     0     0           1     1",
             "（一）予以公开 0 0 0       0 0 0 0", ""]
    region = _region_filled(lines)
    row = [it.cell.kind.value for it in region.items if it.line == 3 and it.is_value]
    assert row == ["zero"] * 4 + ["blank", "number", "number"]


# ---- a page that prints no full row: its columns inferred from its short rows ----

_LABELS = ("一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（一）予以公开", "（二）部分公开",
           "（三）不予公开１．属于国家秘密", "２．其他法律行政法规禁止公开")


def _fixed(label: str, cells: dict[int, str], grid: list[int], shift: int) -> str:
    """A row of fixed-width text: ``label``, then each cell at ``shift`` + its column's place."""
    line, at = label, 2 * len(label)          # (the labels here are all double-width characters)
    for col in sorted(cells):
        line += " " * (shift + grid[col] - at) + cells[col]
        at = shift + grid[col] + len(cells[col])
    return line


def _short_rows_page(grid: list[int], rows: list[dict[int, str]], grids: dict | None = None) -> list:
    lines = ["三、收到和处理政府信息公开申请情况"] + [
        _fixed(label, cells, (grids or {}).get(k, grid), 40 + 3 * (k % 2))
        for k, (label, cells) in enumerate(zip(_LABELS, rows))] + [""]
    region = _region_filled(lines)
    out = []
    for n in range(2, 2 + len(rows)):
        values = [it for it in region.items if it.line == n and it.is_value]
        out.append([k for k, it in enumerate(values) if it.cell.kind.value == "blank"] if len(values) == 7 else None)
    return out


def test_a_page_without_a_full_row_places_its_short_rows_by_columns_they_imply_together() -> None:
    grid = [0, 6, 12, 20, 26, 31, 37]         # uneven columns (their headers' widths differ)
    rows = [{c: "0" for c in range(7) if c != 2}, {c: "1" for c in range(7) if c != 5},
            {c: "0" for c in (0, 2, 4, 5, 6)}, {c: "0" for c in range(1, 7)}, {c: "0" for c in (0, 3, 6)}]
    assert _short_rows_page(grid, rows) == [[2], [5], [1, 3], [0], [1, 2, 4, 5]]


def test_a_row_pdftotext_spaced_unevenly_stays_as_printed_and_blocks_no_other() -> None:
    grid = [0, 6, 12, 20, 26, 31, 37]
    rows = [{c: "0" for c in range(7) if c != 2}, {c: "1" for c in range(7) if c != 5},
            {c: "0" for c in (0, 2, 4, 5, 6)}, {c: "0" for c in range(1, 7)}, {c: "0" for c in (0, 3, 6)},
            {0: "0", 1: "0", 2: "0", 3: "0", 4: "0"}]
    uneven = [0, 2, 4, 16, 30, 33, 40]           # the last row's cells at places no column choice fits
    placed = _short_rows_page(grid, rows, {5: uneven})
    assert placed == [[2], [5], [1, 3], [0], [1, 2, 4, 5], None]


def test_evenly_spaced_columns_each_row_lacking_an_end_cell_are_never_inferred() -> None:
    """Columns six apart, every row lacks its first or last cell: the rows fit either way alike."""
    grid = [0, 6, 12, 18, 24, 30, 36]
    rows = [{c: "0" for c in range(1, 7)}, {c: "0" for c in range(6)}, {c: "0" for c in range(1, 7)}]
    assert _short_rows_page(grid, rows) == [None, None, None]


def test_blank_rows_above_a_label_wrapped_round_its_numbers_are_blank() -> None:
    """The row below the blank rows wraps its label over three lines, its numbers beside the middle one."""
    rows = ("denied_state_secret", "denied_prohibited_by_law", "denied_security_stability")
    paths = [f"applications.{r}.{c}" for r in rows for c in
             ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")]
    values = _with_blanks(*paths)
    text = _t3_layout(values)
    line = next(x for x in text.split("\n") if x.startswith("4.保护第三方合法权益"))
    wrapped = "4.保护第三方\n" + " " * 22 + line[len("4.保护第三方合法权益"):].lstrip(" ").rjust(len(line) - 10) + "\n合法权益"
    record = _record(text.replace(line, wrapped, 1))
    assert record.report.get("applications.denied_third_party.total") == 1
    assert [p for p in paths if record.report.get(p) is not None] == []
    assert {record.provenance[p].method for p in paths} == {"label-alone"}


def test_a_lone_number_under_a_whole_row_of_table4_is_no_cell() -> None:
    """A text that lost its page breaks keeps a page's number (``3``) on a line of its own under 表四's row of 15:
    the row holds every group's total, so the number is no sixteenth cell."""
    row = "    ".join(str(VALUES[p]) for p in T4)
    assert _proven(_record(_layout().replace(row, row + "\n3", 1)), T4) == []


def test_a_lone_number_under_a_row_of_table4_that_does_not_hold_leaves_it_unread() -> None:
    broken = dict(VALUES, **{"review_litigation.administrative_review.total": VALUES[T4[4]] + 1})
    row = "    ".join(str(broken[p]) for p in T4)
    record = _record(_layout(broken).replace(row, row + "\n3", 1))
    assert all(record.provenance[p].status is not Status.PROVEN for p in T4)


def _staircase_region(cells_at: list[int]):
    """表三's rows 4 and 5 of 不予公开 with their fourteen cells printed a column at a time, a line each, at
    the character columns ``cells_at`` (the upper row's 2 0 0 0 0 0 2 and the lower's 0 2 0 0 0 0 2)."""
    from llm_extract.extract.layout import Region, tokenize

    upper, lower = ["2", "0", "0", "0", "0", "0", "2"], ["0", "2", "0", "0", "0", "0", "2"]
    values = [v for pair in zip(upper, lower) for v in pair]
    lines = ["三、收到和处理政府信息公开申请情况",
             "        3.危及“三安全一稳定”      0     0     0     0     0     0     0",
             "（三）不予公开 4.保护第三方合法权益",
             "        5.属于三类内部事务信息"]
    lines += [" " * at + v for at, v in zip(cells_at, values)]
    lines += ["        6.属于四类过程性信息      1     0     0     0     0     0     1", ""]
    region = Region("表三", 1, len(lines) + 1)
    region.items = tokenize(lines, 1, len(lines) + 1)
    return lines, region


def test_two_rows_whose_cells_came_out_a_column_at_a_time_each_get_their_own() -> None:
    """pdftotext lays two rows beside a group's label out column by column: each column's two cells on two
    lines, the upper row's above; the upper of each pair is the upper row's cell, the lower the lower's."""
    from llm_extract.extract.pairedcols import pair_columns
    from llm_extract.extract.table3 import read_table3

    lines, region = _staircase_region([c for at in range(30, 72, 6) for c in (at, at)])
    pair_columns(lines, region)
    readings, _ = read_table3(region)
    cols = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")
    assert [readings[f"applications.denied_third_party.{c}"].value for c in cols] == [2, 0, 0, 0, 0, 0, 2]
    assert [readings[f"applications.denied_internal_affairs.{c}"].value for c in cols] == [0, 2, 0, 0, 0, 0, 2]


def test_cells_a_line_each_that_do_not_stand_two_by_two_are_left_as_printed() -> None:
    from llm_extract.extract.pairedcols import pair_columns

    lines, region = _staircase_region(list(range(30, 86, 4)))       # every cell a column of its own
    before = [it.raw for it in region.items]
    pair_columns(lines, region)
    assert [it.raw for it in region.items] == before


def test_a_numbered_header_words_wrapped_number_is_joined_back_onto_it() -> None:
    """数据 / 1 in a narrow column: the number alone on the line below, under its word (the line prints 数据 2
    too); the header's numbers, glued on, are no cells of a row."""
    from llm_extract.extract.headdigits import joined_header_digits

    lines = ["                     数据       数据 2   数据   数据 4      数据 5   数据 6       总计",
             "                     1                3",
             "一、本年新收政府信息公开申请数量     11        0      0     0      1     0     12"]
    assert joined_header_digits(lines) == [
        "                     数据1       数据2   数据3   数据4      数据5   数据6       总计", "", lines[2]]


def test_numbers_under_a_rows_label_are_no_header_digits() -> None:
    """A label followed by its number is no numbered header word: the number below is a cell."""
    from llm_extract.extract.headdigits import joined_header_digits

    lines = ["正、行政机关不再处理其政府信 3", "1", "规章 5 2 3"]
    assert joined_header_digits(lines) == lines


def test_a_numbered_header_repeated_inside_table3_gives_no_row_its_numbers() -> None:
    """A page break inside 表三 repeats its header, 数据 1 … 数据 6 (数据 / 1 broken in narrow columns): its
    numbers are the header's."""
    header = ("                       数据   数据 2   数据   数据 4   数据 5   数据 6   总计\n"
              "                       1           3")
    assert _granted_with_header(header, before=False) == []


def _granted_with_header(header: str, before: bool) -> list[str]:
    """The paths of （一）予以公开 not read as printed or not proven, ``header`` inserted right before or after its
    line (a header repeated where a page breaks 表三)."""
    text = _layout()
    granted = next(line for line in text.split("\n") if line.startswith("（一）予以公开"))
    moved = header + "\n" + granted + "\n" if before else granted + "\n" + header + "\n"
    record = _record(text.replace(granted + "\n", moved, 1))
    return _proven(record, [f"applications.granted.{c}" for c in
                            ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org",
                             "total")])


def test_a_generic_headers_numbering_on_a_line_of_its_own_gives_no_row_its_numbers() -> None:
    """数据 … 数据 over 申请人情况 / 总计 over 1 2 3 4 5 6, repeated where a page breaks 表三 (the last piece of
    a wrapped label run on before it: ``息`` of 5.要求行政机关确认或重新出具已获取信息): the numbers are the
    header's, 1 … 6 beside no row's label, and the row under each header reads its own numbers."""
    header = ("        息          数据   数据   数据   数据   数据   数据\n"
              "     申请人情况                                              总计\n"
              "                   1    2    3    4    5    6")
    assert _granted_with_header(header, before=True) == []


def test_a_generic_headers_numbering_beside_a_blank_placed_by_columns_is_still_the_headers() -> None:
    # blankcols.py puts a blank in the seventh column of ``1 2 3 4 5 6`` (six numbers in a seven-column table)
    from llm_extract.extract.cells import parse_cell
    from llm_extract.extract.headdigits import drop_header_numbering
    from llm_extract.extract.layout import Item

    header = [Item("数据数据数据数据数据数据", 1, parse_cell("数据"), key="数据数据数据数据数据数据")]
    numbering = [Item(str(k), 3, parse_cell(str(k))) for k in range(1, 7)] + [Item("", 3, parse_cell(""), placed=True)]
    label = [Item("一、本年新收政府信息公开申请数量", 4, parse_cell("一、本年新收政府信息公开申请数量"), key="一、本年新收政府信息公开申请数量")]
    assert drop_header_numbering(header + numbering + label) == header + label


def test_rules_read_as_marks_before_numbers_are_no_numbered_header() -> None:
    from llm_extract.extract.headdigits import joined_header_digits

    lines = [" | 行政规范性文件 | 5 | 2 | 51", "行政规范性文件 5 一 2 一 51"]
    assert joined_header_digits(lines) == lines


def _at(label: str, cells: dict[int, str]) -> str:
    """A line of pdftotext's character grid (a CJK character one column): each cell ending at its column."""
    line = label
    for end, raw in sorted(cells.items()):
        line += " " * (end - len(raw) - len(line)) + raw
    return line


_GRID = (25, 31, 41, 46, 52, 57, 63)      # where each of 表三's seven columns ends, in characters


def test_evenly_spaced_numbers_go_to_the_columns_they_stand_on_in_pdftotexts_character_grid() -> None:
    """0 0 0 spaced as columns 2, 5, 7 are, and as 1, 4, 6 are: where they stand, as both full rows put their
    columns, tells which (a CJK character one column, whatever the labels' widths)."""
    full = dict(zip(_GRID, "5100006"))
    lines = ["三、收到和处理政府信息公开申请情况", _at("（一）予以公开", full), _at("（二）部分公开", full),
             _at("2.重复申请", {_GRID[1]: "0", _GRID[4]: "0", _GRID[6]: "0"}), ""]
    assert _filled(lines)[4] == ["blank", "zero", "blank", "blank", "zero", "blank", "zero"]


def test_evenly_spaced_numbers_stay_as_printed_when_the_full_rows_put_their_columns_apart() -> None:
    lines = ["三、收到和处理政府信息公开申请情况", _at("（一）予以公开", dict(zip(_GRID, "5100006"))),
             _at("（二）部分公开", {end + 2: raw for end, raw in zip(_GRID, "5100006")}),
             _at("2.重复申请", {_GRID[1]: "0", _GRID[4]: "0", _GRID[6]: "0"}), ""]
    assert len(_filled(lines)[4]) == 3


def test_a_label_wrapped_round_its_groups_title_is_found() -> None:
    """3.要求提供公开出版 / (五)不予 物: the group's title printed down its column beside the label's last piece."""
    from llm_extract.extract.table3_labels import find_labels

    lines = ["三、收到和处理政府信息公开申请情况",
             _at("          2.重复申请", dict(zip(_GRID, "0000000"))),
             "          3.要求提供公开出版",
             "    (五)不予 物",
             "    处理 4.无正当理由大量反",
             _at("          复申请", dict(zip(_GRID, "0000000"))), ""]
    region = _region_filled(lines)
    found = find_labels(region.items)
    assert region.items[found["rejected_publication"]].key.endswith("出版")
    assert found["rejected_duplicate"] < found["rejected_publication"] < found["rejected_excessive"]


def test_numbers_of_a_row_pdftotext_broke_over_two_lines_are_not_placed_by_where_they_stand() -> None:
    """0 0 under columns 1 and 2, the row's five other cells on the next line: one row's seven cells."""
    full = dict(zip(_GRID, "5100006"))
    lines = ["三、收到和处理政府信息公开申请情况", _at("（一）予以公开", full), _at("（二）部分公开", full),
             _at("2.重复申请", {_GRID[0]: "0", _GRID[1]: "0"}),
             _at("3.要求提供公开出版物", dict(zip(_GRID[2:], "00000"))), ""]
    assert len(_filled(lines)[4]) == 2


def test_numbers_beside_a_groups_title_and_the_end_of_the_label_above_go_to_their_columns() -> None:
    """``（四）无法 2.没有现成信息需要另行制`` / ``提供    作   0 0 0 0``: the group's title printed down its column
    beside the label's last piece; the numbers are the label's row's."""
    full = dict(zip(_GRID, "5100006"))
    lines = ["三、收到和处理政府信息公开申请情况", _at("（一）予以公开", full), _at("（二）部分公开", full),
             "（四）无法 2.没有现成信息需要另行制",
             _at("提供    作", {_GRID[1]: "0", _GRID[2]: "0", _GRID[4]: "0", _GRID[6]: "0"}), ""]
    assert _filled(lines)[5] == ["blank", "zero", "zero", "blank", "zero", "blank", "zero"]


def test_numbers_after_a_groups_title_run_together_with_the_labels_last_piece_are_that_rows() -> None:
    """``4、保护第三方合法权`` / ``（三）不予 益   9 … 9``: the group's title and 益 beside the row's numbers."""
    from llm_extract.extract.table3 import read_table3

    full = dict(zip(_GRID, "5100006"))
    lines = ["三、收到和处理政府信息公开申请情况", _at("3、危及“三安全一稳定”", full),
             "          4、保护第三方合法权",
             _at("（三）不予 益", {_GRID[0]: "9", _GRID[2]: "0", _GRID[3]: "0", _GRID[4]: "0", _GRID[5]: "0",
                             _GRID[6]: "9"}),
             _at("5、属于三类内部事务信息", full), ""]
    readings, _ = read_table3(_region_filled(lines))
    cols = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")
    assert [readings[f"applications.denied_third_party.{c}"].value for c in cols] == [9, None, 0, 0, 0, 0, 9]


def test_a_lone_label_above_a_row_whose_cells_were_not_read_is_no_blank_row() -> None:
    """``4.保护第三方合法权益`` alone, then ``5.属于三类内部事务信息 无0 无0 …``: pdftotext interleaved two rows
    printed close together; the lone label's cells may be among the row below's."""
    from llm_extract.extract.table3 import read_table3

    full = dict(zip(_GRID, "5100006"))
    lines = ["三、收到和处理政府信息公开申请情况", _at("3.危及“三安全一稳定”", full),
             "      4.保护第三方合法权益",
             "      5.属于三类内部事务信息 无0 无0 无0 无无 无0      0",
             " " * 38 + "无", " " * 42 + "0", " " * 42 + "无",
             _at("6.属于四类过程性信息", full), ""]
    readings, _ = read_table3(_region_filled(lines))
    assert all(readings[f"applications.denied_third_party.{c}"].kind is not CellKind.BLANK
               for c in ("natural_person", "total"))


def test_numbers_of_rows_pdftotext_interleaved_are_not_placed_by_their_spacing_either() -> None:
    """``3.要求提供公开出版物 0 0 0`` then ``4.无正当理由大量反复 2 0 /``: two rows' cells over two lines."""
    full = dict(zip(_GRID, "5100006"))
    lines = ["三、收到和处理政府信息公开申请情况", _at("（一）予以公开", full), _at("（二）部分公开", full),
             _at("3.要求提供公开出版物", {_GRID[0]: "0", _GRID[1]: "0", _GRID[2]: "0"}),
             _at("4.无正当理由大量反复", {_GRID[0]: "2", _GRID[1]: "0", _GRID[2]: "/"}), ""]
    assert len(_filled(lines)[4]) == 3


def test_a_lone_label_above_a_row_printed_with_leading_zeros_is_no_blank_row() -> None:
    """``００ ００ …``: two rows' cells run together two by two (no count has a leading zero)."""
    from llm_extract.extract.table3 import read_table3

    full = dict(zip(_GRID, "5100006"))
    lines = ["三、收到和处理政府信息公开申请情况", _at("3.危及“三安全一稳定”", full),
             "      4.保护第三方合法权益",
             _at("      5.属于三类内部事务信息", dict(zip(_GRID, ["００"] * 7))),
             _at("6.属于四类过程性信息", full), ""]
    readings, _ = read_table3(_region_filled(lines))
    assert readings["applications.denied_third_party.total"].kind is not CellKind.BLANK


def _first_rows(before: list[str]) -> dict:
    from llm_extract.extract.table3 import read_table3

    full = dict(zip(_GRID, "5100006"))
    lines = ["三、收到和处理政府信息公开申请情况", *before, "一、本年新收政府信息公开申请数量",
             _at("二、上年结转政府信息公开申请数量", full), _at("（一）予以公开", full), ""]
    readings, _ = read_table3(_region_filled(lines))
    return readings


def test_the_first_rows_label_alone_above_a_row_printed_beside_its_label_is_a_blank_row() -> None:
    readings = _first_rows(["              自然人   商业企业   科研机构   社会公益组织   法律服务机构   其他   总计"])
    cols = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")
    assert {readings[f"applications.new_received.{c}"].kind for c in cols} == {CellKind.BLANK}


def test_the_first_rows_label_alone_under_numbers_is_no_blank_row() -> None:
    """Numbers before the first label: a row's numbers printed above its label would stand there."""
    readings = _first_rows([_at("", dict(zip(_GRID, "3000003")))])
    assert readings["applications.new_received.total"].kind is not CellKind.BLANK


def test_a_label_whose_next_piece_follows_the_end_of_its_groups_title_is_found_with_its_numbers() -> None:
    """``不予公 合法权益`` / ``５．属于三类内`` / ``开   部事务信息   0 0 …``: 开 ends （三）不予公开, printed down its
    column."""
    from llm_extract.extract.table3 import read_table3

    full = dict(zip(_GRID, "5100006"))
    lines = ["三、收到和处理政府信息公开申请情况", _at("    ３．危及“三安全一稳定”", full),
             "（三） ４．保护第三方", "不予公 合法权益", "    ５．属于三类内",
             _at("开   部事务信息", dict(zip(_GRID[1:], "000000"))),
             _at("    ６．属于四类过程性信息", full), ""]
    readings, _ = read_table3(_region_filled(lines))
    cols = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")
    assert [readings[f"applications.denied_internal_affairs.{c}"].value for c in cols] == [None, 0, 0, 0, 0, 0, 0]


def test_a_label_beside_a_group_titles_character_printed_down_its_column_opens_its_own_row() -> None:
    """三、本年度办理结果 printed a character a line down its narrow column, beside the labels of the rows it
    groups (``三 （一）予以公开`` / ``本 只计这一情形，不计其他情形）`` / ``年       1、属于国家秘密``): a line whose
    word after another (a column gap, or one space before a bracketed numeral) opens with an item number is a row's
    label, not more of the label above, so every sub-row is found, blank ones read blank."""
    from llm_extract.extract.layout import tokenize
    from llm_extract.extract.regions import find_regions
    from llm_extract.extract.table3 import read_table3

    cells = "    {}    0    0    0    0    0    {}"
    lines = ["三、收到和处理政府信息公开申请情况",
             "一、本年新收政府信息公开申请数量" + cells.format(11, 11),
             "二、上年结转政府信息公",
             "开申请数量" + cells.format(1, 1),
             "三 （一）予以公开",
             "、 （二）部分公开（区分处理的，",
             "本 只计这一情形，不计其他情形）",
             "年       1、属于国家秘密",
             "度       2、其他法律行政法规",
             "办       禁止公开",
             "理       3、危及“三安全一稳定”    " + cells.format(8, 8),
             "四、政府信息公开行政复议、行政诉讼情况"]
    region = find_regions(lines)["表三"]
    region.items = tokenize(lines, region.start, region.end)
    assert any(it.raw.endswith("1、属于国家秘密") for it in region.items)
    assert any(it.raw == "三（一）予以公开" for it in region.items)      # (one space before a bracketed numeral)
    readings, _ = read_table3(region)
    assert readings["applications.denied_security_stability.total"].value == 8
    for row in ("granted", "partially_granted", "denied_state_secret", "denied_prohibited_by_law"):
        assert readings[f"applications.{row}.total"].kind is CellKind.BLANK, row


def test_a_rows_numbers_above_its_label_under_a_group_title_leave_the_blank_rows_elsewhere_blank() -> None:
    """``(五)不予处理`` / ``0 0 0 0 0 0 0`` / ``1、信访举报投诉类申请``: a row's numbers printed above its label, beside
    the group's title, follow the row above's own numbers before the next label found. Two rows' numbers after one
    label are no text tool's block of numbers moved off their labels (pdfminer's): the lone labels elsewhere in the
    table are still blank rows, not cells the identities fill with 0."""
    from llm_extract.extract.layout import tokenize
    from llm_extract.extract.regions import find_regions
    from llm_extract.extract.table3 import read_table3

    cells = "    {}    0    0    0    0    0    {}"
    lines = ["三、收到和处理政府信息公开申请情况",
             "一、本年新收政府信息公开申请数量" + cells.format(2, 2),
             "二、上年结转政府信息公开申请数量" + cells.format(0, 0),
             "三、本年度办理结果",
             "（一）予以公开                  " + cells.format(1, 1),
             "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
             "（三）不予公开 1、属于国家秘密  " + cells.format(0, 0),
             "3、补正后申请内容仍不",
             "                                " + cells.format(0, 0),
             "明确",
             "（五）不予处理",
             "                                " + cells.format(1, 1),
             "1、信访举报投诉类申请",
             "2、重复申请                     " + cells.format(0, 0),
             "四、政府信息公开行政复议、行政诉讼情况"]
    region = find_regions(lines)["表三"]
    region.items = tokenize(lines, region.start, region.end)
    readings, _ = read_table3(region)
    assert readings["applications.partially_granted.total"].kind is CellKind.BLANK
    assert readings["applications.granted.total"].value == 1


def _fixed_row(label: str, cells: list[str]) -> str:
    """A 表三 line of fixed-width text: the label padded to 28 columns (a CJK character two wide), cells 6 wide."""
    width = sum(2 if ord(ch) > 0x2E80 else 1 for ch in label)
    return label + " " * (28 - width) + "".join(c.rjust(6) for c in cells)


def test_two_short_rows_one_above_the_other_each_holding_its_total_are_each_placed() -> None:
    """``公开  2  1  3`` (the rest of a wrapped label) over ``3.危及三安全一稳定  5  1  1  7``: seven numbers on two lines, as
    one row broken over two would print them; but each line's last number is the sum of its others (its row's
    total), which the seven together would not be: two rows, each placed by its columns."""
    lines = ["三、收到和处理政府信息公开申请情况",
             _fixed_row("（一）予以公开", ["5", "1", "0", "0", "0", "0", "6"]),
             "2.其他法律行政法规禁止",
             _fixed_row("公开", ["2", "", "1", "", "", "", "3"]),
             _fixed_row("3.危及三安全一稳定", ["5", "1", "", "1", "", "", "7"]), ""]
    filled = _filled(lines)
    assert filled[4] == ["number", "blank", "number", "blank", "blank", "blank", "number"]
    assert filled[5] == ["number", "number", "blank", "number", "blank", "blank", "number"]


def test_two_short_lines_that_make_one_row_between_them_are_left_as_printed() -> None:
    """``5  1  1`` over ``0  0  0  7``: the lines' totals do not hold alone (one row broken over two): left as printed."""
    lines = ["三、收到和处理政府信息公开申请情况",
             _fixed_row("（一）予以公开", ["5", "1", "0", "0", "0", "0", "6"]),
             _fixed_row("2.其他法律行政法规禁止公开", ["5", "1", "", "1", "", "", ""]),
             _fixed_row("", ["", "", "0", "", "0", "0", "7"]), ""]
    filled = _filled(lines)
    assert (len(filled[3]), len(filled[4])) == (3, 4)


def test_numbers_beside_the_last_line_of_a_label_wrapped_over_three_go_to_their_columns() -> None:
    """``（六）1.申请人无正当理由逾期`` / ``不补正、行政机关不再处`` / ``理其政府信息公开申请   4   4``: the words before the
    numbers and on the line between are the rest of the label two lines up."""
    lines = ["三、收到和处理政府信息公开申请情况",
             _fixed_row("（一）予以公开", ["5", "1", "0", "0", "0", "0", "6"]),
             "（六）1.申请人无正当理由逾期",
             "不补正、行政机关不再处",
             _fixed_row("理其政府信息公开申请", ["4", "", "", "", "", "", "4"]), ""]
    assert _filled(lines)[5] == ["number", *["blank"] * 5, "number"]
