"""表三's columns from its header words, where no row prints every cell (extract/headcols.py).

A report leaving its zero cells blank prints each row's few numbers (``９２ … ９２``) and no row whole, so no
full row tells which column a number stands in. The header names every column, centred over it, its words
broken over the lines of narrow header cells: the columns are where the words that spell each name stand.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.extract.headcols import header_columns, place_on_header
from llm_extract.form import FORM
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document

#: LibreOffice's PDF of a Word table, as ``pdftotext -layout`` prints its header (narrow cells: 自然 / 人 …)
HEADER = [
    "三、收到和处理政府信息公开申请情况",
    "                                      申请人情况",
    "                                     法人或其他组织",
    "（本列数据的勾稽关系为：第一项加第二项",
    "                          自然            社会 法律",
    "  之和，等于第三项加第四项之和）              商业   科研               总计",
    "                           人            公益 服务   其他",
    "                               企业   机构",
    "                                        组织 机构",
]
#: where each column's words stand, their centres in the character grid
COLUMNS = [27.25, 32.0, 37.0, 41.0, 44.0, 49.0, 54.0]
#: where each column's numbers start (centred under the words, as LibreOffice prints them)
STARTS = [26, 31, 36, 40, 43, 48, 53]


def _row(label: str, cells: dict[int, int]) -> str:
    """A row's line printing ``cells`` (column → number), its other cells blank; a label too long for its column
    wraps, its numbers on its first line."""
    line, rest = label[:16], label[16:]
    for column, value in sorted(cells.items()):
        line += " " * (STARTS[column] - len(line)) + str(value)
    return line + (f"\n{rest}" if rest else "")


def test_the_columns_are_where_the_words_spelling_each_name_stand() -> None:
    columns = header_columns(HEADER + ["一、本年新收政府信息公开申请数量          92                         92"],
                             1, len(HEADER) + 2)
    assert columns == COLUMNS


def test_a_name_the_header_spells_twice_or_never_gives_no_columns() -> None:
    twice = HEADER + ["                                                   总计"]
    assert header_columns(twice, 1, len(twice) + 1) is None
    never = [line.replace("科研", "    ") for line in HEADER]
    assert header_columns(never, 1, len(never) + 1) is None


def test_numbers_stand_in_the_columns_their_centres_are_on() -> None:
    line = _row("二、上年结转政府信息公开申请数量", {5: 1, 6: 1})              # 其他 and 总计: 48.5 and 53.5
    assert place_on_header(line, 2, COLUMNS) == [5, 6]
    assert place_on_header("         1   1", 2, COLUMNS) is None          # between columns: no place


def _table(cells: dict[str, dict[int, int]]) -> str:
    rows = [_row(r.label, cells[r.key]) for r in FORM.table3_rows]
    return "\n".join(["2024年某县人民政府政府信息公开工作年度报告", ""] + HEADER + rows
                     + ["", "四、政府信息公开行政复议、行政诉讼情况", ""])


def _read_as(text: str, cells: dict[str, dict[int, int]]) -> list[str]:
    """The paths of 表三 not read as ``cells`` (blank elsewhere) or not proven."""
    record = process_document(Document.from_text(text, doc_id="t"))
    wrong = []
    for r in FORM.table3_rows:
        for j, c in enumerate(FORM.table3_column_keys):
            path = f"applications.{r.key}.{c}"
            if record.report.get(path) != cells[r.key].get(j) or record.provenance[path].status is not Status.PROVEN:
                wrong.append(path)
    return wrong


#: every row prints a natural person's count and the total, no other cell
_TWO_CELLS = {r.key: {0: 1, 6: 1} for r in FORM.table3_rows[2:23]}
_TWO_CELLS.update({"new_received": {0: 30, 6: 30}, "carried_over": {0: 2, 6: 2},
                   "total_processed": {0: 21, 6: 21}, "carried_forward": {0: 11, 6: 11}})


def test_a_table_printing_no_row_whole_is_read_by_its_header_and_proven() -> None:
    assert _read_as(_table(_TWO_CELLS), _TWO_CELLS) == []


def test_numbers_whose_spacing_fits_two_places_go_where_they_stand_under_the_header() -> None:
    # 上年结转 prints 2 … 2 under 其他 and 总计, five characters apart as 法律服务机构 and 其他 are too; the table's
    # one row printed whole (（七）总计, its zeros printed) does not tell them apart
    cells = dict(_TWO_CELLS, carried_over={5: 2, 6: 2}, carried_forward={0: 9, 5: 2, 6: 11},
                 total_processed={0: 21, 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 21})
    assert _read_as(_table(cells), cells) == []


def test_a_place_the_tables_full_row_does_not_fit_is_not_taken() -> None:
    # （七）总计 printed whole, its columns three characters apart: 2 … 2 five apart fits none of its placements,
    # whatever the header says; the row stays unread
    cells = dict(_TWO_CELLS, carried_over={5: 2, 6: 2}, carried_forward={0: 9, 5: 2, 6: 11})
    lines = _table(cells).split("\n")
    k = next(i for i, line in enumerate(lines) if line.startswith("（七）总计"))
    lines[k] = "（七）总计" + " " * 21 + "  ".join(["21", "0", "0", "0", "0", "0", "21"])
    wrong = _read_as("\n".join(lines), dict(cells, total_processed={0: 21, 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 21}))
    assert {p for p in wrong if ".carried_over." in p} >= {"applications.carried_over.other_org",
                                                           "applications.carried_over.total"}


def test_a_group_titles_piece_before_a_wrapped_labels_numbers_leaves_them_the_labels() -> None:
    # 三、本年度办理结果 printed two characters to a line down its narrow column: ``度办`` stands before the
    # numbers of （二）部分公开, whose label wraps round them
    lines = _table(_TWO_CELLS).split("\n")
    k = next(i for i, line in enumerate(lines) if line.startswith("（二）部分公开"))
    lines[k:k + 2] = ["（二）部分公开（区分处理的，只计", _row("度办", {0: 1, 6: 1}), "这一情形，不计其他情形）"]
    assert _read_as("\n".join(lines), _TWO_CELLS) == []


def _page_two_header(shift: int) -> list[str]:
    """The header a Word table repeats at the top of its next page, as ``pdftotext -layout`` sets that page's own
    grid: every column from 商业企业 on ``shift`` characters further right than on the first page."""
    return [("\f" if i == 0 else "") + line.ljust(30)[:30] + " " * shift + line.ljust(30)[30:]
            for i, line in enumerate(HEADER[1:])]


def test_a_page_that_repeats_the_header_places_its_rows_by_its_own_header() -> None:
    # the second page's grid is wider: 1 … 1 under 自然人 and 总计 stand 31 characters apart there, a spacing
    # the first page's header fits nowhere; its own repeated header places them
    assert _read_as(_two_pages(), _TWO_CELLS) == []


def test_a_row_its_pages_header_does_not_place_is_placed_by_the_first_pages_as_before() -> None:
    # pdftotext sets a line's grid by its own glyphs: （七）总计 on the second page keeps the first page's spacing,
    # two characters off: its page's header places it nowhere, the first page's spacing does
    assert _read_as(_two_pages(as_first=("total_processed",)), _TWO_CELLS) == []


def _two_pages(as_first: tuple[str, ...] = ()) -> str:
    shift, k = 4, 14
    lines = _table(_TWO_CELLS).split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith(FORM.table3_rows[k].label[:8]))
    moved = [r for r in FORM.table3_rows[k:]]
    starts = STARTS[:1] + [s + shift for s in STARTS[1:]]
    shifted = [s + 2 for s in STARTS]      # a line set apart: the first page's spacing, off the page's own columns
    rows = []
    for r in moved:
        line = r.label[:16]
        for column, value in sorted(_TWO_CELLS[r.key].items()):
            line += " " * ((shifted if r.key in as_first else starts)[column] - len(line)) + str(value)
        rows += [line] + ([r.label[16:]] if r.label[16:] else [])
    last = next(i for i, line in enumerate(lines) if line.startswith("四、政府信息公开行政复议"))
    return "\n".join(lines[:first] + ["", "                 - 1 -"] + _page_two_header(shift) + rows + lines[last - 1:])


def test_the_group_titles_pieces_before_its_rows_labels_leave_the_rows_found() -> None:
    # 三、本年度办理结果 printed two characters to a line down its narrow column, beside (一) and (二) whose labels
    # wrap too: ``三、`` before ``（一）予以公``, ``本年`` before its ``开``, ``度办`` before ``（二）部分公``
    lines = _table(_TWO_CELLS).split("\n")
    k = next(i for i, line in enumerate(lines) if line.startswith("（一）予以公开"))
    n = next(i for i, line in enumerate(lines) if line.startswith("1.属于国家秘密"))
    lines[k:n] = [_row("三、  （一）予以公", {0: 1, 6: 1}), "本年  开", _row("度办  （二）部分公", {0: 1, 6: 1}),
                  "理结  开（区分处理", "果    的，只计这一", "      情形，不计其", "      他情形）"]
    assert _read_as("\n".join(lines), _TWO_CELLS) == []
