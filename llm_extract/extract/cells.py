"""Cell semantics: the raw text of one table cell → its kind and value.

    ""            blank        → None
    "/" "—" "无"  placeholder  → None
    "0" "0.00"    zero         → 0
    "１２" "1,234" number       → 12, 1234
    "3件" "〇"    number, zero → 3 (note "件"), 0
    "共35件"      number       → 35 (note "共…件": a count's cell may say "in all 35")
    "22（其中修订16件）" annotated → 22, note "其中修订16件"
    "1O" "l2"     ocr          → 10, 12 (O→0, l/I→1, S→5, B→8 inside a digit run)
    "4O4.28"      ocr          → 404.28 (the same inside a decimal anchored by a digit: a fee)
    "l,492"       ocr          → 1492 (and inside a number with thousands separators)
    "l 75"        text         → not a value: a letter and digits apart are two tokens (an OCR'd
                                 table rule before 75, or 1 and 75), never one number
    "1 0"         text         → not a value: a number split in two, or two cells merged;
                                 which one only the identities can tell (verify/split.py)
    "-   -   -"   text         → not a value: several empty cells, each a placeholder of its own
    anything else text         → not a value
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from decimal import Decimal, InvalidOperation

from ..evidence import CellKind
from ..ocrglyphs import OCR_ANCHORED, OCR_HANZI_DIGITS, OCR_LETTERS, OCR_MAP, OCR_SLOT_GLYPHS

__all__ = ["Cell", "COUNT_UNITS", "parse_cell", "parse_slot", "parse_table_slot", "nfkc", "normalise", "unspaced_notes", "PLACEHOLDERS", "letters_as_digits", "ocr_digits", "OCR_LETTERS",
           "number_piece", "joined_number", "joined_pieces", "chinese_number", "CN_NOTE", "EMPTY_KINDS",
           "PICTOGRAPHS"]

#: the pictographs a reposted article opens its lines with (📢一、…, ⬇️（七）总计, ✅): the body of a regex character
#: class; bullets, no label's or heading's words
PICTOGRAPHS = "\U0001F000-\U0001FAFF\u2190-\u21FF\u2300-\u23FF\u25A0-\u27BF\u2B00-\u2BFF\uFE0F\u200D"

#: a cell printed empty: nothing in it, or a placeholder (—, /, 空)
EMPTY_KINDS = frozenset({CellKind.BLANK, CellKind.PLACEHOLDER})

PLACEHOLDERS = frozenset({"/", "-", "—", "——", "–", "－", "─", "无", "不适用", "空", "\\", "/ ", "—/—", "--"})

_INT = re.compile(r"^\d+$")
_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_DECIMAL = re.compile(r"^\d+\.\d+$")
_NUMBER = r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
#: the units a count is printed with (``3件``, ``12人次``); a fee's (万元, 元) besides
COUNT_UNITS = ("件", "个", "条", "项", "次", "人次", "起", "宗")
_UNITS = "(?:" + "|".join((*COUNT_UNITS, "万元", "元")) + ")"
_WITH_UNIT = re.compile(rf"^(共)?{_NUMBER}({_UNITS})$")
_ANNOTATED = re.compile(rf"^{_NUMBER}{_UNITS}?[(\[](.+?)[)\]]$")
#: an annotated number whose note a line break cut (``18（其中新制定`` / ``6件）`` on the next line): the number,
#: its note left open
_OPEN_NOTE = re.compile(rf"^{_NUMBER}{_UNITS}?[(\[]((?:其中|含|包括)[^)\]]*)$")
_SPLIT_DIGITS = re.compile(r"\d\s+\d")
#: the strokes printed in an empty cell: slashes, dashes and rules, with the look-alikes a font's ToUnicode
#: map or a browser's PDF gives for them (∕ division slash, ⁄ fraction slash, ╱, − minus, ― bar, ‐ hyphen)
_STROKES = "/-—–－─\\∕⁄╱⧸−―‐‑‒━"
_PLACEHOLDER_TOKEN = rf"(?:[{re.escape(_STROKES)}]+|无|不适用)"
_STROKE_SET = frozenset(_STROKES)
#: an empty cell's mark with the count's unit a page prints in every cell (``无 件``: ``<p>无</p><p>件</p>``)
_PLACEHOLDER_UNIT = re.compile(rf"^{_PLACEHOLDER_TOKEN}({_UNITS})$")
_SPACED_PLACEHOLDERS = re.compile(rf"^{_PLACEHOLDER_TOKEN}(?:\s+{_PLACEHOLDER_TOKEN})+$")
_OCR = re.compile(rf"^(?=.*\d)[\d{OCR_ANCHORED}]{{1,7}}$")
_OCR_DECIMAL = re.compile(rf"^(?=.*\d)[\d{OCR_ANCHORED}]{{1,9}}\.[\d{OCR_ANCHORED}]{{1,8}}$")
_OCR_THOUSANDS = re.compile(rf"^(?=.*\d)[\d{OCR_ANCHORED}]{{1,3}}(?:,[\d{OCR_ANCHORED}]{{3}})+$")
_OCR_MAP = OCR_MAP


def ocr_digits(text: str) -> str:
    """``text`` with every OCR-confusable letter read as the digit it stands for (``0O0l`` → ``0001``)."""
    return text.translate(_OCR_MAP)


#: the full-width forms of ASCII (，：（ １) and the ideographic space, each to the one ASCII character that is its NFKC
#: form: the characters a Chinese text holds that NFKC changes, nearly all of them
_FULL_WIDTH = {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in (*range(0xFF01, 0xFF5F), 0x3000)}
assert all(len(a) == 1 and a.isascii() for a in _FULL_WIDTH.values())
_FULL_WIDTH_CHAR = re.compile("[\uff01-\uff5e\u3000]")


def _half_width(m: re.Match[str]) -> str:
    return _FULL_WIDTH[m.group()]


def nfkc(text: str) -> str:
    """``unicodedata.normalize("NFKC", text)``, quicker on Chinese text. CPython's NFKC spends some 170 ns on every
    character of a string it changes, and nearly every line changes (its ，or ：); but a full-width form's compatibility
    decomposition is its one ASCII character, so NFKC of the text with those replaced first is NFKC of the text,
    and where that text is already in NFKC (told at a glance: no character could change) it is the answer."""
    if unicodedata.is_normalized("NFKC", text):
        return text
    half = _FULL_WIDTH_CHAR.sub(_half_width, text)
    return half if unicodedata.is_normalized("NFKC", half) else unicodedata.normalize("NFKC", text)


def normalise(text: str) -> str:
    """NFKC (full-width → half-width) and strip; the form used for matching."""
    return nfkc(text).strip()


class Cell:
    """A parsed cell. ``value`` is an ``int`` (or ``Decimal`` for decimals) or ``None``."""

    __slots__ = ("raw", "kind", "value", "note", "is_value", "is_number", "plain")

    def __init__(self, raw: str, kind: CellKind, value: int | Decimal | None = None, note: str | None = None):
        self.raw, self.kind, self.value, self.note = raw, kind, value, note
        #: the value as a reading gives it: a whole decimal ("3.00") as an int
        self.plain = int(value) if isinstance(value, Decimal) and value == value.to_integral_value() else value
        #: stands where a number belongs (blank and placeholders included)
        self.is_value = kind is not CellKind.TEXT    # a MISSING cell: a number's place, value unreadable
        self.is_number = kind in (CellKind.NUMBER, CellKind.ZERO, CellKind.ANNOTATED, CellKind.OCR)

    def __repr__(self) -> str:
        return f"Cell({self.raw!r}, {self.kind.value}, {self.value!r})"


def _as_value(text: str) -> int | Decimal:
    return Decimal(text) if "." in text else int(text)


#: a footnote's mark beside a number (``159¹``, ``0③``, ``※3835``, ``5*``, ``12注``): read as printed, NFKC would make
#: the superscript or circled digit one more digit of the number (159¹ → 1591)
_MARKS = "\u00b9\u00b2\u00b3\u2070-\u2079\u2460-\u24ff\u2776-\u2793\u3251-\u325f\u32b1-\u32bf※*＊△▲☆★#＃†‡"
_MARK_CLASS = re.compile(f"[{_MARKS}]")
#: a mark between a number's digits (``10¹,164``): the count's digits around it are not known for sure
_INNER_MARK = re.compile(rf"\d{_MARK_CLASS.pattern}+[,，.．]?\d")
_MARKED = re.compile(rf"^\s*({_MARK_CLASS.pattern}*)\s*([0-9０-９][0-9０-９,，.．]*)\s*({_MARK_CLASS.pattern}+|注\d*)?\s*$")
#: a count in Chinese numerals (零, 十二, 四十六; one character other than 零 may be a header's piece: not read)
_CN_NUMBER = re.compile(r"^(?:零|[零一二两三四五六七八九十百千]{2,8})$")
#: the note of a cell read from Chinese numerals
CN_NOTE = "Chinese numerals"
_CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def chinese_number(text: str) -> int | None:
    """The value of a count in Chinese numerals (四十六 → 46, 一百零二 → 102), or None when it is not one."""
    if text == "零":
        return 0
    total, digit, after_digit = 0, None, False
    for k, ch in enumerate(text):
        if ch == "零" and (k == 0 or text[k - 1] not in "百千"):
            return None                 # 零 holds a place after 百 or 千 only (一百零二); 零零 is no numeral
        if ch in _CN_DIGITS:
            if after_digit:
                return None             # two digits running (四六, 二零): no numeral
            digit, after_digit = _CN_DIGITS[ch] or None, ch != "零"      # (一百零二: 零 holds a place)
        else:
            total += (digit if digit is not None else 1) * _CN_UNITS[ch]
            digit, after_digit = None, False
    return total + (digit or 0)


def _marked(raw: str) -> Cell | None:
    """A number with a footnote's mark before or after it, read as the number, the mark its note."""
    m = _MARKED.match(raw)
    if m is None or not (m.group(1) or m.group(3)):
        return None
    number = parse_cell(m.group(2))
    if not number.is_number:
        return None
    return Cell(raw, CellKind.ANNOTATED, number.value, f"mark {(m.group(1) or '') + (m.group(3) or '')}")


