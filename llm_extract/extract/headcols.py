"""Fixed-width text (``pdftotext -layout``): 表三's columns from its header words, where no row prints every cell.

A report that leaves its zero cells blank may print no row of 表三 whole: each row prints its few numbers
(``９２ … ９２``: a natural person's 92 and the total), and no full row tells which column each stands in
(blankcols.py), nor two rows each lacking one cell (gridinfer.py). The header still names every column,
centred over it, its words broken over the lines of narrow header cells::

                                  自然            社会 法律
      之和，等于第三项加第四项之和）              商业   科研               总计
                                   人            公益 服务   其他
                                       企业   机构
                                                组织 机构

Each column's name (FORM.table3_columns: 自然人, 商业企业, …, 总计) is found as the words of the header,
top to bottom, that spell it whole, each standing over the one before (centres within two characters) on
one of the next few lines. A column is placed at its words' centre in ``pdftotext -layout``'s character
grid (where its numbers are centred too). The columns are taken only when every name is spelt so exactly
once, and they stand left to right in the form's order; otherwise ``None``. The header is the table's lines
up to the first that holds a number (a number alone on its line is a page's).

A short row is placed by the spacing of its numbers (columns.fit_spacing: whatever the line's shift), and
where that leaves a choice (``1    1``: 其他 and 总计, or two other columns as far apart), on its page, by where
its numbers stand: each within a character of one column's centre (:func:`place_on_header`).
"""

from __future__ import annotations

from ..form import FORM
from .cells import parse_cell
from .columns import on_columns, spans
from .pagenumbers import PAGE_FEED

__all__ = ["header_columns", "place_on_header"]

_NAMES = tuple(c.label for c in FORM.table3_columns)
#: a name's next word stands over the one before within this many characters (centres)
_OVER = 2.0
#: and on one of this many lines after it (other columns' words may take the lines between)
_REACH = 3

_Word = tuple[int, str, float]          # line index, text, centre in the character grid


def _chains(name: str, words: list[_Word]) -> list[tuple[_Word, ...]]:
    """Every way the header's words spell ``name`` top to bottom, each word over the one before."""
    out: list[tuple[_Word, ...]] = []

    def grow(chain: tuple[_Word, ...], rest: str) -> None:
        if not rest:
            out.append(chain)
            return
        last = chain[-1]
        for w in words:
            if last[0] < w[0] <= last[0] + _REACH and abs(w[2] - last[2]) <= _OVER and rest.startswith(w[1]):
                grow(chain + (w,), rest[len(w[1]):])

    for w in words:
        if name.startswith(w[1]):
            grow((w,), name[len(w[1]):])
    return out


def header_columns(lines: list[str], start: int, end: int) -> list[float] | None:
    """The centres of 表三's columns in the character grid of lines ``start`` … ``end - 1`` (1-based), read
    from its header words (see the module docstring), or None."""
    words: list[_Word] = []
    for i in range(start, min(end, len(lines) + 1)):
        toks = spans(lines[i - 1].lstrip(PAGE_FEED), 1)       # (a page's feed takes no place in its grid)
        if len(toks) == 1 and parse_cell(toks[0][0]).is_number:
            continue                    # (a page's number)
        if any(parse_cell(t).is_number for t, _, _ in toks):
            break
        words += [(i, t, (a + b) / 2) for t, a, b in toks]
    columns = []
    for name in _NAMES:
        found = _chains(name, words)
        if len(found) != 1:
            return None
        columns.append(sum(w[2] for w in found[0]) / len(found[0]))
    return columns if all(a < b for a, b in zip(columns, columns[1:])) else None


def place_on_header(line: str, k: int, columns: list[float]) -> list[int] | None:
    """The column of each of the last ``k`` tokens of ``line`` (two at least), by where they stand in the
    character grid of the page whose header placed ``columns``: each within a character of one column, left
    to right (columns.on_columns); else None."""
    return on_columns(line.lstrip(PAGE_FEED), k, columns) if k >= 2 else None
