"""Grounding of the model's agency and year in the report's title lines.

    ground_title(values, lines, out)

``agency`` is grounded when it is a name (Chinese words only) printed in a title line; ``year`` when
``<year>年`` is printed there. The title lines are the first non-empty lines up to the one naming the 报告 (at most
six). Part of :mod:`verify.grounding` (the tables' cells are grounded there).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from .cellmatch import EXACT, NOT_FOUND
from .grounded import Grounding, normalise

__all__ = ["ground_title"]

_CJK = r"\u3400-\u9fff"
_TITLE_LINES = 6


def _title(lines: Sequence[str]) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for n, line in enumerate(lines, 1):
        text = "".join(normalise(line).split())
        if not text:
            continue
        out.append((n, text))
        if "报告" in text or len(out) >= _TITLE_LINES:
            break
    return out


def ground_title(values: Mapping[str, Any], lines: Sequence[str], out: dict[str, Grounding]) -> None:
    title = _title(lines)
    agency = values.get("agency")
    if agency is not None:
        name = "".join(normalise(str(agency)).split())
        at = next(((n, t) for n, t in title if name and name in t), None)
        if not re.fullmatch(rf"[{_CJK}()（）·]+", name):
            out["agency"] = Grounding(NOT_FOUND, note="not a name: a name is Chinese words only")
        elif at is None:
            out["agency"] = Grounding(NOT_FOUND, note="not in the title")
        else:
            out["agency"] = Grounding(EXACT, [at[0]], at[1][:200], note="in the title")
    year = values.get("year")
    if year is not None:
        at = next(((n, t) for n, t in title if re.search(rf"(?<!\d){year}年", t)), None)
        out["year"] = Grounding(EXACT, [at[0]], at[1][:200]) if at else Grounding(NOT_FOUND, note="not in the title")