#: a piece of a number a converter cut at its thousands separator (``5,``, ``,178``, ``2,2``): no number alone
_PIECE = re.compile(r"^(?:[,，]\d{1,3}(?:[,，]\d{3})*|\d{1,3}(?:[,，]\d{3})*[,，]\d{0,2})$")
_SEPARATED = re.compile(r"^\d{1,3}(?:[,，]\d{3})+$")
_SPACED_PIECES = re.compile(r"(?<![\d,，.])(\d[\d,，]*|[,，]\d[\d,，]*) +([,，]?\d[\d,，]*)(?![\d,，.])")


def number_piece(text: str) -> bool:
    """A piece of a number cut at its thousands separator (``5,``, ``,178``, ``2,2``), no number by itself."""
    return bool(_PIECE.match(text.strip()))


#: a bracket whose words a space or two parts (a wider gap parts columns)
_SPACED_NOTE = re.compile(r"[(（][^()（）]*?\S\s{1,2}\S[^()（）]*[)）]")


def unspaced_notes(text: str) -> str:
    """``text`` with the spaces inside each bracket taken out where none is a column's gap (``11(其 中修订2件)`` →
    ``11(其中修订2件)``: a converter's or OCR's spacing inside a cell's note)."""
    if "(" not in text and "（" not in text:
        return text
    return _SPACED_NOTE.sub(lambda m: m.group() if re.search(r"\s{3}", m.group()) else "".join(m.group().split()), text)


