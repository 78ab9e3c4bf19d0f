"""A copy of a .doc fixture with its WordDocument and table streams edited in place (same sizes):
how the .doc tests make damaged and fast-saved files that no library writes."""

from __future__ import annotations

import shutil
import struct
from collections.abc import Callable
from pathlib import Path

import olefile


def patched_doc(source: Path, dest: Path, edit: Callable[[bytearray, bytearray], None]) -> Path:
    """``source`` copied to ``dest``, ``edit(word, table)`` applied to its two streams."""
    shutil.copy(source, dest)
    with olefile.OleFileIO(str(dest), write_mode=True) as ole:
        word = bytearray(ole.openstream("WordDocument").read())
        table_name = "1Table" if struct.unpack_from("<H", word, 0x0A)[0] & 0x0200 else "0Table"
        table = bytearray(ole.openstream(table_name).read())
        edit(word, table)
        ole.write_stream("WordDocument", bytes(word))
        ole.write_stream(table_name, bytes(table))
    return dest
