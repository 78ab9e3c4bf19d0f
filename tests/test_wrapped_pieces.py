"""A narrow cell's digits wrapped round its row, in text that keeps no positions (pdfplumber's ``extract_text``):

    1 1
    一、本年新收政府信息公开申请数量 2 0 0 1 1
    1 5

is 11 2 0 0 1 1 15, but nothing on the lines says which columns the wrapped cells stand in. The row is derived where
one placement alone keeps every identity of the table (and queued, as every derived value), never proven; where two
placements keep them, it stays missing; the rows around it are read as printed and proven by the identities."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS
from tests.fakeopenai import report_rows, sample_values

VALUES = sample_values()
WRAPPED = ("new_received", "total_processed")          # 11 … 15 and 12 … 16: two cells of two digits each


def _pdfplumber_text(values: dict, group: bool = False, label_line: bool = False) -> str:
    """The report as pdfplumber prints a Word table whose number columns are a character wide: single spaces, each
    count of two digits wrapped round its row's line. ``group``: the outcome group's title printed down its own
    column, a character on each line (``三 1 1``); ``label_line``: the row's label wrapped too, its first line
    holding the first pieces and its last line the last ones."""
    out: list[str] = []
    title = iter("三、本年度办理结果")
    for text, cells in report_rows(values):
        if cells is None:
            out.append(text)
            continue
        label = text
        if all(c == "/" for c in cells):
            out.append(label)           # a blank row prints its label alone
            continue
        wide = [c for c in cells if len(c) == 2]
        if not wide and all(len(c) == 1 for c in cells):
            out.append(" ".join([label, *cells]))
            continue
        wide = wide or [c for c in cells if len(c) == 3]  # (counts of three: their middle digits on the row's line)
        top, bottom = " ".join(c[0] for c in wide), " ".join(c[-1] for c in wide)
        middle = " ".join(c if len(c) == 1 else c[1] for c in cells if len(c) != 2)
        if label_line:
            out += [f"{label[:6]} {top}", middle, f"{label[6:]} {bottom}"]
        elif group:
            out += [f"{next(title)} {top}", f"{label} {middle}", f"{next(title)} {bottom}"]
        else:
            out += [top, f"{label} {middle}", bottom]
    return "\n".join(out)


def _record(text: str):
    return process_document(Document.from_text(text, doc_id="d"))


def test_the_text_prints_the_wrapped_rows_as_the_module_says() -> None:
    text = _pdfplumber_text(VALUES)
    assert "1 1\n一、本年新收政府信息公开申请数量 2 0 0 1 1\n1 5" in text
    assert "1 1\n（七）总计 2 0 0 1 1\n2 6" in text


def test_wrapped_rows_are_derived_where_one_placement_keeps_every_identity_and_the_others_proven() -> None:
    for text in (_pdfplumber_text(VALUES), _pdfplumber_text(VALUES, group=True),
                 _pdfplumber_text(VALUES, label_line=True)):
        record = _record(text)
        values = record.report.values()
        for path, value in VALUES.items():
            if path.startswith("applications."):
                assert values[path] == value, path
                row = path.split(".")[1]
                # a wrapped row's counts: each the one value its identities leave; its 0s, pieces round a
                # line: derived (blank or 0?)
                expected = (Status.PINNED if value else Status.DERIVED) if row in WRAPPED else Status.PROVEN
                assert record.provenance[path].status is expected, path


def test_where_two_placements_keep_every_identity_the_wrapped_rows_stay_missing() -> None:
    """Every count in one column: the wrapped cells may stand in any applicant column alike."""
    values = {p: (0 if p.startswith("applications.") else v) for p, v in VALUES.items()}
    for row in ("new_received", "granted", "total_processed"):
        values[f"applications.{row}.natural_person"] = values[f"applications.{row}.total"] = 12
    record = _record(_pdfplumber_text(values))
    for row in ("new_received", "granted", "total_processed"):
        for c in APPLICANT_COLUMNS:
            path = f"applications.{row}.{c}"
            assert record.report.values()[path] is None, path
            assert record.provenance[path].status is Status.MISSING, path


def test_a_row_printing_its_label_alone_under_a_wrapped_row_is_blank() -> None:
    """上年结转 printed as its label alone, under 本年新收's wrapped cells (its label wrapped round them too): its cells
    are blank, read so, not left to the identities (which would give 0s)."""
    values = dict(VALUES)
    for c in APPLICANT_COLUMNS:
        values[f"applications.carried_over.{c}"] = None
    values["applications.new_received.natural_person"], values["applications.new_received.total"] = 13, 17
    for label_line in (False, True):
        text = _pdfplumber_text(values, label_line=label_line)
        assert ("一、本年新收 1 1\n2 0 0 1 1\n政府信息公开申请数量 3 7\n二、上年结转政府信息公开申请数量\n" if label_line else
                "1 1\n一、本年新收政府信息公开申请数量 2 0 0 1 1\n3 7\n二、上年结转政府信息公开申请数量\n") in text
        record = _record(text)
        for path, value in values.items():
            if path.startswith("applications."):
                assert record.report.values()[path] == value, (label_line, path)
        kinds = {record.provenance[f"applications.carried_over.{c}"].kind.value for c in APPLICANT_COLUMNS}
        assert kinds == {"blank"}, label_line


def test_counts_of_three_digits_wrap_through_the_rows_line_and_are_derived_alike() -> None:
    """``1 1`` / ``一、本年新收… 1 2 0 0 1 1 1`` / ``5 9``: the row's line holds all seven cells, the wrapped ones' middle
    digits among them (115 … 119)."""
    values = dict(VALUES)
    for row, extra in (("new_received", 104), ("granted", 104), ("total_processed", 104)):
        for c in ("natural_person", "total"):
            values[f"applications.{row}.{c}"] += extra
    text = _pdfplumber_text(values)
    assert "1 1\n一、本年新收政府信息公开申请数量 1 2 0 0 1 1 1\n5 9\n" in text
    record = _record(text)
    for path, value in values.items():
        if path.startswith("applications."):
            assert record.report.values()[path] == value, path
            row = path.split(".")[1]
            expected = Status.DERIVED if row in ("new_received", "granted", "total_processed") else Status.PROVEN
            assert record.provenance[path].status is expected, path


def test_a_group_titles_piece_between_a_rows_line_and_its_pieces_is_passed_over() -> None:
    """``1 1`` / ``（三）不`` / ``4.保护第三方合法权益 0 0 0 0 0`` / ``予公开 1 1``: the group's title, printed in its own
    narrow column, puts a line of its own between the row and its first pieces."""
    values = dict(VALUES)
    for row in ("denied_third_party", "new_received", "total_processed"):
        for c in ("natural_person", "total"):
            values[f"applications.{row}.{c}"] += 10
    text = _pdfplumber_text(values).replace("1 1\n4.保护第三方合法权益 0 0 0 0 0\n1 1\n",
                                            "1 1\n（三）不\n4.保护第三方合法权益 0 0 0 0 0\n予公开 1 1\n")
    assert "（三）不\n4.保护第三方合法权益" in text
    record = _record(text)
    for path, value in values.items():
        if path.startswith("applications."):
            assert record.report.values()[path] == value, path
    assert record.provenance["applications.denied_third_party.total"].status is Status.DERIVED
