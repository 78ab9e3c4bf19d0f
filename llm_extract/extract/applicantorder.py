"""表三's six applicant columns printed in another order than the form's, as the header names them.

Some agencies print 其他 before 法律服务机构, 科研机构 before 商业企业, or 法人或其他组织's five columns before 自然人.
The row reader places a row's cells in the form's order; every identity of 表三 treats the six applicant columns
alike (each row's total is their sum, each column's sums hold column by column), so a table read in the wrong
order keeps every identity, and its cells would be proven under the wrong columns. The header is the only
witness: where it names each of the six columns once, in another order, the cells are placed as it says. A
header's word order is a text tool's too (pdfminer prints boxes in an order of its own), so the cells the two
orders read differently are never proven (``READ.APPLICANT_ORDER``). A name a header cell wraps (a web page's
``社会<br>公益<br>组织``: the words ``社会 公益 组织``) is named by its pieces in order (``headerorder.name_places``); a
header that does not name all six once (its pieces among other columns', 数据1…数据6, garbled) is no evidence,
and nothing is moved.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..evidence import Ambiguity, Method, Reading
from ..form import FORM
from ..schema import TABLE3_ROW_PATHS
from .headerorder import name_places, words
from .layout import Region
from .table3_labels import find_labels

__all__ = ["applicant_order", "header_applicant_order", "header_out_of_order", "header_total_place", "table3_header"]

#: the six applicant columns' header words (each column's name in the form, then the other names reports give it),
#: in the form's order
_NAMES = tuple((c.label, *c.also) for c in FORM.table3_columns[:6])
#: the group header over the five organisation columns (in a header of two lines, beside 自然人)
_GROUP = "法人或其他组织"
#: 表三's last column's name
_TOTAL = FORM.table3_columns[6].label
#: the organisation columns a header must name to show, alone, that it prints them in another order
_ENOUGH = 3


def _places(header: list[str], names: tuple[str, ...], pieces: frozenset[int]) -> list[int]:
    """Where the header names a column: its form name, whole or in pieces (:func:`name_places`), or another name
    whole, but for a word in ``pieces`` (:func:`_form_name_pieces`: 企业 in 商业 企业, a cell's wrapped name)."""
    return sorted({*name_places(header, names[0]),
                   *(i for i, word in enumerate(header) if word in names[1:] and i not in pieces)})


#: every other name of a column (only a word that is one of them needs telling from a form name's piece)
_ALSO = frozenset(name for names in _NAMES for name in names[1:])


def _form_name_pieces(header: list[str]) -> frozenset[int]:
    """The words of ``header`` that are pieces (not the whole) of a form name of 表三's header, wrapped (looked for
    only where a word is another name of a column: in most headers none is). A column's other name that ends its
    form name begun by an earlier word is such a piece too: a cell wrapped over the header's two rows prints its
    first piece among the first row's words and its last after them (a Word export's ``商业 科研 社会公益组织 …
    其他 企业 机构``, run onto one line by a crawler), and names no column where it stands."""
    out: set[int] = set()
    if _ALSO.isdisjoint(header):
        return frozenset(out)
    for name in (*(names[0] for names in _NAMES), _GROUP):
        for start in name_places(header, name):
            if (end := _name_end(header, start, name)) - start > 1:
                out.update(range(start, end))
    for names in _NAMES:
        out.update(i for i, word in enumerate(header)
                   if word in names[1:] and any(head + word == names[0] for head in header[:i]))
    return frozenset(out)


def _name_end(header: list[str], start: int, name: str) -> int:
    """One past the last word of ``name`` named at ``start`` (whole: ``start + 1``, or in pieces)."""
    joined, end = "", start
    while joined != name and end < len(header):
        joined += header[end]
        end += 1
    return end


def _named_once(header: list[str]) -> list[int] | None:
    """Where the ``header`` names each of the six applicant columns (:func:`_places`), in the form's order, when it
    names each exactly once; else None."""
    pieces = _form_name_pieces(header)
    at: list[int] = []
    for names in _NAMES:
        places = _places(header, names, pieces)
        if len(places) != 1:
            return None
        at.append(places[0])
    return at


def header_applicant_order(header: list[str]) -> tuple[int, ...] | None:
    """The form's column (0 … 5) of each printed applicant column, in printed order, where the ``header`` (its
    words in order, spaces taken out) names each of the six once and not in the form's order; else None. In a
    header of two lines (自然人 and 法人或其他组织 on the first, the five organisations on the second), 自然人 stands
    where it stands against 法人或其他组织 on that line; printed on a line of its own (OCR's ``法人或其他组织`` over
    ``自然人 总计`` over the five: cells spanning the header's two rows stand between them), it says nothing of
    its place."""
    at = _named_once(header)
    if at is None:
        return None
    natural, orgs = at[0], at[1:]
    groups = name_places(header, _GROUP)
    if len(groups) == 1 and natural < min(orgs) and groups[0] < min(orgs) \
            and _beside(header, natural, groups[0], _name_end(header, groups[0], _GROUP)):
        natural = min(orgs) - 0.5 if natural < groups[0] else max(orgs) + 0.5    # before or after the block
    order = tuple(sorted(range(6), key=lambda c: natural if c == 0 else orgs[c - 1]))
    return None if order == tuple(range(6)) else order


def _beside(header: list[str], word: int, start: int, end: int) -> bool:
    """Whether ``word`` and the name of words ``start`` … ``end - 1`` are neighbours in one header row: next to each
    other on one line, or each alone on its line (a web page's or Word file's cells, one to a line). Where either
    shares its line with words the other does not hold (OCR's ``自然人 总计`` under ``法人或其他组织``), they are no
    row's neighbours."""
    if word not in (start - 1, end):
        return False
    line = [getattr(w, "line", None) for w in header]
    name = set(line[start:end])
    return name == {line[word]} or (len(name) == 1 and line.count(line[word]) == 1
                                    and line.count(line[start]) == end - start)


def header_out_of_order(header: list[str]) -> bool:
    """Does the ``header`` name at least three of the five organisation columns once each, in another order than
    the form's, though it does not name all six (a name no list knows, 其他社会组织)? Then the cells cannot be
    placed, and the form's order is no more than a guess."""
    pieces = _form_name_pieces(header)
    at = [p[0] for names in _NAMES[1:] if len(p := _places(header, names, pieces)) == 1]
    return len(at) >= _ENOUGH and at != sorted(at)


def table3_header(region: Region, lines: Sequence[str]) -> list[str]:
    """表三's header words: those of the lines of its text before its first row's label."""
    labels = find_labels(region.items)
    first = min(labels.values(), default=0)
    return words(region.items[:first], lines, region.items[first].line if first < len(region.items) else None)


def header_total_place(header: list[str]) -> int | None:
    """The printed column (1 … 5) of 总计 where a one-row header names it once among the six applicant columns, each
    named once (``申请人情况 自然人 总计 商业企业 …``); else None: last, as the form prints it, or first (a total printed
    first is moved last by the row readers, ``extracols.total_first_fields``). A header
    of two rows (法人或其他组织 over the five organisations) prints 总计 on its first row, spanning both: its words'
    order says nothing of its column: so does a header naming the group in pieces on lines of their own (a web
    page's ``法人或<br>其他组织`` as a crawler's get_text prints it: ``法人或`` / ``其他组织``), which
    :func:`name_places` reads as no name (a PDF's pieces of a line); 总计 stays last, where every row's sum checks
    it."""
    if _GROUP in "".join(header):
        return None
    totals = name_places(header, _TOTAL)
    if len(totals) != 1:
        return None
    at = _named_once(header)
    if at is None:
        return None
    before = sum(place < totals[0] for place in at)
    return None if before in (0, len(_NAMES)) else before     # (first: extracols.total_first_fields moves it last)


def applicant_order(header: list[str], out: dict[str, Reading], ambiguities: list[Ambiguity]) -> None:
    """Place the cells of every 表三 row in ``out`` (and the paths of its ``ambiguities``) in the columns the
    ``header`` (its words: :func:`table3_header`) names: the six applicant columns' order
    (:func:`header_applicant_order`), and 总计's place where a one-row header prints it among them
    (:func:`header_total_place`). A cell the two orders of the applicant columns read differently is marked
    :attr:`Method.APPLICANT_ORDER` (never proven); 总计's column needs no such mark: every row's sum checks it."""
    order = header_applicant_order(header)
    total_at = header_total_place(header)
    if order is None and total_at is None:
        if header_out_of_order(header):                 # another order, in words not all of which are known
            for paths in TABLE3_ROW_PATHS.values():
                for p in paths[:6]:
                    if p in out:
                        out[p].method = Method.APPLICANT_ORDER
        return
    applicants = list(order or range(6))
    columns = applicants if total_at is None else applicants[:total_at] + [6] + applicants[total_at:]
    moved: dict[str, str] = {}          # the path the reader filled → the path the header says
    for paths in TABLE3_ROW_PATHS.values():
        for printed, column in enumerate(columns):
            moved[paths[printed]] = paths[column]
    for paths in TABLE3_ROW_PATHS.values():
        before = {p: out[p] for p in paths if p in out}
        for printed, column in enumerate(columns):
            src, dst = paths[printed], paths[column]
            if src not in before:
                continue
            r = before[src]
            other = before.get(dst)
            if order is not None and column < 6 and (other is None or (other.kind, other.value) != (r.kind, r.value)):
                r.method = Method.APPLICANT_ORDER       # the header alone says which column it is
            out[dst] = r
    for amb in ambiguities:
        amb.paths = [moved.get(p, p) for p in amb.paths]
