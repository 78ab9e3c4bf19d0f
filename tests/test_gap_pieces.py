"""A Word web page's table as BeautifulSoup's ``get_text("\\n")`` prints it: a cell to a line, blank lines between
cells, and a count Word printed as several runs (``<span>1</span><span>5</span>``) a line per run. The runs of one
cell are one number, read and proven as printed, in 表二, 表三 and 表四; never two cells, nor left to the identities."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.extract.gappieces import joined_gap_pieces
from llm_extract.extract.regions import find_regions
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from tests.fakeopenai import report_text, sample_values


def _bs4_text(values: dict, spacing: int = 2, split: bool = True) -> str:
    """Every table line a cell to a line, ``spacing`` blank lines before each cell; every other count of two digits
    or more as two runs, a line each, when ``split``."""
    out: list[str] = []
    counts = 0
    for line in report_text(values).split("\n"):
        label, *cells = line.split("\t")
        out.append(label)
        for cell in cells:
            out += [""] * spacing
            counts += cell.isdigit() and len(cell) > 1
            out += [cell[0], cell[1:]] if split and cell.isdigit() and len(cell) > 1 and counts % 2 else [cell]
    return "\n".join(out)


def _values() -> dict:
    """The sample report, with a count of two digits in 表四 (复议: 11 upheld of 12)."""
    values = sample_values()
    for path in ("review_litigation.administrative_review.upheld", "review_litigation.administrative_review.total"):
        values[path] += 10
    return values


def test_the_text_prints_a_count_as_its_runs_in_every_table() -> None:
    lines = _bs4_text(_values()).split("\n")
    assert "行政规范性文件\n\n\n5\n\n\n2\n\n\n5\n1\n" in "\n".join(lines)
    assert "行政许可\n\n\n3150\n" in "\n".join(lines)
    for region in find_regions(lines).values():
        assert joined_gap_pieces(lines, [region])[1], region.name


def test_counts_printed_in_runs_are_read_whole_in_every_table_as_if_printed_whole() -> None:
    values = _values()
    record = process_document(Document.from_text(_bs4_text(values), doc_id="d"))
    whole = process_document(Document.from_text(_bs4_text(values, split=False), doc_id="d"))
    got = record.report.values()
    for path, value in values.items():
        if path.split(".")[0] in ("active_disclosure", "applications", "review_litigation"):
            assert got[path] == value, path
            assert record.provenance[path].status is whole.provenance[path].status, path
            if not path.startswith("active_disclosure"):    # (表二 a cell to a line: READ.BOX_ORDER's doubt)
                assert record.provenance[path].status is Status.PROVEN, path


def test_the_joined_count_stands_on_its_first_runs_line_and_the_others_are_left_blank() -> None:
    lines = _bs4_text(_values()).split("\n")
    at = lines.index("行政规范性文件") + 9          # 5 / 2 / 5 1: the runs of 51
    assert lines[at:at + 2] == ["5", "1"]
    out, blanked = joined_gap_pieces(lines, find_regions(lines).values())
    assert out[at:at + 2] == ["51", ""] and at + 1 in blanked
    assert len(out) == len(lines)


def test_a_run_starting_with_0_is_two_cells() -> None:
    lines = ["二、主动公开政府信息情况", "信息内容", "", "本年制发件数", "", "本年废止件数", "", "现行有效件数",
             "规章", "", "0", "5", "", "4"]
    out, blanked = joined_gap_pieces(lines, find_regions(lines).values())
    assert out == lines and not blanked


def test_cells_printed_line_after_line_are_no_pieces() -> None:
    lines = _bs4_text(sample_values(), spacing=0, split=False).split("\n")
    assert "一、本年新收政府信息公开申请数量\n11\n2\n0" in "\n".join(lines)
    out, blanked = joined_gap_pieces(lines, find_regions(lines).values())
    assert out == lines and not blanked


def test_a_count_in_runs_beside_empty_cells_printed_as_wider_gaps() -> None:
    from tests.test_blank_gaps import _bs4_text as blank_gap_text, _values as blank_values

    values = blank_values()
    text = blank_gap_text(values)
    assert text.count("\n\n\n11\n") == 1
    text = text.replace("\n\n\n11\n", "\n\n\n1\n1\n")         # 本年新收's 自然人 in two runs
    record = process_document(Document.from_text(text, doc_id="d"))
    for path, value in values.items():
        if path.startswith("applications."):
            assert record.report.values()[path] == value, path
            assert record.provenance[path].status is not Status.MISSING, path
    assert record.provenance["applications.new_received.natural_person"].status is Status.PROVEN
    assert record.provenance["applications.carried_over.total"].status is Status.PROVEN
