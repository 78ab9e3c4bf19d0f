"""RTF reports → text in the one-cell-per-line layout of a .docx (Word's own text export).

A small tokenizer and interpreter of the RTF 1.9 syntax (no maintained RTF-to-text library on PyPI
handles hidden text, tracked deletions and table cells one per line):

* text comes in the code page of its font (``\\fN`` → ``\\fcharsetN`` in the font table, e.g. 134 = GBK),
  else of the document (``\\ansicpgN``): ``\\'hh`` escapes and raw 8-bit bytes are collected and
  decoded together (a GBK character is two escapes); ``\\uN`` is a Unicode character, after which the
  ``\\ucN`` fallback characters are skipped;
* ``\\par`` ends a paragraph (a line); ``\\cell``/``\\nestcell`` end a table cell, printed as one line (a
  tab, then the cell's paragraphs joined); ``\\row``/``\\nestrow`` end a row (an empty line); a cell
  merged into the one before it (``\\clmrg``) appears once;
* hidden text (``\\v``, also through a character style ``\\csN`` whose definition hides) and tracked
  deletions (``\\deleted``) are not read;
* a text box's text (``\\shptxt`` in a shape) is read where the shape stands; its drawing fallback
  (``\\shprslt``) is not;
* destinations that are not the page's text are skipped: ``{\\*…}`` groups (field instructions
  ``\\fldinst``, …), the font table, style sheet, colour table, information, pictures, headers,
  footers, footnotes, binary data (``\\binN``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .._exceptions import BinaryDocumentError, EmptyDocumentError
from .docx import join_cell

__all__ = ["rtf_to_text", "is_rtf"]

_TOKEN = re.compile(rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\(.)|([{}])|[\r\n]+|([^\\{}\r\n]+)",
                    re.S)
_SKIPPED = frozenset({
    "fonttbl", "colortbl", "stylesheet", "info", "pict", "header", "headerl", "headerr", "headerf", "footer",
    "footerl", "footerr", "footerf", "footnote", "object", "objdata", "themedata", "colorschememapping",
    "datastore", "latentstyles", "listtable", "listoverridetable", "rsidtbl", "generator", "xmlnstbl",
    "listtext", "pntext", "nonshppict", "shppict", "annotation", "atnid", "atnauthor", "revtbl", "fldinst",
    "filetbl", "private", "userprops", "pgdsctbl", "nonesttables", "shprslt", "mmathPr", "bkmkstart", "bkmkend",
    "txe", "xe", "tc"})
_SYMBOLS = {"emdash": "\u2014", "endash": "\u2013", "lquote": "\u2018", "rquote": "\u2019", "ldblquote": "\u201c",
            "rdblquote": "\u201d", "bullet": "\u2022", "tab": " ", "line": "\n", "emspace": " ", "enspace": " ",
            "qmspace": " "}
_CHARSETS = {0: "cp1252", 128: "cp932", 129: "cp949", 134: "gb18030", 136: "cp950", 161: "cp1253",
             162: "cp1254", 177: "cp1255", 178: "cp1256", 186: "cp1257", 204: "cp1251", 222: "cp874",
             238: "cp1250"}
_MAX_DEPTH = 1000


def is_rtf(data: bytes) -> bool:
    """Whether ``data`` starts like an RTF file (``{\\rtf``)."""
    return data.lstrip(b"\xef\xbb\xbf \t\r\n")[:5] == b"{\\rtf"


@dataclass(frozen=True)
class _State:
    skip: bool = False        # a destination that is not the page's text
    hidden: bool = False
    deleted: bool = False
    font: int | None = None
    uc: int = 1
    props: bool = False       # inside \nesttableprops


class _Doc:
    def __init__(self) -> None:
        self.codepage = "cp1252"
        self.fonts: dict[int, str] = {}
        self.hidden_styles: set[int] = set()
        self.default_font: int | None = None
        self.lines: list[str] = []
        self.para = ""
        self.level = 0                      # the paragraph's table nesting (0 body, \intbl 1, \itapN N)
        self.parts: dict[int, list[str]] = {}   # per level: the paragraphs of the open cell
        self.layout: set[int] = set()       # levels whose open cell holds a table (a layout cell)
        self.row_defs: list[bool] = []      # per cell of the outer row: merged into the previous one
        self.next_def_merged = False
        self.cell_index = 0
        self.pending = bytearray()
        self.pending_cp = "cp1252"

    def flush(self) -> None:
        if self.pending:
            self.para += self.pending.decode(self.pending_cp, errors="replace")
            self.pending.clear()

    def add_bytes(self, data: bytes, codepage: str) -> None:
        if self.pending and codepage != self.pending_cp:
            self.flush()
        self.pending_cp = codepage
        self.pending += data

    def _take_para(self) -> str:
        self.flush()
        text, self.para = _collapse(self.para), ""
        return text

    def _open_nested(self, level: int) -> None:
        """A paragraph at ``level``: the cells around it are layout cells, their paragraphs so far lines."""
        for outer in range(1, level):
            if self.parts.get(outer) or outer not in self.layout:
                self.lines.extend("\t" + p for p in self.parts.pop(outer, []) if p)
                self.layout.add(outer)

    def end_paragraph(self) -> None:
        text = self._take_para()
        if self.level >= 1:
            self._open_nested(self.level)
            self.parts.setdefault(self.level, []).append(text)
        elif text:
            self.lines.extend(text.split("\n"))

    def end_cell(self, level: int) -> None:
        text = self._take_para()
        self._open_nested(level)
        parts = self.parts.pop(level, []) + [text]
        if level in self.layout:
            self.layout.discard(level)
            self.lines.extend("\t" + p for p in parts if p)
        elif not (level == 1 and self.cell_index < len(self.row_defs) and self.row_defs[self.cell_index]):
            self.lines.append("\t" + join_cell(parts))
        if level == 1:
            self.cell_index += 1

    def end_row(self, level: int) -> None:
        if level == 1:
            self.cell_index = 0
        self.lines.append("")


def _collapse(text: str) -> str:
    return "\n".join(" ".join(part.split()) for part in text.split("\n")).strip("\n")


def _font_table(data: bytes, doc: _Doc) -> None:
    """Font number → code page, from ``{\\fN … \\fcharsetM …}`` entries; styles that hide (``\\csN … \\v``)."""
    for m in re.finditer(rb"\{\\f(\d+)([^{}]*?)\\fcharset(\d+)", data):
        doc.fonts[int(m.group(1))] = _CHARSETS.get(int(m.group(3)), "")
    for m in re.finditer(rb"\{(?:\\\*)?\\cs(\d+)((?:[^{};]|\{[^{}]*\})*);", data):
        if re.search(rb"\\v(?![a-zA-Z])(?!0)", m.group(2)):
            doc.hidden_styles.add(int(m.group(1)))


def rtf_to_text(data: bytes, path: str = "<bytes>") -> str:
    """The text of an RTF document, cells one per line (see the module docstring)."""
    if not data.strip():
        raise EmptyDocumentError(path)
    if not is_rtf(data):
        raise BinaryDocumentError(path, "not an RTF document (it does not start with {\\rtf)")
    doc = _Doc()
    _font_table(data, doc)
    state, stack = _State(), []
    skip_chars = 0                    # fallback characters still to skip after a \uN
    star = False
    pos, end = 0, len(data)
    while pos < end:
        m = _TOKEN.match(data, pos)
        if m is None:                 # a lone backslash at the end
            break
        pos = m.end()
        word, arg, hexbyte, symbol, brace, text = m.groups()
        if brace is not None:
            skip_chars = 0
            if brace == b"{":
                if len(stack) >= _MAX_DEPTH:
                    raise BinaryDocumentError(path, f"refused: RTF groups nested deeper than {_MAX_DEPTH}")
                stack.append(state)
                star = False
            else:
                doc.flush()
                state = stack.pop() if stack else state
            continue
        if word is not None:
            name = word.decode("ascii")
            num = int(arg) if arg is not None else None
            if name == "bin" and num:
                pos += max(num, 0)
                continue
            if skip_chars:
                skip_chars -= 1
                continue
            if name == "shptxt":                 # a text box's text, inside a shape's skipped properties
                state, star = replace(state, skip=False), False
                continue
            if star and name == "nesttableprops":   # a nested row's end (\nestrow) and properties
                state, star = replace(state, props=True), False
                continue
            if star or name in _SKIPPED:
                if not state.skip:
                    doc.flush()
                state = replace(state, skip=True)
                star = False
                continue
            if name == "ansicpg" and num:
                doc.codepage = f"cp{num}" if num != 936 else "gb18030"
            elif name == "deff":
                doc.default_font = num
            elif name == "f":
                state = replace(state, font=num)
            elif name == "plain":
                state = replace(state, hidden=False, deleted=False, font=doc.default_font)
            elif name == "v":
                state = replace(state, hidden=num != 0)
            elif name == "cs" and num is not None:
                state = replace(state, hidden=num in doc.hidden_styles)
            elif name == "deleted":
                state = replace(state, deleted=num != 0)
            elif name == "uc" and num is not None:
                state = replace(state, uc=max(num, 0))
            elif state.skip:
                continue
            elif name == "u" and num is not None:
                if not (state.hidden or state.deleted):
                    doc.flush()
                    doc.para += chr(num + 65536 if num < 0 else num) if -32768 <= num < 65536 else ""
                skip_chars = state.uc
            elif name in ("par", "sect", "page"):
                doc.end_paragraph()
            elif name == "pard":
                doc.level = 0
            elif name == "intbl":
                doc.level = max(doc.level, 1)
            elif name == "itap" and num is not None:
                doc.level = max(min(num, 64), 0)
            elif name == "cell":
                doc.end_cell(1)
            elif name == "nestcell":
                doc.end_cell(max(doc.level, 2))
            elif name == "row":
                doc.end_row(1)
            elif name == "nestrow":
                doc.end_row(2)
            elif state.props:                    # a nested row's properties: not the outer row's cells
                continue
            elif name == "trowd":
                doc.row_defs, doc.next_def_merged = [], False
            elif name == "clmrg":
                doc.next_def_merged = True
            elif name == "cellx":
                doc.row_defs.append(doc.next_def_merged)
                doc.next_def_merged = False
            elif name in _SYMBOLS and not (state.hidden or state.deleted):
                doc.flush()
                doc.para += _SYMBOLS[name]
            continue
        if hexbyte is not None:
            if skip_chars:
                skip_chars -= 1
                continue
            if not (state.skip or state.hidden or state.deleted):
                doc.add_bytes(bytes([int(hexbyte, 16)]), _codepage(doc, state))
            continue
        if symbol is not None:
            if skip_chars:
                skip_chars -= 1
                continue
            if symbol == b"*":
                star = True
            elif symbol in (b"\n", b"\r"):
                if not state.skip:
                    doc.end_paragraph()
            elif not (state.skip or state.hidden or state.deleted):
                if symbol in (b"\\", b"{", b"}"):
                    doc.add_bytes(symbol, _codepage(doc, state))
                elif symbol == b"~":
                    doc.add_bytes(b" ", _codepage(doc, state))
                elif symbol == b"_":
                    doc.add_bytes(b"-", _codepage(doc, state))
            continue
        if text is not None:
            if skip_chars:
                dropped = min(skip_chars, len(text))
                text, skip_chars = text[dropped:], skip_chars - dropped
            if text and not (state.skip or state.hidden or state.deleted):
                doc.add_bytes(text, _codepage(doc, state))
    doc.end_paragraph()
    lines = doc.lines
    if not any(line.strip() for line in lines):
        raise EmptyDocumentError(path, "the document has no text")
    return "\n".join(lines) + "\n"


def _codepage(doc: _Doc, state: _State) -> str:
    font = state.font if state.font is not None else doc.default_font
    page = (doc.fonts.get(font) if font is not None else None) or doc.codepage
    # a font of the "ANSI" charset in a document of a Chinese code page: writers put GBK bytes there
    return doc.codepage if page == "cp1252" else page
