"""Plain-text families of the wild renderer: a crawler's inline dump, and PDF text with wrapped labels.

``inline``       the whole article on one or a few long lines (a crawler's text dump of a web page):
                 headings, labels, the 表三 header words and each row's cells run together
                 (``二、上年结转政府信息公开申请数量0000000``); some rows keep single spaces between
                 cells. A 表三/表四 digit run with a number of two or more digits can only be split by
                 the form's identities: the document's kinds then say ``runs:identities``.
``wrapped_pdf``  PDF text: rows as lines, cells separated by runs of spaces or tabs, long labels
                 wrapped over two or three lines with the numbers on the first, middle or last
                 one, or on a line of their own above or below the label; merged labels
                 (三、本年度办理结果, （三）不予公开) on their own line, before a row's label, or
                 in pieces down the rows they span (``年度办`` / ``理结果``); 表三 split
                 over two pages, with page footers and with or without its header again.

Neither lets an empty cell vanish from a row that has numbers (its place would be lost):
such a cell is printed ``—``. A row with no value at all prints its label alone.
"""

from __future__ import annotations

import random
from collections import defaultdict

from .wild_style import TOP_LEVEL_ROWS, Content

__all__ = ["inline", "wrapped_pdf"]

_FOOTERS = ("第 {p} 页 共 {n} 页", "- {p} -", "—{p}—", "第{p}页")


def _shown(cells: list[str]) -> list[str]:
    """Cells as text prints them: all-empty rows print nothing, an empty cell among numbers is ``—``."""
    if all(c == "" for c in cells):
        return []
    return [c if c else "—" for c in cells]


def _t4_header(c: Content) -> list[list[str]]:
    """表四's two-level header as rows of cells in reading order."""
    cols = c.t4_columns()
    groups = c.t4_groups()
    return [[groups[0][0], groups[1][0]], cols + [groups[1][1], groups[2][1]], cols + cols]


def _t3_header(c: Content) -> list[list[str]]:
    if c.style.header == "generic":
        return [["申请人情况"], c.t3_columns()]
    cols = c.t3_columns()
    return [["申请人情况"], [cols[0], "法人或其他组织", cols[6]], cols[1:6]]


# ── inline ─────────────────────────────────────────────────────────────────────────────────────────

def inline(c: Content, rng: random.Random) -> tuple[str, list[str]]:
    """The report as a crawler dumps a web page: one or a few long lines (see the module docstring)."""
    spaced_share = rng.choice((0.0, 0.0, 0.5, 1.0))
    kinds = [f"spaced:{spaced_share:g}"]
    ambiguous = False

    def run(cells: list[str], unique_only: bool = False) -> str:
        nonlocal ambiguous
        shown = _shown(cells)
        glue = not (rng.random() < spaced_share or (unique_only and any(len(x) > 1 for x in shown)))
        if glue and any(len(x) > 1 for x in shown):
            ambiguous = True
        return ("" if glue else " ").join(shown)

    segs: list[str] = [c.title, *c.intro, c.headings["表二"]]
    for block in c.t2:
        segs.append(block.item + "".join(block.header))
        for row in block.rows:
            cells = [x + n for x, n in zip(row.cells, row.notes)]
            segs.append(row.label + run(cells, unique_only=True))     # 表二 has no identities to split a run
    segs += [c.headings["表三"] + c.t3_note + "".join(sum(_t3_header(c), []))]
    for row in c.t3:
        segs.append(row.top + row.group + row.label + run(row.cells))
    segs.append(c.headings["表四"] + "".join(sum(_t4_header(c), [])))
    if c.style.t4 == "three_rows":
        segs.append(" ".join(run(c.t4[i:i + 5]) for i in range(0, 15, 5)))
    else:
        segs.append(run(c.t4))
    segs += c.outro
    kinds.append("runs:identities" if ambiguous else "runs:unique")
    breaks = set(rng.sample(range(1, len(segs)), rng.randint(0, 3)))
    lines, line = [], ""
    for i, seg in enumerate(segs):
        if i in breaks:
            lines.append(line)
            line = ""
        line += seg + (" " if rng.random() < 0.15 else "")
    return "\n".join(lines + [line]) + "\n", kinds


# ── wrapped PDF text ───────────────────────────────────────────────────────────────────────────────

class _Printer:
    def __init__(self, rng: random.Random, sep: str) -> None:
        self.rng, self.sep = rng, sep

    def join(self, cells: list[str]) -> str:
        out = ""
        for cell in cells:
            if not out:
                out = cell
                continue
            gap = ("\t" if self.sep == "tabs" else " " * self.rng.randint(2, 7) if self.sep == "spaces"
                   else self.rng.choice(("\t", "  ", "    ", " \t")))
            out += gap + cell
        return out


