"""Render a Report back into report text, in the layouts real reports arrive in.

Used to build test corpora and benchmarks from golden files: a renderer and
the extractor must round-trip (``extract(render(r)) == r``) for the lossless layouts
``LAYOUTS``; the others lose what real documents lose (PDF text drops empty cells,
a glued dump drops every separator). :mod:`llm_extract.synth.damage` damages the
rows of a :class:`Sheet` before it is printed.

Layouts:
    ``cells``     one cell per line, each line a tab then the cell (Word/HTML export, seeds 000/001/003/004)
    ``tabrows``   one table row per line, cells separated by tabs (PDF text, seed 002)
    ``markdown``  a markdown table (PDF/Word converters), broken cells joined with ``<br>``
    ``pdftext``   one row per line, cells separated by a ragged run of spaces; empty cells vanish
    ``pages``     ``pdftext`` with 表三 split over two pages (footer, page number, running header, header again)
    ``glued``     a crawler's text dump of HTML tables: each row's cells run together (``数量640020470``)
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from ..form import FORM
from ..schema import APPLICANT_COLUMNS, APPLICATION_ROWS, REVIEW_COLUMNS, REVIEW_GROUPS, Report

__all__ = ["render", "build", "emit", "page_break", "Row", "Table", "Sheet", "LAYOUTS", "ALL_LAYOUTS",
           "TABLE3_ROW_LABELS", "cell_text"]

#: Layouts that keep every cell: ``extract(render(r)) == r`` exactly.
LAYOUTS = ("cells", "tabrows")
#: Every layout ``render`` prints.
ALL_LAYOUTS = ("cells", "tabrows", "markdown", "pdftext", "pages", "glued")

#: (group label or "", row label) as the 2021 form prints them.
TABLE3_ROW_LABELS: dict[str, tuple[str, str]] = {r.key: (r.group, r.label) for r in FORM.table3_rows}

def _t2_rows() -> tuple[tuple[str, tuple[str, ...], tuple[tuple[str, str], ...]], ...]:
    """表二 as the form prints it: per 第二十条 item, its header and its rows (label, key)."""
    out: list[tuple[str, tuple[str, ...], tuple[tuple[str, str], ...]]] = []
    for row in FORM.table2:
        key = row.path.split(".", 1)[1]
        if out and out[-1][0] == row.section:
            out[-1] = (out[-1][0], out[-1][1], out[-1][2] + ((row.label, key),))
        else:
            out.append((row.section, ("信息内容",) + tuple(c.label for c in row.columns), ((row.label, key),)))
    return tuple(out)


_T2_ROWS = _t2_rows()
_T3_HEADER = ("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况", "自然人",
              "法人或其他组织", "总计", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
_T4_HEADER = ("行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计",
              "未经复议直接起诉", "复议后起诉")


def cell_text(value: int | Decimal | None) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _t2_values(report: Report, key: str) -> list:
    node = getattr(report.active_disclosure, key)
    if key in ("regulations", "normative_documents"):
        return [node.issued, node.repealed, node.in_force]
    return [node]


def _narrative(report: Report) -> list[str]:
    year = report.year or 2021
    total = report.applications.new_received.total
    said = f"共收到政府信息公开申请{total}件" if total is not None else "依法受理政府信息公开申请"
    return [
        "一、总体情况",
        f"{year}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，{said}，均已按时答复。",
        "",
    ]


@dataclass
class Row:
    """One printed table row: label cells, then value cells (text as printed).

    ``kind`` is ``data`` (a row of the form), ``header``, or ``text`` (a line outside the
    grid: a stray note, page furniture; ``cells[0]`` is printed as it is). A label cell
    may hold ``\\n``: it is broken across lines, and ``value_line`` says which of its
    lines carries the row's numbers in row layouts.
    """

    cells: list[str]
    labels: int = 0
    key: str = ""
    kind: str = "data"
    value_line: int = 0
    recounted: bool = False        # damage changed its count of numbers (see damage.py)

    @property
    def values(self) -> list[str]:
        return self.cells[self.labels:]


@dataclass
class Table:
    name: str                      # 表二, 表三, 表四
    heading: str
    rows: list[Row]


@dataclass
class Sheet:
    """A report laid out as tables, before it is printed in a layout."""

    title: str
    intro: list[str]
    tables: list[Table]
    outro: list[str] = field(default_factory=lambda: list(_OUTRO))


_OUTRO = ("五、存在的主要问题及改进情况", "信息公开工作仍有不足，将继续改进。", "",
          "六、其他需要报告的事项", "本年度未收取信息处理费。", "")


def build(report: Report, layout: str = "cells") -> Sheet:
    """The report's tables as rows; ``layout`` only decides 表三's leading empty cells."""
    t2: list[Row] = []
    for item, header, rows in _T2_ROWS:
        t2.append(Row([item], 1, kind="header"))
        t2.append(Row(list(header), len(header), kind="header"))
        for label, key in rows:
            t2.append(Row([label] + [cell_text(v) for v in _t2_values(report, key)], 1, f"active_disclosure.{key}"))
    t3: list[Row] = [Row(list(_T3_HEADER), len(_T3_HEADER), kind="header")]
    for row in APPLICATION_ROWS:
        group, label = TABLE3_ROW_LABELS[row]
        node = getattr(report.applications, row)
        values = [cell_text(getattr(node, c)) for c in APPLICANT_COLUMNS]
        prefix = [group] if group else ([""] if layout == "cells" and row not in ("new_received", "carried_over") else [])
        t3.append(Row(prefix + [label] + values, len(prefix) + 1, f"applications.{row}"))
    numbers = [cell_text(getattr(getattr(report.review_litigation, g), c)) for g in REVIEW_GROUPS for c in REVIEW_COLUMNS]
    t4 = [Row(list(_T4_HEADER), len(_T4_HEADER), kind="header"), Row(numbers, 0, "review_litigation")]
    return Sheet(title=f"{report.agency or ''}{report.year or 2021}年政府信息公开工作年度报告", intro=_narrative(report),
                 tables=[Table("表二", "二、主动公开政府信息情况", t2), Table("表三", "三、收到和处理政府信息公开申请情况", t3),
                         Table("表四", "四、政府信息公开行政复议、行政诉讼情况", t4)])


def _cells(rows: list[Row], rng: random.Random) -> list[str]:
    """One cell per line; rows separated by an empty line; a broken cell continues on lines without a tab."""
    out: list[str] = []
    for row in rows:
        if row.kind == "text":
            out.append(row.cells[0])
            continue
        out.extend("\t" + c for c in row.cells)
        out.append("")
    return out


def _row_lines(row: Row, sep: str, join: Callable[[list[str]], str]) -> list[str]:
    """A row printed on one line, or over several when a label cell is broken (numbers on ``value_line``)."""
    broken = next((i for i, c in enumerate(row.cells[:row.labels]) if "\n" in c), None)
    if broken is None:
        return [join(row.cells)]
    parts = row.cells[broken].split("\n")
    at = min(row.value_line, len(parts) - 1)
    lines = []
    for k, part in enumerate(parts):
        if k == at:
            lines.append(join(row.cells[:broken] + [part] + row.cells[broken + 1:]))
        else:
            lines.append(part)
    return lines


def _tabrows(rows: list[Row], rng: random.Random) -> list[str]:
    out: list[str] = []
    for row in rows:
        out.extend([row.cells[0]] if row.kind == "text" else _row_lines(row, "\t", "\t".join))
    return out


def _markdown(rows: list[Row], rng: random.Random) -> list[str]:
    """A markdown table as PDF converters write it; a broken cell is joined with ``<br>``."""
    out: list[str] = []
    for i, row in enumerate(rows):
        if row.kind == "text":
            out.append(row.cells[0])
            continue
        out.append("| " + " | ".join(c.replace("\n", "<br>") for c in row.cells) + " |")
        if i == 0:
            out.append("|" + "---|" * len(row.cells))
    return out


def _pdftext(rows: list[Row], rng: random.Random) -> list[str]:
    """Space-separated PDF text with ragged columns: empty cells vanish, gaps vary."""
    def join(cells: list[str]) -> str:
        line = ""
        for c in cells:
            if c:
                line += (" " * rng.randint(1, 6) if line else "") + c
        return line

    out: list[str] = []
    for row in rows:
        out.extend([row.cells[0]] if row.kind == "text" else _row_lines(row, " ", join))
    return out


def _glued(rows: list[Row], rng: random.Random) -> list[str]:
    """A crawler's dump of an HTML table: every cell separator lost."""
    return [row.cells[0] if row.kind == "text" else "".join(c.replace("\n", "") for c in row.cells) for row in rows]


