"""Prose: which lines of a report are its narrative, and its paragraphs.

``prose_lines(lines)`` gives the narrative lines: those outside the table regions of
:func:`~llm_extract.extract.regions.find_regions`, and inside them only full sentences (a line with
``。`` and no tab-separated cells) and headings, so a table cell is never read as prose; of a line of
tab-separated cells (a crawler's dump holding the article in a line or two) only the pieces that end a
sentence.
``paragraphs(prose)`` joins a paragraph wrapped over several printed lines (PDF text) into one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from .layout import is_page_furniture
from .regions import find_regions
from .sentencerows import is_sentence_row

__all__ = ["prose_lines", "paragraphs", "HEADING"]

def _is_sentence_cell(piece: str) -> bool:
    r"""Is a tab-separated piece of a table's line a sentence: it ends one, eight characters or more? (Not a
    regex search: ``\S.{6,}。\s*$`` tried every start of a piece not ending so, a megabyte-long piece of a
    crawler's one-line dump taking minutes.)"""
    text = piece.strip()
    return len(text) >= 8 and text.endswith("。")

#: a heading's start: 一、 （二） 3、 (a heading line sets what the sentences under it are about)
HEADING = re.compile(r"^\s*(?:[-*•]\s*)?(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、．])")


def prose_lines(lines: list[str], regions: Mapping[str, Sequence[int]] | None = None) -> list[tuple[int, str, str]]:
    """``(line number, text, region)`` of every narrative line; region is ``""`` outside the tables.

    ``regions`` (name → ``[start, end)``, 1-based) are the table regions when already known
    (``Extraction.meta["regions"]``); otherwise they are found here.
    """
    if regions is None:
        regions = {name: (r.start, r.end) for name, r in find_regions(lines).items()}
    where = [""] * (len(lines) + 1)
    for name, (start, end) in regions.items():
        where[max(1, int(start)):int(end)] = [name] * max(0, min(int(end), len(where)) - max(1, int(start)))
    out = []
    for n, line in enumerate(lines, start=1):
        region = where[n]
        if region and "\t" in line:
            # a row of cells: never narrative; but a crawler's dump holds the article in a line or two,
            # the sentences around the table among its tab-separated cells: those are prose, in no table
            # (the line holds them all), their own headings saying what they are about; a line without a
            # 。 has no piece ending a sentence (most rows of cells: not split, nor their pieces stripped)
            if "。" not in line:
                continue
            sentences = [p.strip() for p in line.split("\t") if _is_sentence_cell(p)]
            if sentences:
                out.append((n, " ".join(sentences), ""))
            continue
        text = line.strip()
        if not text or is_page_furniture(line):
            continue
        if region and not (("。" in text and len(text) >= 8) or (len(text) <= 40 and HEADING.match(text))):
            continue                  # inside a table only full sentences and headings are prose
        if region and is_sentence_row(text, region):
            continue                  # a row written as a sentence naming its cells (sentencerows.py): the table's
        out.append((n, text.replace("\t", " "), region))
    return out


_WRAP = range(15, 81)        # a printed line this long, not ending a sentence, may wrap into the next
_ENDS_SENTENCE = re.compile(r"[。！？；：:!?;）)]$")


def paragraphs(prose: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """Prose lines with a paragraph wrapped over several printed lines (PDF text, ``…共受理政府信`` /
    ``息公开申请27件``) joined into one, numbered by its first line. Only lines of a page's width wrap
    (a crawler's one-line article does not), into a line as long or a paragraph's short last line (ending its
    sentence: ``结转下年度继`` / ``续办理0件。``); a blank line or a page's footer may stand between (PyMuPDF's blocks,
    pdfplumber's layout text: a blank line between every two), outside the tables a page break too;
    a heading starts a new paragraph."""
    out: list[tuple[int, str, str]] = []
    last, last_text = -1, ""
    for n, text, region in prose:
        if not region and text.isdigit() and len(text) <= 3:
            continue                    # a page's bare number between a paragraph's lines: no prose
        ends = len(text) not in _WRAP and _ENDS_SENTENCE.search(text)      # a paragraph's short last line
        near = n in (last + 1, last + 2) or region == ""   # (outside the tables only blanks and footers are skipped)
        if out and near and region == out[-1][2] and len(last_text) in _WRAP \
                and (len(text) in _WRAP or ends) and not _ENDS_SENTENCE.search(last_text) and not HEADING.match(text):
            out[-1] = (out[-1][0], out[-1][1] + text, region)
        else:
            out.append((n, text, region))
        last, last_text = n, text
    return out
