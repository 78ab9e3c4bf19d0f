"""The form the reports fill: its tables, rows, printed labels, columns and identities, as data.

Everything that knows the form reads it from here: the schema's field paths, the
deterministic reader's label patterns, ``verify/``'s identities, the model's answer
schema and prompt, and the renderers in ``llm_extract/synth``. A new form year is one
new module beside :mod:`.y2021` exposing the same names, and one line below.
"""

from __future__ import annotations

from .y2021 import FORM
from .spec import Column, Form, Identity, Table2Row, Table3Row, Table4Group

__all__ = ["FORM", "Form", "Column", "Table2Row", "Table3Row", "Table4Group", "Identity"]