def _wrap(label: str, width: int) -> list[str]:
    if len(label) <= width:
        return [label]
    n = min(3, -(-len(label) // width))
    size = -(-len(label) // n)
    return [label[i:i + size] for i in range(0, len(label), size)]


def _row_lines(p: _Printer, prefix: list[str], label: str, cells: list[str], width: int, place: str) -> list[str]:
    """One table row as lines: the label wrapped at ``width``, the numbers where ``place`` says."""
    shown = _shown(cells)
    parts = _wrap(label, width)
    if not shown:
        return [p.join(prefix + [label])]
    if len(parts) == 1:
        return [p.join(prefix + parts + shown)]
    if place in ("above", "below"):
        numbers = p.join(shown)
        lines = [p.join(prefix + parts[:1])] + parts[1:]
        return [numbers] + lines if place == "above" else lines + [numbers]
    at = {"first": 0, "middle": len(parts) // 2, "last": len(parts) - 1}[place]
    return [p.join((prefix if k == 0 else []) + [part] + (shown if k == at else [])) for k, part in enumerate(parts)]


def _header_lines(p: _Printer, rows: list[list[str]], vertical: bool) -> list[str]:
    if not vertical:
        return [p.join(r) for r in rows]
    words = [w for r in rows for w in r]
    return [ch for w in words for ch in w]


def _t3_lines(c: Content, p: _Printer, rng: random.Random, width: int, place: str, kinds: list[str]) -> list[str]:
    vertical = c.style.header == "vertical"
    header = [c.t3_note] + _header_lines(p, _t3_header(c), vertical)
    merged = rng.choice(("own_line", "prefix_first", "prefix_middle", "fragments"))
    kinds.append(f"merged_labels:{merged}")
    rows = c.t3
    groups: list[list[int]] = []              # a merged label (top or group) and the rows it spans
    for i, row in enumerate(rows):
        if row.top or row.group or not groups or row.key in TOP_LEVEL_ROWS or row.key == "total_processed":
            groups.append([])
        groups[-1].append(i)
    before: dict[int, list[str]] = defaultdict(list)     # lines of their own before a row
    prefix: dict[int, list[str]] = defaultdict(list)     # cells before a row's label
    for group in groups:
        first = rows[group[0]]
        if first.top and merged == "fragments":  # 三、本年度办理结果 in pieces, down the middle of the outcome rows
            span = [i for i, r in enumerate(rows) if r.key not in TOP_LEVEL_ROWS]
            pieces = _wrap(first.top, rng.randint(3, 5))
            start = span[len(span) // 2 - len(pieces) // 2]
            for k, piece in enumerate(pieces):
                prefix[start + k].insert(0, piece)
            continue
        opener = first.top or first.group
        if not opener:
            continue
        if merged == "own_line":
            before[group[0]].append(opener)
        else:
            prefix[group[len(group) // 2 if merged in ("prefix_middle", "fragments") else 0]].append(opener)
    body = [before[i] + _row_lines(p, prefix[i], row.label, row.cells, width, place) for i, row in enumerate(rows)]
    cut = rng.randint(3, len(body) - 2)
    repeat = rng.random() < 0.5
    footer = rng.choice(_FOOTERS).format(p=rng.randint(2, 4), n=rng.randint(5, 9))
    kinds.append("page_break:header_again" if repeat else "page_break:no_header")
    page = ["", footer, ""] + ([c.title] if rng.random() < 0.3 else []) + (header[1:] if repeat else [])
    out = header + [line for lines in body[:cut] for line in lines] + page
    return out + [line for lines in body[cut:] for line in lines]


def wrapped_pdf(c: Content, rng: random.Random) -> tuple[str, list[str]]:
    """The report as a PDF's text layer (see the module docstring)."""
    sep = rng.choice(("spaces", "spaces", "tabs", "mixed"))
    width = rng.randint(9, 16)
    place = rng.choice(("first", "middle", "last", "middle", "above", "below"))
    kinds = [f"sep:{sep}", f"numbers:{place}"]
    p = _Printer(rng, sep)
    note_own_line = rng.random() < 0.5
    lines = [c.title, "", *c.intro, "", c.headings["表二"]]
    for block in c.t2:
        lines += [block.item, p.join(block.header)]
        for row in block.rows:
            if note_own_line and any(row.notes):
                lines += _row_lines(p, [], row.label, row.cells, 99, "first")
                lines.append("".join(row.notes))
            else:
                lines += _row_lines(p, [], row.label, [x + n for x, n in zip(row.cells, row.notes)], 99, "first")
    lines += ["", c.headings["表三"]] + _t3_lines(c, p, rng, width, place, kinds)
    lines += ["", c.headings["表四"]]
    lines += _header_lines(p, _t4_header(c), c.style.header == "vertical")
    numbers = _shown(c.t4)
    if c.style.t4 == "three_rows":
        lines += [p.join(numbers[i:i + 5]) for i in range(0, 15, 5)]
    elif c.style.t4 == "gap_rows":
        lines += [""] * rng.randint(2, 5) + [p.join(numbers)]
    else:
        lines.append(p.join(numbers))
    lines += ["", *c.outro]
    if any("（其中" in n for b in c.t2 for r in b.rows for n in r.notes):
        kinds.append("note_own_line" if note_own_line else "note_inline")
    return "\n".join(lines) + "\n", kinds
