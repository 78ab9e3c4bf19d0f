"""Fixed-width text (``pdftotext -layout``): a numbered header word whose number wrapped onto the line below.

Column headers are sometimes numbered rather than named (数据1 … 数据6, FORM.md); in a narrow column the
word breaks, its number alone on the line below, under it::

                         数据       数据 2   数据   数据 4      数据 5   数据 6       总计
                         1                3

Read as printed, that line of numbers (``1 3``) is cells, which run into a row's. A line of numbers only,
right under a line of words, is the header's when each number starts under a word of that line that ends
in no digit, and that line also prints the word followed by a number (``数据 2`` or ``数据2``): each number
is joined onto its word and the line below left empty (the ingest of PDFs does the same on the page:
ingest/pdf_headdigits.py). Positions are characters, as pdftotext places text. A line printing one word
twice or more a space before a number (``数据 2  数据 4``), and no other number, is such a header too: each
number is glued onto its word (a header repeated on a page inside the table gave a row four numbers).
Anything else is left as printed.

A converter's grid splits such a header one character to a line (``| 数 数 | 数 | … |`` / ``| 据 据 | 据 | … |`` /
``| 1 2 | 3 | 4 | 5 | 6 |``), or prints the words on a line and their numbers on one of their own under it
(``数据   数据   …`` / ``申请人情况   总计`` / ``1    2    …``): a line whose numbers are exactly 1, 2, … k (k of
four to seven, in order; a blank put beside them by blankcols.py aside) with ``据`` or a line of 数据 standing
on one of the few lines above is the header's numbering, never a row's cells
(:func:`drop_header_numbering`: no row of 表三 reads so, its total being the sum of the others).
"""

from __future__ import annotations

import re
from collections import Counter

from ..evidence import CellKind
from .layout import Item
from .linetext import LineText
from .pagenumbers import PAGE_FEED

__all__ = ["joined_header_digits", "drop_header_numbering"]

_TOKEN = re.compile(r"\S+")
_MIN_WORD = 2
#: where a word of two letters or more may end a space before a number (:func:`_glued`'s pairs): a space after two
#: word characters, not digits, and before a word character (a letter is one, so is a digit). One match per such
#: space, so that every place is counted; the space first, so that a line is scanned for spaces alone (the letters
#: are looked at only behind a space: a line of prose without spaces costs one pass in C)
_SPACED = re.compile(r"\s(?<=[^\W\d_]{2}\s)(?=\w)")
#: a space that is no tab: a line without tabs holds two tokens (a header's word, and its number or another word)
#: only with one between them
_SPACE = re.compile(r"[^\S\t\n]")


def _word(text: str) -> bool:
    """A header word a number may follow: two letters or more (数据), not a mark (a rule read as | or 一)."""
    return len(text) >= _MIN_WORD and text.isalpha()


def _numbered(stem: int, toks: list[tuple[str, int, int]]) -> bool:
    """Whether the line prints, as another word than its word ``stem``, that word followed by a number,
    glued on or a space after it."""
    word = toks[stem][0]
    for k, (text, _, end) in enumerate(toks):
        if k == stem:
            continue
        if text.startswith(word) and len(text) > len(word) and text[len(word):].isdigit():
            return True
        if text == word and k + 1 < len(toks) and toks[k + 1][0].isdigit() and toks[k + 1][1] == end + 1:
            return True
    return False


def _joined(line: str, below: str) -> str | None:
    """``line`` with the numbers of ``below`` joined onto the words they stand under, or None."""
    if "\t" in line or "\t" in below:
        return None
    feed = line[:len(line) - len(line.lstrip(PAGE_FEED))]       # a page's first line: the feed takes no place
    line, below = line[len(feed):], below.lstrip(PAGE_FEED)
    numbers = [(m.group(), m.start()) for m in _TOKEN.finditer(below)]
    toks = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(line)]
    if not numbers or not all(n.isdigit() for n, _ in numbers) or not toks:
        return None
    stems: list[int] = []
    for _, at in numbers:
        under = [k for k, (_, start, end) in enumerate(toks) if start <= at < end]
        if len(under) != 1 or under[0] in stems:
            return None
        if not _word(toks[under[0]][0]) or not _numbered(under[0], toks):
            return None
        stems.append(under[0])
    out, last = [], 0
    for k, (number, _) in sorted(zip(stems, numbers)):
        out += [line[last:toks[k][2]], number]
        last = toks[k][2]
    return feed + "".join(out) + line[last:]


