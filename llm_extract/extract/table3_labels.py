"""Where 表三's row labels stand among a region's items: each of the 25 rows found by its printed
label (whole, or broken over lines with numbers between the fragments, or pieces of a group's title printed
down its column beside them: ``4.保护第三`` / ``）不`` / ``方合法权益``, or cut short with its numbers right after it:
``6.属于四类``), in form order, then the sub-rows a report prints the other way round. A label found only past the
next two rows' labels (a cut label's rest printed after the table) is not taken there.

A bare 总计 / 其他 among the column headers (a header repeated after a page break) is no row label, nor is a
group title's head wrapped in its narrow column (``（六）其他`` / ``处理``) a sub-row's (3.其他).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..form import FORM
from .labels import BARE_HEADERS, TABLE3_LABELS, match_row, strip_item_number
from .layout import Item, label_key
from .rowbounds import GROUP_KEYS, GROUP_TITLES, group_title_head

__all__ = ["find_labels", "without_title_piece"]

_HEADER_WORDS = ("自然人", "法人或其他", "商业企业", "科研机构", "公益组织", "服务机构", "申请人情况", "数据")


#: a region's items as the label search sees them: each text item's key, ``None`` for a value
_Keys = tuple["str | None", ...]


def _header_cell(keys: _Keys, i: int) -> bool:
    """A bare 总计 / 其他 among 表三's column headers (a header repeated after a page break)."""
    if keys[i] not in BARE_HEADERS:      # (header cells that also match a row label)
        return False
    return any(w in k for k in keys[max(0, i - 6):i + 7] if k is not None for w in _HEADER_WORDS)


#: the kind of item number a label opens with: 四、 (a row of the form), （四） (a group's row), 4. or (4) (a sub-row)
_NUMBER_KINDS = ((re.compile(r"^[一二三四五六七八九十]+\s*、"), "row"), (re.compile(r"^[(（][一二三四五六七八九十]+[)）]"), "group"),
                 (re.compile(r"^[(（]?\d+\s*[.．、)）]"), "sub"))


@lru_cache(maxsize=4096)
def _number_kind(label: str) -> str | None:
    return next((kind for pattern, kind in _NUMBER_KINDS if pattern.match(label)), None)


#: each row's kind of item number, as the form prints its label
_ROW_NUMBER_KIND = {r.key: _number_kind(r.label) for r in FORM.table3_rows}


#: the texts one step of a broken label's search tries (each with its head's length: a match must start in the
#: head) and whether the fragments after it carry no numbers
_Step = tuple[tuple[tuple[int, str], ...], bool]


def _label_pieces(keys: _Keys, i: int) -> tuple[str | None, bool, tuple[_Step, ...]]:
    """What :func:`_broken_match` asks of item ``i`` whatever the row: the kind of its own item number, whether it
    opens a label carrying the row's numbers, and its fragment joined to the next one and two text items."""
    key = keys[i] or ""
    bare = strip_item_number(key)
    heads = {key, bare}
    # an item number that opens a row is marked ("2.", "(四)", "三、"); a lone "三" is a character of
    # 三、本年度办理结果 printed down its column, not a row's number
    owns = len(heads) == 2 and not key[:len(key) - len(bare)].isalpha() and i + 1 < len(keys) and keys[i + 1] is None \
        and not any(match_row(key, other) for _, other in TABLE3_LABELS)   # a whole label (a row repeated after
    #                                                                         a page break) opens no other row
    steps: list[_Step] = []
    tail, bare_tail, joined, between, orphans = "", "", 0, 0, True
    for j in range(i + 1, len(keys)):
        nxt = keys[j]
        if nxt == "":
            continue                    # (a group title's piece between the label's pieces)
        if nxt is None:
            between += 1
            if between > 8:
                break
            continue
        if strip_item_number(nxt) != nxt and not _BARE_NUMERAL.match(nxt):
            cut = group_title_head(nxt)     # (五)不予 / 物: a group's title beside the label's last piece
            if not cut or strip_item_number(nxt[cut:]) != nxt[cut:]:
                break                   # another label opens there (5.属于三类内部事务信息 after （三）不 / 益予公开)
            nxt = nxt[cut:]
        tail += nxt
        bare_tail += _without_title_tail(nxt)
        joined += 1
        orphans = orphans and (j + 1 == len(keys) or keys[j + 1] is not None)
        steps.append((tuple((len(head), text) for head in heads for text in {head + tail, head + bare_tail}), orphans))
        if joined == 2:
            break
    return _number_kind(key), owns, tuple(steps)


#: a piece opening with a Chinese numeral and no mark after it (``三方合法权益``, ``三类内部事务信息``, ``四类过程性信息``: the
#: rest of 4.保护第 / 5.属于 / 6.属于 wrapped in a narrow cell) opens no label: an item number is marked (三、 （三） 3.)
_BARE_NUMERAL = re.compile(r"^[一二三四五六七八九十]+(?![一二三四五六七八九十)\]）、.．])")


