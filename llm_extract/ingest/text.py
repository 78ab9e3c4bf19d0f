"""Decode a text file: UTF-8 (with or without BOM), UTF-16, GB18030/GBK, never mojibake.

Order of trust: a BOM; then strict UTF-8; then UTF-16 without BOM when the NUL
pattern says so; then GB18030 (a superset of GBK and GB2312) when it decodes
strictly and the result is mostly CJK text; then charset-normalizer's best guess.
Bytes that look binary (NULs with no UTF-16 pattern, control characters) are refused.
"""

from __future__ import annotations

import codecs
import re

from .._exceptions import BinaryDocumentError, EmptyDocumentError

__all__ = ["decode_bytes"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CJK = re.compile(r"[\u4e00-\u9fff]")
# what GBK text decodes to beyond ASCII: ideographs, CJK punctuation, full-width forms
_CJK_TEXT = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u2018-\u201d\u2026\u00b7\u2014]")
_BAD_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _looks_textual(text: str) -> bool:
    if not text:
        return True
    bad = len(_BAD_CONTROL.findall(text))
    return bad / len(text) < 0.01 and "\ufffd" not in text


def _mostly_cjk(text: str) -> bool:
    """Whether nearly every non-ASCII character is Chinese text: GBK bytes under much ASCII markup or
    code (a web page without a charset declaration), where the share of ideographs overall is small."""
    beyond_ascii = sum(1 for c in text if c > "\x7f")
    return beyond_ascii >= 20 and len(_CJK_TEXT.findall(text)) >= 0.95 * beyond_ascii


def _utf16_without_bom(data: bytes) -> str | None:
    if len(data) < 4 or len(data) % 2:
        return None
    even_nuls = data[0::2].count(0) / (len(data) / 2)
    odd_nuls = data[1::2].count(0) / (len(data) / 2)
    # ASCII-heavy UTF-16 has NULs in one half only; CJK-heavy text has few NULs but decodes to CJK
    for enc, ok in (("utf-16-le", odd_nuls > 0.3 and even_nuls < 0.05),
                    ("utf-16-be", even_nuls > 0.3 and odd_nuls < 0.05)):
        if ok:
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                return None
    return None


def decode_bytes(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """Return ``(text, encoding)``; raise a :class:`DocumentError` naming ``path``."""
    if not data.strip():
        raise EmptyDocumentError(path)
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as exc:
                raise BinaryDocumentError(path, f"starts with a {enc} byte-order mark but does not decode: {exc}")
            if not text.strip():
                raise EmptyDocumentError(path)
            return text, enc
    try:
        text = data.decode("utf-8")
        if _looks_textual(text):
            return text, "utf-8"
    except UnicodeDecodeError as exc:
        # a file cut off inside its last character (a truncated download): UTF-8 up to the cut
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3:
            text = data[:exc.start].decode("utf-8", errors="strict")
            if _looks_textual(text):
                return text, "utf-8 (truncated)"
    text16 = _utf16_without_bom(data)
    if text16 is not None and _looks_textual(text16):
        return text16, "utf-16"
    if b"\x00" in data:
        raise BinaryDocumentError(path)
    try:
        text = data.decode("gb18030")
        if _looks_textual(text) and (len(_CJK.findall(text)) >= max(1, len(text) // 20) or _mostly_cjk(text)):
            return text, "gb18030"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        text = str(best)
        if _looks_textual(text):
            return text, best.encoding
    raise BinaryDocumentError(path)
