"""A web page's hidden column, printed by a converter (llm_extract/extract/straycol.py): every table row, header rows
included, ends in one cell more. 表三 tells it (eight cells a row, the first seven adding up where the last seven do
not, a number ending each header row): that cell is no cell of the form in any table. 表三 and 表四 are read and
proven by their identities; 表二, which no identity checks, is read but never proven."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from tests.fakeopenai import report_text, sample_values
from verify.ocrdigits import alike_digit_cells


def _rows(values: dict) -> list[list[str]]:
    """The report's lines as rows of fields (a paragraph is a row of one field)."""
    return [line.split("\t") for line in report_text(values).split("\n")]


def _is_table_row(fields: list[str]) -> bool:
    return len(fields) > 1 or fields[0].isdigit()


def _with_stray(rows: list[list[str]]) -> list[list[str]]:
    """Every table row with one number more at its end (a hidden cell: 11, 12, … so that none adds up)."""
    return [fields + [str(11 + k)] if _is_table_row(fields) else fields for k, fields in enumerate(rows)]


def _pipes(rows: list[list[str]]) -> str:
    """html2text's rows: ``label | 1 | 2 | 3``."""
    return "\n".join(" | ".join(fields) for fields in rows)


def _cell_per_line(rows: list[list[str]]) -> str:
    """BeautifulSoup's get_text("\\n"): a cell to a line, blank lines between cells and more between rows."""
    return "\n\n\n".join("\n\n".join(fields) for fields in rows)


def _record(text: str):
    return process_document(Document.from_text(text, doc_id="d"))


def _check(text: str, values: dict) -> None:
    record = _record(text)
    got = record.report.values()
    # (html2text's rows, no outer pipes, show OCR's | beside a number: a 表四 group a glyph misread alike keeps is not
    # proven, verify/ocrdigits.py)
    ocr = "INGEST.OCR_SPECKS" in {f.code for f in record.findings}
    alike = set(alike_digit_cells(values)) if ocr else set()
    for path in alike:
        assert got[path] == values[path] and record.provenance[path].status is Status.UNVERIFIED, path
    for path, want in values.items():
        if path in alike:
            continue
        if path.startswith(("applications.", "review_litigation.")):
            assert got[path] == want and record.provenance[path].status is Status.PROVEN, path
        elif path.startswith("active_disclosure."):
            assert got[path] == want, path
            assert record.provenance[path].status is not Status.PROVEN, path
            assert "READ.STRAY_COLUMN" in record.provenance[path].rules, path


def test_a_hidden_cell_ending_every_pipe_row_is_no_cell_of_any_table() -> None:
    values = sample_values()
    _check(_pipes(_with_stray(_rows(values))), values)


def test_a_hidden_cell_ending_every_row_a_cell_to_a_line_is_no_cell_of_any_table() -> None:
    """表四's row of fifteen follows its header row's hidden cell with no text between: both are dropped."""
    values = sample_values()
    _check(_cell_per_line(_with_stray(_rows(values))), values)


def test_without_the_header_rows_numbers_an_eighth_number_is_not_taken_for_a_hidden_cell() -> None:
    """Rows of eight numbers alone (a column the header does not name, no number ending a header row) tell no
    hidden column: no table is read past one, and nothing of 表三 is proven."""
    values = sample_values()
    rows = [fields + [str(11 + k)] if _is_table_row(fields) and fields[1:2] and fields[1].isdigit() else fields
            for k, fields in enumerate(_rows(values))]
    record = _record(_pipes(rows))
    assert not any("READ.STRAY_COLUMN" in p.rules for p in record.provenance.values())
    assert not [p for p, v in record.provenance.items() if p.startswith("applications.") and v.status is Status.PROVEN
                and record.report.values()[p] != values[p]]


