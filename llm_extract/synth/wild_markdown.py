"""Markdown as PDF converters write it: the ``converter_md`` family of the wild renderer.

The form's tables are grids with merged cells; a converter flattens them to pipe
tables, and the merges leave traces:

* a label spanning two or three columns leaves empty cells before the numbers
  (``| 一、本年新收政府信息公开申请数量 |  |  | 10 | 1 | … |``), or, with ``span:repeat``,
  the label repeated in every column it spans (as some converters do);
* with three label columns the group label has its own column
  (``|  | （三）不予公开 | 1.属于国家秘密 | 0 | … |``), and 三、本年度办理结果 sits in the first;
* some labels are detached from their numbers: a label-only row, then a row whose label
  cells are empty;
* the header is split over several rows; a cell's note (（区分处理的，…）, （其中修订16件）)
  is pulled onto a row of its own; long labels carry ``<br>``.

Every cell keeps its column, so an empty cell is a blank (golden ``null``) and the
document reads back exactly.
"""

from __future__ import annotations

import random

from .wild_style import ITEM_ROWS, TOP_LEVEL_ROWS, Content

__all__ = ["converter_md"]



def _md(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _rule(n: int) -> str:
    return "|" + "---|" * n


class _Grid:
    def __init__(self, rng: random.Random, labels: int, repeat: bool, br: float) -> None:
        self.rng, self.labels, self.repeat, self.br = rng, labels, repeat, br

    def cell(self, text: str) -> str:
        if len(text) > 8 and self.rng.random() < self.br:
            cut = self.rng.randint(3, len(text) - 3)
            return text[:cut] + "<br>" + text[cut:]
        return text

    def span(self, text: str, width: int) -> list[str]:
        """A label spanning ``width`` columns: text then empty cells, or the text repeated."""
        text = self.cell(text)
        return [text] * width if self.repeat and text else [text] + [""] * (width - 1)


def _t3(c: Content, g: _Grid, detached: float, note_own: bool) -> list[str]:
    n = g.labels
    cols = c.t3_columns()
    if c.style.header == "vertical":
        cols = ["<br>".join(w) for w in cols]
    out = [_md(g.span(c.t3_note, n) + g.span("申请人情况", 7)), _rule(n + 7)]
    if c.style.header == "generic":
        out.append(_md([""] * n + cols))
    else:
        out.append(_md([""] * n + [cols[0]] + g.span("法人或其他组织", 5) + [cols[6]]))
        out.append(_md([""] * n + [""] + cols[1:6] + [""]))
    for row in c.t3:
        note = row.note if note_own else ""
        label = row.label[:-len(note)] if note else row.label
        if row.key in TOP_LEVEL_ROWS:
            head = g.span(label, n)
        elif row.key in ITEM_ROWS:
            head = ([""] if n == 3 else []) + [row.group, g.cell(label)]
        elif n == 3:
            head = [row.top] + g.span(label, 2)
        else:
            if row.top:
                out.append(_md(g.span(row.top, 2) + [""] * 7))
            head = g.span(label, 2)
        if g.rng.random() < detached:
            out += [_md(head + [""] * 7), _md([""] * n + row.cells)]
        else:
            out.append(_md(head + row.cells))
        if note:
            out.append(_md([note] + [""] * (n + 6)))
    return out


def _t2(c: Content, g: _Grid, note_own: bool) -> list[str]:
    out = [_md(g.span(c.t2[0].item, 4)), _rule(4)]
    for block in c.t2:
        if block is not c.t2[0]:
            out.append(_md(g.span(block.item, 4)))
        out.append(_md(block.header[:1] + (block.header[1:] if len(block.header) == 4 else g.span(block.header[1], 3))))
        for row in block.rows:
            values = row.cells if len(row.cells) == 3 else g.span(row.cells[0], 3) if row.cells[0] else [""] * 3
            if note_own:
                out.append(_md([row.label] + values))
                if any(row.notes):
                    out.append(_md([""] + row.notes))
            else:
                out.append(_md([row.label] + [v + n for v, n in zip(values, row.notes + ["", "", ""])]))
    return out


def _t4(c: Content, g: _Grid) -> list[str]:
    cols = c.t4_columns()
    groups = c.t4_groups()
    if c.style.t4 == "three_rows":
        out = [_md([""] + cols), _rule(6)]
        for (top, sub), i in zip(groups, range(0, 15, 5)):
            out.append(_md([f"{top}（{sub}）" if sub else top] + c.t4[i:i + 5]))
        return out
    out = [_md(g.span(groups[0][0], 5) + g.span(groups[1][0], 10)), _rule(15),
           _md(cols + g.span(groups[1][1], 5) + g.span(groups[2][1], 5)), _md([""] * 5 + cols + cols)]
    if c.style.t4 == "gap_rows":
        out += [_md([""] * 15)] * g.rng.randint(1, 4)
    return out + [_md(c.t4)]


def converter_md(c: Content, rng: random.Random) -> tuple[str, list[str]]:
    """The report as Markdown from a PDF converter (see the module docstring)."""
    labels = rng.choice((2, 3, 3))
    repeat = rng.random() < 0.25
    detached = rng.choice((0.0, 0.0, 0.2, 0.5))
    note_own = rng.random() < 0.5
    g = _Grid(rng, labels, repeat, rng.choice((0.0, 0.2, 0.5)))
    kinds = [f"label_columns:{labels}", f"span:{'repeat' if repeat else 'empty'}", f"detached:{detached:g}",
             "note_own_line" if note_own else "note_inline"]
    lines = [f"# {c.title}", "", *[x for p in c.intro for x in (p, "")], f"## {c.headings['表二']}", ""]
    lines += _t2(c, g, note_own) + ["", f"## {c.headings['表三']}", ""]
    lines += _t3(c, g, detached, note_own) + ["", f"## {c.headings['表四']}", ""]
    lines += _t4(c, g) + [""] + [x for p in c.outro for x in (p, "")]
    return "\n".join(lines), kinds
