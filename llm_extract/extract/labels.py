"""Row labels of the three tables, as patterns over ``label_key`` text.

The patterns live with the form (:mod:`llm_extract.form`); they are matched in form
order, each after the previous row, never by line offsets.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..form import FORM

__all__ = ["TABLE3_LABELS", "TABLE3_PATTERNS", "TABLE2_LABELS", "match_row", "names_table2_row",
           "rows_named", "table2_rows_named",
           "row_begun", "row_continued", "strip_item_number", "opens_label", "BARE_HEADERS"]

_ITEM_NO = re.compile(r"^(?:[(\[]?[一二三四五六七八九十]+[)\]、.]?|[(\[]?\d{1,2}[)\].、]|第[一二三四五六七八九十]+[项条])+")


@lru_cache(maxsize=4096)
def strip_item_number(key: str) -> str:
    """'(三)1.属于国家秘密' → '属于国家秘密'."""
    return _ITEM_NO.sub("", key)


#: an item number with its mark (``2.``, ``（二）``, ``二、``): never a label's first words
_MARKED_ITEM_NO = re.compile(r"^(?:[(\[][一二三四五六七八九十\d]{1,3}[)\]]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、])")
#: the same after a character or two of a group's title printed down its column beside the labels (``三（一）予以公开``,
#: ``年1、属于国家秘密``: 三、本年度办理结果 a character a line)
_TITLED_ITEM_NO = re.compile(r"^[\u4e00-\u9fff、]{1,2}(?:[(\[][一二三四五六七八九十\d]{1,3}[)\]]|\d{1,2}[.、])")


def opens_label(row: str, key: str) -> bool:
    """Whether ``key``, the label key a 表三 row was found by, opens as the form's label of ``row`` does: with an item
    number, or with the label's first two characters. A label read by its tail only (``未按收费通知要`` / ``求缴纳费用、``
    of ``2.申请人逾期未按收费…``, its first line lost: a crawler's dropped line, a page cut) lost what was printed on that
    line with it, the row's numbers: a reader never takes the want of numbers after it for a blank row."""
    if _MARKED_ITEM_NO.match(key) or _TITLED_ITEM_NO.match(key):
        return True
    return key.startswith(_FIRST_WORDS[row])


_NUMERAL = re.compile(r"\d{1,2}|[一二三四五六七八九十]+")


def item_numeral(key: str) -> str:
    """The numeral of a label key's (last) leading item number: '(三)1.属于国家秘密' → '1', '(七)总计' → '七',
    '3.' → '3'; ``""`` when it has none."""
    head = _ITEM_NO.match(key)
    numerals = _NUMERAL.findall(head.group()) if head else []
    return numerals[-1] if numerals else ""


#: (row key, pattern on the label key with item numbers kept), from the form definition
TABLE3_LABELS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((r.key, r.pattern) for r in FORM.table3_rows)
#: column headers that also match a row's label (总计 over the total column, 其他 over its column): alone,
#: they name no row
BARE_HEADERS = frozenset({"总计", "总记", "合计", "其他"})
#: row key → its label pattern
TABLE3_PATTERNS: dict[str, re.Pattern[str]] = dict(TABLE3_LABELS)

#: 表二: (path prefix, pattern, number of value columns), from the form definition
TABLE2_LABELS: tuple[tuple[str, re.Pattern[str], int], ...] = tuple(
    (r.path, r.pattern, len(r.columns)) for r in FORM.table2)



def match_row(key: str, pattern: re.Pattern[str]) -> bool:
    """The pattern found in the label key, with or without its item number."""
    if pattern.search(key):
        return True
    bare = strip_item_number(key)
    return bare != key and bool(pattern.search(bare))      # (no item number: the same search again)


def names_table2_row(key: str) -> bool:
    """Whether a label key names a 表二 row (its pattern found, with or without its item number)."""
    return bool(table2_rows_named(key))


@lru_cache(maxsize=8192)
def table2_rows_named(key: str) -> tuple[str, ...]:
    """The 表二 rows (path prefixes) whose label pattern the label key matches, in the form's order; once per
    distinct key (every 表二 label search walks a table's text items, and the labels repeat across reports)."""
    return tuple(path for path, pattern, _ in TABLE2_LABELS if match_row(key, pattern))


def rows_named(key: str) -> list[str]:
    """The 表三 rows whose label pattern the label key matches, in the form's order."""
    return list(_rows_named(key))


@lru_cache(maxsize=8192)
def _rows_named(key: str) -> tuple[str, ...]:
    """:func:`rows_named`, once per distinct key (a text's lines are looked up by every block reader in turn,
    and the form's labels repeat across reports)."""
    return tuple(row for row, pattern in TABLE3_LABELS if match_row(key, pattern))


#: each 表三 row's printed words as a label key (no item number, no bracketed note), for :func:`row_begun`
_WORDS = tuple((r.key, strip_item_number(re.sub(r"[“”\s]", "", unicodedata.normalize("NFKC", r.label))).split("(")[0])
               for r in FORM.table3_rows)
#: each 表三 row's first two printed characters (its label's opening, :func:`opens_label`)
_FIRST_WORDS = {row: words[:2] for row, words in _WORDS}
#: the shortest first piece of a wrapped label that names its row: with its item number, or without
_BEGUN_NUMBERED, _BEGUN_BARE = 3, 5
#: a few characters of a group's title printed one or two to a line (三、本年度办理结果, 不予公开), then
#: an item number: the label's piece starts after it
_INNER_ITEM = re.compile(r"^[\u4e00-\u9fff、()]{1,6}?\d{1,2}[.、]")


@lru_cache(maxsize=4096)
def row_begun(key: str) -> str | None:
    """The one 表三 row whose label begins with ``key``'s words: the first line of a label wrapped in a
    narrow cell (``1．属于国家`` / … / ``秘密``, ``2、没有现成信``; behind a few characters of a group's
    title printed down the cell beside it: ``度 (三) 1．属于国家``), its rest printed elsewhere; ``None``
    when the piece is too short (three characters after an item number, five without) or begins
    several rows' labels."""
    bare = strip_item_number(key)
    if bare == key and (inner := _INNER_ITEM.match(key)):
        bare = key[inner.end():]        # 度(三)1.属于国家, 不予公5、属于三类内部: a group title's characters first
    begun = _begun_by(bare, bare != key)
    if begun is None and bare != key and (inner := _INNER_ITEM.match(key)):
        # (三)不1.属于国, (四)无法1.本机关不: the group's cell and its first item's side by side, both wrapped
        begun = _begun_by(key[inner.end():], True)
    return begun


def _begun_by(bare: str, numbered: bool) -> str | None:
    """The one row whose label's words begin with ``bare`` (and go on past it)."""
    if len(bare) < (_BEGUN_NUMBERED if numbered else _BEGUN_BARE):
        return None
    rows = [row for row, words in _WORDS if words.startswith(bare) and words != bare]
    return rows[0] if len(rows) == 1 else None


@lru_cache(maxsize=4096)
def row_continued(key: str) -> str | None:
    """The one 表三 row whose label goes on with ``key``'s words past its start: the second or a later line of a
    label wrapped in a narrow cell (``当理由``, ``逾期不补正、行政机关不再处理其政府信息公开申请``, ``及“三安全一稳定”``), its
    beginning printed elsewhere; ``None`` for a key with an item number, shorter than three characters, or going
    on several rows' labels."""
    if strip_item_number(key) != key or len(key) < _BEGUN_NUMBERED:
        return None
    rows = [row for row, words in _WORDS if key in words[1:] and not words.startswith(key)]
    return rows[0] if len(rows) == 1 else None
