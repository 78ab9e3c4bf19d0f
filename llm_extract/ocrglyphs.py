"""The letters an OCR engine prints for digits: ``O``/``o``/``D`` for 0, ``I``/``l`` for 1, ``S`` for 5,
``B`` for 8 (a scan's 0 read as D is as common as O in some fonts), ``b`` for 6, ``s`` for 5; beside a digit also
``|`` for 1.

One list for the reader (a cell of digits and such letters is an OCR cell, :mod:`llm_extract.extract.cells`)
and for the verifier (a text with several such cells was OCR'd, ``verify/trust.py``).
"""

from __future__ import annotations

__all__ = ["OCR_LETTERS", "OCR_MARKS", "OCR_ANCHORED", "OCR_MAP", "FULLWIDTH_OCR_LETTERS", "OCR_HANZI", "OCR_HANZI_DIGITS",
           "OCR_SLOT_GLYPHS"]

#: the letters, as a regex character class body and a string
OCR_LETTERS = "OoDIlSBbs"
#: marks an OCR engine prints for digits only beside a digit that anchors them (``|,213``, ``9|8``): alone,
#: ``|`` is a table rule (``0 | 0``)
OCR_MARKS = "|"
#: the letters and marks read as digits inside a token that holds a digit (a regex character class body)
OCR_ANCHORED = OCR_LETTERS + OCR_MARKS
#: letter → the digit it stands for (``str.translate`` table)
OCR_MAP = str.maketrans({"O": "0", "o": "0", "D": "0", "I": "1", "l": "1", "S": "5", "B": "8",
                         "|": "1", "b": "6", "s": "5"})
#: the same letters in full width (ＯｏＤＩｌＳＢ), as an OCR'd text may print them before normalisation
FULLWIDTH_OCR_LETTERS = "".join(chr(ord(c) + 0xFEE0) for c in OCR_LETTERS)

#: characters an OCR engine prints for the form's own, that the form's labels never hold (行玫许可, 处埋, 公幵: 幵
#: U+5E75, drawn as 开): a label
#: is matched as the form's character (``str.translate`` table). (Not 外 for 处, 行政外罚: 外 is in words the
#: matching reads too, the 2019 form's 对外公开总数量; the form's 行政处罚 pattern takes 外 itself.)
OCR_HANZI = str.maketrans({"玫": "政", "埋": "理", "幵": "开"})

#: a Chinese character an OCR engine prints for a digit, standing alone where a number belongs (tesseract's chi_sim
#: reads a table's 1 as 工: ``一、本年新收政府信 工 工 0 0 0 0 2``): like a cell of letters only, no digit anchors it
OCR_HANZI_DIGITS = {"工": 1}

#: a glyph tesseract (``chi_sim+eng``) prints for a ruled cell's digit, standing alone where a number belongs: ``Z`` for
#: 2 (``0 2 0 0 Z``), ``©`` and ``@`` for a 0 boxed by its rules (``© | © 0 0 0 0|0``). No digit anchors it, so as a
#: cell of letters only it is a number's place, its digit a guess riding along (never read inside a token: ``Z0`` is
#: no 20)
OCR_SLOT_GLYPHS = {"Z": 2, "©": 0, "@": 0}
