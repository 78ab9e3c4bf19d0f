"""The content-stream loop with operators looked up once lays out every page as pdfminer's own loop does.

Every object pdfminer lays out (characters with their fonts, sizes and positions, rules,
rectangles, curves, images) on every page of every fixture PDF is compared with what
pdfminer's own ``PDFPageInterpreter.execute`` lays out; and a hand-made page whose content
has an unknown operator and an operator short of its operands.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pdfplumber")

import pdfplumber  # noqa: E402
from pdfminer.pdftypes import PDFStream  # noqa: E402

from llm_extract.ingest import pdf_interp  # noqa: E402

from tests.pdf_file import pdf_file  # noqa: E402

PDFS = Path(__file__).parent / "fixtures" / "pdf"


def _layout(data: bytes) -> list[Any]:
    def comparable(v: Any) -> Any:
        return (v.attrs, v.rawdata) if isinstance(v, PDFStream) else (type(v).__name__, v)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [{kind: [[(k, comparable(v)) for k, v in obj.items()] for obj in objs]
                 for kind, objs in page.objects.items()} for page in pdf.pages]


def _both(data: bytes) -> tuple[list[Any], list[Any]]:
    assert pdf_interp.install(), "the fast path is written for the installed pdfminer release"
    with pdf_interp.stock_interpreter():
        assert not pdf_interp.installed()
        expected = _layout(data)
    return expected, _layout(data)


@pytest.mark.parametrize("path", sorted(p for p in PDFS.glob("*.pdf") if p.stem != "locked"), ids=lambda p: p.stem)
def test_every_page_of_every_fixture_pdf_is_laid_out_as_by_pdfminer_s_own_loop(path: Path) -> None:
    expected, fast = _both(path.read_bytes())
    assert fast == expected


def _one_page_pdf(content: bytes) -> bytes:
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    return pdf_file(objects)


def test_unknown_operators_and_operators_short_of_operands_are_skipped_as_pdfminer_skips_them() -> None:
    content = (b"BT /F1 12 Tf 20 150 Td (kept) Tj ET 1 2 zz 10 10 m 50 50 l S "
               b"BT /F1 12 Tf 20 100 Td (also) Tj ET 5 re f BT /F1 9 Tf 20 50 Td (last) Tj ET")
    expected, fast = _both(_one_page_pdf(content))
    assert fast == expected
    text = "".join(v[1] for obj in expected[0]["char"] for k, v in obj if k == "text")
    assert text == "keptalsolast" and expected[0].get("line")
