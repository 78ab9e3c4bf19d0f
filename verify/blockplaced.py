"""A model value grounded by its row's place in a block of rows settles the reader's guess about that place.

    settles_place(rule, grounding) -> bool

The reader may place 表三's cells by a guess about the layout that says nothing of which row a line of numbers is:
the region's 175 numbers cut into bands (``READ.T3_REGION_BANDS``), zeros and blanks put in the tool's order
(``READ.BLANK_ORDER_COLUMNS``), rows taken in the form's order (``READ.ROW_ORDER``). A model agreeing with such a
cell proves nothing when its own grounding is the same guess. But where the text prints 表三's labels as one block and
its rows of numbers, one row a line, as the next (:mod:`verify.labelblock`), the grounding reads the labels: the
k-th line of numbers is the k-th label's, the count leaving no doubt, and a cell is grounded there only where no
other row of its identities prints another number in its column (:func:`verify.labelblock.order_doubts`: the tool
printing two rows of one group in the other order would change nothing there). Such a grounding is exactly the
evidence that proves the model's value where the reader read nothing; a reader's guess agreeing with it takes
nothing away. Every other guess (a stacked label, OCR digits, a cut of a run, …) keeps its doubt.

Pure: a rule code and a grounding in, a yes or no out.
"""

from __future__ import annotations

from .grounding import NOT_FOUND, Grounding
from .guesses import ROW_ORDER_RULE, T3_REGION_BANDS_RULE
from .sequence import BLANK_COLUMNS_RULE

__all__ = ["settles_place", "PLACE_GUESSES"]

#: the reader's guesses about which row (or which cell of a block of zeros and blanks) a printed number is
PLACE_GUESSES = frozenset({T3_REGION_BANDS_RULE, BLANK_COLUMNS_RULE, ROW_ORDER_RULE})


def settles_place(rule: str, grounding: Grounding | None) -> bool:
    """Whether the model's grounding, its row's line in a block of rows with no swap of rows in doubt, settles the
    reader's guess ``rule`` about the cell's place."""
    return (rule in PLACE_GUESSES and grounding is not None and grounding.status != NOT_FOUND
            and grounding.by_block)
