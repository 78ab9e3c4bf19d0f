"""A plain text line's numbers at its end, printed apart where they are one cell, or run together where they are
several: mended before the line is split into its items (``layout._line_plan``).

- ``规章：3、1、14``: a label's numbers listed after its colon, parted by 、: each a cell (an item number's 、, as in
  ``1、属于国家秘密``, is followed by words, never listed so).
- ``行政许可 ３７３ , ９７４``: a number's thousands separators spaced apart (pypdf): one number.
- ``行政事业性收费 ２４２５２ . ３１１０８２``, ``93. 0``: a decimal point spaced apart (pypdf): one number.
"""

from __future__ import annotations

import re

__all__ = ["mended_line_end"]

#: a label's numbers listed after its colon, parted by 、: the line's end, numbers only (each perhaps with its unit 件)
_LISTED = re.compile(r"(?<=[：:])\s*[0-9０-９][0-9０-９.,]*件?(?:\s*、\s*[0-9０-９][0-9０-９.,]*件?)+\s*$")
#: a number ending its line, its thousands separators spaced apart
_SPACED_SEPARATORS = re.compile(r"(?<=\s)[0-9０-９]{1,3}(?:\s+[,，]\s+[0-9０-９]{3})+(?=\s*$)")
#: a number ending its line, its decimal point spaced apart
_SPACED_POINT = re.compile(r"(?<=\s)([0-9０-９]+)(?:\s+[.．]\s*|[.．]\s+)([0-9０-９]+)(?=\s*$)")


def mended_line_end(line: str) -> str:
    """``line`` with the numbers at its end mended (see the module docstring); most lines come back as they are,
    after a character test or two."""
    if "、" in line and ("：" in line or ":" in line):
        line = _LISTED.sub(lambda m: m[0].replace("、", " "), line)
    if "," in line or "，" in line:
        line = _SPACED_SEPARATORS.sub(lambda m: re.sub(r"\s+[,，]\s+", ",", m[0]), line)
    if "." in line or "．" in line:
        line = _SPACED_POINT.sub(r"\1.\2", line)
    return line
