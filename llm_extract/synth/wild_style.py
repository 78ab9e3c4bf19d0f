"""What a wild report says before it is laid out: its words, as one document prints them.

The second renderer (:mod:`llm_extract.synth.wild`) is written from ``FORM.md`` and the
issue's examples, not from :mod:`llm_extract.synth.render`. This module picks, per
document, the cross-cutting variations every family shares (a :class:`Style`), and
builds the :class:`Content` the family emitters lay out: title, headings, 表二 blocks,
表三 rows (top / group / item label and seven printed cells), 表四's fifteen cells.

Every label comes from :data:`llm_extract.form.FORM`; a variation only changes how it
is printed (brackets, item numbers, 总计/合计, typos, 规范性文件), never which row it is.
Every value is printed as the report holds it: a count as digits, the fee with its
decimals, ``None`` as the document's blank token (empty, ``/``, ``-``, ``—``, ``无``).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from decimal import Decimal

from ..form import FORM
from ..schema import Report

__all__ = ["Style", "Content", "T2Block", "T3Row", "choose_style", "build_content", "printed", "BLANKS", "ITEM_ROWS",
           "TOP_LEVEL_ROWS"]

#: Placeholders real reports print for a blank cell (golden ``null``); "" is an empty cell.
BLANKS = ("", "/", "-", "—", "无")
#: Typos seen inside real labels (FORM.md): each leaves the label readable to a person.
TYPOS = (("行政机关", "行玫机关"), ("其他法律行政法规禁止公开", "其他法律行政止公开"), ("举报投诉", "举报投拆"),
         ("补正后申请", "补正后申清"))
_FULL_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")
_HALF_BRACKET = str.maketrans("（）", "()")
_ITEM = re.compile(r"^(\d)\.")
_T3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
_TRAILING_NOTE = re.compile(r"（[^（）]+）$")      # （二）部分公开（区分处理的，…）: the note after the label
_HEADINGS = {
    "表二": ("二、主动公开政府信息情况",),
    "表三": ("三、收到和处理政府信息公开申请情况",),
    "表四": ("四、政府信息公开行政复议、行政诉讼情况", "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
            "四、政府信息公开行政法复议、行政诉讼情况"),
}
_RENUMBER = {"二、": "三、", "三、": "四、", "四、": "五、"}


def _rows_under_groups() -> frozenset[str]:
    """The 表三 rows printed under a group label (（三）不予公开 … （六）其他处理): items of their own column."""
    out: set[str] = set()
    inside = False
    for row in FORM.table3_rows:
        inside = (inside or bool(row.group and not row.group.startswith("三、"))) and row.key != "total_processed"
        if inside:
            out.add(row.key)
    return frozenset(out)


#: 表三 rows under a group label, in an item column of their own
ITEM_ROWS = _rows_under_groups()
#: 表三 rows whose label spans every label column (outside 三、本年度办理结果)
TOP_LEVEL_ROWS = tuple(k for k in FORM.table3_row_keys if k not in FORM.table3_outcome_rows and k != "total_processed")


@dataclass(frozen=True)
class Style:
    """One document's cross-cutting variations; ``kinds()`` names them for the bench."""

    header: str = "words"          # 表三/表四 header: words | generic (数据1…数据6) | vertical (one character
    #                                per line) | garbled (words broken and merged: 或其他: 社会 公益 组织)
    bracket: str = "full"          # （一） | (一)
    item: str = "dot"              # 1. | 1、 | １．
    total_word: str = "总计"        # 总计 | 合计
    normative: str = "行政规范性文件"  # or the older 规范性文件
    typos: tuple[tuple[str, str], ...] = ()
    blank: str = ""                # the token printed for a null cell
    t4: str = "one_row"            # one_row | three_rows | gap_rows
    heading: str = "plain"         # plain | drift (another wording of 表四) | renumbered (a section added before 表二)
    title: str = "clean"           # clean | prefix (标题:) | page_number (1-agency)
    annotate: bool = False         # 表二 stock cells carry a note: 22（其中修订16件）
    other_single: bool = False     # （六）其他处理 as one row (only when its three rows are all 0)
    fee_zero: str = "0"            # 0 | 0.00

    def label(self, text: str) -> str:
        """A label of the form as this document prints it."""
        for old, new in self.typos:
            text = text.replace(old, new)
        text = text.replace("总计", self.total_word) if text.endswith("总计") else text
        if self.bracket == "half":
            text = text.translate(_HALF_BRACKET)
        if self.item == "comma":
            text = _ITEM.sub(r"\1、", text)
        elif self.item == "fullwidth":
            text = _ITEM.sub(lambda m: m.group(1).translate(_FULL_DIGITS) + "．", text)
        return text

    def kinds(self) -> list[str]:
        base = Style()
        out = [f"{name}:{getattr(self, name)}" for name in ("header", "bracket", "item", "t4", "heading", "title")
               if getattr(self, name) != getattr(base, name)]
        out += ["合计" if self.total_word == "合计" else "", "规范性文件" if self.normative == "规范性文件" else "",
                "typos" if self.typos else "", f"blank:{self.blank}" if self.blank else "",
                "annotated" if self.annotate else "", "other_single_row" if self.other_single else ""]
        return [k for k in out if k]


