"""Read 表二, 表三 and 表四 from their regions (one module per table; this one gathers them).

Each reader returns readings (path → :class:`Reading`) and ambiguities. A cell
that cannot be read with certainty is *missing* or part of an ambiguity: the
verifier, not the reader, decides what the identities pin down.
"""

from __future__ import annotations

from .readings import Readings
from .table2 import read_table2
from .table3 import read_table3
from .table4 import read_table4

__all__ = ["read_table2", "read_table3", "read_table4", "Readings"]
