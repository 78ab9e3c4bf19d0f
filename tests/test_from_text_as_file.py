"""``Document.from_text`` (the library's entry) reads a text as ``llm-extract extract`` reads the file holding it.

A library user who hands over the text of a Markdown file, a crawler's dump or a page saved as text gets the
record the command line makes of the file: the same values and the same status of every field. The file reader
reads HTML space entities as spaces, markdown's backslash escapes, a database dump's ``\\n`` escapes and
entities, a page saved as text as a web page, a crawler's JSON export as its article; so does ``from_text``.
"""

from __future__ import annotations

import json
import re

import pytest

from llm_extract.ingest import Document, load_bytes
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import Report
from llm_extract.synth import render
from llm_extract.synth.wild import render_wild


def _report(golden_dir, stem: str = "003_d677def7845cc038") -> Report:
    g = read_json(golden_dir / f"{stem}.json")
    return Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})


def _entities(text: str) -> str:
    """A crawler's text: the spaces and tabs between cells written as ``&nbsp;``."""
    return re.sub(r"(?<=\d)[ \t]+(?=\d)", "&nbsp;", text)


def _md_escapes(text: str) -> str:
    """Pandoc's markdown: a label's ``1.`` written ``1\\.``, a ``%`` as ``\\%``."""
    return re.sub(r"(?<=\d)\.(?=\s)", r"\\.", text).replace("%", r"\%")


def _dump(text: str) -> str:
    """A database field: line breaks as ``\\n`` escapes, tabs as ``&nbsp;``, a pipe as ``&#124;``."""
    return "".join(line.replace("\t", "&nbsp;").replace("|", "&#124;") + "\\n" for line in text.split("\n"))


def _page(text: str) -> str:
    """A web page saved as text: each line a paragraph, each table line a row of cells."""
    rows = []
    for line in text.split("\n"):
        cells = line.split("\t")
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>" if len(cells) > 1 else f"<p>{line}</p>")
    return "<!DOCTYPE html><html><head><meta charset='utf-8'></head><body><table>" + "".join(rows) + "</table></body></html>"


def _export(text: str) -> str:
    """A crawler's JSON record: title and content."""
    title, _, body = text.partition("\n")
    return json.dumps({"title": title, "content": body, "url": "http://example.gov.cn/1.html"}, ensure_ascii=False)


CASES = [
    ("pdftext", _entities, ".txt"), ("tabrows", _entities, ".txt"), ("markdown", _entities, ".md"),
    ("markdown", _md_escapes, ".md"), ("pdftext", _dump, ".txt"), ("tabrows", _dump, ".txt"),
    ("tabrows", _page, ".txt"), ("cells", _export, ".json"), ("tabrows", _export, ".txt"),
]


def _both_ways(text: str, suffix: str):
    from_file = process_document(load_bytes(text.encode("utf-8"), doc_id="x", suffix=suffix))
    from_text = process_document(Document.from_text(text, doc_id="x", source_kind=suffix.lstrip(".")))
    return from_file, from_text


def _same(a, b) -> None:
    assert a.report.values() == b.report.values()
    assert {p: v.status for p, v in a.provenance.items()} == {p: v.status for p, v in b.provenance.items()}


@pytest.mark.parametrize(("layout", "damage", "suffix"), CASES, ids=lambda c: getattr(c, "__name__", c))
def test_from_text_gives_the_record_of_the_file(golden_dir, layout: str, damage, suffix: str) -> None:
    report = _report(golden_dir)
    text = damage(render(report, layout))
    from_file, from_text = _both_ways(text, suffix)
    _same(from_file, from_text)
    assert from_file.provenance                                    # (a report was read)


@pytest.mark.parametrize("family", ["inline", "converter_md", "wrapped_pdf"])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_wild_layouts_with_entities_read_the_same_both_ways(golden_dir, family: str, seed: int) -> None:
    wild = render_wild(_report(golden_dir, "002_0126e23b7202ee31"), family, seed)
    suffix = ".md" if family == "converter_md" else ".txt"
    _same(*_both_ways(_entities(wild.text), suffix))


def test_a_page_passed_as_html_is_read_as_a_page(golden_dir) -> None:
    report = _report(golden_dir)
    page = _page(render(report, "tabrows"))
    from_file = process_document(load_bytes(page.encode("utf-8"), doc_id="x", suffix=".html"))
    _same(from_file, process_document(Document.from_text(page, doc_id="x", source_kind="html")))


def test_text_of_another_reader_is_taken_as_it_is() -> None:
    text = "表三 0&nbsp;1 1\\. x"
    assert Document.from_text(text, source_kind="pdf").text == text
