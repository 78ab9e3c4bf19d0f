"""The deterministic extractor: a Document → an :class:`Extraction` by labels and layout.

It never guesses: a cell it cannot read with certainty is ``missing`` (or part of
an :class:`~llm_extract.evidence.Ambiguity`), and ``verify/`` decides what the
identities pin down.
"""

from __future__ import annotations

from .._exceptions import NotAReportError, UnsupportedFormError
from ..evidence import CellKind, Extraction, Method, Reading
from ..form import FORM
from ..ingest import Document
from ..schema import ALL_PATHS, DISCLOSURE_PATHS, TABLE3_PATHS, TABLE4_PATHS
from .blockread import read_text_blocks
from .blockjoins import read_joined_blocks
from .blankcols import fill_blank_columns
from .blankgaps import blank_gap_cells
from .gappieces import joined_gap_pieces
from .blanklines import blank_line_cells, blank_line_row
from .captions import without_caption_numbers
from .cutnumbers import cut_number_lines, without_cut_numbers
from .rowcopies import without_copied_rows
from .pagecopies import without_page_copies
from .cellbreaks import joined_cell_breaks
from .cellpieces import cell_piece_rows
from .blankpairs import cells_in_paragraphs, paired_line_cells
from .detached import attach_tables
from .headdigits import joined_header_digits
from .inline import unfold
from .labelspan import reconcile_spans
from .layout import tokenize
from .oldform import old_form_mark, old_form_shape
from .regions import find_regions
from .sentencerows import TABLE2_SETS, TABLE3_SETS, TABLE4_SETS, sentence_rows
from .splitnumbers import joined_separators
from .html2text_rows import html2text_rows, writes_pipe_rows
from .straycol import drop_stray_column, mark_stray_table2
from .tallrows import merged_tall_rows
from .meta import read_meta
from .numerals import writes_numerals
from .pagenumbers import joined_page_marks, without_page_numbers
from .printedblanks import printed_blanks
from .pairedcols import pair_columns
from .t2sentences import read_table2_sentences
from .t3tail import read_tail_after_table4
from .t3top import read_top_rows
from .t3leadcolumn import read_lead_column
from .t3pages import read_page_rows, read_region_bands
from .tables import read_table2, read_table3, read_table4
from .applicantorder import applicant_order, table3_header
from .wrapnotes import joined_notes
from .notestacks import stacked_notes
from .wrapdigits import unstacked_digits
from .digitstacks import stacked_rows
from .pipestacks import pipe_stacked_rows
from .readings import fits_field, missing
from .sharedlabels import rows_sharing_a_label_line
from .yearparts import current_year_part, left_to_its_part

__all__ = ["extract_regex", "EXTRACTOR_NAME"]

EXTRACTOR_NAME = "regex"
#: the most fields a row of each table holds, as html2text writes it: 表二's label and three cells, 表三's three label
#: columns (三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密) and seven cells, 表四's fifteen (a label before them at most)
_ROW_FIELDS = {"表二": 1 + max(len(r.columns) for r in FORM.table2), "表三": 3 + len(FORM.table3_columns),
               "表四": 1 + len(FORM.table4_groups) * len(FORM.table4_columns)}


def ocr_document(doc: Document) -> bool:
    """Whether ingest found the document's text to be an OCR engine's reading (an OCR layer's pages, OCR's spacing
    between Chinese characters, or its specks: ``verify/trust.py`` names them)."""
    return bool(doc.meta.get("ocr_pages") or doc.meta.get("ocr_spacing") or doc.meta.get("ocr_specks")
                or doc.meta.get("ocr_pictures"))


