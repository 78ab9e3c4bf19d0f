"""Decode a text file: UTF-8 (with or without BOM), UTF-16, GB18030/GBK, never mojibake.

Order of trust: a BOM; then strict UTF-8; then UTF-16 without BOM when the NUL
pattern says so; then Big5 (as Microsoft's cp950, its superset, decodes it; named ``big5``) when it decodes
strictly into a report's words in traditional characters
(:func:`.traditional.big5_report`); then GB18030 (a superset of GBK and GB2312) when it decodes
strictly and the result is mostly CJK text; then charset-normalizer's best guess.
Bytes that look binary (NULs with no UTF-16 pattern, control characters) are refused.

A file whose only defect is a last character cut short (a download cut off, a crawler's dump truncated at a byte
limit: the bytes of one character split by the cut) is read in each of these encodings without that character;
its encoding is then named with :data:`TRUNCATED` after it (``"gb18030 (truncated)"``), for ingest's warning.

A UTF-8 text holding a few U+FFFD (a crawler or converter decoded it with replacement before saving: ``政府信�公开``)
is read as it stands when the replacement characters are few (:func:`_few_replacements`; the digits of a GBK or
UTF-8 text are one byte each, never turned into U+FFFD), or stand on a few of its lines only (a run of lines decoded
so: :func:`_replacements_confined`): the encoding is then named with :data:`REPLACED` after it, for ingest's warning.
Many of them (a whole text decoded in the wrong encoding with replacement) are refused.

A text saved after its bytes were read in a one-byte code page (mojibake: ``æ”¿åºœ`` for 政府, a crawler's or
converter's wrong guess) is given back as it was written when exactly that undoes it (:func:`repaired_mojibake`).
"""

from __future__ import annotations

import codecs
import re

from .._exceptions import BinaryDocumentError, EmptyDocumentError
from .traditional import big5_report

__all__ = ["decode_bytes", "repaired_mojibake", "cut_short", "TRUNCATED", "REPLACED", "replacements_trimmed"]

#: after an encoding's name: the file ended inside a character, which was dropped (:func:`cut_short`)
TRUNCATED = " (truncated)"
#: after an encoding's name: the text holds a few U+FFFD saved in it (:func:`_few_replacements`)
REPLACED = " (replacement characters)"
#: the most U+FFFD, per hundred characters that are not white space, of a text read with them
_REPLACEMENT_SHARE = 5
#: what a decoder says of bytes that end inside a character: UTF-8 and UTF-16's, the CJK codecs' and UTF-16's odd byte
_CUT_REASONS = frozenset({"unexpected end of data", "incomplete multibyte sequence", "truncated data"})

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: a run of ideographs: counted by runs, a text's characters are counted ten times faster than one by one
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
#: the characters of a text's head counted first (a Chinese text shows its ideographs at once)
_PROBE_CHARS = 400
# what GBK text decodes to beyond ASCII: ideographs, CJK punctuation, full-width forms
_CJK_TEXT = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u2018-\u201d\u2026\u00b7\u2014]")
_PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]")
_BAD_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0e, 0x20), 0x7f])     # the same, as bytes


def _looks_textual(text: str, utf8: bytes | None = None) -> bool:
    """Text, not binary: few control characters, no U+FFFD. ``utf8``, the bytes ``text`` was decoded from as
    UTF-8, has the same control characters, each a byte of its own, counted four times faster."""
    if not text:
        return True
    if utf8 is not None:
        bad = len(utf8) - len(utf8.translate(None, _CONTROL_BYTES))
    else:
        bad = len(_BAD_CONTROL.findall(text))
    return bad / len(text) < 0.01 and "\ufffd" not in text


def _few_replacements(text: str) -> bool:
    """Whether ``text``, valid UTF-8, is a Chinese text but for a few U+FFFD saved in it (a crawler's or converter's
    decoding with replacement: stray characters lost, a share below :data:`_REPLACEMENT_SHARE` %, or more on a few
    lines only: :func:`_replacements_confined`), with no more control characters than a text holds."""
    bad = text.count("\ufffd")
    printed = len(text) - sum(text.count(c) for c in " \t\r\n\u3000")
    if not bad or not _looks_textual(text.replace("\ufffd", "")) or not _one_in_twenty_cjk(text):
        return False
    return bad * 100 < _REPLACEMENT_SHARE * printed or _replacements_confined(text)


