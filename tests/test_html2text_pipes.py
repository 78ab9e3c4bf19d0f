"""html2text's table rows (llm_extract/extract/html2text_rows.py): fields between pipes with a space on each side, no
outer pipes, a rule of dashes under each table's first row, an empty cell an empty field. The fields are read as a
grid's: an empty cell stays in its column."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from llm_extract.evidence import Status
from llm_extract.extract.html2text_rows import html2text_rows
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS, APPLICATION_ROWS
from tests.fakeopenai import report_text, sample_values

_EMPTY = (("granted", "research"), ("partially_granted", "commercial"), ("denied_third_party", "social_org"),
          ("unavailable_not_held", "research"), ("carried_forward", "legal_service"))


def _values() -> dict:
    values = sample_values()
    for row, col in _EMPTY:
        values[f"applications.{row}.{col}"] = None
    return values


def _pipe_text(values: dict, row_text: Callable[[list[str]], str], rule: str | None) -> str:
    """The report with each table row as ``row_text`` writes its tab-separated fields, ``rule`` under each table's
    first row."""
    out: list[str] = []
    first = True
    for line in report_text(values).split("\n"):
        fields = line.split("\t")
        if len(fields) == 1:
            out.append(line)
            first = True
            continue
        out.append(row_text(fields))
        if first and rule:
            out.append(rule)
        first = False
    return "\n".join(out)


def _html2text(values: dict, rule: bool = True) -> str:
    return _pipe_text(values, lambda fields: " | ".join("" if f == "/" else f for f in fields),
                      "---|---" if rule else None)


def _paths() -> list[str]:
    return [f"applications.{r}.{c}" for r in APPLICATION_ROWS for c in APPLICANT_COLUMNS]


def test_an_empty_field_of_an_html2text_row_is_an_empty_cell_in_its_column() -> None:
    """Every cell read in its place; the counts proven (an empty cell among zeros may be a lost 0: READ.ISOLATED_BLANK
    queues it, read as empty)."""
    values = _values()
    record = process_document(Document.from_text(_html2text(values), doc_id="d"))
    for path in _paths():
        assert record.report.values()[path] == values[path], path
        assert values[path] is None or record.provenance[path].status is Status.PROVEN, path


def test_without_the_rule_line_pipes_between_spaces_part_nothing() -> None:
    """No html2text rule line: pipes between spaces may be OCR's table rules, so the rows are not read as grids;
    nothing wrong is proven."""
    values = _values()
    record = process_document(Document.from_text(_html2text(values, rule=False), doc_id="d"))
    assert not [p for p in _paths() if record.provenance[p].status is Status.PROVEN
                and record.report.values()[p] != values[p]]


def test_a_heading_in_bold_on_a_paragraphs_line_before_its_tables_first_row_opens_its_section() -> None:
    """html2text writes a layout cell's paragraphs on one line: ``…均依法答复。 **二、主动公开政府信息情况** | 信息内容 | …``.
    The bold heading opens 表二's section, and its table is read."""
    values = _values()
    lines = _html2text(values).split("\n")
    at = lines.index("二、主动公开政府信息情况")
    prose = next(k for k in range(at - 1, -1, -1) if lines[k].strip())
    first_row = at + 2
    lines[prose] = f"{lines[prose]} **二、主动公开政府信息情况** | {lines[first_row]}"
    del lines[prose + 1:first_row + 1]
    record = process_document(Document.from_text("\n".join(lines), doc_id="d"))
    for path in ("active_disclosure.licensing", "active_disclosure.normative_documents.in_force"):
        assert record.report.values()[path] == values[path] and record.provenance[path].status is Status.PROVEN, path


