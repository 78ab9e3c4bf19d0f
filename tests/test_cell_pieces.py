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
proven by the identities; where several do, it is left as printed."""

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
