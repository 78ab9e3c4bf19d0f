"""What the CLI prints is about the user's documents: libraries' diagnostics of a file's internals stay out."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def _pdf_without_font_bbox(text: str) -> bytes:
    """A one-page PDF whose font descriptor has no FontBBox (as some PDF printers write them):
    pdfminer logs a warning for every run of text set in that font."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
        "/Contents 4 0 R >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
        "<< /Type /Font /Subtype /TrueType /BaseFont /NoBox /FirstChar 32 /LastChar 126 /Widths ["
        + " ".join(["500"] * 95) + "] /FontDescriptor 6 0 R >>",
        "<< /Type /FontDescriptor /FontName /NoBox /Flags 32 /ItalicAngle 0 /Ascent 800 /Descent -200 "
        "/CapHeight 700 /StemV 80 >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    return out + f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()


def test_pdf_library_warnings_about_a_font_do_not_reach_the_terminal(tmp_path: Path) -> None:
    path = tmp_path / "printed.pdf"
    path.write_bytes(_pdf_without_font_bbox("Annual report 2021"))
    result = subprocess.run([sys.executable, "-m", "llm_extract.cli", "extract", str(path), "--out",
                             str(tmp_path / "out")], capture_output=True, text=True, timeout=120)
    assert "printed.pdf: not an annual report" in result.stdout + result.stderr     # the document's own outcome
    assert "FontBBox" not in result.stdout + result.stderr
