"""A converter's markdown of a Word table whose number columns are narrow (markitdown on a PDF): each printed line
of a row is a pipe row of its own, a long count wrapped over two or three of them in its field::

    |  |  | 1 |   |   |   |   |   | 1 |
    | 一、本年新收政府信息公开申请数量 |  |   | 2 | 0 | 0 | 1 | 1 |   |
    |  |  | 1 |   |   |   |   |   | 5 |

is 11 2 0 0 1 1 15: read down each field, the three pipe rows are one row, read and proven as printed. Where a field
holds several numbers (columns the converter ran together) or the row's sum does not hold, the rows are left as
printed, and read as text that keeps no columns is read (``1 1`` / ``… 2 0 0 1 1`` / ``1 5``, extract/wrappieces.py):
every placement of the wrapped cells an option for the identities."""

from __future__ import annotations

from llm_extract.evidence import Method, Status
from llm_extract.extract import extract_regex
from llm_extract.extract.pipestacks import pipe_stacked_rows
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from tests.fakeopenai import report_rows, sample_values

VALUES = sample_values()


def _pipe(fields: list[str]) -> str:
    return "| " + " | ".join(fields) + " |"


def _markitdown_text(values: dict, wrapped_label: bool = False, merged: bool = False) -> str:
    """The report with 表三 as markitdown writes a narrow-columned table: each count of two or three digits over
    three pipe rows (first digit above the row's line, last below, a middle one on it). ``wrapped_label``: the
    label's last characters on the bottom row; ``merged``: the converter ran the columns together in three fields."""
    out: list[str] = []
    header = False
    for text, cells in report_rows(values):
        if cells is None:
            out.append(text)
            continue
        label = text
        if not header:
            out += [_pipe(["申请人情况", "", *"自商科社法其总"]), _pipe(["---"] * 9)]
            header = True
        wide = [len(c) >= 2 for c in cells]
        top = [c[0] if w else "" for c, w in zip(cells, wide)]
        mid = [c[1:-1] if w else c for c, w in zip(cells, wide)]
        bottom = [c[-1] if w else "" for c, w in zip(cells, wide)]
        if merged:                  # (自然人 商业企业 | 科研 社会 法律 | 其他 总计, as markitdown runs them together)
            top, mid, bottom = ([" ".join(x for x in r[a:b] if x) for a, b in ((0, 2), (2, 5), (5, 7))]
                                for r in (top, mid, bottom))
        if not any(wide):
            out.append(_pipe([label, "", *mid]))
        elif wrapped_label:
            out += [_pipe([label[:-1], "", *top]), _pipe(["", "", *mid]), _pipe([label[-1], "", *bottom])]
        else:
            out += [_pipe(["", "", *top]), _pipe([label, "", *mid]), _pipe(["", "", *bottom])]
    return "\n".join(out)


def _record(text: str):
    return process_document(Document.from_text(text, doc_id="d"))


def test_the_text_prints_the_wrapped_rows_as_the_module_says() -> None:
    text = _markitdown_text(VALUES)
    assert ("|  |  | 1 |  |  |  |  |  | 1 |\n| 一、本年新收政府信息公开申请数量 |  |  | 2 | 0 | 0 | 1 | 1 |  |\n"
            "|  |  | 1 |  |  |  |  |  | 5 |") in text


def test_a_row_wrapped_over_three_pipe_rows_is_read_down_its_fields_and_proven() -> None:
    values = dict(VALUES)
    values["applications.granted.natural_person"] += 100          # 105 … 106: a middle digit on the row's line
    values["applications.granted.total"] += 100
    values["applications.total_processed.natural_person"] += 100
    values["applications.total_processed.total"] += 100
    values["applications.new_received.natural_person"] += 100
    values["applications.new_received.total"] += 100
    for text in (_markitdown_text(values), _markitdown_text(values, wrapped_label=True)):
        record = _record(text)
        for path, value in values.items():
            if path.startswith("applications."):
                assert record.report.values()[path] == value, path
                assert record.provenance[path].status is Status.PROVEN, path
        lines = record.provenance["applications.new_received.natural_person"].lines
        assert len(lines) == 3            # the merged row cites the three pipe rows it was read from


def test_fields_the_converter_ran_together_are_left_as_printed() -> None:
    text = _markitdown_text(VALUES, merged=True)
    lines = text.split("\n")
    at = next(n for n, line in enumerate(lines, 1) if "本年新收" in line)
    assert pipe_stacked_rows(lines, at - 3, at + 3) == (lines, {})


def test_fields_run_together_leave_the_wrapped_cells_places_to_the_identities() -> None:
    """``| 1 | | 1 |`` / ``| label | 2 | 0 0 1 | 1 |`` / ``| 1 | | 5 |``: the fields do not say the columns, so the row is read as pieces
    round its line; one placement alone keeps every identity, so the wrapped rows are derived (and queued), and the
    rows around them proven."""
    text = _markitdown_text(VALUES, merged=True)
    readings = extract_regex(Document.from_text(text, doc_id="d")).readings
    for row in ("new_received", "total_processed"):
        assert readings[f"applications.{row}.natural_person"].method == Method.WRAPPED_PIECES, row
    record = _record(text)
    for path, value in VALUES.items():
        if path.startswith("applications."):
            assert record.report.values()[path] == value, path
            wrapped = path.split(".")[1] in ("new_received", "total_processed")
            expected = (Status.PINNED if value else Status.DERIVED) if wrapped else Status.PROVEN   # (as in
            assert record.provenance[path].status is expected, path                       # test_wrapped_pieces)


def test_pipe_rows_whose_row_sum_does_not_hold_read_down_are_left_as_printed() -> None:
    lines = ["|  |  | 1 |  |  |  |  |  | 1 |",
             "| 一、本年新收政府信息公开申请数量 |  |  | 2 | 0 | 0 | 1 | 1 |  |",
             "|  |  | 1 |  |  |  |  |  | 6 |"]              # 11 + 2 + 1 + 1 is 15, not 16
    assert pipe_stacked_rows(lines, 1, 4) == (lines, {})
    lines[2] = "|  |  | 1 |  |  |  |  |  | 5 |"
    merged, made_of = pipe_stacked_rows(lines, 1, 4)
    assert merged[1] == "| 一、本年新收政府信息公开申请数量 |  | 11 | 2 | 0 | 0 | 1 | 1 | 15 |" and made_of == {2: (1, 2, 3)}
