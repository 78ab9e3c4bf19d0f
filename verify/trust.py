"""A document whose text reads unreliably proves nothing that no identity checks.

表二 (and the fees row) is in no identity: a 表二 cell is proven on its reading alone. That is
sound while the text it was read from is sound, and the identities of 表三 and 表四 are the
measure of that: a report may misprint a cell or two (each breaks two or three identities, see
FORM.md), but a text that breaks many of them has been read with something wrong in its channel
(a Word file's hidden or deleted digits joined onto the shown ones, an OCR layer that misreads
digits, a converter that slid columns), and the same channel gave 表二. In such a document every
表二 cell read is ``unverified`` (rule ``READ.NOISY_TEXT``), its value kept as read.

A text read from an OCR layer (a scan under invisible text, as Acrobat or ABBYY make it; ingest
names the pages, :attr:`Extraction.ocr_pages`) is such a channel whatever its identities say:
the OCR engine misreads digits (``0`` as ``8``) and 表二 cannot show it. Its 表二 cells are
``unverified`` (``READ.OCR_TEXT``), and so is an agency that does not end as a body's name does
(``READ.OCR_NAME``: the typo 政→玫 breaks the title and leaves ``玫府``), and any agency at all: an engine
misreads a character the same way wherever it is printed (tesseract read 石泉县人民政府 as 石录县人民政府 in
the title and the preamble alike, a body's name, wrong); the identities of 表三 and 表四 still prove their
cells (:func:`distrust_ocr_layer`).

An OCR'd text given as text shows itself in its cells: where letters stand for digits in several
cells (``O`` for 0, ``33B`` for 338, ``l4``), the engine misread glyphs, and it may as well have
doubled or dropped a digit anywhere (7 → 77, 38 → 338). In such a document too every 表二 cell read
is ``unverified`` (``READ.OCR_TEXT``, :func:`ocr_text`).

A 表三 row printed with fewer tokens than cells, one of them starting with 0 (``00 0 0 0 0 0``), is read as cells
run together (``00`` is 0, 0: no count is written with a leading zero). An OCR engine that doubles a 0 beside an
empty cell it left no trace of prints the same, and a blank read as 0 breaks no identity: in OCR text such cells
are ``unverified`` (``READ.OCR_RUN_TOGETHER``, :func:`run_together`).

A text file that ingest found to be OCR output (spaces between its Chinese characters, taken out
before reading: the notice ``INGEST.OCR_SPACING``, :mod:`llm_extract.ingest.cjk_spacing`) is the same
channel, and is treated so (:func:`distrust_ocr_layer`); so is any text, web page or Word file in which
ingest found OCR's specks (a scanned table's rules read as lone punctuation marks: ``INGEST.OCR_SPECKS``,
:mod:`llm_extract.ingest.ocr_specks`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence

from llm_extract.bodies import garbled_name, names_a_body
from llm_extract.ocrglyphs import FULLWIDTH_OCR_LETTERS, OCR_LETTERS
from llm_extract.evidence import CellKind, Extraction, FieldProvenance, Finding, Method, Reading, Record, Status
from llm_extract.schema import DISCLOSURE_PATHS, TABLE3_PATHS, TABLE3_ROW_PATHS, TABLE4_PATHS

from .ocrdigits import RULE as ALIKE_DIGITS_RULE, alike_digit_cells
from .ocrdispute import unresolve_all
from .rules import register
from .survey import Survey

__all__ = ["RULE", "NOISY_BREAKS", "noisy_text", "unchecked_paths", "OCR_RULE", "OCR_NAME_RULE",
           "OCR_YEAR_RULE", "OCR_BLANK_RULE", "AGENCY_NAME_RULE", "distrust_ocr_layer", "distrust_odd_agency", "blank_rows", "OCR_CELLS", "ocr_candidates", "read_by_ocr", "ocr_cell", "ocr_text", "OCR_SPACING", "OCR_SPECKS",
           "unreliable_text", "RUN_TOGETHER_RULE", "run_together", "lone_slashes"]

RULE = "READ.NOISY_TEXT"
OCR_RULE = "READ.OCR_TEXT"                  # (verify/rules.py)
OCR_NAME_RULE = "READ.OCR_NAME"
AGENCY_NAME_RULE = "READ.AGENCY_NAME"
OCR_YEAR_RULE = "READ.OCR_YEAR"
OCR_BLANK_RULE = "READ.OCR_BLANK"
RUN_TOGETHER_RULE = "READ.OCR_RUN_TOGETHER"
register(RUN_TOGETHER_RULE, "OCR 文本中以 0 开头的数字读作粘连的几格（00 为 0、0）：OCR 会重复数字，把 0 读成 00，"
         "旁边的空白单元格又不留痕迹，空白读作 0 不违反任何勾稽关系，不予证明",
         "in OCR text, a token starting with 0 read as cells run together (00 as 0, 0): the engine doubles digits "
         "(0 as 00) and an empty cell beside it leaves no trace, and a blank read as 0 breaks no identity: not proven")
OCR_SPACING = "INGEST.OCR_SPACING"         # the notice of an OCR'd text file (llm_extract/ingest/notices.py)
OCR_PAGES = "INGEST.OCR_PAGES"             # the notice of a PDF's OCR layer (llm_extract/ingest/notices.py)
OCR_SPECKS = "INGEST.OCR_SPECKS"           # the notice of a text with OCR's lone punctuation marks
OCR_PICTURES = "INGEST.OCR_PICTURES"       # the notice of a Word file whose pictures OCR read (ingest/docx_pictures.py)
#: Broken identity instances from which a document's text counts as unreliable. A misprinted cell
#: breaks at most three (its row, its column, the column's balance); two misprints at most six.
NOISY_BREAKS = 7

_UNCHECKED = frozenset(DISCLOSURE_PATHS)

#: cells whose digits an OCR engine printed as letters, from which a text counts as OCR'd
#: (one ``O`` typed for a 0 is a typist's slip; three are a reading engine)
OCR_CELLS = 3
_OCR_TOKEN = re.compile(rf"[\d{OCR_LETTERS}]+(?:\.[\d{OCR_LETTERS}]+)?")
_OCR_LETTER = re.compile(rf"[{OCR_LETTERS}]")
_LETTERS = frozenset(OCR_LETTERS + FULLWIDTH_OCR_LETTERS)
#: (an enum member's lookup costs more than the test: looked up once, not once per cell)
_OCR_KIND, _MISSING_KIND, _BLANK_KIND = CellKind.OCR, CellKind.MISSING, CellKind.BLANK
_PLACEHOLDER_KIND = CellKind.PLACEHOLDER
#: a slash read by OCR as a cell's blank mark: an engine reads a degraded 0 as / (scan19: (七)总计's 0 under noise, the
#: column's sums holding with a blank) and a leaning 1 as / too (ingest/scan_marks.py): a mark no identity tells from 0
_SLASHES = frozenset({"/", "／"})
#: the most slashes a table prints for them to be doubted (more: the report's own mark for a blank)
_LONE_SLASHES = 2
_SLASH_NOTE = ("a slash read by OCR where a number may stand: an engine reads a degraded 0 (or a 1) as /, and a "
               "blank counts as 0 in every identity")


def noisy_text(identity_findings: Iterable[Finding]) -> bool:
    """Whether the broken identities (verify.identities findings) are more than misprints explain."""
    return sum(1 for f in identity_findings if f.severity == "error") >= NOISY_BREAKS


def unreliable_text(identity_findings: Iterable[Finding], raws: Iterable[str | None]) -> str | None:
    """The rule by which a document's text is too unreliable to prove 表二 on its reading alone:
    ``READ.NOISY_TEXT`` (:func:`noisy_text`), else ``READ.OCR_TEXT`` (:func:`ocr_text` of the cells'
    printed texts ``raws``, looked at only when needed), else None."""
    if noisy_text(identity_findings):
        return RULE
    return OCR_RULE if ocr_text(raws) else None


def unchecked_paths() -> frozenset[str]:
    """The fields no identity checks, which a noisy text leaves unverified (表二 and its fees)."""
    return _UNCHECKED


_OCR_NOTES = {OCR_RULE: "read from an OCR text layer over a scan, which may misread digits; no identity checks it",
              OCR_NAME_RULE: "read from an OCR text layer over a scan, and not ending as a body's name does "
                             "(an OCR typo in the title?)",
              AGENCY_NAME_RULE: "not ending as a body's name does (a title taken from a sentence?), or repeating a piece of "
                              "itself (garbled)",
              OCR_YEAR_RULE: "read from an OCR text layer over a scan, and written nowhere else in the text "
                             "(an OCR misreading of the year?)",
              OCR_BLANK_RULE: "an empty cell of OCR text, no mark printed in it: the engine may have dropped its "
                              "digits (a 0, a part and its total, or a row of zeros, dropped together still add up)",
              ALIKE_DIGITS_RULE: "OCR text: one digit read as another throughout this 表四 group keeps its sum, "
                                 "the group's one identity (a glyph misread alike in a count and its total)",
              RUN_TOGETHER_RULE: "cells run together in one token of OCR text (00 as 0, 0): the engine may have "
                                 "doubled a 0 beside an empty cell it left no trace of"}


#: an agency read from an OCR layer that ends as a body's name does (READ.OCR_NAME too)
_OCR_BODY_NOTE = ("read from an OCR text layer over a scan: an OCR engine misreads a character the same way "
                  "wherever it is printed, so no second place proves the name")


def _unverified(record: Record, path: str, rule: str, note: str | None = None) -> None:
    prov = record.provenance.get(path)
    if prov is not None and prov.status is Status.PROVEN:
        record.provenance[path] = prov.model_copy(update={"status": Status.UNVERIFIED,
                                                          "note": note or _OCR_NOTES[rule],
                                                          "rules": list(prov.rules) + [rule]})


def distrust_ocr_layer(record: Record, extraction: Extraction | None, notices: Iterable[Finding] = (),
                       lines: Sequence[str] = ()) -> Record:
    """``record`` with what an OCR layer cannot prove ``unverified``: every proven 表二 cell, and the
    agency (``READ.OCR_NAME``; noted apart when it does not end as a body's name does,
    :func:`llm_extract.bodies.names_a_body`), and every 表四 cell read empty with nothing printed in it
    (``READ.OCR_BLANK``: tesseract read a group's ``1`` and its total ``1`` as nothing, and the group's one
    identity still held), and so is every 表三 cell read empty: a dropped ``0`` breaks no identity (a blank counts
    as 0 in them; RapidOCR missed the 0 of (七)总计's 科研机构 on a speckled scan, and the cell came out proven
    blank), and a 表三 row read blank throughout, its label alone, is unverified too: tesseract drops a
    row of zeros whole, which breaks nothing, :func:`blank_rows`; a placeholder the engine printed, 无 or -, is a mark and stays as its identities say, but
    not a slash, which an engine also reads from a degraded 0 or a leaning 1). The layer is
    known from the deterministic extraction (:attr:`Extraction.ocr_pages`) or from ingest's notices
    (``INGEST.OCR_PAGES``; ``INGEST.OCR_SPACING`` or ``INGEST.OCR_SPECKS`` for an OCR'd text, web page or Word
    file; ``INGEST.OCR_PICTURES`` for a Word file's pictures OCR read), so that a document only the
    model read is judged by its channel too. The year is unverified too unless the text writes it
    (``2023年``) on a line other than the one it was read from (``READ.OCR_YEAR``): two readings of one
    glyph run agree on an OCR misreading, two places on the page hardly do."""
    ocr_channel = any(n.code in (OCR_SPACING, OCR_PAGES, OCR_SPECKS, OCR_PICTURES) for n in notices)
    if not ocr_channel and (extraction is None or not extraction.ocr_pages):
        return record
    record.provenance = unresolve_all(record.provenance)     # the identities arbitrate nothing (verify/ocrdispute.py)
    for path in unchecked_paths():
        _unverified(record, path, OCR_RULE)
    _unverified(record, "agency", OCR_NAME_RULE, None if not names_a_body(record.report.agency) else _OCR_BODY_NOTE)
    if not _written_elsewhere(record.report.year, record.provenance.get("year"), lines):
        _unverified(record, "year", OCR_YEAR_RULE)
    for path in (*TABLE3_PATHS, *TABLE4_PATHS):
        prov = record.provenance.get(path)
        if prov is not None and prov.kind is _BLANK_KIND:                  # nothing printed: dropped digits?
            _unverified(record, path, OCR_BLANK_RULE)
    for path in lone_slashes(record.provenance):                # a 0 or a 1 the engine read as a slash?
        _unverified(record, path, OCR_BLANK_RULE, _SLASH_NOTE)
    for path in blank_rows(record.provenance):
        _unverified(record, path, OCR_BLANK_RULE)
    for path in alike_digit_cells(record.report.values()):      # 3 0 0 0 3 read as 8 0 0 0 8 (verify/ocrdigits.py)
        _unverified(record, path, ALIKE_DIGITS_RULE)
    for path in run_together(record.provenance):
        _unverified(record, path, RUN_TOGETHER_RULE)
    return record


def blank_rows(fields: Mapping[str, Reading | FieldProvenance]) -> list[str]:
    """The cells of the 表三 rows read blank throughout (nothing printed in any of their seven cells, as a label
    standing alone is read): an OCR engine drops a row's numbers whole (tesseract left a page's rows of zeros out,
    their labels kept), and a row of zeros dropped breaks no identity."""
    out: list[str] = []
    for paths in TABLE3_ROW_PATHS.values():
        provs = [fields.get(p) for p in paths]
        if all(r is not None and r.kind is _BLANK_KIND for r in provs):
            out.extend(paths)
    return out


def lone_slashes(fields: Mapping[str, Reading | FieldProvenance]) -> list[str]:
    """The cells of 表三 and of 表四 read as a slash, where their table prints at most :data:`_LONE_SLASHES` of them: a
    report that marks its blanks with ``/`` marks many (its empty columns, row after row); one slash among a table's
    numbers is as likely an engine's reading of a degraded 0 or a leaning 1 (scan19: (七)总计's 0, its column's sums
    holding with a blank)."""
    out: list[str] = []
    for paths in (TABLE3_PATHS, TABLE4_PATHS):
        slashes = [p for p in paths if (r := fields.get(p)) is not None and r.kind is _PLACEHOLDER_KIND
                   and (r.raw or "").strip() in _SLASHES]
        if len(slashes) <= _LONE_SLASHES:
            out.extend(slashes)
    return out


def run_together(fields: Mapping[str, Reading | FieldProvenance]) -> list[str]:
    """The 表三 cells read as cells run together in one token (``Method.RUN_TOGETHER``, extract/t3readings.py)."""
    return [p for p, r in fields.items() if r.method == Method.RUN_TOGETHER]


def distrust_odd_agency(record: Record) -> Record:
    """``record`` with an agency that does not end as a body's name does ``unverified``, whatever the
    channel: a name that ends otherwise was cut from a sentence taken for the title (``现将``,
    ``特向社会公布``), not read from one; so is a name repeating a piece of itself (garbled: a page header drawn over
    itself, :func:`llm_extract.bodies.garbled_name`)."""
    if record.report.agency and (not names_a_body(record.report.agency) or garbled_name(record.report.agency)):
        _unverified(record, "agency", AGENCY_NAME_RULE)
    return record


def _written_elsewhere(year: int | None, prov: FieldProvenance | None, lines: Sequence[str]) -> bool:
    """Whether ``year`` is written (as ``2023年``, spaces ignored) on a line it was not read from."""
    if year is None or prov is None:
        return True
    written, used = f"{year}年", set(prov.lines)
    return any(written in "".join(line.split()) for n, line in enumerate(lines, 1) if n not in used)


def ocr_cell(raw: str | None) -> bool:
    """Whether one cell's printed text needed an OCR letter read as a digit (``O``, ``33B``, ``l4``)."""
    if not raw or len(raw) > 16 or _LETTERS.isdisjoint(raw):
        return False            # (the common case, without normalising: ~200 cells a document)
    text = unicodedata.normalize("NFKC", raw).strip()
    return _OCR_TOKEN.fullmatch(text) is not None and _OCR_LETTER.search(text) is not None


def ocr_candidates(readings: Iterable[Reading], survey: Survey | None = None) -> Iterator[str | None]:
    """The printed texts of the cells that may show an OCR reading: those read as OCR'd (letters among
    digits) and those left lost (letters only). (``survey``: of ``readings``, where known: most documents
    hold neither kind.)"""
    if survey is not None and not survey.has_kind(_OCR_KIND, _MISSING_KIND):
        return iter(())
    return (r.raw for r in readings if r.kind is _OCR_KIND or r.kind is _MISSING_KIND)


def read_by_ocr(extraction: Extraction, survey: Survey | None = None) -> bool:
    """Whether an extraction was read by OCR: from an OCR layer's pages, or from cells showing an OCR
    reading (:func:`ocr_text`; ``survey``: of its readings, where known)."""
    return bool(extraction.ocr_pages) or ocr_text(ocr_candidates(extraction.readings.values(), survey))


def ocr_text(raws: Iterable[str | None]) -> bool:
    """Whether a document's cells (their printed texts, one per field) show an OCR reading: at least
    ``OCR_CELLS`` cells whose digits were printed as letters."""
    count = 0
    for raw in raws:
        if ocr_cell(raw):
            count += 1
            if count >= OCR_CELLS:
                return True
    return False
