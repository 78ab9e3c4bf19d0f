"""A table row's numbers set a few points off its one-line label, put back on the label's line.

In a table printed without rules, a row's cells are placed in the row's band each by itself
(reportlab centres each vertically; a row split across a page break sets the label and the numbers
of its rest at different heights): a one-line label ``（六）其他处理`` may stand five points below the
row's numbers, more than pdfplumber's tolerance and less than half a line's height shared, so the numbers
come out as a line of their own *above* the label (``0 0 0 0 0 0 0`` / ``（六）其他处理``), where a reader
takes them for the row before.

Two printed lines whose heights overlap at all stand in one row's band (rows of a table do not
overlap). A line of values only (numbers and placeholders) is joined to a neighbouring line holding
a label (Chinese characters) only where that is the one line it overlaps (a wrapped label's two lines
around centred numbers both overlap them: left as they are) and the whole label stands to the left
of the first value: the joined line reads ``（六）其他处理  0 0 0 0 0 0 0`` as the row is printed.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["join_offset_rows"]

_VALUE_CHARS = re.compile(r"^[0-9０-９,，.．—–\-－/／无]+$")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _text(line: dict[str, Any]) -> str:
    return "".join(str(c["text"]) for c in line["chars"] if str(c["text"]).strip())


def _values_only(line: dict[str, Any]) -> bool:
    return bool(_VALUE_CHARS.match(_text(line)))


def _label_only(line: dict[str, Any]) -> bool:
    text = _text(line)
    return bool(_CJK.search(text)) and not re.search(r"[0-9０-９]{2,}|[0-9０-９]$", text)


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> float:
    return min(float(a["bottom"]), float(b["bottom"])) - max(float(a["top"]), float(b["top"]))


def _left_of(label: dict[str, Any], values: dict[str, Any]) -> bool:
    right = max(float(c["x1"]) for c in label["chars"])
    return right < min(float(c["x0"]) for c in values["chars"])


def _joined(label: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
    chars = sorted(label["chars"] + values["chars"], key=lambda c: float(c["x0"]))
    return dict(label, chars=chars, text="".join(str(c["text"]) for c in chars),
                top=min(float(label["top"]), float(values["top"])),
                bottom=max(float(label["bottom"]), float(values["bottom"])))


def join_offset_rows(lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The page's lines (top to bottom), a values-only line overlapping exactly one neighbour, a label
    standing left of it, joined to that label's line."""
    out = list(lines)
    i = 0
    while i < len(out):
        line = out[i]
        if not line.get("chars") or not _values_only(line):
            i += 1
            continue
        near = [j for j in (i - 2, i - 1, i + 1, i + 2) if 0 <= j < len(out) and out[j].get("chars")
                and _overlap(out[j], line) > 0]
        if len(near) == 1 and _label_only(out[near[0]]) and _left_of(out[near[0]], line):
            j = near[0]
            out[min(i, j)] = _joined(out[j], line)
            del out[max(i, j)]
            i = min(i, j) + 1
            continue
        i += 1
    return out
