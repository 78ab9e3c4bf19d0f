"""A small PDF writer for tests: lines of text (cells separated by tabs) on one page, in a CID font.

It writes what PDFs from other producers hold, so that ingest can be tested on them without
fixtures on disk:

* ``ocr=True``: a scan as Acrobat or ABBYY leave it after OCR, an image of the page under the
  text drawn invisibly (render mode 3);
* ``to_unicode``: how the font maps its codes back to text: ``"unicode"`` (a proper ToUnicode
  map), ``"none"`` (no map: pdfminer gives ``(cid:N)``), ``"pua"`` (a map to private-use code
  points), ``"guessed"`` (what a character collection's table makes of codes that are not its own:
  kana and full-width letters), ``"ascii"`` (the same for digits: ``W X ^``), and
  ``digits_to_unicode`` the same for the digits only (labels readable, numbers not).

No glyph program is embedded: text extraction reads the codes and the ToUnicode map only.
"""

from __future__ import annotations

import zlib

from tests.pdf_file import pdf_file

__all__ = ["text_pdf"]

_PAGE_W, _PAGE_H = 595, 842
_SIZE = 7                      # font size: every glyph is one em (DW 1000) wide
_LEADING = 12
_FIRST_CELL_X, _CELL_X, _CELL_STEP = 30, 230, 50


def _cmap(mapping: dict[int, str]) -> bytes:
    lines = ["/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
             "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
             "/CMapName /Test-UCS def /CMapType 2 def",
             "1 begincodespacerange <0000> <FFFF> endcodespacerange"]
    items = sorted(mapping.items())
    for i in range(0, len(items), 100):
        chunk = items[i:i + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        lines += [f"<{cid:04X}> <{''.join(f'{u:04X}' for u in _utf16(text))}>" for cid, text in chunk]
        lines.append("endbfchar")
    lines += ["endcmap CMapName currentdict /CMap defineresource pop end end"]
    return "\n".join(lines).encode("ascii")


def _utf16(text: str) -> list[int]:
    data = text.encode("utf-16-be")
    return [int.from_bytes(data[i:i + 2], "big") for i in range(0, len(data), 2)]


def _font(name: str, to_unicode: int | None) -> bytes:
    """A Type0 font over one CIDFontType2 without a program; ``to_unicode`` its map's object number."""
    tu = b" /ToUnicode %d 0 R" % to_unicode if to_unicode is not None else b""
    return (b"<< /Type /Font /Subtype /Type0 /BaseFont /" + name.encode() + b" /Encoding /Identity-H"
            b" /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /" + name.encode() +
            b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
            b" /FontDescriptor << /Type /FontDescriptor /FontName /" + name.encode() +
            b" /Flags 4 /FontBBox [0 -200 1000 800] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700"
            b" /StemV 80 >> /DW 1000 /CIDToGIDMap /Identity >>]" + tu + b" >>")


def text_pdf(lines: list[str], *, ocr: bool = False, background: bool = False, to_unicode: str = "unicode",
             digits_to_unicode: str | None = None, producer: str = "llm-extract tests",
             picture: tuple[bytes, int, int, tuple[float, float, float, float]] | None = None) -> bytes:
    """One page holding ``lines`` (a tab starts the next cell: labels at the left, numbers in columns);
    ``background``: a picture under visible text (a letterhead), as a born-digital page may have;
    ``picture``: a greyscale JPEG (its bytes, width and height in pixels) drawn at ``(x, y, w, h)`` (points from
    the page's lower left corner) beside the text, as a table pasted as a picture is."""
    chars = sorted({c for line in lines for c in line if c not in "\t"})
    cid = {c: i + 1 for i, c in enumerate(chars)}
    digits = {c for c in chars if c.isdigit() or c == "."}
    shown = b"3 Tr " if ocr else b""
    ops = []
    y = _PAGE_H - 40
    for line in lines:
        cells = line.split("\t")
        for k, cell in enumerate(cells):
            if not cell:
                continue
            x = _FIRST_CELL_X if k == 0 else _CELL_X + _CELL_STEP * (k - 1)
            font = b"/F2" if digits_to_unicode is not None and all(c in digits for c in cell) else b"/F1"
            codes = "".join(f"{cid[c]:04X}" for c in cell)
            ops.append(b"BT %s %d Tf %s1 0 0 1 %d %d Tm <%s> Tj ET" % (font, _SIZE, shown, x, y, codes.encode()))
        y -= _LEADING
    content = b"\n".join(ops)
    if ocr or background:
        content = b"q %d 0 0 %d 0 0 cm /Im0 Do Q\n" % (_PAGE_W, _PAGE_H) + content
    if picture is not None:
        x, y, w, h = picture[3]
        content += b"\nq %.2f 0 0 %.2f %.2f %.2f cm /Im1 Do Q" % (w, h, x, y)
    content = zlib.compress(content)

    def mapping(kind: str) -> dict[int, str] | None:
        if kind == "none":
            return None
        if kind == "pua":
            return {i: chr(0xE000 + i) for i in cid.values()}
        if kind == "guessed":
            return {i: chr(0xFF41 + i % 26) if i % 2 else chr(0x3041 + i % 80) for i in cid.values()}
        if kind == "ascii":
            return {i: chr(0x56 + i % 10) for i in cid.values()}
        return {i: c for c, i in cid.items()}

    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    def stream(data: bytes, extra: bytes = b"") -> bytes:
        return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"

    fonts = {}
    for key, kind in (("F1", to_unicode), ("F2", digits_to_unicode)):
        if kind is None:
            continue
        m = mapping(kind)
        tu = add(stream(_cmap(m))) if m is not None else None
        fonts[key] = add(_font("ABCDEF+TestSong", tu))
    image = add(stream(b"\x80", b" /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray"
                                b" /BitsPerComponent 8")) if ocr or background else None
    pasted = add(stream(picture[0], b" /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray"
                                    b" /BitsPerComponent 8 /Filter /DCTDecode" % (picture[1], picture[2]))) \
        if picture is not None else None
    contents = add(stream(content, b" /Filter /FlateDecode"))
    resources = b"<< /Font << " + b" ".join(b"/%s %d 0 R" % (k.encode(), n) for k, n in fonts.items()) + b" >>"
    xobjects = ([b"/Im0 %d 0 R" % image] if image is not None else []) + \
        ([b"/Im1 %d 0 R" % pasted] if pasted is not None else [])
    if xobjects:
        resources += b" /XObject << " + b" ".join(xobjects) + b" >>"
    resources += b" >>"
    pages_no = len(objects) + 2
    page = add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R /Resources %s >>"
               % (pages_no, _PAGE_W, _PAGE_H, contents, resources))
    assert add(b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % page) == pages_no
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_no)
    info = add(b"<< /Producer (" + producer.encode("latin-1") + b") >>")
    return pdf_file(objects, root=catalog, info=info, header=b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