def joined_number(left: str, right: str) -> str | None:
    """The number two pieces make (``2`` + ``,178`` → ``2,178``) when one is no number alone and together they are
    one written with thousands separators; otherwise None (``10`` + ``0`` are two cells)."""
    left, right = left.strip(), right.strip()
    if not (number_piece(left) or number_piece(right)):
        return None
    return left + right if _SEPARATED.match(left + right) else None


def joined_pieces(text: str) -> str:
    """``text`` with the pieces of a number a space parts made one (``5, 187`` → ``5,187``, ``2,2 86`` → ``2,286``)."""
    if "," not in text and "，" not in text:
        return text
    return _SPACED_PIECES.sub(lambda m: joined_number(m.group(1), m.group(2)) or m.group(), text)


@lru_cache(maxsize=8192)
def parse_cell(raw: str) -> Cell:
    """Parse one cell's raw text (see the module docstring). Cells are shared: never mutate one."""
    if "注" in raw or _MARK_CLASS.search(raw):
        if (marked := _marked(raw)) is not None:
            return marked
        if _INNER_MARK.search(raw):     # 10¹,164: a mark inside the number, NFKC would make it a digit (101,164)
            return Cell(raw, CellKind.MISSING, None, "a footnote's mark inside a number: its digits not known")
        if all(ch == "注" or ch.isspace() or _MARK_CLASS.match(ch) for ch in raw):
            return Cell(raw, CellKind.TEXT, note="a footnote's mark alone")
    spaced = normalise(raw).replace("〇", "0")
    if _CN_NUMBER.match(spaced) and (value := chinese_number(spaced)) is not None:
        return Cell(raw, CellKind.ZERO if value == 0 else CellKind.NUMBER, value, CN_NOTE)
    if _SPLIT_DIGITS.search(spaced):    # "1 0": never guess between 10 and two cells 1, 0
        return Cell(raw, CellKind.TEXT, note="digits separated by a space")
    if _SPACED_PLACEHOLDERS.match(spaced):   # "-     -     -": a row of empty cells, each its own
        return Cell(raw, CellKind.TEXT, note="placeholders separated by spaces")
    text = spaced.replace(" ", "")
    if not text:
        return Cell(raw, CellKind.BLANK)
    if text in PLACEHOLDERS or set(text) <= _STROKE_SET:
        return Cell(raw, CellKind.PLACEHOLDER)
    if (m := _PLACEHOLDER_UNIT.match(text)) is not None:   # 无件, /件: a unit beside the empty cell's mark
        return Cell(raw, CellKind.PLACEHOLDER, note=m.group(1))
    if _THOUSANDS.match(text):
        text = text.replace(",", "")
    if _INT.match(text) or _DECIMAL.match(text):
        try:
            value = _as_value(text)
        except InvalidOperation:  # pragma: no cover - the regexes admit only digits
            return Cell(raw, CellKind.TEXT)
        return Cell(raw, CellKind.ZERO if value == 0 else CellKind.NUMBER, value)
    m = _WITH_UNIT.match(text)
    if m:                               # a unit is no annotation: "3件" is the number 3
        value = _as_value(m.group(2).replace(",", ""))
        note = f"{m.group(1)}…{m.group(3)}" if m.group(1) else m.group(3)
        return Cell(raw, CellKind.ZERO if value == 0 else CellKind.NUMBER, value, note)
    m = _ANNOTATED.match(text) or _OPEN_NOTE.match(text)
    if m:
        return Cell(raw, CellKind.ANNOTATED, _as_value(m.group(1).replace(",", "")), m.group(2))
    if _OCR_THOUSANDS.match(text) and " " not in spaced:
        read = text.translate(_OCR_MAP).replace(",", "")
        return Cell(raw, CellKind.OCR, int(read), f"OCR confusion read as {read}")
    if (_OCR.match(text) or _OCR_DECIMAL.match(text)) and " " not in spaced:   # (l 75: a rule, then 75)
        read = text.translate(_OCR_MAP)
        return Cell(raw, CellKind.OCR, _as_value(read), f"OCR confusion read as {read}")
    return Cell(raw, CellKind.TEXT)