def _replacements_confined(text: str) -> bool:
    """Whether the U+FFFD of ``text``, too many to be stray, stand on some lines only (a run of lines saved from
    GBK bytes decoded as UTF-8 with replacement, a pasted piece): the lines free of them hold half its printed
    characters at least, and are Chinese text (one ideograph in twenty). A text decoded whole in the wrong encoding
    has them on every line of words: its lines free of them are digits and markup."""
    clean = "".join(line for line in text.splitlines() if "\ufffd" not in line)
    clean = "".join(clean.split())
    printed = len(text) - sum(text.count(c) for c in " \t\r\n\u3000")
    return bool(clean) and len(clean) * 2 >= printed and _ideographs(clean) * 20 >= len(clean)


#: U+FFFD opening or closing a word (after a line's start or a space, before its words; after the words, before a
#: space or the line's end), never beside a digit: the trace of a character lost at a cell's edge. A character that
#: prints as nothing (a zero-width space, dropped later) is no word: ``⇥\ufffd\u200b`` is a cell that lost its
#: whole count, not a word's edge
_NO_WORD = "\\d\\s\ufffd\u200b\u200c\u200d\u2060\ufeff\u00ad"
_EDGE_REPLACEMENTS = re.compile(rf"(?:(?<=^)|(?<=\s))\ufffd+(?=[\u200b-\u200d\u2060\ufeff\u00ad]*[^{_NO_WORD}])"
                                rf"|(?<=[^{_NO_WORD}])\ufffd+(?=\s|$)", re.M)


def replacements_trimmed(text: str) -> str:
    """``text`` without the U+FFFD at a word's edge (``��（七）总计`` → ``（七）总计``: a label reads by its words);
    those inside a word, alone in a cell or beside a digit stay (that cell is no number: left to review)."""
    return _EDGE_REPLACEMENTS.sub("", text)


def _ideographs(text: str) -> int:
    """How many ideographs ``text`` holds."""
    return sum(map(len, _CJK_RUN.findall(text)))


def _one_in_twenty_cjk(head: str) -> bool:
    """Whether at least one character in twenty of ``head`` is an ideograph. Those of its first characters
    are counted first: when they are enough already (nearly every Chinese text), the rest need no count."""
    return _ideographs(head[:_PROBE_CHARS]) * 20 >= len(head) or _ideographs(head) * 20 >= len(head)


def _mostly_cjk(text: str) -> bool:
    """Whether nearly every non-ASCII character is Chinese text: GBK bytes under much ASCII markup or
    code (a web page without a charset declaration), where the share of ideographs overall is small."""
    beyond_ascii = sum(1 for c in text if c > "\x7f")
    return beyond_ascii >= 20 and len(_CJK_TEXT.findall(text)) >= 0.95 * beyond_ascii


def _user_defined(text: str) -> bool:
    """Whether one in a hundred characters beyond ASCII is in the private use area: GB18030 decodes the user-defined
    areas of GBK there, where a Chinese text has next to none (the 2,000 wild reports: 4 in 10,000 at most), while
    Big5 bytes read as GBK land there by the hundred (the text is mojibake: another encoding is guessed)."""
    beyond = sum(1 for c in text if c > "\x7f")
    return beyond > 0 and len(_PRIVATE_USE.findall(text)) * 100 >= beyond


def cut_short(data: bytes, encoding: str) -> str | None:
    """The text of ``data`` in ``encoding`` when its one defect is a last character cut short (at most 3 of its
    bytes left, nothing after them), that character dropped; None when ``data`` decodes whole or is wrong elsewhere."""
    if encoding == "utf-8-sig" and data.startswith(codecs.BOM_UTF8):    # (whose errors count from after the BOM)
        return cut_short(data[len(codecs.BOM_UTF8):], "utf-8")
    try:
        data.decode(encoding)
        return None
    except UnicodeDecodeError as exc:
        if exc.reason not in _CUT_REASONS or exc.end != len(data) or exc.end - exc.start > 3:
            return None
        cut = exc.start
    try:
        return data[:cut].decode(encoding)
    except UnicodeDecodeError:
        return None