class _Pieces(dict[int, tuple[str | None, bool, tuple[_Step, ...]]]):
    """A region's items' :func:`_label_pieces`, each worked out when first asked for (every row's search, in
    form order and out of it, asks again of the items it passes)."""

    def __init__(self, keys: _Keys) -> None:
        super().__init__()
        self.keys = keys

    def __missing__(self, i: int) -> tuple[str | None, bool, tuple[_Step, ...]]:
        self[i] = _label_pieces(self.keys, i)
        return self[i]


def _broken_match(pieces: _Pieces, i: int, pattern: re.Pattern[str], kind: str | None = None) -> bool:
    """A label broken over lines: the pattern matches this fragment joined to the next one or
    two text items (numbers may stand between them), and either starts inside this fragment,
    or this fragment opens a label (an item number), carries the row's numbers, and the
    fragments after it carry none. A fragment with an item number of its own opens another
    label: no label is broken into it."""
    own, owns, steps = pieces[i]
    if kind is not None and own is not None and own != kind:
        return False                    # 四、结转 (a row of the form, its label cut short) opens no sub-row's label
    for texts, orphans in steps:
        for head, text in texts:
            m = pattern.search(text)
            if m and (m.start() < head or (owns and orphans)):
                return True
    return False


#: the groups' titles without their item numbers (不予公开, 无法提供, 不予处理, 其他处理)
_TITLES = tuple(strip_item_number(k) for k in GROUP_TITLES)


@lru_cache(maxsize=4096)
def _without_title_tail(key: str) -> str:
    """A label's next piece without the end of a group's title printed down its column before it (``开`` of
    不予公开 before ``部事务信息``: ``（三）`` / ``不予公`` / ``开 部事务信息``), or two or three characters from inside a
    group's title (``本年`` of 三、本年度办理结果 before ``开``: ``三、 （一）予以公`` / ``本年 开``); the piece itself otherwise."""
    for title in _TITLES:
        for n in range(len(title) - 1, 0, -1):
            if key.startswith(title[-n:]) and len(key) > n:
                return key[n:]
    for n in (3, 2):                    # a piece from inside 三、本年度办理结果 printed down its column (``本年`` / ``开``
        if len(key) > n and any(key[:n] in title for title in GROUP_KEYS):   # of （一）予以公开 beside it)
            return key[n:]
    return key


#: a short piece of a group's title run on before a label's item number in one cell (``不 5.属于三类内部``; its head
#: with its own item number, ``(三)不1.属于国家秘``; ``三、`` or ``度办`` of 三、本年度办理结果 before ``（二）部分公``; as long
#: as the longest title: ``三、本年度办（一）予`` / ``以公开``, pymupdf4llm of a browser's print joining the group's cell
#: and the row's first piece in one field; the piece is always inside a title)
_TITLE_PIECE_BEFORE = re.compile(r"^(\S{1,%d}?)(?=\d{1,2}[.、]|[（(][一二三四五六七][）)])" % max(map(len, GROUP_KEYS)))


@lru_cache(maxsize=4096)
def without_title_piece(key: str) -> str | None:
    """A key as the label search may also read it: ``None`` for a short piece of a group's title printed down its
    narrow column (``（三`` / ``）不`` / ``予公`` / ``开``) between the pieces of a label wrapped beside it
    (``4.保护第三`` / ``）不`` / ``方合法权益``: tried as a gap); the label alone where such a piece runs on before its
    item number (``不5.属于三类内部``); else the key."""
    if len(key) <= 3 and any(key in title for title in GROUP_TITLES):
        return None
    if any(title.startswith(key) for title in GROUP_TITLES):
        return None                     # a title's head (``（五）不`` between ``3.要求提供公开出版`` and ``物``)
    if (m := _TITLE_PIECE_BEFORE.match(key)) and any(m[1] in title for title in GROUP_KEYS):
        return key[m.end():]
    return key


def find_labels(items: list[Item]) -> dict[str, int]:
    """Item index of each 表三 row label, matched in form order."""
    return dict(_labels_in(tuple([it.key if it.is_text else None for it in items])))   # (a list first: faster)


