"""表三 laid out in columns by a converter (inscriptis) from a page printing each count over its unit
(``<p>8</p><p>件</p>``): a row three lines tall, a two-paragraph cell's count on the top line and its unit on the
bottom one, a one-paragraph cell beside the label (llm_extract/extract/tallrows.py). The row's cells are its
numbers in the order of their columns, whatever line each stands on."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS, APPLICATION_ROWS
from tests.fakeopenai import report_text, sample_values

_LABEL_WIDTH = 40
_COLUMN = 8


def _tall(fields: list[str], k: int, units: bool = True) -> list[str]:
    """A row of label and seven cells as three lines: every other cell (by the row's number) a count over 件."""
    top, mid, bottom = [" " * _LABEL_WIDTH], [fields[0].ljust(_LABEL_WIDTH - 2) + "  "], [" " * _LABEL_WIDTH]
    for j, cell in enumerate(fields[1:]):
        tall = (j + k) % 2 == 0
        top.append((cell if tall else "").ljust(_COLUMN))
        mid.append(("" if tall else cell).ljust(_COLUMN))
        bottom.append(("件" if tall and units else "").ljust(_COLUMN))
    # (the label's width counted in characters, as the converter pads it)
    return ["".join(top).rstrip(), "".join(mid).rstrip(), "".join(bottom).rstrip(), ""]


def _text(values: dict, units: bool = True) -> str:
    out: list[str] = []
    k = 0
    for line in report_text(values).split("\n"):
        fields = line.split("\t")
        if len(fields) == 8 and fields[1] == "自然人":        # the header, laid out in columns too
            out.append(fields[0].ljust(_LABEL_WIDTH) + "".join(f.ljust(_COLUMN) for f in fields[1:]))
        elif len(fields) == 8:
            out += _tall(fields, k, units)
            k += 1
        else:
            out.append(line)
    return "\n".join(out)


def _paths() -> list[str]:
    return [f"applications.{r}.{c}" for r in APPLICATION_ROWS for c in APPLICANT_COLUMNS]


def test_a_row_of_counts_over_their_units_is_read_by_its_columns_and_proven() -> None:
    values = sample_values()
    record = process_document(Document.from_text(_text(values), doc_id="d"))
    for path in _paths():
        assert record.report.values()[path] == values[path] and record.provenance[path].status is Status.PROVEN, path


def test_without_the_units_line_numbers_above_a_label_are_not_merged_into_its_row() -> None:
    """No line of units under the numbers above the label: those numbers may be another row's (PDF text prints a
    row's numbers above its label), so no row is made of them and its label's line; nothing wrong is proven."""
    values = sample_values()
    record = process_document(Document.from_text(_text(values, units=False), doc_id="d"))
    wrong = [p for p in _paths() if record.provenance[p].status is Status.PROVEN and record.report.values()[p] != values[p]]
    assert not wrong
    assert any(record.provenance[p].status is not Status.PROVEN for p in _paths())
