"""Layout: turn the lines of a table region (found by :mod:`.regions`) into items.

An *item* is one cell-like piece of text with its line number: a value (a
number, a blank cell, a placeholder) or a piece of text (a label). Three text
layouts reach us and all become the same item stream:

* one cell per line, each cell a line starting with a tab (Word/HTML exports);
  a tab-only line is a blank cell, a line without a tab continues the cell above
  (headers split one character per line: 结 / 果 / 维 / 持);
* tab-separated rows (one table row per line, PDF text);
* space-separated PDF text (numbers after the label on the same line).

Page furniture (第 2 页 共 5 页, lone page numbers in dashes) is dropped.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field

from .labels import TABLE2_LABELS, rows_named
from .lineends import mended_line_end
from .gluedmarks import marks_run_together
from .spanrepeat import label_copy, spread_repeats
from .cells import (COUNT_UNITS, PICTOGRAPHS, Cell, joined_pieces, normalise, number_piece, parse_cell, parse_table_slot,
                    unspaced_notes)
from .mdcells import md_cell
from .brlabels import labels_interleaved
from .piperows import closed_pipe_row
from .numerals import lone_numeral
from .pagenumbers import page_marks_blanked
from .printedblanks import nbsp_last_cell
from ..ingest.md_rule import MD_RULE as _MD_RULE
from ..ocrglyphs import OCR_HANZI
from .pagefurniture import header_fields_blanked, is_page_furniture

__all__ = ["Item", "Region", "tokenize", "label_key", "is_page_furniture", "has_words"]

#: pictographs a reposted article opens its lines with (📢一、…, ⬇️（七）总计): bullets, no label's words
_BULLETS = re.compile(f"^[{PICTOGRAPHS}]+")
_QUOTES = re.compile(r"[\"'“”‘’「」『』\s■□▪▫●◆◇•·~_^`¦丨|]")   # quotes, spaces, OCR specks
#: (数量：2885, 数量：3,315, 数量：148件, 出版物：/, 申请：空: a colon after the label, the row's first cell a number, with its
#: thousands' commas or its unit after a colon, or an empty cell's mark)
_GLUED_FIRST = re.compile(r"^(.*[\u4e00-\u9fff）)”])(?:[：:]?(\d+)|[：:](\d{1,3}(?:,\d{3})+件?|\d+件)"
                          r"|[：:]([/／\-—－–]|无|空|不适用))$")
_GLUED_DASHES = re.compile(r"^(.*[\u4e00-\u9fff）)”])([/／\-—－]+)$")
_ROW_WIDTHS = (3, 7, 15)          # 表二's stock rows, 表三's rows, 表四
_GAP = re.compile(r"(?<=\S)(?: {2,}|\u3000+)(?=\S)")
_ENDS_DIGIT = re.compile(r"\d[/／\-—－–无]*\s*$")        # (a glued row may end in placeholders: …2038/////)
# html2text's pipe row, without outer pipes: ``规章| 1| 0| 6``, ``规章| | 0`` (an empty cell); a pipe
# right after a field's text, then a space (OCR's rule glyphs stand between spaces: `` 0 | 0``)
_OUTERLESS = re.compile(r"^[^|\s](?:[^|]*\S)?\|(?: [^|]*)?(?:\|(?: [^|]*)?)*$")
#: the letters an OCR engine reads a vertical table rule as
_RULE_GLYPHS = frozenset({"l", "I"})
#: a table rule OCR read as the character 一, standing alone between spaces (``一 3.其他 一 4 一 0``): its own text
#: item, never joined onto a label (``一3.其他一`` is no row's label, and 一 before a label reads as its item number)
_RULE_ONE = "一"
#: a note in brackets whose words a space parts (``21（其中修改 11 件）``): one cell, its spaces dropped
#: a count told in a sentence: a number, a space, its unit (``行政复议案件 2 件、``): prose, not a cell
#: a number's note printed apart from it (``16   （其中修改15件）``): a whole bracket that opens as notes do
_APART_NOTE = re.compile(r"^[(（](?:其中|含|包括)[^()（）]*[)）]$")
#: the end of a number's note wrapped onto a line of its own, its opening bracket on a line above (``2 件）``)
_NOTE_TAIL = re.compile(r"^(?:件|项|个|条|篇|次)?[）)]$")
_UNIT_AFTER = re.compile(r"^(?:件|项|个|条|篇|次|人次|元|万元|年)")
_SENTENCE_MARK = re.compile(r"[，。；]")
#: marks that stand alone between cells and labels: 一, and the bar (a rule, or OCR's 1: ruleglyphs.bars_as_cells)
_RULES_ALONE = frozenset({_RULE_ONE, "|"})
_ITEM_NO_ALONE = re.compile(r"^[0-9０-９]$")
_DOT_LABEL = re.compile(r"^[.、．][\u4e00-\u9fff]")
_ITEM_START = re.compile(r"^\s*(?:[(\[]?[一二三四五六七八九十]+[)\]、]|\d{1,2}[.、]|[(\[]\d{1,2}[)\]])")
#: a word opening with an item number after another word (``年       1、属于国家秘密``, ``三 （一）予以公开``: a group
#: title's character printed down its column, then a row's label): the line opens a row, it continues no cell above.
#: After one space only a bracketed numeral or a sub-row's number before its words: a column gap before any other
_ITEM_AFTER_GAP = re.compile(r"\S(?:(?: {2,}|\u3000+)(?:[(\[（]?[一二三四五六七八九十]+[)\]）、]|\d{1,2}[.、．])"
                            r"|\s+(?:[(\[（][一二三四五六七八九十]+[)\]）]|\d{1,2}[、.．](?=[\u4e00-\u9fff])))")
#: an item number and nothing else (``4.``, ``（四）``, ``(4)``)
_ITEM_ONLY = re.compile(r"^(?:[(\[（]?[一二三四五六七八九十]+[)\]）、]|[0-9０-９]{1,2}[.、．]|[(\[（][0-9０-９]{1,2}[)\]）])$")
#: a placeholder word that is also a label's first character (无正当理由…, 无法提供…)
_WORD_PLACEHOLDERS = frozenset({"无", "空"})
_CJK_START = re.compile(r"^[\u4e00-\u9fff]")


#: ``parse_table_slot``: every token of a layout line is where a number may belong
_cell = lru_cache(maxsize=8192)(parse_table_slot)

#: a plain-text table's rule: runs of dashes (pandoc's simple and multiline tables), no empty cells
_TEXT_RULE = re.compile(r"^[-=+: ]+$")
#: the total row's label printed without its item number
_TOTAL_WORDS = frozenset({"总计", "合计", "总记"})


def _opens_table2_row(key: str) -> bool:
    """A line that is a 表二 row label (规章, 行政许可, …) starts a cell; it continues no header."""
    return any(pattern.match(key) for _, pattern, _ in TABLE2_LABELS)


_HANZI = re.compile(r"[\u4e00-\u9fff]")


def has_words(text: str) -> bool:
    """Whether ``text`` holds words (a Chinese character), not only numbers, placeholders or marks."""
    return _HANZI.search(text) is not None


@lru_cache(maxsize=8192)
def label_key(text: str) -> str:
    """The form of a label used for matching: NFKC, no spaces, no quotes, OCR's look-alikes of the form's
    characters read as those (行玫许可 → 行政许可)."""
    return _QUOTES.sub("", _BULLETS.sub("", normalise(text))).translate(OCR_HANZI)


class Item:
    """One cell-like piece of a table's text. Compared by identity (two items are never equal).

    ``is_value`` / ``is_text`` are read hundreds of times per table: they are set once, from
    ``cell``, which never changes (``raw`` and ``key`` may, when fragments are joined)."""

    __slots__ = ("raw", "line", "cell", "col", "key", "width", "grid", "is_value", "is_text", "placed")

    def __init__(self, raw: str, line: int, cell: Cell, col: int | None = None, key: str = "",
                 width: int | None = None, grid: bool = False, placed: bool = False) -> None:
        self.raw = raw
        self.line = line                # 1-based
        self.cell = cell                # parsed; kind TEXT for labels
        self.col = col                  # field index in a tab-separated row
        self.key = key                  # label_key(raw) for text items
        self.width = width              # number of fields of its tab-separated row
        self.grid = grid                # from a row delimited on both sides (markdown): an empty field is a blank cell
        self.is_value = cell.is_value   # stands where a number belongs (blank and placeholders included)
        self.is_text = not cell.is_value
        self.placed = placed            # a blank cell put where a short fixed-width row's numbers left a column
        #                                 empty, by their positions alone (blankcols.py)

    def __repr__(self) -> str:
        return f"Item({self.raw!r}, line={self.line}, col={self.col}, {self.cell.kind.value})"


@dataclass
class Region:
    """Lines ``start`` … ``end - 1`` (1-based) of one table."""

    name: str
    start: int
    end: int
    heading: str = ""
    items: list[Item] = field(default_factory=list)


#: one token of a cell's text: (raw, parsed cell, label key: "" for a value)
_Token = tuple[str, Cell, str]


@lru_cache(maxsize=8192)
def _tokens(raw: str) -> tuple[_Token, ...]:
    """A text cell may carry numbers after spaces ("1.属于国家秘密 0 0 0"): split them off.

    A pure function of the text (labels and numbers repeat within and across reports): the
    items are made from it by :func:`_split_tokens`."""
    raw = joined_pieces(raw)            # 5, 187: one number a converter parted at its separator
    raw = unspaced_notes(raw)           # 22（其中 修订 16 件）: one note
    if "无" in raw and (marks := marks_run_together(raw)) is not None:
        return tuple((m, _cell(m), "") for m in marks)      # 无无: two empty cells' marks run together
    cell = _cell(raw)
    if cell.is_value:
        return ((raw, cell, ""),)
    out: list[list] = []                # [raw, cell, key]
    for tok in raw.split():
        if "无" in tok and len(tok) > 1 and (marks := marks_run_together(tok)) is not None:
            out += [[m, _cell(m), ""] for m in marks]      # (a row's last cells' marks run together)
            continue
        tc = _cell(tok)
        if out and out[-1][1].is_number and out[-1][1].note is None and _APART_NOTE.match(normalise(tok)):
            out[-1][0] += tok               # the number's note, a column gap between them
            out[-1][1] = _cell(out[-1][0])
            continue
        if tc.is_value and tc.kind.value != "blank":
            out.append([tok, tc, ""])
        elif out and not out[-1][1].is_value and not _ENDS_DIGIT.search(out[-1][0]) \
                and tok not in _RULES_ALONE and out[-1][0] not in _RULES_ALONE:   # (a glued row ends in digits)
            out[-1][0] += tok
            out[-1][2] = label_key(out[-1][0])
        else:
            out.append([tok, tc, label_key(tok)])
    if len(out) >= 2 and out[0][1].is_number and _NOTE_TAIL.match(out[1][0]):
        # a count's note wrapped in its cell, its end on this line (``5（其中修订`` / ``2 件）``): the note's count,
        # no cell of the table
        head = out[0][0] + out[1][0]
        out[0:2] = [[head, _cell(head), label_key(head)]]
    for i in range(len(out) - 2, -1, -1):
        # OCR spacing parted a label's first character from it (4. 无 正当理由大量反复申请): no empty cell
        # stands between an item number and its label's words
        if out[i][0] in _WORD_PLACEHOLDERS and not out[i + 1][1].is_value and _CJK_START.match(out[i + 1][0]) \
                and (i == 0 or _ITEM_ONLY.match(normalise(out[i - 1][0]))):
            head = (out[i - 1][0] if i else "") + out[i][0] + out[i + 1][0]
            out[max(0, i - 1):i + 2] = [[head, _cell(head), label_key(head)]]
    if len(out) >= 2 and out[0][1].is_value and _ITEM_NO_ALONE.match(out[0][0]) and not out[1][1].is_value \
            and _DOT_LABEL.match(out[1][0]):
        # an item number OCR parted from its dot (2 . 重复申请): the label's, not a cell
        out[0:2] = [[out[0][0] + out[1][0], _cell(out[0][0] + out[1][0]), label_key(out[0][0] + out[1][0])]]
    if out and not out[-1][1].is_value:
        m = _GLUED_DASHES.match(out[-1][0])
        if m and len(m.group(2)) in _ROW_WIDTHS:    # 3.其他///////: seven placeholder cells ran together
            head = m.group(1)
            out[-1][0], out[-1][2] = head, label_key(head)
            out += [[ch, _cell(ch), ""] for ch in m.group(2)]
    for i in range(len(out) - 1, 0, -1):
        # a label with its row's first number glued on, then the row's other numbers:
        # 一、本年新收…数量1 0 2 0 0 0 3 (a label with nothing after it keeps its digit run)
        if out[i][1].is_value and not out[i - 1][1].is_value and (i < 2 or not out[i - 2][1].is_value):
            m = _GLUED_FIRST.match(out[i - 1][0])
            if m:
                head, number = m.group(1), m.group(2) or m.group(3) or m.group(4)
                out[i - 1][0], out[i - 1][2] = head, label_key(head)
                out.insert(i, [number, _cell(number), ""])
    if out and not out[-1][1].is_value and (m := _GLUED_FIRST.match(out[-1][0])) and m.group(3):
        # 行政处罚：12件, 行政许可：3,684: a one-cell row's count after the colon (its unit, its commas: no digit run)
        out[-1][0], out[-1][2] = m.group(1), label_key(m.group(1))
        out.append([m.group(3), _cell(m.group(3)), ""])
    return tuple((t[0], t[1], t[2]) for t in out)


#: one item of a line, all but its line number: (raw, cell, key, col, width, grid)
_Spec = tuple[str, Cell, str, "int | None", "int | None", bool]
#: what a line gives: its items, whether it may continue the text cell above (a line of
#: words only, see tokenize), and the text it would add to that cell
_Plan = tuple[tuple[_Spec, ...], bool, str]


#: a cell's number with its thousands grouped by spaces, as WPS and some Word styles print it (``3 118``, ``1 234 567``)
_SPACE_GROUPED = re.compile(r"^\s*[1-9]\d{0,2}(?: \d{3})+\s*$")


@lru_cache(maxsize=16384)
def _line_plan(line: str) -> _Plan | None:
    """What one line of a table region gives (``None``: nothing, e.g. page furniture).

    A pure function of the line's text: lines repeat (a cell-per-line export prints hundreds
    of ``\t0``; labels and headers are the form's), so each distinct line is read once."""
    text = line.strip()
    if not text and "\t" not in line:
        return None
    if is_page_furniture(line):
        return None                     # page furniture
    if "页" in line:                    # (行政事业性收费 第 5 页: a page's mark inside the line, no cell)
        line = page_marks_blanked(line)
        text = line.strip()
    if "-----" in text and _TEXT_RULE.match(text):
        return None                     # a plain-text table's rule (pandoc: ------ ------), no cells
    if text[:3] == "---" and "\t" not in line and not text.strip("-"):
        return None                     # a markdown rule, or a piece of a wide plain-text rule (pandoc wraps it)
    grid = False
    if "|" in text and text[:1] != "|" and _OUTERLESS.match(text):
        text = f"|{text}|"              # html2text: a grid row without its outer pipes
    elif "|" in text and (closed := closed_pipe_row(text)) is not None:
        text = closed                   # OCR or a trimmed line: a pipe row that lost an outer pipe
    if text[:1] == "|" and text[-1:] == "|" and len(text) > 1:
        if _MD_RULE.match(line):        # markdown: the rule under the header row
            return None
        line = "\t".join(md_cell(f) for f in labels_interleaved(header_fields_blanked(text[1:-1].split("|"))))
        grid = "\t" in line
    if "\t" in line:
        if line[0] == "\t" and line.count("\t") == 1:     # one cell per line
            f = line[1:]
            if not f.strip():           # a tab-only line is a blank cell
                return ((f, parse_cell(f), "", None, None, False),), False, ""
            if _SPACE_GROUPED.match(f):  # one cell, its digits grouped by spaces (WPS: 3 118): one number
                return ((f, parse_cell(f.replace(" ", "")), "", None, None, grid),), False, ""
            return tuple((r, c, k, None, None, grid) for r, c, k in _tokens(f)), False, ""
        if not grid and line[0] != "\t" and ("  " in line or "\u3000" in line):
            line = _GAP.sub("\t", line)   # PDF text mixes tabs and runs of spaces between columns
        fields = line.split("\t")
        width = len(fields)
        specs: list[_Spec] = []
        previous = ""
        spread = spread_repeats(fields) if grid else {}
        for col, f in enumerate(fields):
            if not f.strip():          # empty tab-row fields are layout; a last one of &nbsp; (innerText) a blank cell
                specs += [(f, parse_cell(f), "", col, width, grid)] if col == width - 1 > 0 and not grid and nbsp_last_cell(fields) else []
                continue
            if col in spread:          # a span misdetected: its cells' numbers, one to a column
                specs += [(r, c, k, col, width, grid) for r, c, k in _tokens(spread[col])]
                previous = f
                continue
            if grid and f == previous and not _cell(f).is_value and not all(_cell(t).is_value for t in f.split()):
                continue               # a converter repeats a spanning cell in every column it spans (not a
                #                        field of numbers: | 0 0 | 0 0 |, two fields each merging two columns)
            if not grid and label_copy(fields, col):
                continue               # a Word table's merged label cell, its text in every column it spans
                #                        (python-docx's row.cells): the last copy is the label, beside the cells
            previous = f
            specs += [(r, c, k, col, width, grid) for r, c, k in _tokens(f)]
        return tuple(specs), False, ""
    # a line without tabs: continuation of a text cell, or space-separated text
    line = mended_line_end(line)        # 规章：3、1、14, ３７３ , ９７４, ２４２５２ . ３１ (lineends.py)
    toks = _tokens(line)
    if _is_prose(toks):
        return None                     # a sentence's counts (…案件 2 件、…) are no table's cells
    if not _COUNT_UNITS.isdisjoint(r for r, _, _ in toks):
        toks = _units_joined(toks)      # 规章 0 件 0 件 0 件 (pdftotext -raw): each unit its count's
    if len(toks) > 1 and toks[0][1].is_value and toks[0][0] in _RULE_GLYPHS and not toks[1][1].is_value:
        toks = toks[1:]                 # OCR's table rule before a label (`` l 第二十条…``): no cell stands there
    # (a glued row ends in its digit run: it continues nothing and nothing continues it)
    # (nor does a line that opens with an item number: it starts a label of its own)
    joinable = bool(toks) and all(not c.is_value for _, c, _ in toks) \
        and line[:1] not in (" ", "　") and not _ITEM_START.match(normalise(line)) \
        and not _ENDS_DIGIT.search(line) and not _opens_table2_row(toks[0][2]) and not number_piece(line) \
        and not _ITEM_AFTER_GAP.search(line)
    return tuple((r, c, k, None, None, False) for r, c, k in toks), joinable, "".join(r for r, _, _ in toks)


