"""The object-builder fast path gives pdfminer's own objects, in order, for every parser.

:mod:`llm_extract.ingest.pdf_stack` builds pdfminer's objects (operands and operators of
content streams, the arrays and dictionaries of a PDF's objects, CMaps) without pdfminer's
per-object stack round trip and debug-log calls. Every object every parser reads from every
fixture PDF is compared with pdfminer's own, and so is the text read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import pytest

pytest.importorskip("pdfplumber")

from pdfminer.pdftypes import PDFObjRef, PDFStream  # noqa: E402
from pdfminer.psparser import PSStackParser  # noqa: E402

from llm_extract.ingest import pdf_stack  # noqa: E402
from llm_extract.ingest.pdf import pdf_to_text  # noqa: E402

PDFS = Path(__file__).parent / "fixtures" / "pdf"


def _comparable(obj: Any) -> Any:
    if isinstance(obj, PDFStream):
        return ("stream", _comparable(obj.attrs), obj.rawdata)
    if isinstance(obj, PDFObjRef):
        return ("ref", obj.objid)
    if isinstance(obj, list):
        return [_comparable(x) for x in obj]
    if isinstance(obj, dict):
        return {k: _comparable(v) for k, v in obj.items()}
    return (type(obj).__name__, obj)


def _recording(store: list[Any]) -> Callable[[Any], Any]:
    inner = PSStackParser.nextobject

    def nextobject(self: Any) -> Any:
        pos, obj = inner(self)
        store.append((type(self).__name__, pos, _comparable(obj)))
        return pos, obj
    return nextobject


def _read(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[list[Any], str]:
    store: list[Any] = []
    with monkeypatch.context() as m:
        m.setattr(PSStackParser, "nextobject", _recording(store))
        try:
            text = pdf_to_text(path.read_bytes(), str(path))
        except Exception as exc:
            text = f"{type(exc).__name__}: {exc}"
    return store, text


@pytest.mark.parametrize("path", sorted(PDFS.glob("*.pdf")), ids=lambda p: p.stem)
def test_every_object_read_from_every_fixture_pdf_is_pdfminer_s_own(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert pdf_stack.install(), "the fast path is written for the installed pdfminer release"
    with pdf_stack.stock_objects():
        assert not pdf_stack.installed()
        expected, expected_text = _read(path, monkeypatch)
    objects, text = _read(path, monkeypatch)
    assert objects == expected and text == expected_text
    kinds = {kind for kind, _, _ in expected}
    assert path.stem == "locked" or {"PDFParser", "PDFContentParser"} <= kinds or path.stem.startswith("scanned")


def test_on_another_pdfminer_release_pdfminer_runs_as_shipped(monkeypatch: pytest.MonkeyPatch) -> None:
    pdf_stack.uninstall()
    shipped = PSStackParser.nextobject
    monkeypatch.setattr(pdf_stack, "_version", lambda: "20991231")
    try:
        assert pdf_stack.install() is False and PSStackParser.nextobject is shipped
    finally:
        monkeypatch.undo()
        pdf_stack.install()


CONTENT = (b"q 1 0 0 1 0 0 cm BT /F1 12 Tf [(a) -20 (b)] TJ ET\n"
           b"BI /W 2 /H 1 /BPC 8 /CS /G ID \x00\xff EI Q\n"
           b"/OC << /Type /OCMD /OCGs [1 2] >> BDC 0 0 m 1 1 l S EMC\n"
           b"BI /W 1 /H 1 /F /AHx ID 00~> EI (after) Tj")


def _content_objects(streams: list[bytes]) -> list[Any]:
    from pdfminer.pdfinterp import PDFContentParser
    from pdfminer.psparser import PSEOF
    parser = PDFContentParser([PDFStream({}, data) for data in streams])
    out = []
    while True:
        try:
            pos, obj = parser.nextobject()
        except PSEOF:
            return out
        out.append((pos, _comparable(obj)))


@pytest.mark.parametrize("streams", [[CONTENT], [CONTENT[:60], CONTENT[60:130], CONTENT[130:]]],
                         ids=["one stream", "split over three streams"])
def test_inline_images_arrays_and_dictionaries_in_a_content_stream_are_pdfminer_s_own(streams: list[bytes]) -> None:
    assert pdf_stack.install()
    with pdf_stack.stock_objects():
        expected = _content_objects(streams)
    assert _content_objects(streams) == expected
    assert [obj for _, obj in expected if isinstance(obj, tuple) and obj[0] == "stream"], "inline images are read"
