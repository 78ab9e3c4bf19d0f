"""A table printed twice, for the report's year and another (``2022年度情况`` / ``2023年度情况``, ``上年度对比表``).

Some agencies print last year's table beside this year's in the same section, each under a line naming its
year::

    三、收到和处理政府信息公开申请情况
    2022年度情况          ← last year's 表三, every identity holding
    …
    2023年度情况          ← the report's
    …

Both tables hold; read first, last year's would pass every check. :func:`current_year_part` keeps, of a table's
region, only the part under the line naming the report's year (a year ``YYYY年度情况`` / ``YYYY年度统计表``, or
``本年度情况``; ``上年度（2022年）对比表`` names the year before; an appendix's ``附：2022年度对比表``, a colon after any; a
year's number alone, ``2022年度``, ``（2022年）``, ``2022年：``, unless two such lines stand together: a header's cells, a
cell to a line, ``信息内容 / 2022年 / 2023年``). One part named another year and a table printed
before it with no such line (numbers or marks in its cells, or its header only, printed again over the other part):
the table before it is the report's. Where two tables are printed and no part is the
report's year, or the report's year is unknown, the region is left with no line, and its cells are missing: a
table of another year is never read as this year's. One table under a line naming a year is read as printed.

Nor does a later reader of the text's lines (blockread: a PDF tool's blocks, over the whole text) read the table of a
region cut so: :func:`left_to_its_part` marks the cells its part left unread :data:`~.t4years.OTHER_YEARS`, and those
readers leave such a table as the region reader left it (``2025年度`` printing its header and no row, ``2024年度``'s
row of zeros above it: not this year's zeros).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..evidence import Reading
from .layout import Region
from .linetext import LineText
from .t4years import OTHER_YEARS

__all__ = ["current_year_part", "left_to_its_part"]

#: a line naming the year of the table under it
_PART = re.compile(r"(?:附[表件]?\d?[:：]?)?(上一?年度?|去年|本年度?|今年)?[（(]?(?:(20\d\d)年度?)?[)）]?"
                   r"(情况|数据|统计表|统计|对比表|对比|数据表)?[:：]?")
#: a table's cell in a line: a digit, or a placeholder standing alone (无 / - — between spaces, tabs or pipes): a
#: table of this year's with no case prints no number, its marks only
_CELL = re.compile(r"\d|(?<![^\s|])(?:无|/|／|-|－|—|——)(?![^\s|])")
#: the last character of every ending :data:`_PART` takes (情况 数据 统计表 统计 对比表 对比 数据表, a colon after one;
#: a year alone: 2022年, 2022年度, （2022年）)
_PART_LAST = ("况", "据", "表", "计", "比", ":", "：", "年", "度", ")", "）")
#: a line ending so (spaces after it aside), in a text of lines (:class:`.LineText`): the only lines that may name a year
_PART_END = re.compile(r"(?m)[{}][^\S\n]*$".format("".join(_PART_LAST)))


def _part_year(line: str, year: int | None) -> int | None:
    if not line.rstrip().endswith(_PART_LAST):
        return None                     # (no such ending: most lines, told without the pattern)
    s = line.strip().replace(" ", "").replace("\u3000", "")
    m = _PART.fullmatch(s) if len(s) <= 20 else None
    if m is None or not (m.group(1) or m.group(2)) or not (m.group(2) or m.group(3)):
        return None                     # (上年度 alone: a header's piece; a year's number alone heads a table)
    if m.group(2):
        return int(m.group(2))
    if year is None:
        return -1                       # 上年度 / 本年度 of an unknown year
    return year - 1 if m.group(1)[0] in "上去" else year


def current_year_part(lines: Sequence[str], region: Region, year: int | None) -> Region:
    """``region`` (lines ``start`` … ``end - 1``, 1-based) reduced to the part printed for ``year``; unchanged when
    no line in it names a table's year."""
    heads = [(i + 1, y) for i in LineText.of(lines).indices(_PART_END, region.start, region.end - 1)
             if (y := _part_year(lines[i], year)) is not None]
    if not heads:
        return region
    heads = _without_header_cells(lines, heads)
    if not heads:
        return region
    ends = [n for n, _ in heads[1:]] + [region.end]
    parts = [(n + 1, end, y) for (n, y), end in zip(heads, ends)]
    lead = (region.start, heads[0][0])
    lead_has_table = any(_CELL.search(lines[n - 1]) for n in range(lead[0] + 1, lead[1])) \
        or _header_again(lines, lead, parts)
    if len(parts) == 1 and not lead_has_table:
        return region                    # one table under a line naming its year: nothing to choose between
    ours = [p for p in parts if year is not None and p[2] == year]
    if len(ours) == 1:
        start, end = ours[0][0], ours[0][1]
    elif not ours and len(parts) == 1 and lead_has_table and year is not None:
        start, end = lead                # this year's table, then last year's under its own line
    else:
        start = end = region.start       # no part is surely this year's: nothing is read
    return Region(region.name, start, end, region.heading)


def _header_again(lines: Sequence[str], lead: tuple[int, int], parts: list[tuple[int, int, int]]) -> bool:
    """Whether a part repeats a line printed before the first line naming a year: the table's header printed over
    both tables, this year's before with no number in its cells (a row of empty fields) and another year's after
    (``附：2023年度对比表``, its header and its row of zeros): the table before is the report's, printed blank."""
    before = {t for n in range(lead[0] + 1, lead[1]) if len(t := lines[n - 1].strip()) > 1}
    return bool(before) and any(lines[n - 1].strip() in before for start, end, _ in parts for n in range(start, end))


def _without_header_cells(lines: Sequence[str], heads: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``heads`` (line, year) less the years that are a header's cells, not tables' headings: two lines naming years
    with nothing but empty lines between them (``信息内容 / 2022年 / 2023年``, a cell to a line), both."""
    adjacent: set[int] = set()
    for (a, _), (b, _) in zip(heads, heads[1:]):
        if not any(lines[n - 1].strip() for n in range(a + 1, b)):
            adjacent |= {a, b}
    return [h for h in heads if h[0] not in adjacent] if adjacent else heads


def left_to_its_part(readings: dict[str, Reading], paths: Sequence[str]) -> None:
    """Mark the cells of ``paths`` the region reader left unread in a region :func:`current_year_part` cut: the
    text's other lines hold another year's table, which no later reader may take for this year's."""
    for path in paths:
        if (r := readings.get(path)) is not None and r.missing:
            r.method = OTHER_YEARS
            r.note = f"{r.note}; another year's table is printed beside the report's" if r.note else \
                "another year's table is printed beside the report's"
