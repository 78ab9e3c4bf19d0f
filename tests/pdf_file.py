"""A PDF file from its numbered objects (object ``i`` is ``objects[i - 1]``): header, bodies,
cross-reference table and trailer, as the test PDF writers need it (one place for the file format)."""

from __future__ import annotations

from collections.abc import Sequence


def pdf_file(objects: Sequence[bytes], *, root: int = 1, info: int | None = None,
             header: bytes = b"%PDF-1.4\n") -> bytes:
    out, offsets = bytearray(header), []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    trailer = b"/Size %d /Root %d 0 R" % (len(objects) + 1, root) + (b" /Info %d 0 R" % info if info else b"")
    out += b"trailer\n<< " + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)
