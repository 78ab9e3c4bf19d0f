"""pdfplumber lines that chain several printed lines into one, taken apart again.

pdfplumber groups a page's characters into lines by their tops, *chaining*: a character within its
tolerance (3 points) of the last one's top joins that line, however far the line has come from where it
began. In a table printed without rules whose cells are set vertically centred (reportlab, a 三线表),
the label columns' wrapped lines, a merged label cell's stacked characters (``三、本年度办理结果`` two
characters a line) and the row's numbers each stand a few points apart, and the chain runs through
all of them: ``5、属于三类内`` and the next line ``部事务信息`` come out as one line,
their characters interleaved (``5部、事属务于信三息类内``), with the numbers of the row in it.

A printed line never holds two characters at the same place across the page: where two characters of
one pdfplumber line overlap horizontally and stand at different heights, the line is more than one
printed line. Only such a line is taken apart: its characters are grouped by their tops, each group
within :data:`_GROUP_SPAN` font sizes of its first (anchored, no chaining), and the groups become lines
of their own, top to bottom, so long as no group holds two characters at one place (fake bold, a
character printed twice at one top, is left as it is). The groups that stand side by side
are put back together by the page's own rule for lines in another font (:mod:`.pdf_lines`'s
``_side_by_side``: height mostly shared, no character where another stands), so the line a reader
sees is each printed line's characters, in order. Lines without such a collision, and lines holding
characters turned a quarter (a vertical header cell: one under another by design), are returned
untouched: every other page reads as before.
"""

from __future__ import annotations

from typing import Any

__all__ = ["unchain"]

_GROUP_SPAN = 0.25     # characters within a quarter of the font size of a group's first top are one printed line
_MAX_CHARS = 2000      # a line longer than this is left as it is (bounded work on hostile pages)


def _overlaps(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether two characters overlap horizontally by more than a sliver (a fifth of the narrower)."""
    slack = 0.2 * min(float(a["x1"]) - float(a["x0"]), float(b["x1"]) - float(b["x0"]))
    return float(a["x0"]) < float(b["x1"]) - slack and float(b["x0"]) < float(a["x1"]) - slack


def _colliding(chars: list[dict[str, Any]]) -> bool:
    """Whether two of ``chars`` (sorted by x0) overlap horizontally; a sweep, linear in practice."""
    reach: dict[str, Any] | None = None
    for ch in chars:
        if reach is not None and _overlaps(reach, ch):
            return True
        if reach is None or float(ch["x1"]) > float(reach["x1"]):
            reach = ch
    return False


def _groups(chars: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """``chars`` grouped by top, each group anchored at its first (lowest) top."""
    out: list[list[dict[str, Any]]] = []
    anchor = 0.0
    for ch in sorted(chars, key=lambda c: float(c["top"])):
        size = max(float(ch.get("size") or 0), 1.0)
        if out and float(ch["top"]) - anchor <= _GROUP_SPAN * size:
            out[-1].append(ch)
        else:
            out.append([ch])
            anchor = float(ch["top"])
    return out


def _as_line(chars: list[dict[str, Any]]) -> dict[str, Any]:
    ordered = sorted(chars, key=lambda c: float(c["x0"]))
    return {"text": "".join(c["text"] for c in ordered), "chars": ordered,
            "x0": min(float(c["x0"]) for c in ordered), "x1": max(float(c["x1"]) for c in ordered),
            "top": min(float(c["top"]) for c in ordered), "bottom": max(float(c["bottom"]) for c in ordered)}


def unchain(lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """pdfplumber's ``extract_text_lines(return_chars=True)``, each line holding characters of several
    printed lines (two characters at one place, different heights) split into those lines."""
    out: list[dict[str, Any]] = []
    for line in lines:
        chars = [c for c in line.get("chars", []) if str(c.get("text", "")).strip()]
        turned = any(not c.get("upright", True) for c in chars)     # a turned run's characters stand in a column
        if turned or len(chars) > _MAX_CHARS or not _colliding(sorted(chars, key=lambda c: float(c["x0"]))):
            out.append(line)
            continue
        groups = _groups(chars)
        if len(groups) < 2 or any(_colliding(sorted(g, key=lambda c: float(c["x0"]))) for g in groups):
            out.append(line)
            continue
        out.extend(_as_line(g) for g in groups)
    return out