def page_break(title: str, page: int, pages: int, header: list[str] | None = None) -> list[Row]:
    """Page furniture between two rows: footer, page number, running header (and a repeated table header)."""
    rows = [Row([""], kind="text"), Row([f"第 {page} 页 共 {pages} 页"], kind="text"), Row([f"- {page} -"], kind="text"),
            Row([""], kind="text"), Row([title], kind="text")]
    if header:
        rows.append(Row(list(header), len(header), kind="header"))
    return rows


_EMIT: dict[str, Callable[[list[Row], random.Random], list[str]]] = {
    "cells": _cells, "tabrows": _tabrows, "markdown": _markdown, "pdftext": _pdftext, "pages": _pdftext,
    "glued": _glued,
}


def emit(sheet: Sheet, layout: str = "cells", seed: int = 0) -> str:
    """Print a sheet in ``layout`` (see ``ALL_LAYOUTS``); ``seed`` drives the ragged spacing of PDF text."""
    if layout not in _EMIT:
        raise ValueError(f"unknown layout {layout!r}; choose from {ALL_LAYOUTS}")
    rng = random.Random(seed)
    lines = [sheet.title, ""] + list(sheet.intro)
    for table in sheet.tables:
        lines += [table.heading] + _EMIT[layout](table.rows, rng) + [""]
    return "\n".join(lines + list(sheet.outro))


def render(report: Report, layout: str = "cells", seed: int = 0) -> str:
    """The report as text in ``layout`` (see ``ALL_LAYOUTS``)."""
    if layout not in _EMIT:
        raise ValueError(f"unknown layout {layout!r}; choose from {ALL_LAYOUTS}")
    sheet = build(report, layout)
    if layout == "pages":   # 表三 split over two pages after its twelfth row
        t3 = sheet.tables[1]
        t3.rows[13:13] = page_break(sheet.title, 2, 4, list(_T3_HEADER[2:]))
    return emit(sheet, layout, seed)
