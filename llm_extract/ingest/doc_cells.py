"""A binary Word (.doc) story's characters → lines, tables cell by cell, nested tables row by row.

The characters come with the flags their paragraph mark's properties set (``doc._grpprl_flags``). A
top-level table's cell ends with the mark 0x07, its row with a 0x07 whose paragraph has ``sprmPFTtp``.
A table inside a cell (Word 2000 on; LibreOffice writes the same when it saves a ``.docx`` whose table
stands in a layout cell, a label column or a caption row around 表三) is another matter: its cells and
rows end with ordinary paragraph marks (0x0D) marked ``sprmPFInnerTableCell`` / ``sprmPFInnerTtp``, its
paragraphs standing at depth ``sprmPItap`` ≥ 2 ([MS-DOC] 2.4.3). Read as paragraphs, a whole nested
table would be one cell of the table around it, its 175 numbers run together on one line. They are
printed as :mod:`.docx` prints a cell holding a table: the cell's own paragraphs a line each, then the
nested table, a cell a line (a tab, its text), an empty line after each of its rows.
"""

from __future__ import annotations

from .docx import join_cell

__all__ = ["IN_TABLE", "ROW_END", "INNER_CELL", "INNER_ROW_END", "with_depth", "story_lines"]

IN_TABLE, ROW_END, INNER_CELL, INNER_ROW_END = 1, 2, 4, 8
_DEPTH_SHIFT, _MAX_DEPTH = 4, 15        # the nesting depth (itap) kept in the flags' upper bits, 15 at most

_CELL = "\x07"
# what a character becomes: a tab is a space; a line, page or column break inside a paragraph a new line
_SPECIAL = {"\t": " ", "\x0b": "\n", "\x0c": "\n", "\x0e": "\n", "\x1e": "-", "\xa0": " "}
_DROPPED = frozenset(chr(c) for c in range(0x20) if chr(c) not in "\t\n\r\x07\x0b\x0c\x0e\x13\x14\x15\x1e")
_DROPPED |= {"\x1f"}


def with_depth(flags: int, itap: int) -> int:
    """``flags`` carrying the nesting depth ``itap`` (``sprmPItap``'s operand; 0 when the PAPX sets none)."""
    return flags | (max(0, min(itap, _MAX_DEPTH)) << _DEPTH_SHIFT)


def _depth(flags: int) -> int:
    """How deep in tables a paragraph mark stands: 0 outside; a nested table's marks 2 at least."""
    depth = flags >> _DEPTH_SHIFT
    if flags & (INNER_CELL | INNER_ROW_END):
        return max(depth, 2)
    return max(depth, 1) if flags & IN_TABLE else 0


class _Cells:
    """The open cell at each depth: its paragraphs, and whether a nested table was printed inside it
    (a layout cell, whose paragraphs then print as lines of their own)."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.paragraphs: dict[int, list[str]] = {}
        self.layout: set[int] = set()

    def paragraph(self, depth: int, text: str) -> None:
        if depth in self.layout:
            self.lines.extend("\t" + line for line in text.split("\n") if line)
        else:
            self.paragraphs.setdefault(depth, []).append(text)

    def close(self, depth: int, text: str) -> None:
        """The cell at ``depth`` ends with ``text`` as its last paragraph."""
        if depth >= 2 and depth - 1 not in self.layout:       # the cell around this table becomes a layout cell
            self.layout.add(depth - 1)
            for earlier in self.paragraphs.pop(depth - 1, []):
                self.lines.extend("\t" + line for line in earlier.split("\n") if line)
        if depth in self.layout:
            self.paragraph(depth, text)
            self.layout.discard(depth)
        else:
            self.lines.append("\t" + join_cell(self.paragraphs.pop(depth, []) + [text]))
        for deeper in [d for d in self.paragraphs if d > depth]:      # (a nested cell left open: dropped)
            del self.paragraphs[deeper]
        self.layout -= {d for d in self.layout if d > depth}


def story_lines(chars: list[tuple[str, int]]) -> list[str]:
    """Paragraphs one per line; cells a tab then their text; an empty line after each row (of any depth)."""
    lines: list[str] = []
    cells = _Cells(lines)
    buf: list[str] = []
    for ch, flags in chars:
        if ch == _CELL:
            if flags & ROW_END:
                lines.append("")             # the row-end mark's own paragraph holds no text
            else:
                cells.close(1, _clean("".join(buf)))
            buf.clear()
        elif ch == "\r":
            depth = _depth(flags)
            if flags & INNER_ROW_END:
                lines.append("")             # a nested table's row ends (its mark holds no text)
            elif flags & INNER_CELL:
                cells.close(depth, _clean("".join(buf)))
            elif depth:
                cells.paragraph(depth, _clean("".join(buf)))
            elif text := _clean("".join(buf)):
                lines.extend(text.split("\n"))
            buf.clear()
        elif ch not in _DROPPED:
            buf.append(_SPECIAL.get(ch, ch))
    if text := _clean("".join(buf)):
        lines.extend(text.split("\n"))
    return lines


def _clean(text: str) -> str:
    return "\n".join(" ".join(part.split()) for part in text.split("\n")).strip("\n")
