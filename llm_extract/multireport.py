"""Several reports in one file: noticed and split, one record each.

A file that holds several annual reports (a crawler's concatenation, a site's "all years"
page) would otherwise read as one report whose tables repeat: one record, thousands of
findings. :func:`report_starts` finds where each report begins from the order of the
form's section headings: a report runs through 表二 (主动公开), 表三 (收到和处理申请) and
表四 (行政复议、行政诉讼); a 表二 (or 表三) heading after a 表四 heading starts the next
report. A report's first line is its title (the last short line naming a 年度报告 before
its first section heading), else its 一、 heading, else that section heading itself.

Only numbered heading lines count (``三、收到和处理政府信息公开申请情况``, short): prose that
mentions 主动公开 is not a heading. Reports shorter than ``MIN_REPORT_LINES`` are not split
(a table of contents, a heading repeated on a page break).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress, count

from .extract.regions import holds_cell
from .form import FORM
from .ingest import Document

__all__ = ["report_starts", "split_reports", "split_from", "MIN_REPORT_LINES"]

MIN_REPORT_LINES = 20
_NUMBERED = re.compile(r"^[（(]?[一二三四五六七八九十]{1,3}[、.．)）]")
#: a line that opens with a heading's number (after the whitespace str.strip takes: ``\s`` is the same): the
#: only lines :func:`_section` need look at
_NUMBERED_LINE = re.compile(r"\s*[（(]?[一二三四五六七八九十]{1,3}[、.．)）]")
_TITLE = re.compile(r"年度?报告|年报|信息公开工作")
_TITLE_PART = re.compile(r"(?:政府|人民政府|[区县市镇乡]|街道|办事处|[局委办厅署])$|\d{4}年$")   # the first line of a split title
#: a sentence's punctuation: no title prints it (``2021年，本机关因政府信息公开工作被申请行政复议0件。``)
_SENTENCE = re.compile(r"[。，；]")
_DATE = re.compile(r"\d{1,2}\s*月\s*\d{1,2}\s*日")
_FIRST_SECTION = re.compile(r"^一[、.．]")
_MAX_HEADING = 48
_NUMBER = re.compile(r"\d+")
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")


@lru_cache(maxsize=4096)
def _section(line: str) -> str | None:
    """The table whose section a numbered heading line opens (cached: the form's row labels, numbered as headings
    are, open lines of every report)."""
    text = line.strip()
    if len(text) > _MAX_HEADING or not _NUMBERED.match(text):
        return None
    for table in ("表二", "表三", "表四"):
        if FORM.headings[table].search(text):
            return table
    return None


def _sections(lines: list[str]) -> list[tuple[int, str]]:
    """``(index, table)`` of each section heading line, in order: :func:`_section` of each line that opens with
    a heading's number (picked out without a loop of Python's own: most lines are not looked at)."""
    numbered = compress(count(), map(_NUMBERED_LINE.match, lines))
    return [(i, table) for i in numbered if (table := _section(lines[i])) is not None]


def report_starts(lines: list[str]) -> list[int]:
    """0-based index of the first line of each report in ``lines`` (``[0]`` for one report)."""
    cycles: list[int] = []            # line of each report's first section heading
    seen: set[str] = set()
    for i, table in _sections(lines):
        if not cycles or (table in ("表二", "表三") and "表四" in seen):
            if not cycles or i - cycles[-1] >= MIN_REPORT_LINES:
                cycles.append(i)
            seen = set()          # too close to be a report of its own (a table of contents): the same one
        seen.add(table)
    # sections that only point to tables printed after the signature (详见附表) are that report's, not one of
    # their own: a cycle holding no table cell is one report with the next
    cycles = [c for k, c in enumerate(cycles) if k == 0 or holds_cell(lines, cycles[k - 1], c)]
    if len(cycles) <= 1:
        return [0]
    starts = [0]
    for k in range(1, len(cycles)):
        lo, hi = cycles[k - 1] + 1, cycles[k]
        # the previous report's 表四 heading bounds the search: the title lies after it
        prev_t4 = max((j for j in range(lo, hi) if _section(lines[j]) == "表四"), default=lo)
        window = range(hi - 1, prev_t4, -1)
        title = next((j for j in window if len(lines[j].strip()) <= 60 and _TITLE.search(lines[j])
                      and not _SENTENCE.search(lines[j])), None)     # (表四's sentence: 因政府信息公开工作被申请…，…。)
        first = next((j for j in window if _FIRST_SECTION.match(lines[j].strip())), None)
        starts.append(_title_head(lines, title, prev_t4) if title is not None else first if first is not None else hi)
    return starts


def _title_head(lines: list[str], title: int, floor: int) -> int:
    """The first line of a title printed over two lines (``新乡市牧野区人民政府`` / ``2021年…年度报告``)."""
    if not re.match(r"\s*(?:\d{4}\s*年|政府信息公开|年度报告)", lines[title]):
        return title                                   # the title names its agency: it is the first line
    j = title - 1
    while j > floor and not lines[j].strip():
        j -= 1
    text = lines[j].strip() if j > floor else ""
    if text and len(text) <= 30 and not _DATE.search(text) and not re.search(r"[。，,；;：:]", text) \
            and (_TITLE_PART.search(text) or _TITLE.search(text)):
        return j
    return title


def _body_and_year(lines: list[str]) -> tuple[tuple[str, ...], str | None]:
    """A report's numbers from its first section on, in order, and the year its title names, if any.
    Two copies of one report print the same numbers (a copy may lack the title); reports of other
    years or agencies differ in their figures or in their titles' years."""
    first = next((i for i, line in enumerate(lines) if _FIRST_SECTION.match(line.strip()) or _section(line)), 0)
    year = next((m.group(1) for line in lines[:first] if _TITLE.search(line) and (m := _YEAR.search(line))), None)
    return tuple(_NUMBER.findall("\n".join(lines[first:]))), year


