"""The form the reports fill: its tables, rows, printed labels, columns and identities, as data.

Everything that knows the form reads it from here: the schema's field paths, the
deterministic reader's label patterns, ``verify/``'s identities, the model's answer
schema and prompt, and the renderers in ``llm_extract/synth``. A new form year is one
new module beside :mod:`.y2021` exposing the same names, and one line below. A form that is
recognised but not read (the 2019/2020 form, :mod:`.y2019`) is described by its marks only.
"""

from __future__ import annotations

from .y2019 import FORM_2019
from .y2021 import FORM
from .spec import Column, Form, FormMarks, Identity, Table2Row, Table3Row, Table4Group

__all__ = ["FORM", "FORM_2019", "Form", "FormMarks", "Column", "Table2Row", "Table3Row", "Table4Group",
           "Identity"]