def test_a_spacer_row_of_empty_fields_after_a_row_is_no_cell_of_it() -> None:
    """``规范性文件 | 5 |   | 51`` then a spacer row ``|  |  |``: the row's empty field is its middle cell, and the spacer
    is no empty cell of it (read a cell a line, it would be the row's third cell, 51 taken for the second)."""
    values = _values()
    values["active_disclosure.normative_documents.repealed"] = None
    lines = _html2text(values).split("\n")
    at = next(k for k, line in enumerate(lines) if line.startswith("行政规范性文件"))
    lines.insert(at + 1, "|  |  |   ")
    record = process_document(Document.from_text("\n".join(lines), doc_id="d"))
    got = record.report.values()
    for c in ("issued", "repealed", "in_force"):
        path = f"active_disclosure.normative_documents.{c}"
        assert got[path] == values[path], path


def test_a_cell_whose_text_html2text_wrote_on_the_next_line_is_that_row_s_cell() -> None:
    """A cell holding a paragraph (``<td><p>70</p></td>``): html2text ends the row's line with the cell's empty field
    and writes its text on the next line (``行政规范性文件 | 3 | 0 |`` / ``70``; ``规章 | 0 |`` / ``0 | 0``). The
    number is the row's last cell, not an empty cell proven blank; a 序号 column's ``2 | 二、…`` is no such line."""
    values = _values()
    lines = _html2text(values).split("\n")
    for label, keep in (("规章", 2), ("行政规范性文件", 3), ("行政许可", 1)):
        at = next(k for k, line in enumerate(lines) if line.startswith(label))
        fields = lines[at].split(" | ")
        lines[at:at + 1] = [" | ".join(fields[:keep]) + " | ", " | ".join(fields[keep:])]
    record = process_document(Document.from_text("\n".join(lines), doc_id="d"))
    for path in ("regulations.issued", "regulations.repealed", "regulations.in_force", "normative_documents.issued",
                 "normative_documents.repealed", "normative_documents.in_force", "licensing"):
        path = f"active_disclosure.{path}"
        assert record.report.values()[path] == values[path], path
        assert record.provenance[path].status is Status.PROVEN, path


def test_a_gfm_writers_rule_with_alignment_colons_and_short_dashes_is_the_same_rule() -> None:
    """A GFM table without outer pipes, padded unevenly, 表三's labels over three columns (``  一、本年新收…|     ||  3|
    0  | 0``), its rule aligning its columns (``:-:|--|:---``): its rows are read as grids, an empty field an empty
    cell."""
    values = _values()
    lines = []
    for k, line in enumerate(_html2text(values).split("\n")):
        if line == "---|---":
            lines.append(":-:|--|:---|----")
        elif " | " in line:
            fields = line.split(" | ")
            if len(fields) == 8 and fields[1][:1].isdigit():       # a row of 表三: its label over three columns
                fields = [fields[0], "", ""] + fields[1:]
            elif len(fields) == 9 and fields[2][:1].isdigit():     # a group's label, the row's, seven cells
                fields = fields[:2] + [""] + fields[2:]
            lines.append("|".join(" " * ((k + j) % 3) + f + " " * ((k * j) % 4) for j, f in enumerate(fields)))
        else:
            lines.append(line)
    record = process_document(Document.from_text("\n".join(lines), doc_id="d"))
    for path in _paths():
        assert record.report.values()[path] == values[path], path
        assert values[path] is None or record.provenance[path].status is Status.PROVEN, path


def test_rows_html2text_went_on_writing_on_the_next_lines_are_one_row_each() -> None:
    """A cell ending in a line break (``3<br>``): html2text goes on writing the row on the next line from a pipe
    (``行政规范性文件 | 3`` / ``| 0`` / ``| 70``). Those lines are the row's cells, each in its column, proven."""
    values = _values()
    lines = _html2text(values).split("\n")
    for label, cuts in (("行政规范性文件", (2, 3)), ("规章", (2,)), ("一、本年新收", (3, 5, 7)),
                        ("1.属于国家秘密", (4,))):
        at = next(k for k, line in enumerate(lines) if label in line and " | " in line)
        fields = lines[at].split(" | ")
        bounds = (0, *cuts, len(fields))
        pieces = [" | ".join(fields[a:b]) for a, b in zip(bounds, bounds[1:])]
        lines[at:at + 1] = [pieces[0]] + ["| " + piece for piece in pieces[1:]]
    record = process_document(Document.from_text("\n".join(lines), doc_id="d"))
    got = record.report.values()
    paths = [f"active_disclosure.{row}.{c}" for row in ("regulations", "normative_documents")
             for c in ("issued", "repealed", "in_force")] + _paths()
    for path in paths:
        assert got[path] == values[path], path
        assert values[path] is None or record.provenance[path].status is Status.PROVEN, path