@lru_cache(maxsize=512)
def _labels_in(keys: _Keys) -> dict[str, int]:
    """:func:`find_labels` on the items' keys: a pure function of them (the same form's table
    gives the same keys whatever its numbers), so worked out once per distinct table. Never
    mutate the result (``find_labels`` copies it)."""
    found: dict[str, int] = {}
    pos = 0
    # a group title's piece read as no text at all ("", not None: None stands for a number between pieces)
    titled = tuple((without_title_piece(key) or "") if key is not None else None for key in keys)
    pieces = {i for i, (a, b) in enumerate(zip(keys, titled)) if a != b}
    texts = [i for i, key in enumerate(keys) if key is not None]
    keyed, titled_pieces = _Pieces(keys), _Pieces(titled)
    # the text items from each item on, four of them (a row's numbers may stand between its label's pieces)
    near = {i: range(i, texts[k + 3] + 1 if k + 3 < len(texts) else len(keys)) for k, i in enumerate(texts)}

    def first(k: int, start: int, stop: int) -> int | None:
        """Where the k-th row's label is first found in keys[start:stop]."""
        row, pattern = TABLE3_LABELS[k]
        kind = _ROW_NUMBER_KIND.get(row)
        for i in range(start, stop):
            key = keys[i]
            if key is not None and kind == "sub" and _group_title_head(titled[i] or key, pattern):
                continue
            if key is not None and (match_row(key, pattern) or _broken_match(keyed, i, pattern, kind)
                                    or _cut_short(keys, i, row)
                                    or ((bare := titled[i]) and not pieces.isdisjoint(near[i])
                                        and (match_row(bare, pattern) or _broken_match(titled_pieces, i, pattern, kind)
                                             or _cut_short(titled, i, row)))) \
                    and not _header_cell(keys, i):
                return i
        return None

    for k, (row, _) in enumerate(TABLE3_LABELS):
        i = first(k, pos, len(keys))
        if i is None:
            continue
        # found only past the next two rows' labels (its own cut short, its rest printed after the table): not here
        if k + 2 < len(TABLE3_LABELS) and (j := first(k + 1, pos, i)) is not None and first(k + 2, j + 1, i) is not None:
            continue
        found[row] = i
        pos = i + 1
    _out_of_order(keyed, found)
    return found


@lru_cache(maxsize=4096)
def _parts(key: str) -> tuple[str, str]:
    """A label key's item number (its digits or numeral only: ``6、`` and ``6.`` alike) and its words."""
    words = strip_item_number(key)
    return re.sub(r"[^\d一二三四五六七八九十]", "", key[:len(key) - len(words)]), words


_LABEL_PARTS = {r.key: _parts(label_key(r.label)) for r in FORM.table3_rows}


def _cut_short(keys: _Keys, i: int, row: str) -> bool:
    """A label cut short where a converter dropped what followed a line break in its cell (trafilatura:
    ``6.属于四类`` for 6.属于四类过程性信息, the rest printed after the table; pypdf: ``(三)不1.属于国家秘``, its group
    title's first piece before it, the rest wrapped onto the next line): its own item number, of the row's kind,
    then the first words of the row's label only, and the row's numbers right after it."""
    if i + 1 == len(keys) or keys[i + 1] is not None:
        return False                    # (no numbers right after it: the cheap test first)
    key = keys[i] or ""
    number, bare = _parts(key)
    return (bool(bare) and (number, bare) != _LABEL_PARTS[row] and number == _LABEL_PARTS[row][0]
            and _LABEL_PARTS[row][1].startswith(bare) and _number_kind(key) == _ROW_NUMBER_KIND.get(row))


#: a group's item number with no sub-row's number after it: ``（六）其他`` is the head of （六）其他处理 wrapped in its
#: narrow column, never 3.其他's label
_GROUP_NUMBER_ONLY = re.compile(r"^[(（][一二三四五六七八九十]+[)）](?!\s*\d)")


def _group_title_head(key: str, pattern: re.Pattern[str]) -> bool:
    """Whether ``key`` matches a sub-row's ``pattern`` only once its group's item number is dropped: a group
    title's head (``（六）其他`` / ``处理``), which the sub-row's words (其他) end."""
    return bool(_GROUP_NUMBER_ONLY.match(key)) and not pattern.search(key)


#: rows never looked for out of form order: their labels (其他, 总计) are also column headers
_IN_ORDER_ONLY = frozenset({"other_other", "total_processed"})


def _out_of_order(pieces: _Pieces, found: dict[str, int]) -> None:
    """Rows the in-order search missed because the report prints two sub-rows the other way round
    (2.重复申请 under 3.要求提供公开出版物): such a row's own label, whole or broken over lines, is looked for
    between the row two places above it and the first row found below it, where it must be the only
    label not yet taken that matches."""
    keys = pieces.keys
    rows = [row for row, _ in TABLE3_LABELS]
    for k, (row, pattern) in enumerate(TABLE3_LABELS):
        if row in found or row in _IN_ORDER_ONLY:
            continue
        lo = max((found[r] for r in rows[:max(0, k - 1)] if r in found), default=-1)
        hi = min((found[r] for r in rows[k + 1:] if r in found), default=len(keys))
        taken = set(found.values())
        hits = [i for i in range(lo + 1, hi) if i not in taken and keys[i] is not None
                and (match_row(keys[i], pattern) or _broken_match(pieces, i, pattern, _ROW_NUMBER_KIND.get(row)))
                and not _header_cell(keys, i)]
        if len(hits) == 1:
            found[row] = hits[0]
