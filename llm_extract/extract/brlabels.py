"""A 表三 label a converter cut into side-by-side fields of one grid row, line by line (pymupdf4llm).

pymupdf4llm, finding a table in a browser's PDF whose label column is narrow, may split one label cell into two or
three fields by the x of its words, each field holding its pieces of every printed line (``<br>`` between lines)::

    | 三、<br>本年<br>度办 | （⼀）<br>开 | 予以公<br> | 0 | 1 | 1 | 0 | 1 | 0 | 3 |

The label reads line by line across the fields: ``（一）`` ``予以公`` / ``开`` is （一）予以公开; field by field it is
``（一）开予以公``, which names no row. :func:`labels_interleaved` rewrites such a row's label fields: where the pieces
of two or three adjacent text fields taken line by line name exactly one 表三 row, and neither those fields one by one
nor their text field by field names a row, the first field holds the label read line by line and the others are
empty (a label spanning columns leaves empty fields before the numbers). The value fields are never touched; a label
found so only says which row the line's numbers are (as its printed text does once read in the order printed).
"""

from __future__ import annotations

import re

from .labels import rows_named

__all__ = ["labels_interleaved"]

_BR = re.compile(r"<br\s*/?>", re.I)
#: a field holding a number, a placeholder or nothing: the label fields end before the first of them
_NOT_TEXT = re.compile(r"^[\s\d.,/\-—–]*$")
_RUNS = (2, 3)


def _key(text: str) -> str:
    from .layout import label_key        # (layout imports this module: label_key at call time)
    return label_key(text)


def _named(text: str) -> list[str]:
    return rows_named(_key(text))


def _by_lines(fields: list[str]) -> str:
    parts = [[p.strip() for p in _BR.split(f)] for f in fields]
    return "".join(ps[k] for k in range(max(map(len, parts))) for ps in parts if k < len(ps))


def labels_interleaved(fields: list[str]) -> list[str]:
    """The row's fields, its label fields read line by line where that alone names a 表三 row (see the module)."""
    if not any("<br" in f for f in fields):
        return fields
    end = next((k for k, f in enumerate(fields) if _NOT_TEXT.match(_BR.sub("", f)) and f.strip()), len(fields))
    found: list[tuple[int, int, str]] = []
    for n in _RUNS:
        for i in range(0, end - n + 1):
            run = fields[i:i + n]
            if not all("<br" in f for f in run) or any(not _BR.sub("", f).strip() for f in run):
                continue
            text = _by_lines(run)
            named = _named(text)
            if len(named) != 1 or _named("".join(_BR.sub("", f) for f in run)) == named \
                    or any(_named(_BR.sub("", f)) for f in run):
                continue
            found.append((i, n, text))
    if not found:
        found = _lines_shifted(fields, end)
    if not found or len({_named(t)[0] for _, _, t in found}) != 1:
        return fields                       # (none, or two readings naming different rows: leave it as printed)
    fewest = [f for f in found if f[1] == min(n for _, n, _ in found)]
    if len(fewest) != 1:
        return fields                       # (two runs of as many fields name it: which fields are the label's?)
    i, n, text = fewest[0]                  # (the fewest fields: a wider run takes in the group title's piece too)
    return fields[:i] + [text] + [""] * (n - 1) + fields[i + n:]


def _lines_shifted(fields: list[str], end: int) -> list[tuple[int, int, str]]:
    """Two adjacent label fields whose second holds fewer lines than the first, printed beside the first's last
    ones (its first lines are the group title's: ``办理结果<br>（⼆）部分公<br>处理的，只计`` beside ``开（区分<br>这⼀情``;
    ``三、本年度<br><br>（⼀）予以公`` beside ``开``): each reading of them line by line with the second field's lines
    against the first's from some line on, or the two fields' text one after the other, that alone names one row,
    where neither field names one by itself. Every reading naming a row is returned, so that two naming different
    rows leave the fields as printed."""
    found: list[tuple[int, int, str]] = []
    for i in range(0, end - 1):
        first, second = ([p.strip() for p in _BR.split(f)] for f in fields[i:i + 2])
        if not any(first) or not any(second) or len(second) >= len(first) or len(first) == 1 \
                or any(_named(_BR.sub("", f)) for f in fields[i:i + 2]):
            continue
        readings = {"".join(first) + "".join(second)}
        for shift in range(1, len(first) - len(second) + 1):
            readings.add("".join(first[k] + (second[k - shift] if 0 <= k - shift < len(second) else "")
                                 for k in range(len(first))))
        found += [(i, 2, text) for text in sorted(readings) if len(_named(text)) == 1]
    return found