def test_a_label_cell_ending_in_a_line_break_goes_on_on_the_next_line_with_the_rows_cells() -> None:
    """``１．信访<br>举报投诉类申请``: html2text ends the row's line inside the label and writes the label's rest and
    the row's cells on the next (``（五）不予处理 | 1.信访`` / ``举报投诉类申请 | 1 | 0 …``): one row, read and proven."""
    values = _values()
    lines = _html2text(values).split("\n")
    for label, cut in (("1.信访举报投诉类申请", 4), ("1.申请人无正当理由逾期不补正", 8), ("4.保护第三方合法权益", 6)):
        at = next(k for k, line in enumerate(lines) if label in line)
        cut += lines[at].index(label)
        lines[at:at + 1] = [lines[at][:cut], lines[at][cut:]]
    record = process_document(Document.from_text("\n".join(lines), doc_id="d"))
    for path in _paths():
        assert record.report.values()[path] == values[path], path
        assert values[path] is None or record.provenance[path].status is Status.PROVEN, path


def test_a_header_line_of_words_does_not_run_into_the_row_under_it() -> None:
    """``企业 | 机构`` (a header's last words) over ``一、本年新收… | 1 | …``: the line under it opens a row of its own."""
    lines = ["申请人情况 | 自然人 | 商业", "---|---|---", "企业 | 机构", "一、本年新收政府信息公开申请数量 | 1 | 0"]
    assert html2text_rows(lines, 1, len(lines) + 1)[2:] == ["|企业 | 机构|", "|一、本年新收政府信息公开申请数量 | 1 | 0|"]


def test_a_line_of_cells_that_would_make_the_row_wider_than_the_table_is_a_row_of_its_own() -> None:
    """``| 4 | 5 | 6`` after a full row of a four-field table: a row whose first field is empty, not more of the row
    above (joined, that row would hold seven fields)."""
    lines = ["信息内容 | 制发 | 废止 | 现行", "---|---|---|---", "规章 | 1 | 2 | 3", "| 4 | 5 | 6", "规范性文件 | 7",
             "| 8", "| 9"]
    assert html2text_rows(lines, 1, len(lines) + 1)[2:] == ["|规章 | 1 | 2 | 3|", "|| 4 | 5 | 6|",
                                                          "|规范性文件 | 7 | 8 | 9|", "", ""]


def test_empty_paragraph_cells_after_a_label_leave_a_pipe_alone_on_a_line_and_the_row_goes_on() -> None:
    """``<td><p>一、本年新收…</p></td><td><p><br/></p></td><td><p><br/></p></td><td><p>0</p></td>…``: html2text writes
    the label and a pipe, a pipe alone on the next line, then the row's cells from a pipe. The three lines are one
    row, its seven cells proven in their columns."""
    values = sample_values()
    lines = _html2text(values).split("\n")
    for label in ("一、本年新收", "二、上年结转", "四、结转下年度"):
        at = next(k for k, line in enumerate(lines) if line.startswith(label) and " | " in line)
        fields = lines[at].split(" | ")
        lines[at:at + 1] = [fields[0] + " |   ", "|  ", "| " + " | ".join(fields[1:]) + "  "]
    record = process_document(Document.from_text("\n".join(lines), doc_id="d"))
    for row in ("new_received", "carried_over", "carried_forward"):
        for c in APPLICANT_COLUMNS:
            path = f"applications.{row}.{c}"
            assert record.report.values()[path] == values[path], path
            assert record.provenance[path].status is Status.PROVEN, path