def test_rows_whose_first_seven_do_not_add_up_tell_no_hidden_column() -> None:
    """The hidden cell printed first (each row's first number the extra one): the first seven do not add up, so the
    last cell is no hidden one; nothing is read past it."""
    values = sample_values()
    rows = [[fields[0], str(11 + k)] + fields[1:] if _is_table_row(fields) else fields
            for k, fields in enumerate(_rows(values))]
    record = _record(_pipes(rows))
    assert not any("READ.STRAY_COLUMN" in p.rules for p in record.provenance.values())
    assert not [p for p, v in record.provenance.items() if v.status is Status.PROVEN and p in values
                and record.report.values()[p] != values[p]]


def test_rows_short_of_a_dropped_empty_cell_still_end_in_the_hidden_one() -> None:
    """A converter that prints nothing for an empty cell leaves some rows seven cells long, the hidden one among
    them: the hidden column is still told by the rows of eight, and taken out of every row. A short row's cells
    cannot be placed (which one was empty is not printed): never proven wrong; full rows are read."""
    values = sample_values()
    from llm_extract.schema import APPLICATION_ROWS
    for row in APPLICATION_ROWS[2:20]:        # (most rows: fewer than half the table's rows are eight long)
        values[f"applications.{row}.research"] = None
    rows = [[f for f in fields if f != "/"] for fields in _with_stray(_rows(values))]
    record = _record(_cell_per_line(rows))
    got = record.report.values()
    assert "READ.STRAY_COLUMN" in record.provenance["active_disclosure.licensing"].rules
    assert got["active_disclosure.licensing"] == values["active_disclosure.licensing"]
    assert not [p for p, v in record.provenance.items() if v.status is Status.PROVEN and p in values and got[p] != values[p]]
    assert all(record.provenance[f"applications.new_received.{c}"].status is Status.PROVEN
               for c in ("natural_person", "total"))


def test_item_numbers_parted_from_their_labels_are_no_hidden_column() -> None:
    """``0`` … ``0`` / ``2`` / ``．其他法律行政法规禁止公开``: a cell to a line, each sub-row's item number on the line
    before its label (and a generic header 数据 / 1 … 数据 / 6). The number after a row's seven cells is the next
    label's, not a hidden cell: no hidden column is read, and nothing of 表三 is proven wrong."""
    import re
    values = sample_values()
    rows = []
    for fields in _rows(values):
        m = re.match(r"^(\d)[.．](.+)$", fields[0])
        if m and m.group(1) != "1":
            rows.append([m.group(1)])
            fields = ["．" + m.group(2)] + fields[1:]
        if fields[1:2] == ["自然人"]:
            fields = [fields[0]] + [f"数据\n{k}" for k in range(1, 7)] + ["总计"]
        rows.append(fields)
    record = _record(_cell_per_line(rows))
    assert not any("READ.STRAY_COLUMN" in p.rules for p in record.provenance.values())
    assert not [p for p, v in record.provenance.items() if v.status is Status.PROVEN and p in values
                and record.report.values()[p] != values[p]]


def test_a_row_number_column_is_no_hidden_column() -> None:
    """A Word table with a 序号 column: every row of 表三 opens with its number (``22`` / `` `` / ``2.申请人逾期…``),
    so each row's seven cells are followed by the next row's number, and the first seven add up where the last
    seven do not, as with a hidden column. Numbers counting up are 表三's row numbers, taken out of 表三 only: 表四's
    last cell is not dropped as a hidden one, and every cell of 表三 and 表四 is read and proven."""
    values = sample_values()
    rows, number = [], 0
    for fields in _rows(values):
        if len(fields) == 8 and fields[1].isdigit():      # a row of 表三: its label, seven cells
            number += 1
            fields = [str(number), ""] + fields
        rows.append(fields)
    assert number == 25
    text = "\n\n".join("\n".join("\t" + f for f in fields) if _is_table_row(fields) else fields[0] for fields in rows)
    record = _record(text)
    got = record.report.values()
    assert not any("READ.STRAY_COLUMN" in p.rules for p in record.provenance.values())
    for path, want in values.items():
        if path.startswith(("applications.", "review_litigation.")):
            assert got[path] == want and record.provenance[path].status is Status.PROVEN, path