def extract_regex(doc: Document) -> Extraction:
    """Read agency, year, 表二, 表三 and 表四 from a document.

    Raises :class:`NotAReportError` when none of the three tables is found and
    :class:`UnsupportedFormError` for the 2019/2020 form.
    """
    source, kept = without_page_copies(doc.lines)     # a page printed twice: its second copy dropped
    lines, origin = unfold(source)
    unfolded = len(lines) != len(source)         # a crawler's dump: its table lines were unfolded
    if kept is not None:
        origin = [kept[n - 1] for n in origin]
    lines, origin, detached = attach_tables(lines, origin)     # tables printed after the report's text
    lines = without_page_numbers(joined_page_marks(lines))     # a page number at a page's edge is no cell
    if not unfolded:                             # fixed-width text: a cell's note wrapped in its column
        lines = joined_header_digits(stacked_notes(joined_notes(lines)))   # (taller: notestacks; a header's 数据 / 1)
        lines = joined_cell_breaks(lines)        # python-docx's rows: a merged cell's lines, repeated
    regions = find_regions(lines)
    meta = read_meta(lines)
    year = meta["year"].value if "year" in meta and isinstance(meta["year"].value, int) else None
    year_cut: set[str] = set()                   # a table printed for two years: the report's year's
    for name, region in regions.items():
        regions[name] = current_year_part(lines, region, year)
        if (regions[name].start, regions[name].end) != (region.start, region.end):
            year_cut.add(name)
    runs: set[int] = set()
    if not unfolded:                             # cells parted by blank lines: a count's runs a line each, joined
        lines, runs = joined_gap_pieces(lines, regions.values())
    for name, sets in (("表二", TABLE2_SETS), ("表三", TABLE3_SETS), ("表四", TABLE4_SETS)):
        lines = sentence_rows(lines, regions.get(name), sets)      # rows as sentences naming each cell's column
    pipes = writes_pipe_rows(lines)              # html2text's rows: fields between pipes, no outer ones
    for name, region in regions.items():         # a row of cells printed as a count over its unit (8 / 件)
        lines = merged_tall_rows(lines, region.start, region.end)
        if pipes:
            lines = html2text_rows(lines, region.start, region.end, _ROW_FIELDS.get(name, 0))
    wrapped: dict[int, tuple[int, ...]] = {}     # a row of narrow cells' digits wrapped over lines, merged
    if not unfolded and "表三" in regions:
        t3 = regions["表三"]
        lines, wrapped = pipe_stacked_rows(lines, t3.start, t3.end)    # a converter's pipe rows, read down each field
        lines, pieces = cell_piece_rows(lines, t3.start, t3.end)   # cells one after another, pieces on lines
        wrapped.update(pieces)
        lines, stacks = stacked_rows(lines, t3.start, t3.end)     # the whole table's stacks, where one cut works
        wrapped.update(stacks)
        lines, pairs = unstacked_digits(lines, t3.start, t3.end,   # else rows wrapped over two or three lines
                                        {n for band in wrapped.values() for n in band})
        wrapped.update(pairs)
    lines = blank_line_cells(lines, regions.get("表三"))   # a phone article's empty cells as empty lines
    lines = blank_line_row(lines, regions.get("表四"))     # 表四's too (Word's text export)
    lines = blank_gap_cells(lines, regions.get("表三"), runs)    # BeautifulSoup's: an empty cell as a wider gap
    in_order = cells_in_paragraphs(lines, regions.get("表三"),   # a Word file's paragraphs in order: its cells too
                                   min((r.start for r in regions.values()), default=0))
    lines = paired_line_cells(lines, regions.get("表三"))  # a cell to a paragraph, each one and an empty line
    numerals = writes_numerals(lines, regions.values())     # a lone 三 is a count in such tables only
    for region in regions.values():
        region.items = without_caption_numbers(joined_separators(tokenize(lines, region.start, region.end, numerals)))
    if (t3 := regions.get("表三")) is not None:
        t3.items = without_copied_rows(t3.items)    # a row printed twice, one copy under the other: one read
    stray = drop_stray_column(regions)           # a hidden cell ending every table row, printed by a converter
    t2 = regions.get("表二")
    if t2 is not None and (mark := old_form_mark(t2.items)):
        raise UnsupportedFormError(doc.path or doc.doc_id, f"{UnsupportedFormError.reason} (表二 prints {mark})")
    readings: dict[str, Reading] = dict(meta)
    ambiguities = []
    warnings: list[str] = []
    if t2 is not None:
        readings.update(read_table2(t2, ambiguities, lines, in_order, year))
        if old_form_shape(t2.items):        # 行政许可 82 1 5735: maybe the 2019/2020 form's, its words not printed
            for path in DISCLOSURE_PATHS:
                if path in readings:
                    readings[path].method = Method.T2_OLD_FORM_SHAPE
    if not doc.pictures and not any(not r.missing for p, r in readings.items() if p.startswith("active_disclosure.")):
        readings.update(read_table2_sentences(lines))      # no 表二 printed: what section 二's sentences state
        #                                                    (one printed as a picture: the prose is not the table)
    if "表三" in regions:
        if not unfolded:                 # fixed-width text: a short row's blank cells, by its columns
            pair_columns(lines, regions["表三"])
            fill_blank_columns(lines, regions["表三"])
        r3, a3 = read_table3(regions["表三"], inline=unfolded, ocr_text=ocr_document(doc), lines=lines)
        if not unfolded:                 # (a crawler's dump has no label lines to span)
            r3, a3 = reconcile_spans(lines, regions["表三"], r3, a3)
        header3 = table3_header(regions["表三"], lines)
        applicant_order(header3, r3, a3)     # 其他 before 法律服务机构: the header's word
        readings.update(r3)
        ambiguities += a3
    if "表四" in regions:
        r4, a4 = read_table4(regions["表四"], lines, sentences=not doc.pictures, year=year)
        readings.update(r4)
        ambiguities += a4
    for name in year_cut & {"表三", "表四"}:        # (the lines beyond its part: another year's table)
        left_to_its_part(readings, TABLE3_PATHS if name == "表三" else TABLE4_PATHS)
    if not unfolded:                     # PDF text printed as blocks (pdftotext, pdf2txt, PyMuPDF blocks)
        before, given = dict(readings), list(ambiguities)
        ambiguities = read_text_blocks(lines, readings, ambiguities, other_years=year_cut)
        # numbers parted by a space (6 7, 3 001) leave 表三 or 表四 unread: read again with them joined
        # (not a table printed for two years: the blocks are read over the whole text, its other year's table too)
        ambiguities = read_joined_blocks(lines, {k: v for k, v in regions.items() if k not in year_cut}, before,
                                         readings, ambiguities, given)
        # (each reads 表三's unread cells only: where every one was read, none has anything to do)
        lost3 = "表三" in regions and "表三" not in year_cut \
            and any(p not in readings or readings[p].missing for p in TABLE3_PATHS)
        for late in (read_tail_after_table4, read_top_rows, read_tail_after_table4, read_page_rows, read_region_bands,
                     read_lead_column):
            #                          表三: last cells among 表四's, first rows in two flows, the rows of the pages
            #                          after the header's, the whole region's numbers page by page column by column,
            #                          the first band and the 自然人 column printed among the labels
            if lost3 and (more := late(lines, readings)):
                readings.update(more)
                ambiguities = [a for a in ambiguities if not any(p in more and not more[p].missing for p in a.paths)]
        # (read in the form's order: the header's places them too; but not the rows of the pages after the header's,
        # whose header words pdf2txt.py prints in an order of its own over Chromium's pages: t3pages reads them alone)
        if "表三" in regions and (blocks := {p: r for p in TABLE3_PATHS if (r := readings.get(p)) is not before.get(p)
                                             and r.method not in (Method.T3_PAGE_ROWS, Method.T3_REGION_BANDS,
                                                                  Method.T3_LEAD_COLUMN)}):
            applicant_order(header3, blocks, [])
            readings.update(blocks)
    if stray:                            # 表二 read past the stray column (by any reader): no identity checks it
        mark_stray_table2(readings)
    read_any = any(not r.missing for p, r in readings.items() if p not in ("agency", "year"))
    if not read_any and not ambiguities:    # (a glued table is all ambiguities)
        raise NotAReportError(doc.path or doc.doc_id)
    for name in ("表二", "表三", "表四"):
        if name not in regions:
            warnings.append(f"{name} not found")
    for path in ALL_PATHS:
        if path not in readings:
            readings[path] = Reading(kind=CellKind.MISSING, method="label", note="not found")
        elif not fits_field(path, readings[path].value):     # (any reader's slip: a fraction is no count)
            r = readings[path]
            readings[path] = missing(r.raw, r.lines, r.method, f"{r.raw} in a count's place: not this cell's number")
    without_cut_numbers(readings, {n: p for r in regions.values() for n, p in cut_number_lines(lines, r.start, r.end).items()})
    if wrapped:                          # a merged row's readings cite every line its digits stood on
        for r in readings.values():
            if any(n in wrapped for n in r.lines):
                r.lines = sorted({m for n in r.lines for m in wrapped.get(n, (n,))})
    if unfolded or detached or kept is not None:     # evidence points at the source lines
        for r in readings.values():
            r.lines = sorted({origin[n - 1] for n in r.lines})
        for a in ambiguities:
            a.lines = sorted({origin[n - 1] for n in a.lines})
    rows_sharing_a_label_line(readings)         # labels run together on one line, one row's cells after them
    # every reading is already a valid Reading: skip re-validating 202 of them
    return Extraction.trusted(doc_id=doc.doc_id, extractor=EXTRACTOR_NAME, readings=readings,
                              ambiguities=ambiguities, warnings=warnings,
                              ocr_pages=[int(p) for p in doc.meta.get("ocr_pages", ())],
                              printed_blanks=printed_blanks(doc, readings),
                              meta={"regions": {k: list(detached.get(k, (origin[v.start - 1], origin[v.end - 2] + 1)))
                                                for k, v in regions.items()}})