def _strict_or_cut(data: bytes, encoding: str) -> tuple[str, str] | None:
    """``(text, encoding)`` of ``data`` decoded whole, else cut short (:func:`cut_short`: the encoding then
    names it :data:`TRUNCATED`); None when neither reads it."""
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        text = cut_short(data, encoding)
        return None if text is None else (text, encoding + TRUNCATED)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    if len(data) < 4:
        return None
    data_even = data[:len(data) - len(data) % 2]  # (an odd byte at the end: a character cut short, see cut_short)
    even_nuls = data_even[0::2].count(0) / (len(data_even) / 2)
    odd_nuls = data_even[1::2].count(0) / (len(data_even) / 2)
    # ASCII-heavy UTF-16 has NULs in one half only; CJK-heavy text has few NULs but decodes to CJK
    for enc, ok in (("utf-16-le", odd_nuls > 0.3 and even_nuls < 0.05),
                    ("utf-16-be", even_nuls > 0.3 and odd_nuls < 0.05)):
        if ok:
            read = _strict_or_cut(data, enc)
            return None if read is None else (read[0], "utf-16" + read[1].removeprefix(enc))
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
                text = cut_short(data, enc)
                if text is None:
                    raise BinaryDocumentError(path, f"starts with a {enc} byte-order mark but does not decode: {exc}")
                enc += TRUNCATED
            if not text.strip():
                raise EmptyDocumentError(path)
            return text, enc
    utf8: str | None = None             # the text, where the bytes are UTF-8 (to say why it was refused)
    try:
        text = utf8 = data.decode("utf-8")
        if _looks_textual(text, data):
            return repaired_mojibake(text) or (text, "utf-8")
        if _few_replacements(text):        # stray U+FFFD saved in it: read, warned of (REPLACED)
            return text, "utf-8" + REPLACED
    except UnicodeDecodeError:
        # a file cut off inside its last character (a truncated download): UTF-8 up to the cut
        text = cut_short(data, "utf-8")
        if text is not None and _looks_textual(text):
            return text, "utf-8" + TRUNCATED
    read = _utf16_without_bom(data)
    if read is not None and _looks_textual(read[0]):
        return read
    if b"\x00" in data:
        raise _refused(path, utf8, data)
    if (big5 := big5_report(data)) is not None:    # (before GB18030, which decodes Big5's bytes too: into nonsense)
        return big5, "big5"
    read = _strict_or_cut(data, "gb18030")
    if read is not None:
        text = read[0]
        if _looks_textual(text) and (_ideographs(text) >= max(1, len(text) // 20) or _mostly_cjk(text)) \
                and not _user_defined(text):
            return read
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        text = str(best)
        if _looks_textual(text):
            return repaired_mojibake(text) or (text, best.encoding)
    if data[-1] >= 0x80:        # the lead byte of a two-byte character cut short (Big5): detected without it
        best = from_bytes(data[:-1]).best()
        read = None if best is None else _strict_or_cut(data, best.encoding)
        if read is not None and _looks_textual(read[0]):
            return read
    raise _refused(path, utf8, data)


#: the most bytes that make no character in a text otherwise UTF-8 for which the error says so (more: binary)
_FEW_BAD_BYTES = 16


def _refused(path: str, utf8: str | None, data: bytes) -> BinaryDocumentError:
    """The error for bytes no encoding reads as text; for valid UTF-8 whose control characters refused it, saying
    so (a terminal's colour codes, NUL bytes: "binary" alone sends the user looking for the wrong fault); for UTF-8
    text but for a few bytes that make no character (a file damaged in the middle), where the first of them is."""
    if utf8 is None:
        return _damaged_utf8(path, data) or BinaryDocumentError(path)
    bad = len(_BAD_CONTROL.findall(utf8))
    if not bad and (lost := utf8.count("\ufffd")):
        return BinaryDocumentError(path, f"valid UTF-8, but {lost} of its {len(utf8)} characters are replacement "
                                         "characters (U+FFFD), on most of its lines: it was decoded in the wrong "
                                         "encoding with replacement before it was saved, its words are lost; fetch "
                                         "it again from its source")
    return BinaryDocumentError(path, f"valid UTF-8, but {bad} of its {len(utf8)} characters are control characters "
                                     f"({', '.join(sorted({f'U+{ord(c):04X}' for c in _BAD_CONTROL.findall(utf8)})[:4])}: "
                                     "a terminal's colour codes, NUL bytes?), more than text holds; remove them and "
                                     "run again")


def _damaged_utf8(path: str, data: bytes) -> BinaryDocumentError | None:
    """The error for UTF-8 text in which a few bytes (:data:`_FEW_BAD_BYTES` at most) make no character, naming the
    first one's byte offset and line; None for bytes that are not such a text."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if not bad or bad > _FEW_BAD_BYTES or not _looks_textual(text.replace("\ufffd", "")):
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return BinaryDocumentError(path, f"UTF-8 text but for {bad} place{'s' if bad > 1 else ''} where bytes make no "
                                         f"character, the first at byte {exc.start} (line {line}: {exc.reason}): a "
                                         "damaged file or pieces of files joined, not binary; fetch or "
                                         "save it again")
    return None


#: one-byte code pages a Chinese text's bytes are wrongly read in (a crawler's or a converter's guess, such as
#: charset-normalizer's for a GBK page without a charset), most common first: Western, Central European, Cyrillic,
#: Greek, Turkish, Baltic (Windows, ISO and Mac forms), then the DOS pages (Western, Central European, Cyrillic,
#: Greek, Turkish, Baltic, Nordic, Portuguese)
_ONE_BYTE = ("cp1252", "latin-1", "cp1250", "cp1251", "cp1253", "cp1254", "cp1257", "iso8859-2", "iso8859-5",
             "iso8859-7", "mac_roman", "mac_greek", "mac_cyrillic", "mac_latin2", "cp437", "cp850", "cp852",
             "cp855", "cp866", "cp737", "cp857", "cp775", "cp865", "cp860", "koi8_r")
#: the characters such a misreading turns a Chinese text's bytes into (Latin-1 supplement to Cyrillic, the
#: punctuation block, box drawing): the text holds many of them and almost no Chinese
_MISREAD = re.compile(r"[\u00a0-\u04ff\u2010-\u2122\u2500-\u25ff]")


def repaired_mojibake(text: str) -> tuple[str, str] | None:
    """A Chinese text whose GBK or UTF-8 bytes were read in a one-byte code page and saved again
    (``ΜΕ”≠ΖΟΈ`` for 欢迎访问, ``æ”¿åºœ`` for 政府: a crawler's or converter's wrong guess): the text as its
    bytes were written, and ``"gb18030 read as mac_greek"`` or the like; ``None`` when the text reads as Chinese
    already, shows too few misread characters, or no code page gives back a mostly Chinese text (every byte
    kept: a misreading that lost bytes to ``?`` is not undone)."""
    head = text[:4000]                  # (a Chinese text shows it at once: most texts stop here)
    if _one_in_twenty_cjk(head) or len(_MISREAD.findall(text)) < 40:
        return None
    best: tuple[int, str, str] | None = None
    for page in _ONE_BYTE:
        try:
            data = text.encode(page)
        except UnicodeEncodeError:
            continue
        for target in ("utf-8", "gb18030"):
            try:
                fixed = data.decode(target)
            except UnicodeDecodeError:
                continue
            cjk = _ideographs(fixed)
            if _looks_textual(fixed) and _mostly_cjk(fixed) and (best is None or cjk > best[0]):
                best = (cjk, fixed, f"{target} read as {page}")
    return (best[1], best[2]) if best is not None else None
