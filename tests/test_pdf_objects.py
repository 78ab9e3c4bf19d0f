"""The character fast path gives pdfplumber's own object dicts: same keys, same order, same values.

:mod:`llm_extract.ingest.pdf_objects` converts a page's characters to dicts without
pdfplumber's generic steps; every object of every page of every fixture PDF (characters,
rules, rectangles, images) is compared with pdfplumber's own conversion.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pdfplumber")

import pdfplumber  # noqa: E402
from pdfminer.pdftypes import PDFStream  # noqa: E402
from pdfplumber.page import Page  # noqa: E402

from llm_extract.ingest import pdf_objects  # noqa: E402

PDFS = Path(__file__).parent / "fixtures" / "pdf"
READABLE = sorted(p for p in PDFS.glob("*.pdf") if p.stem != "locked")


def _comparable(v: Any) -> Any:
    """A value and its type (1 == 1.0); an image's stream, a new object on every read, by what it holds."""
    return (v.attrs, v.rawdata) if isinstance(v, PDFStream) else (type(v).__name__, v)


def _objects(path: Path) -> list[dict[str, list[list[tuple[str, Any]]]]]:
    with pdfplumber.open(path) as pdf:
        return [{kind: [[(k, _comparable(v)) for k, v in obj.items()] for obj in objs]
                 for kind, objs in page.objects.items()} for page in pdf.pages]


@pytest.mark.parametrize("path", READABLE, ids=lambda p: p.stem)
def test_every_object_of_every_page_is_the_dict_pdfplumber_makes(path: Path) -> None:
    assert pdf_objects.install(), "the fast path is written for the installed pdfplumber release"
    with pdf_objects.stock_objects():
        expected = _objects(path)
    assert _objects(path) == expected
    assert any(page.get("char") for page in expected) or path.stem.startswith("scanned")


def test_characters_take_the_fast_path_and_other_objects_pdfplumber_s_own(monkeypatch: pytest.MonkeyPatch) -> None:
    assert pdf_objects.install()
    kinds: list[str] = []

    def shipped(self: Any, obj: Any) -> Any:
        kinds.append(type(obj).__name__)
        return pdf_objects.PATCH.original(self, obj)
    monkeypatch.setattr(Page, "process_object", pdf_objects.fast_process_object(shipped))
    with pdfplumber.open(PDFS / "huaian-2024.pdf") as pdf:
        page = pdf.pages[0]
        assert len(page.chars) > 100 and page.rects
    assert "LTChar" not in kinds and "LTRect" in kinds


def test_on_another_pdfplumber_release_pdfplumber_runs_as_shipped(monkeypatch: pytest.MonkeyPatch) -> None:
    pdf_objects.uninstall()
    shipped = Page.process_object
    monkeypatch.setattr(pdf_objects, "_version", lambda: "9.9.9")
    try:
        assert pdf_objects.install() is False
        assert Page.process_object is shipped and not pdf_objects.installed()
    finally:
        monkeypatch.undo()
        pdf_objects.install()
