"""What a grounding is: where a model value was found in the source text, and how (:mod:`verify.grounding`).

``Grounding.status`` is ``exact``, ``digit_run`` or ``not_found`` (:mod:`verify.cellmatch`); the lines and text
matched go into the field's provenance. ``normalise`` is the character normalisation every grounding matches on.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any

from .cellmatch import NOT_FOUND

__all__ = ["Grounding", "normalise"]


@dataclass(frozen=True)
class Grounding:
    """Where a model value was found in the source text, and how."""

    status: str                                   # exact | digit_run | not_found
    lines: list[int] = field(default_factory=list)   # 1-based source lines (label and numbers)
    text: str = ""                                # the matched text (label and what follows it)
    label: str = ""                               # the printed label matched
    note: str = ""
    #: a model's 0 in a row printing only zeros, its blanks as nothing: not found where the model puts it, yet 0 or
    #: blank wherever the blanks are (the identities count both as 0; :mod:`verify.modelpinned`)
    zero_or_blank: bool = False
    by_block: bool = False      # found on its row's line in a block of rows, no swap in doubt (verify/labelblock.py)
    #: a model's blank found where its row, printing a mark for every blank cell (0 0 无 0 0 0 0), marks it
    blank_marked: bool = False
    #: a digit run marking its blanks (``1550/0/18173``): its pieces, digits and None for each mark, for the cut
    #: search to place the blanks by the text (:mod:`verify.runs`)
    pieces: tuple[str | None, ...] = ()

    @property
    def grounded(self) -> bool:
        return self.status != NOT_FOUND

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"status": self.status, "lines": list(self.lines), "text": self.text}
        if self.label:
            out["label"] = self.label
        if self.note:
            out["note"] = self.note
        if self.zero_or_blank:
            out["zero_or_blank"] = True
        if self.by_block:
            out["by_block"] = True
        if self.blank_marked:
            out["blank_marked"] = True
        return out


def normalise(text: str) -> str:
    """NFKC (full-width digits, brackets and punctuation to ASCII)."""
    return unicodedata.normalize("NFKC", text)