#: a count's unit printed a space after it (``0 件``): the cell's, as ``0件`` is
_COUNT_UNITS = frozenset(COUNT_UNITS)


def _units_joined(toks: tuple[_Token, ...]) -> tuple[_Token, ...]:
    """``toks`` with each count's unit that stands a space after it (a row's line that is no sentence:
    :func:`_is_prose`) joined onto it."""
    out: list[_Token] = []
    for tok in toks:
        if out and tok[0] in _COUNT_UNITS and out[-1][1].is_number and out[-1][1].note is None:
            raw = out[-1][0] + tok[0]
            out[-1] = (raw, _cell(raw), "")
        else:
            out.append(tok)
    return tuple(out)


def _is_prose(toks: tuple[_Token, ...]) -> bool:
    """A sentence, not a table row: outside any bracket, a number followed by its unit word (``案件 2 件、``),
    and a sentence's comma or full stop. A table row puts numbers after its label, never a unit after them;
    a note in brackets (``（其中修订 16 件，废止 2 件）``) is its number's, not a sentence."""
    depth = 0
    counted = False
    for k, (raw, cell, _) in enumerate(toks):
        if cell.is_value and depth == 0 and k + 1 < len(toks) and not toks[k + 1][1].is_value \
                and _UNIT_AFTER.match(toks[k + 1][0]) and not _closes(toks[k + 1:]):
            counted = True
        depth = max(0, depth + raw.count("（") + raw.count("(") - raw.count("）") - raw.count(")"))
    return counted and any(_SENTENCE_MARK.search(raw) for raw, _, _ in toks)