def choose_style(rng: random.Random, report: Report) -> Style:
    """A random style; every choice leaves the report readable by a careful person."""
    other = [getattr(report.applications, k) for k in ("other_no_correction", "other_unpaid_fee", "other_other")]
    all_zero = all(r.total == 0 and all(getattr(r, c) == 0 for c in FORM.table3_column_keys) for r in other)
    return Style(
        header=rng.choice(("words", "words", "generic", "vertical", "garbled")),
        bracket=rng.choice(("full", "full", "half")),
        item=rng.choice(("dot", "dot", "comma", "fullwidth")),
        total_word=rng.choice(("总计", "总计", "合计")),
        normative=rng.choice(("行政规范性文件", "行政规范性文件", "规范性文件")),
        typos=tuple(t for t in TYPOS if rng.random() < 0.15),
        blank=rng.choice(BLANKS),
        t4=rng.choice(("one_row", "one_row", "three_rows", "gap_rows")),
        heading=rng.choice(("plain", "plain", "drift", "renumbered")),
        title=rng.choice(("clean", "clean", "clean", "prefix", "page_number")),
        annotate=rng.random() < 0.2,
        other_single=all_zero and rng.random() < 0.2,
        fee_zero=rng.choice(("0", "0.00")),
    )


@dataclass
class T3Row:
    """One printed 表三 row: the merged labels it opens (``top``, ``group``), its own label, seven cells."""

    key: str
    top: str
    group: str
    label: str
    cells: list[str]
    blank: bool = False            # every value is null
    note: str = ""                 # the note the label ends with, as printed (（区分处理的，…）)


@dataclass
class T2Row:
    label: str
    cells: list[str]
    notes: list[str] = field(default_factory=list)   # per cell: the annotation printed after the number, or ""


@dataclass
class T2Block:
    item: str                      # 第二十条第（一）项
    header: list[str]              # 信息内容, then the column labels
    rows: list[T2Row]


@dataclass
class Content:
    style: Style
    year: int
    title: str
    intro: list[str]
    headings: dict[str, str]
    t2: list[T2Block]
    t3_note: str
    t3: list[T3Row]
    t4: list[str]
    outro: list[str]

    def t3_columns(self) -> list[str]:
        """The seven 表三 column labels as this document prints them (generic or the form's)."""
        if self.style.header == "generic":
            return [f"数据{i}" for i in range(1, 7)] + [self.style.total_word]
        words = [c.label for c in FORM.table3_columns[:6]]
        if self.style.header == "garbled":      # as a PDF converter merged them (seed 002)
            words = [w if len(w) < 4 else " ".join(w[i:i + 2] for i in range(0, len(w), 2)) for w in words]
            words[3] = "或其他: " + words[3]
        return words + [self.style.total_word]

    def t4_columns(self) -> list[str]:
        words = [c.label if c.key != "total" else self.style.total_word for c in FORM.table4_columns]
        return [f"{w[:2]} {w[2:]}" if self.style.header == "garbled" and len(w) == 4 else w for w in words]

    def t4_groups(self) -> list[tuple[str, str]]:
        """(行政复议 | 行政诉讼, sub-heading) per group, as the two-level header prints them."""
        out = []
        for g in FORM.table4_groups:
            top, _, sub = g.label.partition("·")
            out.append((top, sub))
        return out


