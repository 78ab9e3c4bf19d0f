"""A PDF written glyph by glyph, as producers other than LibreOffice and Chromium write them (for tests).

One CID-keyed font (``Type0``, ``Identity-H``, no embedded program: only the text layer matters):
each distinct unit of text gets a CID, and the font's ToUnicode map says which characters a CID
stands for. A unit is one character, or one of ``ligatures`` (a single glyph standing for ``政府``
or ``20``); ``to_unicode`` chooses what the ToUnicode map writes for a unit (a Kangxi radical or a
compatibility ideograph for a character, as some fonts do). Each :class:`Run` is one string drawn
at a point, turned by ``angle`` degrees, in a grey level.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from tests.pdf_file import pdf_file

__all__ = ["Run", "Rule", "Fill", "text_pdf", "lines_runs", "width"]


@dataclass(frozen=True)
class Run:
    text: str
    x: float
    y: float                  # the baseline, from the bottom of the page
    size: float = 10.0
    angle: float = 0.0        # degrees, anticlockwise
    grey: float = 0.0         # 0 black … 1 white


@dataclass(frozen=True)
class Rule:
    """A straight line stroked from (x0, y0) to (x1, y1) (a table's rule), from the bottom of the page."""
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True)
class Fill:
    """A rectangle filled in a grey level without an outline (a shaded cell), from the bottom of the page."""
    x0: float
    y0: float
    x1: float
    y1: float
    grey: float = 0.9


def _advance(unit: str) -> int:
    """Width of a unit in thousandths of the font size: an ideograph a full em, a space a quarter, else half."""
    return sum(1000 if ord(c) > 0x2000 else 250 if c == " " else 500 for c in unit)


def width(text: str, size: float) -> float:
    """The printed width of ``text`` at ``size`` points."""
    return _advance(text) * size / 1000


def _units(text: str, ligatures: Sequence[str]) -> list[str]:
    out, i = [], 0
    while i < len(text):
        lig = next((g for g in ligatures if text.startswith(g, i)), None)
        out.append(lig or text[i])
        i += len(lig or text[i])
    return out


def _utf16(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def _to_unicode(cids: dict[str, int], to_unicode: Callable[[str], str]) -> bytes:
    entries = "".join(f"<{cid:04X}> <{_utf16(to_unicode(unit))}>\n" for unit, cid in cids.items())
    return ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            f"{len(cids)} beginbfchar\n{entries}endbfchar\n"
            "endcmap CMapName currentdict /CMap defineresource pop end end\n").encode()


def _stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def text_pdf(pages: Sequence[Sequence[Run | Rule | Fill]], *, size: tuple[float, float] = (700, 1000),
             ligatures: Sequence[str] = (), to_unicode: Callable[[str], str] = lambda unit: unit) -> bytes:
    """A PDF of ``pages``, each a list of runs (and rules, fills) drawn in order."""
    cids: dict[str, int] = {}
    contents: list[bytes] = []
    for runs in pages:
        ops = []
        for run in runs:
            if isinstance(run, Rule):
                ops.append(f"0.5 w {run.x0:.2f} {run.y0:.2f} m {run.x1:.2f} {run.y1:.2f} l S")
                continue
            if isinstance(run, Fill):
                ops.append(f"{run.grey:g} g {run.x0:.2f} {run.y0:.2f} {run.x1 - run.x0:.2f} {run.y1 - run.y0:.2f} re f")
                continue
            codes = "".join(f"{cids.setdefault(u, len(cids) + 1):04X}" for u in _units(run.text, ligatures))
            cos, sin = math.cos(math.radians(run.angle)), math.sin(math.radians(run.angle))
            ops.append(f"{run.grey:g} g BT /F1 {run.size:g} Tf {cos:.4f} {sin:.4f} {-sin:.4f} {cos:.4f} "
                       f"{run.x:.2f} {run.y:.2f} Tm <{codes}> Tj ET")
        contents.append("\n".join(ops).encode())
    n = len(pages)
    widths = " ".join(f"{cid} [{_advance(unit)}]" for unit, cid in cids.items())
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % (6 + 2 * i) for i in range(n)), n),
               b"<< /Type /Font /Subtype /Type0 /BaseFont /TestSong /Encoding /Identity-H "
               b"/DescendantFonts [4 0 R] /ToUnicode 5 0 R >>",
               b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestSong /CIDToGIDMap /Identity "
               b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 "
               b"/W [%s] /FontDescriptor << /Type /FontDescriptor /FontName /TestSong /Flags 4 "
               b"/FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >> >>"
               % widths.encode(),
               _stream(_to_unicode(cids, to_unicode))]
    for i, content in enumerate(contents):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %g %g] /Contents %d 0 R "
                       b"/Resources << /Font << /F1 3 0 R >> >> >>" % (size[0], size[1], 7 + 2 * i))
        objects.append(_stream(content))
    return pdf_file(objects)


def lines_runs(lines: Sequence[str], *, size: float = 9.0, top: float = 960, left: float = 30,
               leading: float = 13.0, gap: float = 3.0) -> list[Run]:
    """Runs printing ``lines`` top to bottom, a tab a gap of ``gap`` font sizes (a column of a table
    printed without rules)."""
    runs = []
    for i, line in enumerate(lines):
        x, y = left, top - i * leading
        for part in line.split("\t"):
            if part:
                runs.append(Run(part, x, y, size))
            x += width(part, size) + gap * size
    return runs
