"""Where a 表三 row's cells end: the start of another row, even one whose label was not recognised.

The reader takes a row's cells after its label; these tests say where they stop: a line that opens
another row (an item number), the text after a row's seventh cell that starts a sub-row (``（六）1.申请``
of a label wrapped into pieces no pattern matched), a label item that runs on into another row's start
(a crawler's run), or two labels run together.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..evidence import CellKind
from ..form import FORM
from ..schema import TABLE3_ROW_PATHS
from .labels import TABLE3_LABELS, TABLE3_PATTERNS, match_row, row_begun, rows_named, strip_item_number
from .direction import label_words
from .layout import Item, label_key
from .onerowform import SUB_ROWS

__all__ = ["opens_other_row", "numbered", "another_item", "holds_sub_row", "GROUP_KEYS", "GROUP_TITLES", "group_title_head", "group_title_piece", "row_starts_after", "runs_into_next", "merged_labels",
           "padded_seven", "seven_then_apart", "rows_apart", "alike_rows", "next_rows_cells", "seven_then_a_stray"]


def opens_other_row(items: list[Item], line: int, label_idx: int) -> bool:
    """Whether ``line`` holds the start of another row (a word with an item number, "2．申请人", that is
    not this row's label): the numbers on it are that row's, even when its label was not recognised."""
    return any(it.line == line and it.is_text and j != label_idx and numbered(it.key)
               for j, it in enumerate(items))


#: a row's item number as the form prints it, punctuated (一、 （一） 1.): a bare 一 before words is a table
#: rule OCR read as 一 and joined on (``一处理行政机关…``, the second line of a wrapped label)
_ITEM_NUMBER = re.compile(r"^(?:[(\[]?[一二三四五六七八九十]+[)\]、.]|[(\[]?\d{1,2}[)\].、])")


def numbered(key: str) -> bool:
    """Whether a text item starts with an item number (another row's label, placed or not), also behind the first
    piece of a group's title wrapped in its narrow column beside it (``（三`` / ``4、保护第三``, run together as
    ``（三4、保护第三``)."""
    key = _GROUP_PIECE.sub("", key, count=1)
    return strip_item_number(key) != key and _ITEM_NUMBER.match(key) is not None


def another_item(piece: str, key: str) -> bool:
    """Whether a label piece on the line above a label (``key``) opens with an item number where the label opens with
    its own: another row's (``| 3. | 0 | … |``, 3.补正后… its words lost, over ``| 1.信访举报投诉类申请 | (empty) |``)."""
    return numbered(piece) and numbered(key)


#: a group title's first piece, its bracket not closed, run together with a sub-row's item number: ``(三4、``
_GROUP_PIECE = re.compile(r"^[(\[][一二三四五六七](?=\d{1,2}[、.．])")


#: 表三's group labels (三、本年度办理结果, （三）不予公开, …) as label keys: a group's label opens no row of its own
GROUP_KEYS = tuple(label_key(r.group) for r in FORM.table3_rows if r.group)
#: the titles of its groups of sub-rows (（三）不予公开 …)
GROUP_TITLES = tuple(key for key in GROUP_KEYS if key.startswith("("))
#: the titles of the groups whose sub-rows a report may print as one row (（六）其他处理)
_ONE_ROW_GROUPS = frozenset(label_key(r.group) for r in FORM.table3_rows if r.group and r.key in SUB_ROWS)
#: the item numbers the form's rows print (（一）予以公开, （二）部分公开, （七）总计)
_ROW_NUMBERS = frozenset(key[:key.index(")") + 1] for key in (label_key(r.label) for r in FORM.table3_rows)
                         if key.startswith("("))
#: a group title's item number alone (``(五)``): (三), (四), (五). No row of the form has that number, and the group is
#: never printed as one row (（六）其他处理 may be, FORM.md: its number alone may be that row's)
_BARE_GROUP_NUMBERS = frozenset(number for title in GROUP_TITLES if (number := title[:title.index(")") + 1])
                                not in _ROW_NUMBERS and title not in _ONE_ROW_GROUPS)


def group_title_piece(key: str) -> bool:
    """Whether a text item is a group's title or its first piece, wrapped in its narrow column (``（三）不`` /
    ``予公开``), alone or run together with a piece of the label beside it (``（三）不予益``): a numbered text,
    but no row's label; the cells after it are the row beside it."""
    if len(key) >= 4 and any(title.startswith(key) for title in GROUP_TITLES):
        return True
    if key in _BARE_GROUP_NUMBERS:
        return True                     # (（五） alone in a converter's first field: its words on the lines around)
    cut = group_title_head(key)         # ``（三）不予`` / ``益``: run together with the last piece of the label
    return cut > 0 and strip_item_number(key[cut:]) == key[cut:]     # beside it (no other row's number)


@lru_cache(maxsize=4096)
def group_title_head(key: str) -> int:
    """The length of a group title's first piece (four characters at least) that ``key`` opens with, when more
    follows it (``(五)不予物``: the title printed down its column beside the end of a sub-row's wrapped label,
    物 of 3.要求提供公开出版物); 0 otherwise."""
    best = 0
    for title in GROUP_TITLES:
        n = 0
        while n < min(len(key), len(title)) and key[n] == title[n]:
            n += 1
        best = max(best, n)
    return best if 4 <= best < len(key) else 0


def row_starts_after(items: list[Item], last: Item, end: int, row: str) -> bool:
    """Whether the text right after the value item ``last`` (before the next value, within ``end``)
    opens another row: a sub-row's item number (``1. 申请`` of a label wrapped into pieces no pattern
    matched, ``人无正`` / ``当理由`` …). The values after it are that row's, not the row before; but
    ``row``'s own label printed again (the row repeated after a page break) opens no other row."""
    j = items.index(last) + 1
    while j < end and items[j].is_text:
        if _SUB_ROW_START.match(items[j].key):
            own = TABLE3_PATTERNS.get(row)
            return own is None or not match_row(items[j].key, own)
        j += 1
    return False


#: a sub-row's item number (1. / 2、); not a group's cell (三、本年度办理结果, （六）其他处理), which a layout may
#: print again beside every row of its group
_SUB_ROW_START = re.compile(r"^(?:[(（][一二三四五六七][)）])?\d{1,2}[.．、]")      # (（六）1.申请: the group's cell beside it)


#: another row's start inside a label's key, after the label: 3.其他, （四）无法提供 (an item number, then words)
_NEXT_ROW_START = re.compile(r"(?:^|[^\d.])\d{1,2}[.、]\s*[\u4e00-\u9fff]|[(（][一二三四五六七][)）]\s*[\u4e00-\u9fff]")


#: a sub-row's item number inside a text, after its words: ``(五)不予物处理4.无正当理由大量反`` → ``4.``
_INNER_SUB_ROW = re.compile(r"(?<=[\u4e00-\u9fff)）])\d{1,2}[.、．](?=[\u4e00-\u9fff])")


def holds_sub_row(key: str) -> bool:
    """Whether a text item holds a sub-row's label after other words: a group's title wrapped beside a blank row's
    last piece, then the next row's label, run together (``(五)不予`` / ``物`` / ``处理 4.无正当理由大量反``). The
    numbers after it are that sub-row's, not the row before it."""
    m = _INNER_SUB_ROW.search(key)
    return m is not None and (bool(rows_named(key[m.start():])) or row_begun(key[m.start():]) is not None)


def runs_into_next(items: list[Item], labels: dict[str, int]) -> list[str]:
    """Rows whose label item runs on into another row's start (``…政府信息公开申请000000O3.其他``: a crawler's
    run the unfolding could not cut): the cells after the item are that other row's, or nobody's."""
    return list(_running_on(tuple([(row, items[idx].key) for row, idx in labels.items()])))


@lru_cache(maxsize=1024)
def _running_on(keys: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    """:func:`runs_into_next` on the found rows' label keys, in the form's order: a pure function of them (the same
    form prints the same labels in report after report), worked out once per distinct set."""
    found = dict(keys)
    return tuple(row for row, pattern in TABLE3_LABELS
                 if row in found and row in TABLE3_ROW_PATHS and _runs_on(pattern, found[row]))


@lru_cache(maxsize=4096)
def _runs_on(pattern: re.Pattern[str], key: str) -> bool:
    """Whether a label's key runs on, after what ``pattern`` matches, into another row's start; once per pattern
    and key (a pure function of them, and the form's labels recur in every report)."""
    m = pattern.search(key)
    return bool(m) and _NEXT_ROW_START.search(key[m.end():]) is not None


def merged_labels(items: list[Item], labels: dict[str, int]) -> list[str]:
    """Rows whose label item also holds the label of a row that was not found (two labels run
    together: a blank row's label, then the next row's, in a crawler's dump). No printed label
    of the form matches another row's pattern, so this only happens when labels ran together."""
    lost = [(other, pattern) for other, pattern in TABLE3_LABELS if other not in labels]
    if not lost:
        return []
    return [row for row, idx in labels.items() if row in TABLE3_ROW_PATHS
            and any(other != row and match_row(items[idx].key, pattern) for other, pattern in lost)]


def padded_seven(span: list[Item]) -> bool:
    """Whether a row read a cell to a line is seven printed cells (numbers or placeholders), then only empty ones: the
    padding a converter gives each row of a grid up to its widest (markdownify flattening a page's nested tables).
    The seven printed are the row's: any other seven would leave one of them out."""
    return len(span) > 7 and all(it.cell.is_number or it.cell.kind is CellKind.PLACEHOLDER for it in span[:7]) \
        and all(it.cell.kind is CellKind.BLANK for it in span[7:])


def seven_then_apart(between: list[Item], span: list[Item]) -> bool:
    """Whether the row's first seven tokens, a placeholder among them, stand apart from what follows: all
    on one line with the rest on later lines, or a cell to a line with a piece of text between the seventh
    and the eighth.
    ``1 0 0 0 / 0 1`` and a page's number ``2`` under it are the row and something else, never the seven
    numbers ``1 0 0 0 0 1 2``; so are ``0 1 - 0 0 0 1`` a cell to a line, then a group's title, then a ``2``."""
    if len(span) <= 7 or all(it.cell.is_number for it in span[:7]) \
            or not all(it.cell.is_number or it.cell.kind is CellKind.PLACEHOLDER for it in span[:7]):
        return False                    # (a blank placed by the columns is no printed cell: a guess)
    lines = {it.line for it in span[:7]}
    if len(lines) == 1 and span[7].line > span[6].line:
        # (not where seven more cells stand on one line beside this row's label's last words: a row above with no
        # numbers of its own printed them under this label's first line, and these seven may be this row's)
        later = {it.line for it in span[7:]}
        return not (len(span) == 14 and len(later) == 1
                    and any(it.is_text and it.line in later and (label_words(it.key) or _after_title_piece(it.key))
                            for it in between))
    if len(lines) != 7:
        return False                    # (cells of one row, several to a line, over lines: positions decide)
    seventh, eighth = span[6], span[7]
    inside = False
    for it in between:
        if it is eighth:
            return False
        if inside and it.is_text:
            return not label_words(it.key)      # (a label's words: the cells after may be that label's row's)
        inside = inside or it is seventh
    return False


def rows_apart(items: list[Item], idx: int, nxt: int, span: list[Item]) -> bool:
    """Whether the cells after the row's seventh are another row's of a table read a cell to a line: text
    stands between, no label's words (a group's title row with its own empty cells, 三、本年度办理结果), or a row break (a line
    left out) before cells all empty (a Word table's spacer row under its last row)."""
    if span[7].line - span[6].line > 1 and all(it.cell.kind is CellKind.BLANK for it in span[7:]):
        return True
    at = {id(it): j for j, it in enumerate(items[idx:nxt], start=idx)}
    a, b = at.get(id(span[6])), at.get(id(span[7]))
    if a is None or b is None:
        return False
    between = [items[j] for j in range(a + 1, b) if items[j].is_text]
    # (a label's words between them, 不再处理其政府信息公开申请 out of a label run into another: the cells after
    # it may be that label's row's, and the first seven another's; so with a group title's piece printed before
    # them on the line, 处理 / 理其政府信息公开申请 read as 处理理其政府信息公开申请)
    return bool(between) and not any(label_words(it.key) or _after_title_piece(it.key) for it in between)


#: the groups' titles beside 表三's rows (不予公开 … 其他处理, 本年度办理结果), item numbers aside
_TITLES = tuple({strip_item_number(label_key(r.group)) for r in FORM.table3_rows if r.group})


def _after_title_piece(key: str) -> bool:
    """Whether a text is a label's words behind a piece of a group's title (1-4 characters: its narrow column's
    line run into the label's on the same line of fixed-width text)."""
    return any(any(key[:k] in title for title in _TITLES) and label_words(key[k:]) for k in range(1, 5))


def alike_rows(span: list[Item]) -> bool:
    """Whether ``span`` is rows of seven cells all alike (``/`` × 14): whichever is a row's, its cells are these."""
    first = [(it.cell.kind, it.cell.value) for it in span[:7]]
    return len(span) % 7 == 0 and all([(it.cell.kind, it.cell.value) for it in span[k:k + 7]] == first
                                      for k in range(7, len(span), 7))


def next_rows_cells(items: list[Item], nxt: int, span: list[Item]) -> list[Item] | None:
    """The row's seven cells where ``span`` ends, past the row's end (an empty line), in a number alone before the
    next row's label, nothing but that row's empty cells or group title between (that row's 序号, not this row's),
    after empty cells (an empty 备注) and seven cells on consecutive lines (a web page's or Word file's row, a cell
    to a line), with nothing but empty cells (a spacer column) before them; else None."""
    k = next((j for j in range(len(span) - 1, -1, -1) if span[j].cell.kind is not CellKind.BLANK), None)
    if k is None or k < 7 or nxt >= len(items) or not span[k].cell.is_number:
        return None
    last = span[k]
    at = next((j for j in range(nxt - 1, -1, -1) if items[j] is last), None)
    if at is None or last.line <= span[k - 1].line + 1 or items[nxt].line - last.line != nxt - at \
            or any(it.is_value and it.cell.kind is not CellKind.BLANK for it in items[at + 1:nxt]):
        return None                     # (the number, then the next row's empty cells or group title, its label)
    end = k
    while end > 7 and span[end - 1].cell.kind is CellKind.BLANK:
        end -= 1                        # the row's empty remark
    cells = span[end - 7:end]
    if cells[-1].line - cells[0].line != 6 or not all(it.cell.kind is CellKind.BLANK for it in span[:end - 7]):
        return None
    return cells


def seven_then_a_stray(between: list[Item], span: list[Item], next_span: list[Item] | None) -> bool:
    """Whether a row of eight numbers a line each is its seven cells and a number nobody's: the first seven
    keep the row's total (the last seven do not), the eighth is the last thing before the next row's label,
    and that row reads seven numbers of its own. PyMuPDF prints a document's pages one after another, a
    page's bare number (``1``) among a table's cells where the page ends."""
    if len(span) != 8 or not between or between[-1] is not span[7] or len({it.line for it in span}) != 8 \
            or not all(it.cell.is_number and isinstance(it.cell.value, int) for it in span):
        return False
    v = [int(it.cell.value or 0) for it in span]
    if v[6] != sum(v[:6]) or v[7] == sum(v[1:7]):
        return False
    return next_span is not None and len(next_span) == 7 and all(it.cell.is_number for it in next_span)
