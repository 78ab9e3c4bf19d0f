"""The Document: what every extractor reads."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cached_property

from .radicals import fold_radicals
from .thingroups import thin_grouped_joined

__all__ = ["Document", "file_hash"]

#: a picture in Markdown (``![](/u/cms/…/table.png)``): a converter's reading of a web page's ``<img>``
_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]+\)")


@dataclass(frozen=True)
class Document:
    """A report's text, split into lines (line ``n`` is ``lines[n - 1]``)."""

    doc_id: str
    text: str
    path: str = ""
    source_kind: str = "txt"     # txt, html, ...
    encoding: str = "utf-8"
    meta: dict = field(default_factory=dict, compare=False)
    file_hash: str = field(default="", compare=False)    # of the bytes it was read from (see file_hash)

    @cached_property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    @cached_property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @cached_property
    def pictures(self) -> int:
        """How many pictures the document shows: a web page's ``<img>`` and a Word file's pictures (counted when it
        was read, ``meta["images"]``), Markdown's ``![]()``."""
        if self.source_kind in ("html", "docx"):
            return int(self.meta.get("images") or 0)
        return len(_MD_IMAGE.findall(self.text)) if self.source_kind in ("md", "txt") else 0

    def line(self, number: int) -> str:
        """Line ``number`` (1-based), or '' past the end."""
        return self.lines[number - 1] if 0 < number <= len(self.lines) else ""

    @classmethod
    def from_text(cls, text: str, doc_id: str = "doc", **kw) -> "Document":
        """The Document ``llm-extract extract`` makes of a file holding ``text`` (of ``source_kind``, default
        ``txt``: read as the file reader reads it, its entities and escapes too; see
        :func:`llm_extract.ingest.text_document`); the same record comes of either."""
        from . import text_document      # (the readers import this module)

        return text_document(text, doc_id, **kw)


def file_hash(data: bytes) -> str:
    """The SHA-256 of a file's bytes: a record keeps it, so a resumed run knows an unchanged file unread."""
    return hashlib.sha256(data).hexdigest()


#: characters that print as nothing: zero-width space, non-joiner and joiner, word joiner, byte order mark
#: (WeChat and some editors put them between the spans of a cell: ``4\u200b7`` is 47), soft hyphen
_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")


def normalise_newlines(text: str) -> str:
    """Newlines as ``\n``, characters that print as nothing dropped, a count's thousands grouped by thin spaces
    written without them (:mod:`.thingroups`), and radical code points as the characters they stand for
    (:mod:`.radicals`)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if any(c in text for c in _INVISIBLE_CHARS):      # (a substring search each: 4x faster than the regex's)
        text = _INVISIBLE.sub("", text)
    return fold_radicals(thin_grouped_joined(text))
