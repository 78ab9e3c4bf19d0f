"""A second renderer, written from the form in the wild (``FORM.md``), not from :mod:`.render`.

The first renderer and the reader grew up together: a bench on its output measures the
reader on its own habits. This one lays a golden-shaped :class:`~llm_extract.schema.Report`
out in the families real reports arrive in, each with random variation from a seed:

    ``inline``        a crawler's text dump: the article on one or a few lines, every separator
                      lost (:mod:`.wild_text`)
    ``converter_md``  Markdown from PDF converters: spanning labels leave empty cells, labels
                      detached from their numbers, split headers, notes on rows of their own
                      (:mod:`.wild_markdown`)
    ``wrapped_pdf``   PDF text: labels wrapped over two or three lines with the numbers on any
                      of them or above/below, 表三 over two pages (:mod:`.wild_text`)
    ``html_spans``    a CMS page with rowspan/colspan tables and styled spans, UTF-8/GBK/GB2312,
                      read through the project's HTML ingest (:mod:`.wild_html`)

and, in every family, the variations of :mod:`.wild_style` (generic or vertical headers,
（一）/(一), 1./1、/１．, 总计/合计, typos, 规范性文件, 表四 in one row / three rows / after
empty rows, placeholders for blanks, annotated cells, drifting headings, title noise).

The truth of every document is the report itself, values as printed: a careful person
reads each one back exactly, except where ``exact`` is False: an inline 表三/表四 digit run
holding a number of two or more digits can only be split by the form's identities.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..ingest import Document, load_bytes
from ..outputs import atomic_write_text, write_json
from ..schema import Report
from .wild_html import html_spans
from .wild_markdown import converter_md
from .wild_style import Content, Style, build_content, choose_style
from .wild_text import inline, wrapped_pdf

__all__ = ["FAMILIES", "WildDoc", "render_wild", "write_corpus"]

_EMIT: dict[str, Callable[[Content, random.Random], tuple[str, list[str]]]] = {
    "inline": inline, "converter_md": converter_md, "wrapped_pdf": wrapped_pdf, "html_spans": html_spans}
#: Every family the wild renderer prints.
FAMILIES: tuple[str, ...] = tuple(_EMIT)
_SUFFIX = {"inline": ".txt", "converter_md": ".md", "wrapped_pdf": ".txt", "html_spans": ".html"}


@dataclass
class WildDoc:
    """One rendered document: its text, the file type it arrives as, and its truth."""

    family: str
    truth: Report
    text: str
    suffix: str
    encoding: str = "utf-8"                              # the bytes' encoding (a GBK page: gb18030)
    style: Style = field(default_factory=Style)          # the cross-cutting variations it took
    kinds: list[str] = field(default_factory=list)       # the variations this document took

    @property
    def exact(self) -> bool:
        """Every value can be read back without the identities (False: inline digit runs)."""
        return "runs:identities" not in self.kinds

    @property
    def data(self) -> bytes:
        return self.text.encode(self.encoding)

    def document(self) -> Document:
        """The document as the tool sees it (an HTML page goes through the HTML ingest)."""
        return load_bytes(self.data, doc_id=self.truth.doc_id, path=f"{self.truth.doc_id}{self.suffix}",
                          suffix=self.suffix)


def render_wild(report: Report, family: str, seed: int) -> WildDoc:
    """``report`` laid out in ``family`` (see ``FAMILIES``), the same text for the same seed."""
    if family not in _EMIT:
        raise ValueError(f"unknown family {family!r}; choose from {FAMILIES}")
    rng = random.Random(f"{family}:{seed}")
    style = choose_style(rng, report)
    if family == "inline" and style.header == "vertical":        # a text dump has no lines to stack
        style = style.__class__(**{**style.__dict__, "header": "words"})
    text, kinds = _EMIT[family](build_content(report, style, rng), rng)
    charset = next((k.split(":", 1)[1] for k in kinds if k.startswith("charset:")), "utf-8")
    return WildDoc(family=family, truth=report, text=text, suffix=_SUFFIX[family],
                   encoding="utf-8" if charset == "utf-8" else "gb18030", style=style, kinds=style.kinds() + kinds)


def write_corpus(docs: list[WildDoc], folder: str | Path) -> list[Path]:
    """Each document as ``<doc_id><suffix>`` in its encoding, beside its golden ``<doc_id>.json``."""
    out = Path(folder)
    written = []
    for d in docs:
        path = out / f"{d.truth.doc_id}{d.suffix}"
        atomic_write_text(path, d.text, encoding=d.encoding)
        golden = d.truth.golden_dict() | {"notes": [f"wild renderer, {d.family}: {', '.join(d.kinds)}"]
                                          + (["split by the identities only (inline digit runs)"] if not d.exact
                                             else [])}
        write_json(out / f"{d.truth.doc_id}.json", golden)
        written.append(path)
    return written
