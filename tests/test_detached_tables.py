"""A Word file dumped paragraphs first, then tables (python-docx's naive text: cells joined by tabs, a merged
cell's text repeated over every cell it spans): each table is read under its heading, as if printed there."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.extract import extract_regex
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import Report
from tests.fixtures.ingest.form2021 import CLEAN_SEEDS, Grid, golden_report, report_blocks


def _rows(grid: Grid) -> list[str]:
    """The grid's rows as python-docx gives them: a merged cell's text in every cell under it."""
    width = sum(cell.colspan for cell in grid[0])
    placed: dict[tuple[int, int], str] = {}
    for r, row in enumerate(grid):
        c = 0
        for cell in row:
            while (r, c) in placed:
                c += 1
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    placed[(r + dr, c + dc)] = cell.text
            c += cell.colspan
    return ["\t".join(placed.get((r, c), "") for c in range(width)) for r in range(len(grid))]


def _detached(stem: str, report: Report | None = None) -> str:
    blocks = report_blocks(report or golden_report(stem))
    paragraphs = [b for b in blocks if isinstance(b, str)]
    tables = [_rows(b) for b in blocks if not isinstance(b, str)]
    return "\n".join(paragraphs + sum(([""] + t for t in tables), [])) + "\n"


def test_tables_dumped_after_every_paragraph_are_read_under_their_headings() -> None:
    for stem in CLEAN_SEEDS[:2]:
        record = process_document(Document.from_text(_detached(stem), doc_id=stem))
        assert record.report.values() == golden_report(stem).values()
        assert {p: v.status for p, v in record.provenance.items() if v.status is not Status.PROVEN} == {}


def test_a_bracketed_section_number_ends_the_tables_sections() -> None:
    """（五）存在的主要问题 closes 表四's section as 五、 does: the tables after the signature are not in it."""
    stem = CLEAN_SEEDS[0]
    text = _detached(stem).replace("五、存在的主要问题", "（五）存在的主要问题").replace("六、其他", "（六）其他")
    record = process_document(Document.from_text(text, doc_id=stem))
    assert record.report.values() == golden_report(stem).values()


def test_evidence_points_at_the_table_where_the_dump_printed_it() -> None:
    stem = CLEAN_SEEDS[0]
    text = _detached(stem)
    lines = text.split("\n")
    extraction = extract_regex(Document.from_text(text, doc_id=stem))
    licensing = extraction.readings["active_disclosure.licensing"]
    assert all(lines[n - 1].startswith("行政许可\t") for n in licensing.lines)
    t3 = extraction.meta["regions"]["表三"]
    assert "申请人情况" in lines[t3[0] - 1] and lines.index("六、其他需要报告的事项") < t3[0]


def test_tables_under_their_headings_stay_where_they_are() -> None:
    """A section that holds its table: nothing moves, even with another table after the signature."""
    stem = CLEAN_SEEDS[0]
    blocks = report_blocks(golden_report(stem))
    lines: list[str] = []
    for b in blocks:
        lines += [b] if isinstance(b, str) else _rows(b)
    text = "\n".join(lines + ["", "行政许可\t9\t9\t9"]) + "\n"
    record = process_document(Document.from_text(text, doc_id=stem))
    assert record.report.values() == golden_report(stem).values()


def _wrapped_labels(text: str) -> str:
    """Every long label of 表三 broken by a line break inside its cell, as a narrow Word column wraps it."""
    from llm_extract.synth.render import TABLE3_ROW_LABELS
    for group, label in TABLE3_ROW_LABELS.values():
        for words in (group, label):
            if len(words) > 8:
                text = text.replace(words, words[:6] + "\n" + words[6:])
    return text


def test_a_row_broken_over_lines_by_its_cells_line_breaks_is_one_row() -> None:
    """``三、本年度\\n办理结果\\t（三）不予公开\\t2.其他法律\\n行政法规禁止公开\\t0…``: the lines whose tabs make the
    table's width are one row, its label's repeats across the merged columns one label."""
    for stem in CLEAN_SEEDS[:3]:
        record = process_document(Document.from_text(_wrapped_labels(_detached(stem)), doc_id=stem))
        assert record.report.values() == golden_report(stem).values()
        assert {p: v.status for p, v in record.provenance.items() if v.status is not Status.PROVEN} == {}


def test_a_row_ending_in_a_tab_is_not_joined_to_the_line_after_it() -> None:
    """``行政规范性文件\\t`` / ``5\\t`` / ``2\\t`` / ``51``: whether the tab before the line break ends an empty cell or
    opens one whose text follows is unknown; the lines are not joined into a row with an empty last cell."""
    stem = CLEAN_SEEDS[0]
    text = _detached(stem)
    row = next(line for line in text.split("\n") if line.startswith("行政规范性文件\t"))
    record = process_document(Document.from_text(text.replace(row, row.replace("\t", "\t\n")), doc_id=stem))
    nd = record.report.active_disclosure.normative_documents
    assert nd.in_force is None or nd.in_force == golden_report(stem).active_disclosure.normative_documents.in_force
    assert record.provenance["active_disclosure.normative_documents.in_force"].status is not Status.PROVEN \
        or nd.in_force is not None


