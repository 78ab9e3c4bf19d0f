"""A 表三 row printed cell by cell, a narrow column's wrapped count as pieces on lines of their own (``pdftotext -raw``,
pypdfium2 on a Word table whose number columns are two characters wide)::

    一、本年新收政府信息公开申请数量
    41
    43
    41
    5
    0 0 0 0
    45
    58

is 4143 415 0 0 0 0 4558: where one cut of the lines into seven cells keeps the row sum, the row is read so and
proven by the identities; where several do, it is left as printed. pypdf prints the same pieces side by side, the
whole row on its label's line (``…申请数量 41 43 41 5 0 0 0 0 45 58``), or some of them on a line of their own: they
are cut alike."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.extract.cellpieces import cell_piece_rows
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from tests.fakeopenai import report_rows, sample_values

WIDTH = 2          # the number columns' width in characters


def _wide_values() -> dict:
    """The sample report with four-digit and three-digit counts in 本年新收, 予以公开 and 总计."""
    values = dict(sample_values())
    for row in ("new_received", "granted", "total_processed"):
        values[f"applications.{row}.natural_person"] += 4100
        values[f"applications.{row}.commercial"] += 400
        values[f"applications.{row}.total"] += 4500
    return values


def _raw_text(values: dict, wrap: int | None = None) -> str:
    """``wrap``: every label longer than this printed over two lines, its numbers after the second."""
    out: list[str] = []
    for text, cells in report_rows(values):
        if cells is None:
            out.append(text)
            continue
        out += [text[:wrap], text[wrap:]] if wrap and len(text) > wrap else [text]
        short: list[str] = []
        for cell in cells:
            if len(cell) <= WIDTH:
                short.append(cell)
                continue
            if short:
                out.append(" ".join(short))
                short = []
            out += [cell[k:k + WIDTH] for k in range(0, len(cell), WIDTH)]
        if short:
            out.append(" ".join(short))
    return "\n".join(out)


def _side_by_side(values: dict, first_alone: bool = False) -> str:
    """pypdf's text: each row's pieces in order on its label's line (``first_alone``: a row's first piece on the
    line under its label, the others side by side under it)."""
    out: list[str] = []
    for text, cells in report_rows(values):
        if cells is None:
            out.append(text)
            continue
        pieces = [cell[k:k + WIDTH] for cell in cells for k in range(0, len(cell), WIDTH)]
        out += [text, pieces[0], " ".join(pieces[1:])] if first_alone and len(pieces) > 7 else \
            [text + " " + " ".join(pieces)]
    return "\n".join(out)


def test_the_text_prints_the_pieces_as_the_module_says() -> None:
    values = _wide_values()
    n = values["applications.new_received.natural_person"]
    assert f"一、本年新收政府信息公开申请数量\n{str(n)[:2]}\n{str(n)[2:]}\n" in _raw_text(values)


def test_a_row_printed_cell_by_cell_is_read_and_proven() -> None:
    values = _wide_values()
    for text in (_raw_text(values), _raw_text(values, wrap=12)):      # labels whole, or wrapped before the pieces
        record = process_document(Document.from_text(text, doc_id="d"))
        for path, value in values.items():
            if path.startswith("applications."):
                assert record.report.values()[path] == value, path
                assert record.provenance[path].status is Status.PROVEN, path
    lines = record.provenance["applications.new_received.natural_person"].lines
    assert len(lines) > 1                 # the merged row cites the lines its pieces were on


def test_a_row_two_cuts_fit_is_left_as_printed() -> None:
    """``8`` / ``8`` / ``9`` / ``0 0 0 0`` / ``9`` / ``7``: 88 9 0 0 0 0 97 and 8 89 0 0 0 0 97 both keep the row sum;
    ``41`` / ``43`` / ``41`` / ``5`` / ``0 0 0 0`` / ``45`` / ``58`` only as 4143 415 0 0 0 0 4558."""
    head = ["三、收到和处理政府信息公开申请情况", "一、本年新收政府信息公开申请数量"]
    tail = ["二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0"]
    lines = head + ["8", "8", "9", "0 0 0 0", "9", "7"] + tail
    out, merged = cell_piece_rows(lines, 1, len(lines) + 1)
    assert merged == {} and out == lines
    lines = head + ["41", "43", "41", "5", "0 0 0 0", "45", "58"] + tail
    out, merged = cell_piece_rows(lines, 1, len(lines) + 1)
    assert out[1] == "一、本年新收政府信息公开申请数量 4143 415 0 0 0 0 4558" and merged == {2: tuple(range(2, 10))}


def test_pieces_printed_side_by_side_are_cut_alike_and_proven() -> None:
    values = _wide_values()
    n = values["applications.new_received.natural_person"]
    assert f"一、本年新收政府信息公开申请数量 {str(n)[:2]} {str(n)[2:]} " in _side_by_side(values)
    for text in (_side_by_side(values), _side_by_side(values, first_alone=True)):
        record = process_document(Document.from_text(text, doc_id="d"))
        for path, value in values.items():
            if path.startswith("applications."):
                assert record.report.values()[path] == value, path
                assert record.provenance[path].status is Status.PROVEN, path


def test_numbers_side_by_side_are_cut_as_pieces_only_where_no_cut_keeps_them_apart() -> None:
    """``41`` / ``43`` / ``41`` / ``5`` / ``0 0 0 0`` / ``45`` / ``58`` keeps its zeros apart (one cut does); a line of
    more numbers than cells is a run of pieces, read where one cut alone keeps the row sum."""
    head = ["三、收到和处理政府信息公开申请情况"]
    tail = ["二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0"]
    lines = head + ["一、本年新收政府信息公开申请数量 37 55 33 0 43 16 17 4 11 1 44 29"] + tail
    out, merged = cell_piece_rows(lines, 1, len(lines) + 1)
    assert out[1] == "一、本年新收政府信息公开申请数量 3755 330 43 16 174 111 4429" and merged == {2: (2,)}
    lines = head + ["一、本年新收政府信息公开申请数量 37", "55", "33 0 43 16", "17", "4 11", "1 44", "29"] + tail   # pypdfium2
    out, merged = cell_piece_rows(lines, 1, len(lines) + 1)
    assert out[1] == "一、本年新收政府信息公开申请数量 3755 330 43 16 174 111 4429" and merged == {2: tuple(range(2, 9))}
    lines = head + ["一、本年新收政府信息公开申请数量 1 1 2 0 0 0 0 1 3"] + tail      # 11 2 … 13 and 1 12 … 13
    assert cell_piece_rows(lines, 1, len(lines) + 1) == (lines, {})


def test_a_line_of_two_numbers_that_may_be_one_count_parted_at_a_space_leaves_the_row_as_printed() -> None:
    """``1 2`` / ``1`` / ``0`` / ``0`` / ``0`` / ``0`` / ``13``: 1 2 10 0 0 0 13 (the two side by side, 1 and 0 one cell's
    pieces) and 12 1 0 0 0 0 13 (``1 2`` one count a converter parted at a space) both keep the row sum: which is the
    row, only the column identities tell, so the lines are not merged into either."""
    head = ["三、收到和处理政府信息公开申请情况", "（七）总计"]
    tail = ["四、结转下年度继续办理 0 0 0 0 0 0 0"]
    lines = head + ["1 2", "1", "0", "0", "0", "0", "13"] + tail
    assert cell_piece_rows(lines, 1, len(lines) + 1) == (lines, {})
