"""Where 表二, 表三 and 表四 stand: the section headings that open them, and the section after them.

Headings come in the form's order; a line naming sections in a 、 list (``全文包括总体情况、主动公开…``) heads
none. A report whose sections only point to its tables (``详见附件``, ``（详见附表）``) and prints them after its
signature, under the same headings, has its regions there: the first headings' regions holding no cell.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..form import FORM
from .layout import Region
from .headless import anchor_headless_tables
from .linetext import LineText
from .ocr_headings import fuzzy_heading

__all__ = ["next_text", "find_regions", "holds_cell", "list_line"]


# Section headings: 表二 主动公开, 表三 收到和处理申请, 表四 复议/诉讼, then 五、问题 / 六、其他.
_T2, _T3, _T4 = (FORM.headings[t] for t in ("表二", "表三", "表四"))
#: a bullet or an emoji a phone article prints before a heading's number (▶ 三、, 🔹 三、), markdown's emphasis (__五、),
#: a bracket a page sets a heading in (【三、…】, 〔三、…〕)
_BULLETS = r"[\s#*_>|\-\u2190-\u2bff\u3010\u3012-\u3014\u3016\[\U0001F300-\U0001FAFF\ufe0f]*"
#: the heading of the section after the tables: 五、 / 六、, or the problems' / the other matters' section
#: under any number (三、 … 四、存在的主要问题 where a report numbers its sections from 三; （五）存在的主要问题
#: where it brackets them; 5. 存在的主要问题 where it numbers them in digits), behind a bullet
_AFTER = re.compile(r"^" + _BULLETS + r"(?:[五六][、.．]|\(?[五六]\)(?!\s*(?:不予|其他|处理|$))"
                    r"|(?:(?:[一二三四五六七八九十]+[、.．]|\d{1,2}\s*[、.．]|[（(][一二三四五六七八九十]+[)）])\s*)?"
                    r"(?:政府信息公开工作)?(?:存在的主要问题|存在问题|其他需要报告))")
_SECTION_LINE_MAX = 60
#: what every heading :data:`_AFTER` finds holds one of (五, 六, 存在, 其他需要报告)
_AFTER_WORDS = tuple(re.compile(w) for w in ("五", "六", "存在", "其他需要报告"))
#: a section's numbered heading (四、…), and the most a line holding the rest of it wrapped may hold
_NUMBERED_HEAD = re.compile(r"^[一二三四五六七八九十]+[、.．]")
_WRAPPED_TAIL = 12
_SENTENCE = re.compile(r"[。，；;！？]|,\s")
# a section named in a list ("全文包括总体情况、主动公开政府信息情况、收到和处理…") rather than headed:
# a 、 right before the name (not the enumerator of "三、") or right after it
#: "三、", "三 、", "## 三、", "▶ 三、", "🔹 三、" (a bullet or an emoji before a heading's number: a phone article's)
_ENUMERATOR = re.compile(r"^" + _BULLETS + r"(?:[一二三四五六七八九十]+|\d+)\s*[、.．]\s*$")


_NUMBERED = re.compile(r"^\s*[一二三四五六七八九十]+\s*[、.．]")


def _listed(text: str, match: re.Match[str], following: str) -> bool:
    """Whether the heading ``match`` in ``text`` is an item of a list of section names, not a heading
    (``following`` is the next line: a list wrapped after its item goes on with ``况、``)."""
    before, after = text[:match.start()], text[match.end():]
    goes_on = following.strip().lstrip("情况")
    if (after.lstrip("情况") or goes_on).startswith(("、", "和", "及")):
        # (a numbered heading, 四、…情况, over a lone 、: an OCR'd speck, not a list going on)
        return after.lstrip("情况") != "" or goes_on != "、" or not _NUMBERED.match(before)
    return before.rstrip().endswith("、") and not _ENUMERATOR.match(before)


def next_text(lines: list[str], n: int) -> str:
    """The first line holding text after line ``n`` (1-based), past blank lines (pypdf's layout mode and other
    double-spaced texts put one between a paragraph's wrapped lines); "" when none follows."""
    for line in lines[n:n + 3]:
        if line.strip():
            return line
    return ""


@lru_cache(maxsize=4096)
def list_line(text: str, following: str) -> bool:
    """A line naming sections in a 、 list: no heading is read from any part of it. (A pure function of the two
    lines: a heading and the line after it recur.)"""
    return any(m is not None and _listed(text, m, following)
               for m in (pattern.search(text) for pattern in (_T2, _T3, _T4)))


def _find_misread(lines: list[str], found: dict[str, int], heads: dict[str, str], first: int = 1) -> None:
    """The headings not found as printed (from line ``first`` on), found misread by OCR
    (:mod:`.ocr_headings`), in order."""
    if len(found) == 3:
        return
    for n, line in enumerate(lines[first - 1:], start=first):
        name = fuzzy_heading(line) if len(line) <= 60 else None
        if name is None or name in found:
            continue
        tables = tuple(FORM.headings)           # 表二, 表三, 表四, in the order they are printed
        index = tables.index(name)
        before = [found[o] for o in tables[:index] if o in found]
        later = [found[o] for o in tables[index + 1:] if o in found]
        if all(b < n for b in before) and all(n < a for a in later):
            found[name] = n
            heads[name] = line.strip()


def find_regions(lines: list[str], anchors: bool = True) -> dict[str, Region]:
    """Locate 表二, 表三 and 表四 by their headings; a region ends where the next one starts. Where no region
    under the first headings holds a cell and the same headings stand again after them (an appendix after
    the signature: ``三、收到和处理政府信息公开申请情况`` / ``（详见附表）`` … ``附表`` …), the regions are the later ones.
    ``anchors``: a table whose heading is missing is found at its own first row (:mod:`.headless`; not when looking
    for tables a dump printed after the text, whose first rows head nothing).

    The regions are a pure function of the lines: found once for lines handed on unchanged (looked for without
    anchors by :mod:`.detached`, then with them: the same regions where every heading was found)."""
    text = LineText.of(lines)
    kept = text.found.get("regions")
    if not (isinstance(kept, tuple) and (kept[0] == anchors or kept[1])):
        regions, complete = _find(lines, anchors)
        kept = anchors, complete, tuple((r.name, r.start, r.end, r.heading) for r in regions.values())
        text.found["regions"] = kept
    return {name: Region(name, start, end, heading) for name, start, end, heading in kept[2]}


def _find(lines: list[str], anchors: bool) -> tuple[dict[str, Region], bool]:
    """:func:`find_regions`' regions, and whether every heading was found (anchors then change nothing)."""
    regions, after, complete = _regions(lines, 1, anchors)
    if regions and after <= len(lines) and not any(_holds_cell(lines, r) for r in regions.values()):
        later, _, later_complete = _regions(lines, after, anchors)
        if any(_holds_cell(lines, r) for r in later.values()):
            return later, complete and later_complete
        return regions, complete and later_complete
    return regions, complete


#: a number standing as a cell: alone on its line, or apart from its neighbours by a tab, a pipe or a gap
_CELL = re.compile(r"(?:^|[\t|]|\s{2})\s*[\d０-９][\d０-９,.]*\s*(?:$|[\t|]|\s{2})")


def holds_cell(lines: list[str], start: int, end: int) -> bool:
    """Whether a number stands as a table's cell on one of the lines ``start`` … ``end - 1`` (0-based)."""
    return any(_CELL.search(lines[i]) for i in range(start, end))


def _holds_cell(lines: list[str], region: Region) -> bool:
    return holds_cell(lines, region.start, region.end - 1)      # (the lines after the heading: 1-based)


#: a numbered heading in Markdown bold, a table's row right after it on the line (`` | 第二十条第（一）项``)
_BOLD_HEADING = re.compile(r"\*\*\s*([一二三四五六七八九十]+[、.．][^*]{2,40}?)\s*\*\*\s*\|")


def _bold_heading(text: str) -> str:
    """The heading a long line holds in bold right before a table's first row: html2text writes a layout cell's
    paragraphs on one line, a section's heading and its table's first row among them (``…143人次。
    **二、主动公开政府信息情况** | 第二十条第（一）项``); "" when it holds none."""
    m = _BOLD_HEADING.search(text)
    return m.group(1) if m else ""


def _closing_heading(text: str) -> str:
    """A heading that closes a long line of joined paragraphs, "" when none does: the last field of a line of
    tab-joined paragraphs (BeautifulSoup's ``get_text("\\t")`` joins a layout cell's paragraphs with tabs, a
    section's heading the last before its table: ``…保密审查机制。\\t二、主动公开政府信息情况\\t``), or a numbered
    heading after a paragraph's last sentence (``get_text(" ")``: ``…保密审查机制。 二、主动公开政府信息情况``)."""
    fields = [f.strip() for f in text.split("\t") if f.strip()]
    if len(fields) > 1 and len(fields[-1]) <= _SECTION_LINE_MAX:
        return fields[-1]
    m = _CLOSING_NUMBERED.search(text)
    return m.group(1) if m else ""


#: a numbered heading after a sentence's end, closing the line
_CLOSING_NUMBERED = re.compile(r"[。；]\s+([一二三四五六七八九十]+[、.．][^。，；]{2,40}?)\s*$")


#: a grid row's fields, ``<br>`` and spaces: what a converter cut a heading's words with
_GRID_CUTS = re.compile(r"\||<br\s*/?>|\s")
#: a section's number opening a heading (二、, 三、, 四、)
_SECTION_NUMBER = re.compile(r"^[二三四][、.．]")


def _grid_heading(text: str) -> str | None:
    """The words of a grid row run together, when they open with a section's number (pymupdf4llm cuts a heading printed
    inside a table over its fields: ``||三、收到和<br>|处理政府信息公开申请情<br>|况||申<br>|…``), else None."""
    joined = _GRID_CUTS.sub("", text)
    return joined if _SECTION_NUMBER.match(joined) else None


#: the tables' headings, in the order they are printed, and the words each heading pattern's every match holds
#: one of (主动公开; 收到和处理 or 申请; 复议: a field holding none is no heading, told without the pattern)
_ORDER = (("表二", _T2), ("表三", _T3), ("表四", _T4))
_HEADING_WORDS = {"表二": ("主动公开",), "表三": ("收到和处理", "申请"), "表四": ("复议",)}


@lru_cache(maxsize=4096)
def _heading_in(line: str) -> tuple[str, tuple[str, ...], bool]:
    """What a line holding 公开 or 复议 may head: its text as a heading (the line, or the heading a paragraph run on
    holds), the tables whose heading one of its fields holds, and whether it is a numbered heading that may go on
    on the next line; "" for a line that heads nothing. (A pure function of the line: headings and labels recur.)"""
    text = line.strip()
    if len(text) > _SECTION_LINE_MAX:
        # a paragraph run on, its heading in bold (html2text, a layout cell's text) or closing the line
        text = _bold_heading(text) or _closing_heading(text)
    if not text or len(text) > _SECTION_LINE_MAX or _SENTENCE.search(text):
        return "", (), False
    fields = text.split("\t")
    wraps = False
    if text[:1] == "|" and (joined := _grid_heading(text)) is not None:
        fields.append(joined)           # a heading a PDF converter cut over a grid row's fields
    else:
        wraps = _NUMBERED_HEAD.match(text) is not None
    # (a heading's words stand in one field of a tab row: 表四's header row, 行政复议\t行政诉讼, is none)
    return text, tuple(name for name, pattern in _ORDER
                       if any(any(w in f for w in _HEADING_WORDS[name]) and pattern.search(f) for f in fields)), wraps


def _regions(lines: list[str], first: int, anchors: bool = True) -> tuple[dict[str, Region], int, bool]:
    """The regions headed from line ``first`` on, the line of the section after them, and whether every heading was
    found (none left to :mod:`.headless`); ``anchors``: a table whose heading is missing is found at its first row."""
    found: dict[str, int] = {}
    heads: dict[str, str] = {}
    order = _ORDER
    # every heading pattern holds 公开 or 复议: only those lines are looked at
    candidates = [(n, line) for n, line in enumerate(lines[first - 1:], start=first) if "公开" in line or "复议" in line]
    for n, line in candidates:
        # (a sentence, "全年无因…被申请行政复议、提起行政诉讼情况。", heads nothing: no text, no names)
        text, names, wraps = _heading_in(line)
        if wraps and n < len(lines) and len(nxt := lines[n].strip()) <= _WRAPPED_TAIL and not _SENTENCE.search(nxt):
            # a heading wrapped at the page's width: 四、因…被申请行政复议、提起行政 / 诉讼情况
            names = tuple(name for name, pattern in order if name in names or pattern.search(text + nxt))
        if not names:
            continue
        if len(found) == len(order):
            break          # (every heading found: the lines after them change nothing)
        for name, _ in order:
            if name not in found and name in names and not list_line(text, next_text(lines, n)):
                # headings come in order; a later table's heading never precedes an earlier found one
                if any(found.get(o, 0) > n for o, _ in order):
                    continue
                found[name] = n
                heads[name] = text
                break
    _find_misread(lines, found, heads, first)
    complete = len(found) == 3
    if anchors:
        anchor_headless_tables(lines, found, heads, first)     # tables whose headings a converter dropped
    end_doc = len(lines) + 1
    after = end_doc
    last = max(found.values(), default=0)
    text = LineText.of(lines)
    # (the lines after the last heading holding a word of such a heading, in order: few)
    for i in sorted({i for word in _AFTER_WORDS for i in text.indices(word, last)}):
        if _AFTER.match(lines[i]) and len(lines[i].strip()) <= _SECTION_LINE_MAX:
            after = i + 1
            break
    regions: dict[str, Region] = {}
    starts = sorted((n, name) for name, n in found.items())
    for i, (n, name) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else after
        regions[name] = Region(name, n, _before_note(lines, name, n, end), heads[name])
    return regions, after, complete


#: a note printed under a table (``注：2024年共收到政府信息公开申请2件…``), and each table's last row, whose cells
#: the note follows
_NOTE = re.compile(r"^\s*(?:注|备注|说明)\s*[:：]")
_NOTE_WORDS = ("注", "说明")
_LAST_ROW = {"表二": "行政事业性收费", "表三": "结转下年度"}


def _before_note(lines: list[str], name: str, start: int, end: int) -> int:
    """Where the region ends: at a note under the table (``注：`` after the table's last row and a number after it),
    else at ``end``. A note's figures are no cells, also where a text tool parts its spans onto lines of their own
    (``注：`` / ``2024`` / ``年共收到政府信息公开申请`` / ``2`` / ``件…``: no line of it a sentence to drop)."""
    last = _LAST_ROW.get(name)
    if last is None:
        return end
    text = LineText.of(lines)
    if not any(word in text.text and text.holds(word, start, end - 1) for word in _NOTE_WORDS):
        return end                      # (no note under the table: most tables; most texts hold no such word)
    row = None
    for n in range(start + 1, end):
        line = lines[n - 1]
        if last in line:
            row = n
        elif row is not None and _NOTE.match(line) and any(_CELL.search(lines[k - 1]) for k in range(row, n)) \
                and not any(last in lines[k - 1] for k in range(n + 1, end)):
            return n
    return end