_LETTERS_ONLY = re.compile(rf"^[{OCR_LETTERS}]{{1,7}}$")


def letters_guess(raw: str) -> int | None:
    """The digits a cell of OCR-confusable letters only stands for (``O`` → 0, ``lO`` → 10), or ``None``."""
    text = normalise(raw)
    return int(text.translate(_OCR_MAP)) if _LETTERS_ONLY.match(text) else None


def parse_slot(raw: str) -> Cell:
    """``parse_cell`` of a token where a number belongs: a cell of OCR-confusable letters only ("O", "lO")
    is then a number's place whose value is unreadable (kind missing), not a word: no digit anchors the
    confusion. The digits the letters stand for ride along as its value, a guess verify uses only where
    the identities leave the cell open (``READ.OCR_LETTERS``)."""
    cell = parse_cell(raw)
    if cell.kind is CellKind.TEXT and len(raw) <= 12 and _LETTERS_ONLY.match(normalise(raw)):
        return Cell(raw, CellKind.MISSING, letters_guess(raw), "only OCR-confusable letters where a number belongs")
    return cell


def parse_table_slot(raw: str) -> Cell:
    """``parse_slot`` of a token of a table's line (``layout.tokenize``), where also a Chinese character an OCR
    engine prints for a digit (``ocrglyphs.OCR_HANZI_DIGITS``: chi_sim's 工 for 1) standing alone is a number's place,
    its digit riding along as a guess as a cell of letters' does: 表三's identities pin it (``verify/letters.py``);
    表四 reads it as the character again (``ruleglyphs.hanzi_digits_as_text``). Not in a text block's numbers
    (``blocktext``), whose readers place cells by a tool's order."""
    cell = parse_slot(raw)
    if cell.kind is CellKind.TEXT and (digit := OCR_HANZI_DIGITS.get(normalise(raw))) is not None:
        return Cell(raw, CellKind.MISSING, digit, "a character OCR prints for a digit, where a number belongs")
    if cell.kind is CellKind.TEXT and (digit := OCR_SLOT_GLYPHS.get(normalise(raw))) is not None:
        return Cell(raw, CellKind.MISSING, digit, "a glyph OCR prints for a ruled cell's digit, where a number belongs")
    if cell.kind is CellKind.TEXT and len(raw) <= 10 and (m := _SPECKED.match(normalise(raw))) is not None:
        return Cell(raw, CellKind.OCR, int(m.group(1)), _SPECK_NOTE)
    if cell.kind is CellKind.TEXT and _LOST_BESIDE.match(raw):
        return Cell(raw, CellKind.MISSING, None, _LOST_NOTE)
    if cell.kind is CellKind.TEXT and len(raw) <= 12 and (m := _LOST_AROUND.match(raw)) is not None:
        return Cell(raw, CellKind.MISSING, int(m.group(1)), _AROUND_NOTE)
    return cell


