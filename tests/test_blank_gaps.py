"""A web page's table as BeautifulSoup's ``get_text("\\n")`` prints it: a cell to a line, two blank lines between cells,
an empty cell as two blank lines more. The wider gaps are the empty cells: the rows are read whole, the empty
cells blank, never left to the identities."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.extract.blankgaps import blank_gap_cells
from llm_extract.extract.regions import find_regions
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from tests.fakeopenai import report_rows, sample_values

#: 上年结转 [2, -, -, 0, 0, -, 2], 部分公开 [2, 0, -, 0, 0, 1, 3], 1.属于国家秘密 [-, 0, 0, 0, -, 0, 0]: empty cells inside a
#: row, after its last number, at its start (empty cells count 0: the identities hold as before)
BLANKS = {"carried_over": ("commercial", "research", "other_org"), "partially_granted": ("research",),
          "denied_state_secret": ("natural_person", "legal_service")}


def _values() -> dict:
    values = sample_values()
    for row, columns in BLANKS.items():
        for column in columns:
            assert values[f"applications.{row}.{column}"] == 0
            values[f"applications.{row}.{column}"] = None
    return values


def _bs4_text(values: dict, spacing: int = 2) -> str:
    out: list[str] = []
    for text, cells in report_rows(values):
        out.append(text)
        if cells is None:
            continue
        gap = spacing
        for cell in cells:
            if cell == "/":
                gap += spacing
            else:
                out += [""] * gap + [cell]
                gap = spacing
        out += [""] * (gap + spacing)
    return "\n".join(out)


def test_the_text_prints_empty_cells_as_wider_gaps() -> None:
    assert "二、上年结转政府信息公开申请数量\n" + "\n\n2\n" + "\n" * 6 + "0\n" + "\n\n0\n" + "\n" * 4 + "2\n" \
        in _bs4_text(_values())


def test_empty_cells_printed_as_wider_gaps_are_read_blank_and_the_table_whole() -> None:
    values = _values()
    record = process_document(Document.from_text(_bs4_text(values), doc_id="d"))
    for path, value in values.items():
        if path.startswith("applications."):
            assert record.report.values()[path] == value, path
            assert record.provenance[path].status is not Status.MISSING, path
    assert record.provenance["applications.carried_over.total"].status is Status.PROVEN


def test_gaps_that_are_no_multiple_of_one_spacing_are_left_as_printed() -> None:
    lines = _bs4_text(_values()).split("\n")
    at = lines.index("二、上年结转政府信息公开申请数量")
    lines.insert(at + 2, "")                        # three blank lines before its first number: no spacing of two
    assert blank_gap_cells(lines, find_regions(lines)["表三"]) == lines


def test_an_empty_cell_printed_with_a_full_width_space_is_a_cell_not_spacing() -> None:
    # Excel's or Word's empty cell a user typed a full-width space into: get_text prints the space on a line of its
    # own, spaced as any cell; the truly empty cells beside it are still the wider gaps
    values = _values()
    text = _bs4_text(values)
    row = "二、上年结转政府信息公开申请数量\n" + "\n\n2\n" + "\n" * 6 + "0\n"
    assert row in text
    typed = text.replace(row, "二、上年结转政府信息公开申请数量\n" + "\n\n2\n\n\n\u3000\n" + "\n" * 4 + "0\n")
    record = process_document(Document.from_text(typed, doc_id="d"))
    for path, value in values.items():
        if path.startswith("applications."):
            assert record.report.values()[path] == value, path
    assert record.provenance["applications.carried_over.total"].status is Status.PROVEN