def _closes(toks: tuple[_Token, ...]) -> bool:
    """Whether a bracket opened before these tokens (on a line above) closes among them."""
    depth = 0
    for raw, _, _ in toks:
        for ch in raw:
            if ch in "（(":
                depth += 1
            elif ch in "）)":
                if depth == 0:
                    return True
                depth -= 1
    return False


def _total_after_row(label: str, joined: str) -> bool:
    """A 总计 / 合计 line after a whole row's label (``3．其他`` / ``合计``: the other row printed no cell, the total
    row follows; ``．其他`` where a converter put the item number on a line of its own): the total row's label, not
    the end of the other's."""
    if label_key(joined) not in _TOTAL_WORDS:
        return False                    # (most lines: the cheap test first)
    text = normalise(label).strip()
    if _ITEM_START.match(text):
        return bool(rows_named(label_key(text)))
    return text[:1] in ".、" and bool(rows_named(label_key(text[1:])))


def _as_numeral(spec: _Spec) -> _Spec:
    raw, cell, key, col, width, grid = spec
    numeral = lone_numeral(raw) if not cell.is_value else None
    return spec if numeral is None else (raw, numeral, "", col, width, grid)


def tokenize(lines: list[str], start: int, end: int, numerals: bool = False) -> list[Item]:
    """The item stream of lines ``start`` … ``end - 1`` (1-based); ``numerals``: the document writes its tables'
    counts in Chinese numerals (:func:`~llm_extract.extract.numerals.writes_numerals`)."""
    items: list[Item] = []
    append = items.append
    for n in range(start, end):
        plan = _line_plan(lines[n - 1])
        if plan is None:
            continue
        specs, joinable, joined = plan
        if numerals:                    # a table in Chinese numerals: a lone 三 is its count (numerals.py)
            specs = tuple(_as_numeral(spec) for spec in specs)
            joinable = joinable and not any(spec[1].is_value for spec in specs)
        if joinable and items:
            last = items[-1]
            # a line of words continues the text cell above (headers split one character per
            # line: 结 / 果 / 维 / 持), but not a field of a tab-separated row, nor a glued row
            if last.is_text and last.col is None and not _ENDS_DIGIT.search(last.raw) and last.raw not in _RULES_ALONE \
                    and not _total_after_row(last.raw, joined):
                last.raw += joined
                last.key = label_key(last.raw)
                continue
        for raw, cell, key, col, width, grid in specs:
            append(Item(raw, n, cell, col, key, width, grid))
    return items