#: a cell of digits and U+FFFD, or of U+FFFD alone (``0��``, ``�1``: a text decoded with replacement before it was
#: saved lost a character there, maybe a digit), or of one ``?`` the same way (``0?``, ``?``: a text encoded with
#: replacement, GBK's ``?`` for a character it could not write; a run of them is a label so garbled, no cell): a
#: number's place whose value is unreadable
_LOST_BESIDE = re.compile(r"^\s*(?:[0-9０-９]*\ufffd[0-9０-９\ufffd]*|[0-9０-９]*[?？][0-9０-９]*)\s*$")
_LOST_NOTE = "a character lost beside or in place of the digits (U+FFFD or ?), where a number belongs"
#: a number framed by ``?`` on both sides (``?0?``, ``??12?``: the spaces around it written by an encoder that had no
#: code for them, GBK's ``?`` for a no-break space): unreadable all the same, its digits riding along as a guess, as a
#: cell of OCR letters' does, for the identities to pin (never proof)
_LOST_AROUND = re.compile(r"^\s*[?？]+([0-9]{1,7})[?？]+\s*$")
_AROUND_NOTE = "a number framed by ? (characters lost around it), its digits a guess only"


#: a count with one mark an OCR engine printed right after its digits (``2,`` ``4:`` ``0;`` ``0]`` ``0}``: a speck of
#: the scan, or the cell's rule), none of which is a digit's glyph; not ``.`` (``2.``, an item's number before its
#: label) nor ``)`` (``1)``), nor a bar (``0|``: OCR's 1, ``gluedbars``)
_SPECKED = re.compile(r"^([0-9]{1,7})[,:;\]}]$")
_SPECK_NOTE = "a mark OCR printed after the digits (a speck or the cell's rule) left out"


def letters_as_digits(cell: Cell) -> Cell | None:
    """A cell of OCR-confusable letters only (``O``, ``lO``) read as digits (kind ocr), or ``None``.

    No digit anchors the confusion: where identities cover the cell they, not this guess, pin it
    (the layout keeps such a cell missing, the guess as its value: verify uses it only where the
    identities leave the cell open); where none does (表二) the guess is read, and the verifier
    never proves it (``READ.OCR_LETTERS``)."""
    if cell.value is not None and cell.kind is not CellKind.MISSING:
        return None
    guess = letters_guess(cell.raw)
    if guess is None:
        return None
    return Cell(cell.raw, CellKind.OCR, guess, f"only OCR-confusable letters, read as {guess}")
