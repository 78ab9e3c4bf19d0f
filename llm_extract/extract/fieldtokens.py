"""One field's text as tokens: numbers (cells) and label pieces, and the key a label is matched by.

A field of a table line (a tab field, a grid cell, or a whole space-separated line) may hold a label and its row's
numbers run together (``1.属于国家秘密 0 0 0``, ``一、本年新收…数量1``, ``3.其他///////``), a number's note apart from
it (``16   （其中修改15件）``), marks run together (``无无``), or OCR's spacing inside a label (``4. 无 正当理由…``):
:func:`field_tokens` splits and joins them into (raw, cell, label key) tokens, a pure function of the text (cached:
labels and numbers repeat within and across reports). :func:`label_key` is the form a label is matched by;
:func:`is_prose` tells a sentence counting things from a table row. :mod:`.layout` makes items of these tokens.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..form import FORM
from ..ocrglyphs import OCR_HANZI
from .cells import COUNT_UNITS, PICTOGRAPHS, Cell, joined_pieces, normalise, parse_table_slot, unspaced_notes
from .gluedmarks import marks_run_together

__all__ = ["field_tokens", "table_cell", "label_key", "is_prose", "units_joined", "ENDS_DIGIT", "RULES_ALONE", "COUNT_UNIT_WORDS"]

#: pictographs a reposted article opens its lines with (📢一、…, ⬇️（七）总计): bullets, no label's words
_BULLETS = re.compile(f"^[{PICTOGRAPHS}]+")
_QUOTES = re.compile(r"[\"'“”‘’「」『』\s■□▪▫●◆◇•·~_^`¦丨|]")   # quotes, spaces, OCR specks
#: (数量：2885, 数量：3,315, 数量：148件, 出版物：/, 申请：空: a colon after the label, the row's first cell a number, with its
#: thousands' commas or its unit after a colon, or an empty cell's mark)
_GLUED_FIRST = re.compile(r"^(.*[\u4e00-\u9fff）)”])(?:[：:]?(\d+)|[：:](\d{1,3}(?:,\d{3})+件?|\d+件)"
                          r"|[：:]([/／\-—－–]|无|空|不适用))$")
_GLUED_DASHES = re.compile(r"^(.*[\u4e00-\u9fff）)”])([/／\-—－]+)$")
#: how many cells a row prints: 表二's stock rows, 表三's rows, 表四's one row
_ROW_WIDTHS = (max(len(r.columns) for r in FORM.table2), len(FORM.table3_columns),
               len(FORM.table4_group_keys) * len(FORM.table4_columns))
#: a note in brackets whose words a space parts (``21（其中修改 11 件）``): one cell, its spaces dropped
#: a count told in a sentence: a number, a space, its unit (``行政复议案件 2 件、``): prose, not a cell
#: a number's note printed apart from it (``16   （其中修改15件）``): a whole bracket that opens as notes do
_APART_NOTE = re.compile(r"^[(（](?:其中|含|包括)[^()（）]*[)）]$")
#: the end of a number's note wrapped onto a line of its own, its opening bracket on a line above (``2 件）``)
_NOTE_TAIL = re.compile(r"^(?:件|项|个|条|篇|次)?[）)]$")
_UNIT_AFTER = re.compile(r"^(?:件|项|个|条|篇|次|人次|元|万元|年)")
_SENTENCE_MARK = re.compile(r"[，。；]")
_ITEM_NO_ALONE = re.compile(r"^[0-9０-９]$")
_DOT_LABEL = re.compile(r"^[.、．][\u4e00-\u9fff]")
#: an item number and nothing else (``4.``, ``（四）``, ``(4)``)
_ITEM_ONLY = re.compile(r"^(?:[(\[（]?[一二三四五六七八九十]+[)\]）、]|[0-9０-９]{1,2}[.、．]|[(\[（][0-9０-９]{1,2}[)\]）])$")
#: a placeholder word that is also a label's first character (无正当理由…, 无法提供…)
_WORD_PLACEHOLDERS = frozenset({"无", "空"})
_CJK_START = re.compile(r"^[\u4e00-\u9fff]")
#: a field ending in digits (a glued row may end in placeholders: …2038/////)
ENDS_DIGIT = re.compile(r"\d[/／\-—－–无]*\s*$")
#: a table rule OCR read as the character 一, standing alone between spaces (``一 3.其他 一 4 一 0``): its own text
#: item, never joined onto a label (``一3.其他一`` is no row's label, and 一 before a label reads as its item number)
_RULE_ONE = "一"
#: marks that stand alone between cells and labels: 一, and the bar (a rule, or OCR's 1: ruleglyphs.bars_as_cells)
RULES_ALONE = frozenset({_RULE_ONE, "|"})
#: ``parse_table_slot``: every token of a layout line is where a number may belong
table_cell = lru_cache(maxsize=8192)(parse_table_slot)


@lru_cache(maxsize=8192)
def label_key(text: str) -> str:
    """The form of a label used for matching: NFKC, no spaces, no quotes, OCR's look-alikes of the form's
    characters read as those (行玫许可 → 行政许可)."""
    return _QUOTES.sub("", _BULLETS.sub("", normalise(text))).translate(OCR_HANZI)


#: one token of a cell's text: (raw, parsed cell, label key: "" for a value)
_Token = tuple[str, Cell, str]


@lru_cache(maxsize=8192)
def field_tokens(raw: str) -> tuple[_Token, ...]:
    """A text cell may carry numbers after spaces ("1.属于国家秘密 0 0 0"): split them off.

    A pure function of the text (labels and numbers repeat within and across reports): the
    items are made from it by :func:`.layout.tokenize`."""
    raw = joined_pieces(raw)            # 5, 187: one number a converter parted at its separator
    raw = unspaced_notes(raw)           # 22（其中 修订 16 件）: one note
    if "无" in raw and (marks := marks_run_together(raw)) is not None:
        return tuple((m, table_cell(m), "") for m in marks)      # 无无: two empty cells' marks run together
    cell = table_cell(raw)
    if cell.is_value:
        return ((raw, cell, ""),)
    out: list[list] = []                # [raw, cell, key]
    for tok in raw.split():
        if "无" in tok and len(tok) > 1 and (marks := marks_run_together(tok)) is not None:
            out += [[m, table_cell(m), ""] for m in marks]      # (a row's last cells' marks run together)
            continue
        tc = table_cell(tok)
        if out and out[-1][1].is_number and out[-1][1].note is None and _APART_NOTE.match(normalise(tok)):
            out[-1][0] += tok               # the number's note, a column gap between them
            out[-1][1] = table_cell(out[-1][0])
            continue
        if tc.is_value and tc.kind.value != "blank":
            out.append([tok, tc, ""])
        elif out and not out[-1][1].is_value and not ENDS_DIGIT.search(out[-1][0]) \
                and tok not in RULES_ALONE and out[-1][0] not in RULES_ALONE:   # (a glued row ends in digits)
            out[-1][0] += tok
            out[-1][2] = label_key(out[-1][0])
        else:
            out.append([tok, tc, label_key(tok)])
    if len(out) >= 2 and out[0][1].is_number and _NOTE_TAIL.match(out[1][0]):
        # a count's note wrapped in its cell, its end on this line (``5（其中修订`` / ``2 件）``): the note's count,
        # no cell of the table
        head = out[0][0] + out[1][0]
        out[0:2] = [[head, table_cell(head), label_key(head)]]
    for i in range(len(out) - 2, -1, -1):
        # OCR spacing parted a label's first character from it (4. 无 正当理由大量反复申请): no empty cell
        # stands between an item number and its label's words
        if out[i][0] in _WORD_PLACEHOLDERS and not out[i + 1][1].is_value and _CJK_START.match(out[i + 1][0]) \
                and (i == 0 or _ITEM_ONLY.match(normalise(out[i - 1][0]))):
            head = (out[i - 1][0] if i else "") + out[i][0] + out[i + 1][0]
            out[max(0, i - 1):i + 2] = [[head, table_cell(head), label_key(head)]]
    if len(out) >= 2 and out[0][1].is_value and _ITEM_NO_ALONE.match(out[0][0]) and not out[1][1].is_value \
            and _DOT_LABEL.match(out[1][0]):
        # an item number OCR parted from its dot (2 . 重复申请): the label's, not a cell
        out[0:2] = [[out[0][0] + out[1][0], table_cell(out[0][0] + out[1][0]), label_key(out[0][0] + out[1][0])]]
    if out and not out[-1][1].is_value:
        m = _GLUED_DASHES.match(out[-1][0])
        if m and len(m.group(2)) in _ROW_WIDTHS:    # 3.其他///////: seven placeholder cells ran together
            head = m.group(1)
            out[-1][0], out[-1][2] = head, label_key(head)
            out += [[ch, table_cell(ch), ""] for ch in m.group(2)]
    for i in range(len(out) - 1, 0, -1):
        # a label with its row's first number glued on, then the row's other numbers:
        # 一、本年新收…数量1 0 2 0 0 0 3 (a label with nothing after it keeps its digit run)
        if out[i][1].is_value and not out[i - 1][1].is_value and (i < 2 or not out[i - 2][1].is_value):
            m = _GLUED_FIRST.match(out[i - 1][0])
            if m:
                head, number = m.group(1), m.group(2) or m.group(3) or m.group(4)
                out[i - 1][0], out[i - 1][2] = head, label_key(head)
                out.insert(i, [number, table_cell(number), ""])
    if out and not out[-1][1].is_value and (m := _GLUED_FIRST.match(out[-1][0])) and m.group(3):
        # 行政处罚：12件, 行政许可：3,684: a one-cell row's count after the colon (its unit, its commas: no digit run)
        out[-1][0], out[-1][2] = m.group(1), label_key(m.group(1))
        out.append([m.group(3), table_cell(m.group(3)), ""])
    return tuple((t[0], t[1], t[2]) for t in out)


#: a count's unit printed a space after it (``0 件``): the cell's, as ``0件`` is
COUNT_UNIT_WORDS = frozenset(COUNT_UNITS)


def units_joined(toks: tuple[_Token, ...]) -> tuple[_Token, ...]:
    """``toks`` with each count's unit that stands a space after it (a row's line that is no sentence:
    :func:`is_prose`) joined onto it."""
    out: list[_Token] = []
    for tok in toks:
        if out and tok[0] in COUNT_UNIT_WORDS and out[-1][1].is_number and out[-1][1].note is None:
            raw = out[-1][0] + tok[0]
            out[-1] = (raw, table_cell(raw), "")
        else:
            out.append(tok)
    return tuple(out)


def is_prose(toks: tuple[_Token, ...]) -> bool:
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
