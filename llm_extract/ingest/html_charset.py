"""The encoding of an HTML page: :func:`decode_html` reads a BOM, else the charset a ``<meta>`` tag declares
(GBK/GB2312 read as GB18030, their superset), else the detection of :func:`~llm_extract.ingest.text.decode_bytes`.
"""

from __future__ import annotations

import codecs
import re

from .text import TRUNCATED, cut_short, decode_bytes

__all__ = ["decode_html", "declared_charset"]

_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_GB_FAMILY = frozenset({"gb2312", "gbk", "gb18030", "cp936", "x-gbk", "gb_2312-80", "euc-cn", "hz-gb-2312"})
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def declared_charset(data: bytes) -> str | None:
    """The charset a ``<meta>`` tag declares in the first 4 KB, as a Python codec name (GB family → gb18030).

    None when there is none, it is unknown, or it is a single-byte charset (it would decode anything).
    """
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii", "replace").lower()
    if name in _GB_FAMILY:
        return "gb18030"
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    # a single-byte charset decodes any bytes, so it can never be caught lying: detect instead
    return None if codec.startswith(("iso8859", "cp125", "mac-", "latin")) else codec


def decode_html(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """``(text, encoding)`` of an HTML page: BOM, then the declared charset, then detection.

    A declaration that the bytes contradict is not trusted: it must decode them strictly, and
    bytes that are valid UTF-8 with non-ASCII text are UTF-8 whatever the page says (a page
    re-saved as UTF-8 keeps its old ``charset=gb2312``; GBK text is practically never valid UTF-8). A page whose
    only defect is a last character cut short is read without it (:func:`~llm_extract.ingest.text.cut_short`).
    """
    if not data.startswith(_BOMS) and b"\x00" not in data:
        charset = declared_charset(data)
        if charset is not None and charset != "utf-8" and not data.isascii():
            try:
                return data.decode("utf-8"), "utf-8"
            except UnicodeDecodeError:
                if (text := cut_short(data, "utf-8")) is not None:       # (its last character cut short)
                    return text, "utf-8" + TRUNCATED
        if charset is not None:
            try:
                return data.decode(charset), charset
            except UnicodeDecodeError:
                if (text := cut_short(data, charset)) is not None:       # a page cut off inside a character
                    return text, charset + TRUNCATED
                # else the declaration lies: detect
    return decode_bytes(data, path)