def printed(value: int | Decimal | None, style: Style) -> str:
    """A value as this document prints it."""
    if value is None:
        return style.blank
    if isinstance(value, Decimal):
        return style.fee_zero if value == 0 else format(value, "f")
    return str(value)


def _t2(report: Report, style: Style, rng: random.Random) -> list[T2Block]:
    blocks: dict[str, T2Block] = {}
    for row in FORM.table2:
        block = blocks.setdefault(row.section, T2Block(row.section if style.bracket == "full" else
                                                       row.section.translate(_HALF_BRACKET),
                                                       ["信息内容"] + [c.label for c in row.columns], []))
        node = report.get(row.path)
        values = [getattr(node, c.key) for c in row.columns] if row.columns[0].key else [node]
        label = style.normative if row.label == "行政规范性文件" else row.label
        cells = [printed(v, style) for v in values]
        notes = ["" for _ in cells]
        if style.annotate and row.columns[0].key == "issued" and isinstance(values[0], int) and values[0] >= 2:
            notes[0] = f"（其中修订{rng.randint(1, values[0] - 1)}件）"
        block.rows.append(T2Row(label, cells, notes))
    return list(blocks.values())


def _t3(report: Report, style: Style) -> list[T3Row]:
    rows: list[T3Row] = []
    for spec in FORM.table3_rows:
        node = getattr(report.applications, spec.key)
        values = [getattr(node, c) for c in FORM.table3_column_keys]
        top, group = ("", spec.group) if not spec.group.startswith("三、") else (spec.group, "")
        note = _TRAILING_NOTE.search(spec.label)
        rows.append(T3Row(spec.key, style.label(top), style.label(group), style.label(spec.label),
                          [printed(v, style) for v in values], all(v is None for v in values),
                          style.label(note.group()) if note and note.start() else ""))
    if style.other_single:      # （六）其他处理 printed as one row of zeros, no sub-rows
        at = next(i for i, r in enumerate(rows) if r.key == "other_no_correction")
        rows[at:at + 3] = [T3Row("other_single", "", "", style.label(FORM.table3_row("other_no_correction").group), rows[at].cells)]
    return rows


def _title(report: Report, style: Style, rng: random.Random) -> str:
    agency, year = report.agency or "", report.year or 2021
    clean = rng.choice((f"{agency}{year}年政府信息公开工作年度报告", f"{agency}{year}年度政府信息公开工作年度报告",
                        f"{agency} {year} 年政府信息公开工作年度报告"))
    if style.title == "prefix":
        return rng.choice(("标题:", "标题：", "【标题】")) + clean
    if style.title == "page_number":
        return f"{rng.randint(1, 9)}{rng.choice(('-', ' ', ''))}{clean}"
    return clean


def _headings(style: Style, rng: random.Random) -> dict[str, str]:
    out = {t: (rng.choice(h) if style.heading == "drift" else h[0]) for t, h in _HEADINGS.items()}
    if style.heading == "renumbered":
        out = {t: _RENUMBER[h[:2]] + h[2:] for t, h in out.items()}
    return out


def build_content(report: Report, style: Style, rng: random.Random) -> Content:
    """The document's words and cells, before any layout."""
    year = report.year or 2021
    total = report.applications.new_received.total
    said = f"共收到政府信息公开申请{total}件" if total is not None else "依法受理政府信息公开申请"
    intro = ["一、总体情况", f"{year}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，{said}，均已按时答复。"]
    if style.heading == "renumbered":
        intro += ["二、政务公开工作机制建设", "本机关健全政务公开工作机制，明确专人负责。"]
    t4 = [printed(getattr(getattr(report.review_litigation, g), c), style)
          for g in FORM.table4_group_keys for c in FORM.table4_column_keys]
    section = "六、" if style.heading == "renumbered" else "五、"
    last = "七、" if style.heading == "renumbered" else "六、"
    outro = [f"{section}存在的主要问题及改进情况", "信息公开工作仍有不足，将继续改进。",
             f"{last}其他需要报告的事项", "本年度未收取信息处理费。"]
    return Content(style=style, year=year, title=_title(report, style, rng), intro=intro, headings=_headings(style, rng),
                   t2=_t2(report, style, rng), t3_note=_T3_NOTE if style.bracket == "full" else
                   _T3_NOTE.translate(_HALF_BRACKET), t3=_t3(report, style), t4=t4, outro=outro)
