"""A record file's agency and year, read from its first bytes (what cross-year linking needs).

Records are written compact with the golden shape first (``{"doc_id": …, "agency": …,
"year": …, …``), so the key is in the first line's head: reading it costs a small read and
a regex instead of parsing a whole record of tens of kilobytes. A record written
otherwise (indented by hand, reordered) is parsed in full.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

__all__ = ["record_key"]

_HEAD = 4096
_KEY = re.compile(r'^\{"doc_id": ("(?:[^"\\]|\\.)*"), "agency": ("(?:[^"\\]|\\.)*"|null), "year": (\d+|null)[,}]')


def record_key(path: Path) -> tuple[str | None, int | None]:
    """``(agency, year)`` of the record at ``path`` (None for what it does not say)."""
    with open(path, "rb") as fh:
        head = fh.read(_HEAD).decode("utf-8", errors="ignore")
    m = _KEY.match(head)
    if m:
        agency, year = json.loads(m.group(2)), json.loads(m.group(3))
    else:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        agency, year = data.get("agency"), data.get("year")
    return (agency if isinstance(agency, str) else None), (year if isinstance(year, int) else None)