def _glued(line: str) -> str:
    """``line`` with a numbered header word printed a space before its number (``数据 2``) glued to it, when
    the line prints the word so twice or more and no other number: a header's, no row's cells."""
    if "\t" in line or len(_SPACED.findall(line)) < 2:
        return line                     # (fewer than two places a word is followed so: most lines)
    toks = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(line)]
    spaced = [k for k in range(len(toks) - 1) if _word(toks[k][0]) and toks[k + 1][0].isdigit()
              and toks[k + 1][1] == toks[k][2] + 1]
    words = {toks[k][0] for k in spaced}
    if len(words) != 1 or len(spaced) < 2 \
            or any(t[0].isdigit() for k, t in enumerate(toks) if k - 1 not in spaced):
        return line
    cuts = [toks[k][2] for k in spaced]
    return "".join(line[a:b] for a, b in zip([0] + [c + 1 for c in cuts], cuts + [len(line)]))


def joined_header_digits(lines: list[str]) -> list[str]:
    """``lines`` with every numbered header word's wrapped number joined back on, and its number printed a
    space after it glued on (see the module docstring)."""
    if not LineText.of(lines).search(_SPACE):
        return lines                    # (no line without tabs holds two tokens: no header word and its number)
    out = list(lines)
    firsts = [line.lstrip()[:1] for line in out]       # each line's first printed character ("" for a blank line)
    for n in [n for n in range(len(out) - 1) if firsts[n + 1].isdigit()]:
        if not firsts[n]:               # (blank, or emptied by the join above)
            continue
        joined = _joined(out[n], out[n + 1])
        if joined is not None:
            out[n], out[n + 1] = joined, ""
            firsts[n + 1] = ""
    return [_glued(line) for line in out]


#: how many lines above a numbering line its header's 据 may stand (a grid's rule and a wrapped word between)
_NUMBERING_REACH = 4
#: the characters of a generic header word, 数据, printed whole or a character to a line
_HEADER_WORD = frozenset("数据")
_BLANK = CellKind.BLANK         # (an enum member's lookup costs more than the test: once, not per value)


def _generic_header(key: str) -> bool:
    """Text of a generic header: 据 or 数据 alone, or 数据 twice or more (a line of them, a wrapped label's last
    piece run on before it: ``息数据数据数据…``)."""
    return "据" in key and (set(key) <= _HEADER_WORD or key.count("数据") >= 2)


def drop_header_numbering(items: list[Item]) -> list[Item]:
    """``items`` without the numbers of each line that numbers a generic header (see the module docstring)."""
    per_line = Counter([it.line for it in items if it.is_value])      # (counted in C)
    wide = {line for line, n in per_line.items() if n >= 4}
    if not wide:
        return items                    # (no line of four values or more: no line numbers a header)
    values: dict[int, list[Item]] = {}
    for it in items:
        if it.is_value and it.line in wide:
            values.setdefault(it.line, []).append(it)
    numbering = [its for its in values.values() if _numbering(its)]
    if not numbering:                   # (most tables: no line of numbers 1, 2, … k, and nothing to drop)
        return items
    by_line: dict[int, list[Item]] = {}
    for it in items:
        by_line.setdefault(it.line, []).append(it)
    dropped: set[int] = set()
    for its in numbering:
        line = its[0].line
        if any(it.is_text and _generic_header(it.key) for n in range(line - _NUMBERING_REACH, line)
               for it in by_line.get(n, [])):
            dropped.update(id(it) for it in its)
    return [it for it in items if id(it) not in dropped] if dropped else items


def _numbering(values: list[Item]) -> bool:
    """Whether a line's values (its numbers, a blank placed beside them aside) are 1, 2, … k, k of four to seven."""
    if len(values) < 4:
        return False                    # (fewer values than four: fewer numbers)
    numbers = [it.cell.value for it in values if it.cell.kind is not _BLANK]
    return 4 <= len(numbers) <= 7 and numbers == list(range(1, len(numbers) + 1))