def test_a_merged_labels_repeats_are_one_field_before_the_rows_cells() -> None:
    """``三、本年度办理结果\t（一）予以公开\t（一）予以公开\t9\t0\t\t0…``: the empty field is the row's empty cell,
    placed by the row's seven fields once the label's repeat is one field."""
    stem = CLEAN_SEEDS[1]
    report = golden_report(stem)
    for row in ("granted", "partially_granted", "denied_third_party", "rejected_duplicate", "unavailable_not_held"):
        cells = getattr(report.applications, row)
        column = next(c for c in ("research", "social_org", "legal_service") if getattr(cells, c) == 0)
        setattr(cells, column, None)
    record = process_document(Document.from_text(_detached(stem, report), doc_id=stem))
    assert record.report.values() == report.values()
    assert {p for p, v in record.provenance.items() if v.status is Status.MISSING} == set()


def _cells_opening_with_a_break(stem: str, opens) -> str:
    """The dump with a line break opening the cells ``opens(row, column, text, cells)`` picks (WPS writes a cell's
    text after an empty paragraph: python-docx gives ``\\n0`` for it)."""
    blocks = report_blocks(golden_report(stem))
    paragraphs = [b for b in blocks if isinstance(b, str)]
    tables = []
    for b in blocks:
        if isinstance(b, str):
            continue
        rows = []
        for r, row in enumerate(_rows(b)):
            cells = row.split("\t")
            rows.append("\t".join("\n" + c if opens(r, k, c, cells) else c for k, c in enumerate(cells)))
        tables.append(rows)
    return "\n".join(paragraphs + sum(([""] + t for t in tables), [])) + "\n"


def test_a_rows_last_number_on_the_next_line_is_its_last_cell() -> None:
    """``…\\t0\\t`` / ``5``: the row's last cell opens with a line break. Every row of the table prints every column,
    so a line of one number after a row that has all its tabs is that row's last cell, not a row of its own."""
    for stem in CLEAN_SEEDS[:2]:
        text = _cells_opening_with_a_break(stem, lambda r, k, c, cells: k == len(cells) - 1 and c.isdigit() and r % 2 == 0)
        record = process_document(Document.from_text(text, doc_id=stem))
        assert record.report.values() == golden_report(stem).values()
        assert {p: v.status for p, v in record.provenance.items() if v.status is not Status.PROVEN} == {}


def test_table4s_header_row_is_no_heading() -> None:
    """表四's header row broken by its cells' line breaks leaves a line ``行政复议\\t行政诉讼\\t…``: a row of cells,
    not the section heading 行政复议、行政诉讼情况; the dumped tables are still read under the headings above."""
    stem = CLEAN_SEEDS[0]
    text = _cells_opening_with_a_break(stem, lambda r, k, c, cells: c == "行政复议" and k > 0)
    record = process_document(Document.from_text(text, doc_id=stem))
    assert record.report.values() == golden_report(stem).values()


def test_rows_whose_cells_open_with_line_breaks_here_and_there_are_read() -> None:
    """Every third cell opening with a line break, the rows' lines ending in the tab before it: each line opening
    with a number continues the row above (``…\\t（一）予以公开\\t0\\t0\\t`` / ``0\\t0\\t0\\t0\\t0``): 表三 and 表四 are read
    (a row whose label's cell the break parted is left to the identities), and nothing is proven wrong."""
    from llm_extract.schema import APPLICATION_ROWS, APPLICANT_COLUMNS, REVIEW_COLUMNS, REVIEW_GROUPS
    for stem in CLEAN_SEEDS[:2]:
        text = _cells_opening_with_a_break(stem, lambda r, k, c, cells: k and (r + k) % 3 == 0 and c)
        record = process_document(Document.from_text(text, doc_id=stem))
        truth, got = golden_report(stem).values(), record.report.values()
        paths = [f"applications.{r}.{c}" for r in APPLICATION_ROWS for c in APPLICANT_COLUMNS] + \
            [f"review_litigation.{g}.{c}" for g in REVIEW_GROUPS for c in REVIEW_COLUMNS]
        assert [p for p in paths if got[p] != truth[p]] == []
        assert sum(record.provenance[p].status is Status.PROVEN for p in paths) >= len(paths) - 14
        assert not [p for p, v in record.provenance.items() if v.status is Status.PROVEN and got[p] != truth[p]]
