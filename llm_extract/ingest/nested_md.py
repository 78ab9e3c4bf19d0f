"""Markdown of a web page whose article sits in a layout table: every inner table flattened into one cell.

Many government sites place the article in a cell of a page-layout ``<table>``. A converter to Markdown
(markitdown) writes that outer table as a markdown table of one row, and everything in the cell, the report's
own tables included, on that one line::

    | 报告标题 …  **一、总体情况**  2023年，…  二、主动公开政府信息情况  |  |  |  |  | | --- | --- | --- | --- | | 第二十条第一项 | | | | | 信息内容 | 本年制发件数 | … | | 规章 | 0 | 0 | 0 | | 行政规范性文件 | 8 |  | 130 |    三、… |

Its cells keep the converter's spacing: a cell is ``| text |`` (one space each side), an empty cell ``|  |`` (two
spaces), and a single space stands between one row's closing ``|`` and the next row's opening one, as it does
for each column a spanning cell covers. Where rows begin is lost (a row under a cell spanning rows has fewer
cells), but every cell is there, in order: :func:`unnest_tables` writes such a line as the text between the
tables, split where the converter joined paragraphs (two spaces or more, or one before a section's heading
``二、``), and each table a cell to a line
(``\\t`` and its text; an empty cell ``\\t`` alone), as a Word text export prints a table. The table readers
find each row by its label and the cells that follow it.
"""

from __future__ import annotations

import re

__all__ = ["unnest_tables"]

#: a markdown table's separator row inside a longer line (three cells at least)
_SEPARATOR = re.compile(r"\| *:?-{3,}:? *\|(?: *:?-{3,}:? *\|){2,}")
#: a piece between two pipes that is a cell as the converter writes one: one space, text, one space
_CELL = re.compile(r" (?:\S(?:.*\S)?)? ?")
_DASHES = re.compile(r" *:?-{3,}:? *")
#: where a converter joined two paragraphs of one cell (two spaces or more; one before a section's heading)
_PARAGRAPHS = re.compile(r"\s{2,}|\s(?=\**[一二三四五六七]、)")
#: a section's heading run on into its first sentence (``四、政府信息公开行政复议、行政诉讼情况 2022年，…``)
_HEADING = re.compile(r"(\**[一二三四五六七]、[^\s。，；]{2,36}?(?:情况|事项)\**)\s+(?=\S)")
#: a line this long holding a separator is a flattened cell (an ordinary markdown row is never so long)
_MIN_LENGTH = 200


def unnest_tables(text: str) -> str:
    """``text`` with each line that is a layout cell holding markdown tables written as its lines."""
    if "---" not in text:
        return text
    out: list[str] = []
    changed = False
    for line in text.split("\n"):
        lines = _unnested(line) if len(line) >= _MIN_LENGTH and line.lstrip().startswith("|") else None
        if lines is None:
            out.append(line)
        else:
            out.extend(lines)
            changed = True
    return "\n".join(out) if changed else text


def _unnested(line: str) -> list[str] | None:
    s = line.strip()
    if not s.endswith("|") or not _SEPARATOR.search(s, 1, len(s) - 1):
        return None
    pieces = s[1:-1].split("|")
    out: list[str] = []
    for k, piece in enumerate(pieces):
        between = 0 < k < len(pieces) - 1       # (the first and last pieces touch the outer cell's pipes)
        if between and _CELL.fullmatch(piece):
            if _DASHES.fullmatch(piece) or piece == " ":
                continue                        # a separator's cell; a spanned column or a row's end
            out.append("\t" + piece.strip())
        else:
            for paragraph in (x.strip() for x in _PARAGRAPHS.split(piece)):
                if m := _HEADING.match(paragraph):
                    out += [m.group(1), paragraph[m.end():]]     # a heading, its section's first sentence
                elif paragraph:
                    out.append(paragraph)
    return out
