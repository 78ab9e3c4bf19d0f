"""A table's rows pasted into a text as CSV: ``一、本年新收政府信息公开申请数量,,,257,17,3,0,7,6,290``.

A crawler or a colleague who copied a report's tables out of a spreadsheet leaves them in the text as CSV
lines, each field separated by a comma, a merged cell's empty fields kept, and Excel's quoting where a field
holds a comma or a quote (``"（二）部分公开(区分处理的,只计这一情形,不计其他情形)"``,
``"3、危及""三安全一稳定""…"`` with its quotes doubled, or every field quoted). :func:`unfold_csv_rows` writes each
such line as the reader reads tab rows, its fields joined by tabs, as a ``.csv`` table export is read
(:mod:`.exports`). A spreadsheet's tab-separated export that quotes its fields (``"一、本年新收…"<tab>"314"<tab>"36"``)
has its quotes taken off the same way.

Otherwise a line is a CSV row only where nothing else reads it: it has no tab and no ``|`` (a markdown row), no
field longer than a label, and no number written with thousands separators outside quotes
(``行政许可 1,234`` stays as it is) or cut inside its last group where it wraps in a narrow cell (``20,31``
alone between spaces, over the ``3`` it lacks), nor a label with such a number glued on (``…数量3,4281428992533,732``: a
crawler's row whose cells ran together, the commas its numbers' own); and it stands in a run of such lines where some field is a number or
an empty cell. Chinese prose separates with ``，``, never with ``,``, so a narrative line is left alone.
"""

from __future__ import annotations

import csv
import re

__all__ = ["unfold_csv_rows"]

#: a field longer than this is prose, not a table cell
_MAX_FIELD = 60
#: a quoted field (Excel's quoting: ``""`` for a quote inside)
_QUOTED = re.compile(r'"(?:[^"]|"")*"')
#: a number with thousands separators: ``1,234`` or ``12,345,678``, not inside a run of fields
_THOUSANDS = re.compile(r"(?<![\d,])\d{1,3}(?:,\d{3})+(?![\d,])")
#: a label's last word with a number written with thousands separators glued on (``数量3,428…``): a glued row's
#: first cell, never a CSV row's label field (a label's field ends in its words)
_GLUED_THOUSANDS = re.compile(r"[\u4e00-\u9fff)）]\d{1,3},\d{3}")
#: a count cut inside its last thousands group, standing alone between spaces (``20,31`` over ``3``: 20,313 wrapped in
#: its narrow cell, fixed-width text's piece that :mod:`.commapieces` joins), never two CSV fields
_CUT_PIECE = re.compile(r"(?<!\S)\d{1,3}(?:,\d{3})*,\d{1,2}(?!\S)")
#: a field that is a table cell's value: a number, a placeholder, or nothing
_VALUE = re.compile(r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[—–\-/／无]?")


def _fields(line: str) -> list[str] | None:
    """The fields of ``line`` when it reads as one CSV row, else None."""
    if "\t" in line:
        return _quoted_tab_fields(line)
    if "|" in line or ("," not in line and not line.lstrip().startswith('"')):
        return None                                 # (no comma, nor a quoted heading: a row of one field at most)
    quoted = '"' in line                            # (most lines quote nothing: no regex need look)
    if quoted and _QUOTED.fullmatch(line.strip()):
        return [" ".join(line.strip()[1:-1].replace('""', '"').split())]   # a heading between quoted rows
    bare = _QUOTED.sub('""', line) if quoted else line
    if "," not in bare or _THOUSANDS.search(bare) or _GLUED_THOUSANDS.search(bare) or (bare.count('"') % 2) \
            or _CUT_PIECE.search(bare) and "," not in _CUT_PIECE.sub("", bare):
        return None                                 # (every comma a number's own)
    try:
        fields = next(csv.reader([line]))
    except (csv.Error, StopIteration):
        return None
    if any(len(f.strip()) > _MAX_FIELD for f in fields):
        return None
    return [" ".join(f.split()) for f in fields]


def _quoted_tab_fields(line: str) -> list[str] | None:
    """The fields of a tab-separated line whose fields are quoted (a spreadsheet's "text, tab-separated" export), else
    None: a plain tab row is read as it is."""
    if '"\t"' not in line or not line.lstrip().startswith('"'):
        return None
    try:
        fields = next(csv.reader([line], delimiter="\t"))
    except (csv.Error, StopIteration):
        return None
    return [" ".join(f.split()) for f in fields]


def _holds_values(rows: list[list[str]]) -> bool:
    return any(_VALUE.fullmatch(f) for row in rows if len(row) > 1 for f in row[1:])


def unfold_csv_rows(text: str) -> str:
    """``text`` with each run of CSV lines (see the module docstring) written as tab-joined fields."""
    if "," not in text and '"\t"' not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    run: list[tuple[str, list[str]]] = []

    def flush() -> None:
        rows = [fields for _, fields in run]
        if _holds_values(rows) and (len(rows) > 1 or len(rows[0]) > 2):
            out.extend("\t".join(fields) for fields in rows)
        else:
            out.extend(line for line, _ in run)
        run.clear()

    for line in lines:
        fields = _fields(line)
        if fields is None:
            if run:
                flush()
            out.append(line)
        else:
            run.append((line, fields))
    flush()
    return "\n".join(out)