def _page_spans(lines: list[str], pages: list[int]) -> list[tuple[int, int]]:
    """The reports of a file of several pages (a crawler's export, ``Document.meta["pages"]``): each page
    that holds a report (at least two of the form's section headings, anywhere in its text), split
    further if it holds several; a page holding none (a news item, a list page) is left out."""
    spans: list[tuple[int, int]] = []
    for a, b in zip(pages, pages[1:] + [len(lines)]):
        text = "\n".join(lines[a:b])
        if sum(1 for heading in FORM.headings.values() if heading.search(text)) < 2:
            continue
        starts = [a + s for s in report_starts(lines[a:b])]
        spans.extend(zip(starts, starts[1:] + [b]))
    return spans


_PART_ID = re.compile(r"(.+)-\d+")


def split_from(doc_id: str) -> str | None:
    """The id of the file a report split from it would carry (``x`` for ``x-2``: :func:`split_reports`), else None."""
    m = _PART_ID.fullmatch(doc_id)
    return m.group(1) if m else None


def split_reports(doc: Document) -> list[Document]:
    """``[doc]`` when it holds one report; else one Document per report, ids ``<id>-1``, ``<id>-2``, …

    A report printed again (a page that repeats its article) is one report: its later copies are left
    out, named in the Document's ``meta["duplicate_copies"]`` (1-based first and last lines), and a file
    holding one report twice is that report, under its own id, read from its first copy (line numbers
    unchanged). A file of several pages (``meta["pages"]``) gives a report per page that holds one; when
    none does, the file is read whole (and refused as no report)."""
    lines = doc.lines
    pages = doc.meta.get("pages") or []
    if pages:
        spans = _page_spans(lines, pages)
        if not spans:
            return [doc]
    else:
        starts = report_starts(lines)
        if len(starts) == 1:
            return [doc]
        spans = list(zip(starts, starts[1:] + [len(lines)]))
    kept: list[tuple[int, int]] = []
    copies: list[tuple[int, int]] = []
    seen: dict[tuple[str, ...], str | None] = {}
    for a, b in spans:
        numbers, year = _body_and_year(lines[a:b])
        if numbers in seen and (year is None or seen[numbers] in (None, year)):
            copies.append((a + 1, b))
            continue
        seen.setdefault(numbers, year)
        kept.append((a, b))
    meta = {k: v for k, v in doc.meta.items() if k != "pages"}      # (a part's lines are its own)
    if copies:
        meta["duplicate_copies"] = copies
    if len(kept) == 1:
        a, b = kept[0]
        first = a if pages else 0            # a page is read alone; a report's copies keep their line numbers
        return [Document(doc_id=doc.doc_id, text="\n".join(lines[first:b]) + "\n", path=doc.path,
                         source_kind=doc.source_kind, encoding=doc.encoding, meta=meta, file_hash=doc.file_hash)]
    return [Document(doc_id=f"{doc.doc_id}-{k}", text="\n".join(lines[a:b]) + "\n", path=doc.path,
                     source_kind=doc.source_kind, encoding=doc.encoding, meta=meta)
            for k, (a, b) in enumerate(kept, start=1)]