_BR_EMPTY = _EMPTY + (("new_received", "social_org"), ("carried_over", "commercial"), ("carried_over", "other_org"))
_BR_EMPTY_T4 = ("administrative_review.corrected", "litigation_direct.upheld", "litigation_direct.other",
                "litigation_after_review.corrected")


def _html2text_br_cells(values: dict, groups: bool = False) -> str:
    """What html2text writes for a page whose empty cells hold a line break, as UEditor saves them
    (``<td><br/></td>``): the field's pipe ends the line and the row goes on from a pipe on the next
    (``一、本年新收…| 10| 1| 0| 0|  `` / ``| 0| 11  ``); a row's fields are parted by ``| ``, lines end in two spaces."""
    def row_text(fields: list[str]) -> str:
        if groups:          # a group's and the outcomes' titles in label columns of their own
            fields[:1] = {"（一）予以公开": ["三、本年度办理结果", "（一）予以公开"],
                          "（三）不予公开 1.属于国家秘密": ["（三）不予公开", "1.属于国家秘密"]}.get(fields[0], fields[:1])
        row = "" if fields[0] == "/" else fields[0]
        for f in fields[1:]:
            row += "|  \n" if f == "/" else f"| {f}"
        return ("  \n" if fields[0] == "/" else "") + row + "  "
    return _pipe_text(values, row_text, "---|---  ")


@pytest.mark.parametrize("groups", [False, True], ids=["one-label-column", "group-label-columns"])
def test_an_empty_cell_holding_a_line_break_ends_the_line_and_the_row_goes_on_with_that_cell_empty(
        groups: bool) -> None:
    """html2text's ``| 0|  `` / ``| 0| 3035``: the line break inside an empty cell (UEditor's ``<td><br/></td>``)
    cut the row, and between the two pipes stands that empty cell. The row is read whole, the empty cell in its
    column, every number proven (an isolated blank stays unverified: it may be a lost 0); 表四's fifteen cells too,
    though its header's lines are narrower than its row; a row printing its group's title in a field before its own
    label (``三、本年度办理结果| （一）予以公开| 1| 0|  `` / ``| 0| 1``) as well."""
    values = _values()
    for row, col in _BR_EMPTY[len(_EMPTY):]:
        assert values[f"applications.{row}.{col}"] == 0
        values[f"applications.{row}.{col}"] = None
    for path in _BR_EMPTY_T4:
        assert values[f"review_litigation.{path}"] == 0
        values[f"review_litigation.{path}"] = None
    values["applications.denied_state_secret.other_org"] = None
    text = _html2text_br_cells(values, groups)
    assert "|  \n| " in text
    record = process_document(Document.from_text(text, doc_id="d"))
    for path, value in values.items():
        if path.startswith(("applications.", "review_litigation.")):
            assert record.report.values()[path] == value, path
            if value is not None:
                assert record.provenance[path].status is Status.PROVEN, path


def test_a_rule_whose_pipes_stand_between_spaces_is_the_same_rule() -> None:
    """A phone article's GFM table without outer pipes, its rule written ``--- | --- | ---``: its rows are read as
    grids, 表二's cells proven (not taken for an OCR'd table's rules between the numbers), 表三's empty fields empty
    cells in their columns."""
    values = _values()
    text = _pipe_text(values, lambda fields: " | ".join("" if f == "/" else f for f in fields), "--- | --- | ---")
    record = process_document(Document.from_text(text, doc_id="d"))
    t2 = [p for p in record.report.values() if p.startswith("active_disclosure.")]
    assert t2
    for path in t2 + _paths():
        assert record.report.values()[path] == values[path], path
        assert values[path] is None or record.provenance[path].status is Status.PROVEN, path
